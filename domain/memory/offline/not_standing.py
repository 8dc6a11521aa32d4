"""Values a message says without giving them as the value of anything.

- a day or an hour said to be full or taken ("the 10am slot is full", «ساعت ۱۰ پر
  شده», «รอบ 10 โมงวันที่ 15 เต็มแล้วค่ะ»): no one has it, the reply offers another;
- a day compared with ("two days earlier than the Monday", «دو روز زودتر از دوشنبه»,
  «เร็วกว่าวันจันทร์»): the day it is measured from, not a new one;
- a number of times ("he measured it like 3 times", «۳ بار», «3 ครั้ง»): how often
  something was done, never the sum or the code an open question asked for.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan

_FA = FA_LETTERS

#: After a day or an hour, in its clause: it is full, taken, gone.
_FULL_AFTER = re.compile(
    # Thai writes no commas: a polite particle («ค่ะ», «ครับ») ends its clause
    r"^(?:(?!ค่ะ|คะ|ครับ|นะ)[^.,;!?\n]){0,24}?(?:"
    r"(?:is|'s|are)\s+(?:now\s+|already\s+|all\s+)?(?:full(?:y\s+booked)?|booked\s+up|taken"
    r"|gone|unavailable|not\s+available)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:پر\s*(?:شده|شد|است|ه)|پره|تکمیل(?:ه|\s*شده)?)(?![{_FA}])"
    r"|เต็ม(?:แล้ว)?|ไม่ว่าง|ถูกจองแล้ว"
    r")",
    re.IGNORECASE,
)
#: Right before a day: the word of comparison it is measured from.
_COMPARED_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])than\s+(?:the\s+|on\s+)?"
    rf"|(?<![{_FA}])(?:زودتر|دیرتر|جلوتر|عقب[\u200c\s]?تر)\s*از\s*"
    r"|(?:เร็ว|ช้า)กว่า\s?(?:วัน)?)$",
    re.IGNORECASE,
)
#: Right after a number: it counts times.
_TIMES_AFTER = re.compile(
    rf"^\s?(?:times(?![A-Za-z])|(?<![{_FA}])بار(?![{_FA}])|ครั้ง(?!ที่))",
    re.IGNORECASE,
)
_DAY_KINDS = frozenset({Kind.DATE, Kind.TIME})
#: How far before a day its word of comparison may stand.
_COMPARED_REACH = 24


def not_standing(text: str, value: ValueSpan) -> bool:
    """Whether ``value`` is a day or hour said to be full, or a day compared with."""
    if value.kind not in _DAY_KINDS:
        return False
    before = text[max(0, value.start - _COMPARED_REACH) : value.start]
    return bool(_FULL_AFTER.match(text[value.end :]) or _COMPARED_BEFORE.search(before))


def counts_times(text: str, value: ValueSpan) -> bool:
    """Whether the number at ``value`` counts how many times ("3 times", «۳ بار»)."""
    return value.kind is Kind.NUMBER and bool(_TIMES_AFTER.match(text[value.end :]))
