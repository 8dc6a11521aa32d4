"""A bare year said of when something was bought or made: «۱۴۰۱ خریدمش», "bought it in
2021", «ซื้อปี 2565»: a date in the past, never a sum nor an id."""

from __future__ import annotations

import re

from domain.memory.offline.values import ASCII_DIGITS, ValueSpan

_FA = "\u0600-\u06ff"

#: A year as written: Persian solar (13xx, 14xx), Gregorian (19xx, 20xx), Thai (25xx).
_YEAR = re.compile(r"(?:1[34]|19|20|25)\d\d")
#: Buying or making, said next to the year: "bought", «خریدم», «ساخت», «ซื้อ».
_BOUGHT = r"bought|purchased|made|built|خرید|ساخت|ซื้อ|ผลิต"
_AFTER = re.compile(rf"^\s*(?:{_BOUGHT})", re.IGNORECASE)
_BEFORE = re.compile(
    rf"(?:{_BOUGHT})\S*\s+(?:it\s+|them\s+)?(?:in\s+|back\s+in\s+|سال\s+|ปี\s*|เมื่อปี\s*)?$",
    re.IGNORECASE,
)


def year_bought(text: str, value: ValueSpan) -> bool:
    """Whether the bare number at ``value`` is the year something was bought or made."""
    if not _YEAR.fullmatch(value.text.strip().translate(ASCII_DIGITS)):
        return False
    before = text[max(0, value.start - 24) : value.start]
    return bool(_AFTER.match(text[value.end : value.end + 12]) or _BEFORE.search(before))
