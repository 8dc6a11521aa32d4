"""Names as a ticket or a passport writes them: capital Latin letters, a title perhaps
("MS KAMONWAN SAENGTHONG", "MSTR PHUMIPAT SAENGTONG", "MR JOHN SMITH").

Airlines, hotels and embassies spell names this way whatever the language of the chat,
so in a Thai or Persian message two or three capitalised words are a name on a ticket;
in Latin-script text, where capitals may be shouting, only with a title before them.
Each passenger is a subject of their own (``passenger_name``, ``passenger_name_2`` …); a
name spelled again with one letter changed («ต้องเป็น KAMONWAN SAENGTONG») is the same
passenger's name put right.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from domain.memory.offline.holder_names import NameOnRecord

_TITLE = r"(?:MR|MRS|MS|MISS|MSTR|DR)"
_WORD = r"[A-Z]{2,}(?:-[A-Z]{2,})?(?![\w-])"
_NAME = re.compile(
    rf"(?<![A-Za-z])(?:(?P<title>{_TITLE})\s+)?(?P<name>{_WORD}(?:\s+{_WORD}){{1,2}})(?![A-Za-z])"
)
_NON_LATIN_SCRIPT = re.compile(r"[\u0600-\u06ff\u0e00-\u0e7f]")
#: How alike two spellings of one passenger's name are (difflib ratio, titles left out).
SAME_PASSENGER = 0.8
KEY = "passenger_name"
MAX_PASSENGERS = 9


#: Words that say a name is what is being talked about: a passenger, a ticket, a passport.
_NAME_TALK = re.compile(
    r"ผู้โดยสาร|ชื่อ|ตั๋ว|พาสปอร์ต|หนังสือเดินทาง|مسافر|اسم|نام|بلیت|بلیط|پاسپورت", re.IGNORECASE
)


def ticket_names(text: str, known: dict[str, str]) -> list[NameOnRecord]:
    """Names in capitals in ``text``, the title kept when there is one. Without a title a
    name needs a script that does not write in capitals, and words about names or a
    passenger already ``known`` by it ("FOODGO REFUND" on a statement is no one)."""
    script_says_name = _NON_LATIN_SCRIPT.search(text) is not None
    talks_of_names = _NAME_TALK.search(text) is not None
    found = []
    for match in _NAME.finditer(text):
        if match.group("title") is None and not (
            script_says_name and (talks_of_names or _known_passenger(match.group(), known))
        ):
            continue
        if match.group("title") is None and match.group("name").split()[0] in _TITLES:
            continue
        found.append(NameOnRecord(match.start(), match.end(), match.group()))
    return found


_TITLES = frozenset({"MR", "MRS", "MS", "MISS", "MSTR", "DR"})


def bare(name: str) -> str:
    """A name without its title."""
    words = name.split()
    return " ".join(words[1:] if words and words[0] in _TITLES else words)


def same_passenger(new: str, known: str) -> bool:
    a, b = bare(new), bare(known)
    return a == b or SequenceMatcher(None, a, b).ratio() >= SAME_PASSENGER


def passenger_key(name: str, current: dict[str, str]) -> str:
    """The key of the passenger ``name`` names: the one already holding the same name
    (perhaps misspelled), else the first free one. ``current`` maps keys to values."""
    variants = [KEY, *(f"{KEY}_{n}" for n in range(2, MAX_PASSENGERS + 1))]
    for variant in variants:
        if variant in current and same_passenger(name, current[variant]):
            return variant
    return next((v for v in variants if v not in current), variants[-1])


def _known_passenger(name: str, known: dict[str, str]) -> bool:
    return any(key.startswith(KEY) and same_passenger(name, value) for key, value in known.items())
