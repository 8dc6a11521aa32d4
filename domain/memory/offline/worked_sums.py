"""A sum worked out in so many figures: "1,800 + ประกัน 240 + ค่าส่ง 80 = 2,120 บาท",
"$18,450 + $350 = $18,800", «۱,۲۰۰,۰۰۰ + ۳۰۰,۰۰۰ = ۱,۵۰۰,۰۰۰ تومان».

The figure after "=" that ends an adding (or taking off) is what the whole comes to, whatever
charge is named just before it; a figure added to others is a part of the sum, never the
total a word like "new total" before it names; and what a product comes to ("วันละ 250 =
1,000 บาท") is one part worked out, no total either.
"""

from __future__ import annotations

import re
from enum import Enum

#: A currency word or sign that may follow a figure before its operator.
_UNIT = r"(?:\s?(?:บาท|baht|تومان|تومن|ریال|dollars?|pounds?|euros?|[$£€]))?"
#: An operator after a figure: it is a term of the working.
_TERM = re.compile(rf"{_UNIT}\s*(?:\+|[−–]|\s-\s|×|=)")
#: "=" right before a figure (its currency sign between).
_RESULT = re.compile(r"=\s*[$£€]?\s*$")
#: An adding or a taking off between two figures, in the working before "=".
_ADDING = re.compile(r"\d\S*\s*(?:\+|[−–]|\s-\s)\s*\D{0,30}\d")
#: How far back (characters) the working of a result may reach: its own line.
_REACH = 160


class Role(Enum):
    TERM = "term"  # a figure added, taken off or multiplied
    TOTAL = "total"  # what an adding comes to
    PART = "part"  # what a product comes to: one part worked out


def role_in_working(text: str, start: int, end: int) -> Role | None:
    """What the figure at ``text[start:end]`` is in a sum worked out, or None when it is
    not in one."""
    before = text[max(0, start - _REACH) : start]
    if _RESULT.search(before):
        working = re.split(r"[\n.!?؟]\s", before)[-1]
        return Role.TOTAL if _ADDING.search(working) else Role.PART
    if _TERM.match(text, end):
        return Role.TERM
    return None
