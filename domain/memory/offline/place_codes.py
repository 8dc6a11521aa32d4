"""A seat's, a room's or a gate's short code, a value where its label names it.

A code of a letter and a number is too short to be told from a word's piece or a
model's size on its own ("F14", "B2", "12A": an identifier needs four characters,
``values._MIN_IDENTIFIER_CHARS``), but said right after the word for a seat, a room, a
gate, a platform, a bed, a table, a row or a zone it is that place's number: "seat F14",
"gate B2", «ที่นั่ง F14», «ที่นั่งF14», «ห้อง A3», «صندلی ۱۲A». Not when nothing labels it ("F14 is
out of stock", «ไซซ์ M2»).
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import alternation

#: Words that label a place by its code, in English, Persian and Thai.
_PLACE_LABELS = (
    "seat",
    "room",
    "gate",
    "platform",
    "bay",
    "bed",
    "table",
    "row",
    "zone",
    "locker",
    "صندلی",
    "اتاق",
    "گیت",
    "سکو",
    "تخت",
    "میز",
    "ردیف",
    "ที่นั่ง",
    "ห้อง",
    "ประตู",
    "เกต",
    "เกท",
    "ชานชาลา",
    "เตียง",
    "โต๊ะ",
    "แถว",
    "โซน",
    "ล็อกเกอร์",
)
#: A short code: a letter and at most three digits, or the digits and a letter.
_SHORT_CODE = re.compile(r"[A-Z]\d{1,3}[A-Z]?|\d{1,3}[A-Z]")
#: The label right before a code: the word, perhaps "no." or ":", one space; a Thai label
#: perhaps none («ที่นั่งF14»: Thai writes no space between words).
_LABEL_BEFORE = re.compile(
    rf"(?:^|(?<=[^\w])|(?<=[\u0e00-\u0e7f]))(?i:{alternation(_PLACE_LABELS)})"
    r"(?:\s?(?:no\.?|number|#|:))?(?:\s|(?<=[\u0e00-\u0e7f]))$"
)


def labelled_place_code(text: str, start: int, code: str) -> bool:
    """Whether ``code``, at ``start`` in ``text``, is a short code its label before it
    names as a place's (module doc)."""
    return bool(
        _SHORT_CODE.fullmatch(code) and _LABEL_BEFORE.search(text[max(0, start - 20) : start])
    )
