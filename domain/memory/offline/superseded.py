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
from domain.memory.offline.thai_cues import THAI_SCRIPT
from domain.memory.offline.values import ASCII_DIGITS, FA_LETTERS, Kind, find_values

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
    rf"|{_DIGIT}+(?:[.,٬/:-]{_DIGIT}+)*(?!{_DIGIT})))"
)
_EDGE_PUNCTUATION = "\"'“”«»()[]{}.,;:!?،؛؟"
#: Letters a Thai head (no spaces between its words) must share with another to be the same.
MIN_THAI_HEAD = 3
#: Letters a head of a spaced script needs to say what its value is ("Room", «قیمت»).
MIN_HEAD = 3
_STOP_WORDS = ENGLISH_STOP_WORDS | PERSIAN_STOP_WORDS


#: An English name before its kind, inside a sentence: "the Classic menu", "a Deluxe room".
_NAME_BEFORE_KIND = re.compile(
    r"(?<=[a-z,] )(?=(?P<value>[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)*) (?P<head>[a-z]{3,})\b)"
)


_INSIDE_NAME = re.compile(r"[A-Z][A-Za-z0-9]* $")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9]*$")


@dataclass(frozen=True)
class _Named:
    head: str
    value: str
    thai: bool
    #: Said as "value head" ("Classic menu"), not "head value" ("Room 12").
    kind_after: bool = False

    def phrase(self, head: str, value: str) -> str:
        return f"{value} {head}" if self.kind_after else f"{head} {value}"


def _named_in(text: str) -> list[_Named]:
    found = []
    for match in _NAMED.finditer(text):
        head = match["head"].strip(_EDGE_PUNCTUATION)
        value = match["value"]
        if value[0].isalpha() and (match["head"].endswith(":") or _LATIN_NAME.match(head)):
            continue  # a speaker's label ("Assistant: Yes"), a name's first word
        if _is_when(f"{head} {value}"):
            continue  # "Nov 22", «ساعت ۱۶»: a month or an hour is no subject; facts key dates
        thai = bool(THAI_SCRIPT.search(head[-1:]))
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
    for match in _NAME_BEFORE_KIND.finditer(text):
        head, value = match["head"], match["value"]
        if _INSIDE_NAME.search(text, 0, match.start()):
            continue  # "Harvest menu" of "the Seasonal Harvest menu"
        if head not in _STOP_WORDS and value.casefold() not in _STOP_WORDS:
            found.append(_Named(head, value, thai=False, kind_after=True))
    return found


def _is_when(phrase: str) -> bool:
    return any(value.kind in (Kind.DATE, Kind.TIME) for value in find_values(phrase))


def _chosen_in(sentence: str) -> list[_Named]:
    """The named values of a sentence but those listed with others of their head: "the
    Classic menu at £68, the Seasonal menu at £74 and the Signature menu" are options,
    none of them the one chosen (the last of them is not what a switch replaces)."""
    named = _named_in(sentence)
    return [
        item
        for item in named
        if not any(
            other.value != item.value and _shared_head(item, other) is not None for other in named
        )
    ]


def _shared_head(new: _Named, old: _Named) -> str | None:
    """The head both values are said after, or ``None``."""
    if (new.thai, new.kind_after) != (old.thai, old.kind_after):
        return None
    if new.value[0].isdigit() != old.value[0].isdigit():
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
    if _OFFER.search(sentence) or _NEGATED_CHANGE.search(sentence):
        return False  # "Would you like to switch to Premium?", "I won't change rooms"
    return is_update(sentence) or _REPLACING.search(sentence) is not None


#: An offer or a question about a change is none yet.
_OFFER = re.compile(
    r"^\s*(?:would\s+you\s+like|do\s+you\s+want|shall\s+i|should\s+i|could\s+i|can\s+i"
    r"|is\s+it\s+possible)\b|(?:ไหม|มั้ย|หรือเปล่า)\s*(?:ค่ะ|คะ|ครับ)?\s*[?？]?\s*$|آیا",
    re.IGNORECASE,
)
#: A change said not to happen.
_NEGATED_CHANGE = re.compile(
    r"\b(?:not|never|no\s+need\s+to|won't|don't|didn't)\s+(?:\w+\s+)?(?:change|switch|move|swap)"
    r"|ไม่(?:ต้อง|ได้)?(?:เปลี่ยน|ย้าย)|(?:عوض|تغییر)\s*(?:ن|نمی)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Changes:
    #: "head value" phrases replaced, each once, in the order replaced.
    old: list[str]
    #: The phrases that replaced them (a value changed back is current again).
    new: list[str]


def superseded(earlier: Iterable[str], new: Sequence[str]) -> Changes:
    """The "head value" phrases of ``earlier`` (texts in the order said: summaries, then
    messages) that the changes in ``new`` (messages in order) replace."""
    said = [
        named
        for text in earlier
        for sentence in split_sentences(text)
        for named in _chosen_in(sentence)
    ]
    changes = Changes([], [])
    for message in new:
        for sentence in split_sentences(message):
            named = _chosen_in(sentence)
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
    old, current = item.phrase(head, value), item.phrase(head, item.value)
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
    old, new = old.translate(ASCII_DIGITS), new.translate(ASCII_DIGITS)
    return old.startswith(new) or new.startswith(old)
