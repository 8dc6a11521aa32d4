"""A charge said as one more: "There's also a $30 cleaning fee", "plus a $20 late fee",
«هزینه نظافت ۳۰۰ هزار تومان هم هست», "ค่าทำความสะอาด 300 บาทด้วย", "ค่าปรับอีก 500 บาท".

A word of adding says the charge stands beside those already held, so it replaces only a
charge of exactly its name, never one whose name merely starts alike (Thai "ค่าปรับ" and
"ค่าประกัน").
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: How far (characters) before a charge's words, or after its amount, the word of adding
#: may stand: within the clause that names it.
_REACH = 24

#: English and Thai say the adding before the charge: "also a", "plus", "another", «อีก».
_BEFORE = re.compile(
    r"\b(?:also|plus|another|additional(?:ly)?|on\s+top)\b[^.,;!?]*$"
    r"|อีก\S{0,4}\s?$",
    re.IGNORECASE,
)
#: Persian and Thai say it after: «… تومان هم هست», «… บาทด้วย», «… บาทอีก».
_AFTER = re.compile(
    rf"^\s*(?:تومان|تومن|ریال|تومنی)?\s*(?:هم|همچنین)(?![{_FA}])"
    r"|^\s*(?:บาท)?\s*(?:ด้วย|อีก)"
)
#: Thai says "another" between a charge's name and its amount: "ค่าปรับคืนรถช้าอีก 500".
_INSIDE = re.compile(r"อีก\s?$")


def added_charge(text: str, start: int, amount_start: int, end: int) -> bool:
    """Whether the charge at ``text[start:end]`` (its amount from ``amount_start``) is said
    as one more beside others."""
    before = text[max(0, start - _REACH) : start]
    if _BEFORE.search(before) or _INSIDE.search(text[start:amount_start]):
        return True
    return _AFTER.match(text[end : end + _REACH]) is not None
