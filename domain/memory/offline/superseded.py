"""Old values a change names only by its new one, free text included.

"Changed to the Pool Villa", «متفورمین ۱۰۰۰ … جایگزین شد», «เส้นทางสาย D»: a
change often says only the new value, and the old one ("Deluxe Sea View",
«متفورمین ۵۰۰», «สาย B») is no fact the memory holds, so nothing would mark a
summary that still quotes it. A value said with a word before it (its head:
"room", «متفورمین», «สาย») replaces the last value said earlier with the same
head: the earlier "head value" is returned as replaced. Only a sentence that
changes something (a correction or update cue) replaces; a repeat replaces nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.memory.offline.dialogue import is_update
from domain.memory.offline.lexicon import ENGLISH_STOP_WORDS, PERSIAN_STOP_WORDS
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.values import FA_LETTERS

#: Words that put a new value in place of another, beyond the correction and update cues.
_REPLACING = re.compile(
    r"(?<![A-Za-z])(?:replac(?:e|ed|es|ing)|swap(?:ped)?|switch(?:ed)?)(?![A-Za-z])"
    rf"|(?<![{FA_LETTERS}])(?:جایگزین|جاش)",
    re.IGNORECASE,
)

_DIGIT = r"[0-9\u06f0-\u06f9\u0660-\u0669\u0e50-\u0e59]"
#: A value named after its head: capitalized Latin words ("Pool Villa", "B"), or a number
#: («۵۰۰», "1208") after a word of a spaced script.
#: (A lookahead, so that a value is also the head of the next: "to Room 14";
#: one line only: a summary's next line starts with a speaker's label, "User:".)
_NAMED = re.compile(
    r"(?<!\S)(?=(?P<head>[^\s\d\u06f0-\u06f9\u0660-\u0669\u0e50-\u0e59]+) "
    rf"(?P<value>[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)*(?![A-Za-z0-9]|:)"
    rf"|{_DIGIT}+(?:[.,٬/:]{_DIGIT}+)*(?!{_DIGIT})))"
)
_ASCII_DIGITS = str.maketrans(
    {chr(zero + d): str(d) for zero in (0x06F0, 0x0660, 0x0E50) for d in range(10)}
)
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_EDGE_PUNCTUATION = "\"'“”«»()[]{}.,;:!?،؛؟"
#: Letters a Thai head (no spaces between its words) must share with another to be the same.
MIN_THAI_HEAD = 3
#: Letters a head of a spaced script needs to say what its value is ("Room", «قیمت»).
MIN_HEAD = 3
_STOP_WORDS = ENGLISH_STOP_WORDS | PERSIAN_STOP_WORDS


@dataclass(frozen=True)
class _Named:
    head: str
    value: str
    thai: bool


def _named_in(text: str) -> list[_Named]:
    found = []
    for match in _NAMED.finditer(text):
        head = match["head"].strip(_EDGE_PUNCTUATION)
        value = match["value"]
        thai = bool(_THAI.search(head[-1:]))
        if value.casefold() in _STOP_WORDS or _is_change(_thai_word_end(head) if thai else head):
            continue  # «جدید ۳۰»: "new" says a value changed, not what it is
        if thai:
            # A Thai head runs into the words before it: only a name, not a number, is
            # sure to be what the head's last letters name ("ห้อง Pool Villa").
            if value[0].isdigit():
                continue
        elif len(head) < MIN_HEAD or head.casefold() in _STOP_WORDS:
            continue
        found.append(_Named(head, value, thai))
    return found


def _shared_head(new: _Named, old: _Named) -> str | None:
    """The head both values are said after, or ``None``."""
    if new.thai != old.thai or new.value[0].isdigit() != old.value[0].isdigit():
        return None
    if not new.thai:
        return old.head if old.head.casefold() == new.head.casefold() else None
    shared = 0
    while (
        shared < min(len(new.head), len(old.head))
        and new.head[-1 - shared] == old.head[-1 - shared]
    ):
        shared += 1
    return _thai_word_end(old.head[len(old.head) - shared :]) if shared >= MIN_THAI_HEAD else None


#: Thai marks that never start a syllable (vowels and tone marks written after a consonant).
_THAI_FOLLOWING = re.compile(r"[\u0e30-\u0e3a\u0e45-\u0e4e]")


def _thai_word_end(head: str) -> str:
    """The head's last word, at least ``MIN_THAI_HEAD`` letters («สาย» of
    «อยู่ในเส้นทางสาย», «ห้อง», not «้อง»), so it matches wherever the word is quoted."""
    start = len(head) - MIN_THAI_HEAD
    while start > 0 and _THAI_FOLLOWING.match(head[start]):
        start -= 1
    return head[start:]


def _is_change(sentence: str) -> bool:
    return is_update(sentence) or _REPLACING.search(sentence) is not None


@dataclass(frozen=True)
class Changes:
    #: "head value" phrases replaced, each once, in the order replaced.
    old: list[str]
    #: The phrases that replaced them (a value changed back is current again).
    new: list[str]


def superseded(earlier: Iterable[str], new: Sequence[str]) -> Changes:
    """The "head value" phrases of ``earlier`` (texts in the order said: summaries, then
    messages) that the changes in ``new`` (messages in order) replace."""
    said = [named for text in earlier for named in _named_in(text)]
    changes = Changes([], [])
    for message in new:
        for sentence in split_sentences(message):
            named = _named_in(sentence)
            if _is_change(sentence):
                for item in named:
                    _replace(said, item, changes)
            said.extend(named)
    return changes


def _replace(said: Sequence[_Named], item: _Named, changes: Changes) -> None:
    found = _last_with_head(said, item)
    if found is None:
        return
    head, value = found
    old, current = f"{head} {value}", f"{head} {item.value}"
    changes.new.append(current)
    if current in changes.old:
        changes.old.remove(current)
    if old not in changes.old:
        changes.old.append(old)


def _last_with_head(said: Sequence[_Named], new: _Named) -> tuple[str, str] | None:
    """(head, value) of the last value said with ``new``'s head, when it is another value."""
    for old in reversed(said):
        head = _shared_head(new, old)
        if head is not None:
            return None if _same(old.value, new.value) else (head, old.value)
    return None


def _same(old: str, new: str) -> bool:
    """Whether two values are one, in any script of digits or precision ("16" and "16:40")."""
    old, new = old.translate(_ASCII_DIGITS), new.translate(_ASCII_DIGITS)
    return old.startswith(new) or new.startswith(old)
