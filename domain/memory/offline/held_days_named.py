"""A held date named by its day alone, in the message that moves it.

«خواهرم میگه ۱۲ام امتحان داره … میشه بندازیمش ۱۴ آبان؟» (my sister has an exam on the
12th … can we move it to 14 Aban?): with a flight and a return date held, the new date
names no subject; the day it leaves («۱۲ام», "the 12th" said as an ordinal) is the held
flight date's, so it is the flight that moves. Only a day said as an ordinal counts
(«۱۲ام», «۱۲م», "12th"), outside the new date itself, and only when one held date has that
day. An English ordinal is a day only beside a month or weekday ("March 12th", "Friday the
13th") or where no noun follows it ("the 12th is no good", "the 12th of", "the 12th."):
"the 2nd-floor office", "1st class", "the 3rd option" name none. A Persian one is a day
but after a noun it counts («طبقه ۲ام», «گزینه ۳ام», «ردیف ۵ام»).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from domain.memory.offline.values import (
    EN_MONTHS_BUT_MAY,
    EN_WEEKDAY,
    FA_LETTERS,
    ValueSpan,
    digits_of,
)

_DIGIT = r"[0-9\u06f0-\u06f9\u0660-\u0669]"
#: A month's name or its short form, a whole word ("decorator", "junior" are none).
_EN_MONTH = rf"(?<![A-Za-z])(?i:may|{EN_MONTHS_BUT_MAY})(?![A-Za-z])\.?"
#: A day of the month said as an ordinal: «۱۲ام», «۱۲م», "12th", "1st".
_ORDINAL_DAY = re.compile(
    rf"(?<![\d\u06f0-\u06f9\u0660-\u0669./:])(?P<day>{_DIGIT}{{1,2}})"
    rf"(?:(?P<fa>ام|م)(?![{FA_LETTERS}])|(?:st|nd|rd|th)\b)"
)
#: Right before an English ordinal that is a day: a month or a weekday ("March 12th",
#: "Friday the 13th").
_EN_DAY_BEFORE = re.compile(rf"(?:{_EN_MONTH}|{EN_WEEKDAY})\s+(?:the\s+)?$")
#: Right after an English ordinal that is a day: no noun, but the clause's end, "of", a month
#: or a verb ("the 12th is no good", "the 12th of March", "the 12th doesn't work").
_EN_DAY_AFTER = re.compile(
    rf"\s*(?:$|[.,;:!?)]|(?i:of|{_EN_MONTH}|is|isn't|was|wasn't|won't|will|would|works?|doesn't"
    r"|does|suits?|then|instead|too|please|at|in\s+the)(?![A-Za-z']))"
)
#: Right before a Persian ordinal that is no day: a noun it counts («طبقه ۲ام» floor,
#: «گزینه ۳ام» option, «ردیف ۵ام» row).
_FA_NOT_DAY_BEFORE = re.compile(
    rf"(?<![{FA_LETTERS}])(?:طبقه|ردیف|گزینه|مرحله|قسط|جلسه|صفحه|واحد|پلاک|کلاس|رتبه|مقام"
    r"|نفر|بار|دفعه|سطر|صندلی|سالن)\s*$"
)
#: The day of a held date: its first number of one or two digits.
_FIRST_DAY = re.compile(rf"(?<!{_DIGIT}){_DIGIT}{{1,2}}(?!{_DIGIT})")


def held_day_named(text: str, value: ValueSpan, held: Mapping[str, str]) -> str | None:
    """The key of the one held date whose day ``text`` names as an ordinal outside ``value``
    (module doc), else None."""
    days = {
        digits_of(match["day"]).lstrip("0")
        for match in _ORDINAL_DAY.finditer(text)
        if not value.start <= match.start() < value.end and _a_day(text, match)
    }
    new_day = _day_of(value.text)
    keys = [key for key, date in held.items() if (day := _day_of(date)) in days and day != new_day]
    return keys[0] if len(keys) == 1 else None


def _day_of(date: str) -> str | None:
    match = _FIRST_DAY.search(date)
    return digits_of(match.group()).lstrip("0") if match else None


def _a_day(text: str, match: re.Match[str]) -> bool:
    """Whether the ordinal ``match`` names a day of the month (module doc)."""
    before = text[: match.start()]
    if match["fa"]:
        return not _FA_NOT_DAY_BEFORE.search(before)
    return bool(_EN_DAY_BEFORE.search(before) or _EN_DAY_AFTER.match(text, match.end()))
