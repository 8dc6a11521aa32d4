"""A held date named by its day alone, in the message that moves it.

«خواهرم میگه ۱۲ام امتحان داره … میشه بندازیمش ۱۴ آبان؟» (my sister has an exam on the
12th … can we move it to 14 Aban?): with a flight and a return date held, the new date
names no subject; the day it leaves («۱۲ام», "the 12th" said as an ordinal) is the held
flight date's, so it is the flight that moves. Only a day said as an ordinal counts
(«۱۲ام», «۱۲م», "12th"; not "the 1st floor"), outside the new date itself, and only when
one held date has that day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from domain.memory.offline.values import FA_LETTERS, ValueSpan, digits_of

_DIGIT = r"[0-9\u06f0-\u06f9\u0660-\u0669]"
#: A day of the month said as an ordinal: «۱۲ام», «۱۲م», "12th", "1st".
_ORDINAL_DAY = re.compile(
    rf"(?<![\d\u06f0-\u06f9\u0660-\u0669./:])(?P<day>{_DIGIT}{{1,2}})"
    rf"(?:(?:ام|م)(?![{FA_LETTERS}])|(?:st|nd|rd|th)\b(?!\s+(?i:floor|time|row|place)\b))"
)
#: The day of a held date: its first number of one or two digits.
_FIRST_DAY = re.compile(rf"(?<!{_DIGIT}){_DIGIT}{{1,2}}(?!{_DIGIT})")


def held_day_named(text: str, value: ValueSpan, held: Mapping[str, str]) -> str | None:
    """The key of the one held date whose day ``text`` names as an ordinal outside ``value``
    (module doc), else None."""
    days = {
        digits_of(match["day"]).lstrip("0")
        for match in _ORDINAL_DAY.finditer(text)
        if not value.start <= match.start() < value.end
    }
    new_day = _day_of(value.text)
    keys = [key for key, date in held.items() if (day := _day_of(date)) in days and day != new_day]
    return keys[0] if len(keys) == 1 else None


def _day_of(date: str) -> str | None:
    match = _FIRST_DAY.search(date)
    return digits_of(match.group()).lstrip("0") if match else None
