"""Which noted value a changed one replaces: the one whose words name the same thing.

A value noted without a subject keeps the words that led to it ("ค่ะ กล่อง 40x30x25",
"box is 40x30x25"). When a message of change gives a new value of that kind with the same
thing named right before it («ต้องเปลี่ยนกล่องเป็น 45x35x30», "change the box to
45x35x30", «جعبه رو عوض کنید، 45x35x30»), the new value replaces that note instead of
standing beside it as a third, the old one still shown as current.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.memory.offline.lexicon import ENGLISH_STOP_WORDS, PERSIAN_STOP_WORDS, word_set
from domain.memory.offline.thai_changes import changes_named
from domain.memory.offline.thai_cues import is_thai

#: How many words before a value may name what it is ("change the box to …").
_SUBJECT_WORDS = 3
#: Where a sentence ends: the thing named before a value stands in the value's sentence
#: ("I had to change the box, it's 45x35x30 now").
_SENTENCE_END = re.compile(r"[.!?؟;؛\n]")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: Words of change that name nothing ("change", «عوض»): stop words are dropped besides.
_NO_SUBJECT = word_set(
    """
    change changed changing switch switched make made new now instead update updated need
    needs replace replaced please actually sorry عوض تغییر کنید کن جدید الان بکنید لطفا ببخشید
    """
)


def subject_words(text: str, value_start: int) -> list[str]:
    """The words that name what the value at ``value_start`` is, said right before it in
    its sentence: the subject of a Thai «เปลี่ยน…เป็น» around it, else the last content words."""
    if is_thai(text[max(0, value_start - 40) : value_start]):
        return [c.subject for c in changes_named(text) if c.start <= value_start < c.end]
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, value_start)), default=0)
    words = [
        word
        for word in _WORD.findall(text[begin:value_start].casefold())
        if word not in ENGLISH_STOP_WORDS
        and word not in PERSIAN_STOP_WORDS
        and word not in _NO_SUBJECT
    ]
    return words[-_SUBJECT_WORDS:]


def noted_naming(words: list[str], noted: Iterable[tuple[str, str]]) -> str | None:
    """The key of the first ``(key, value)`` note whose words name one of ``words``."""
    if not words:
        return None
    for key, value in noted:
        held = value.casefold()
        held_words = set(_WORD.findall(held))
        if any(word in held_words or (is_thai(word) and word in held) for word in words):
            return key
    return None
