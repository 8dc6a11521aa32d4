"""The day a date said only from then names: "this Friday", said on Mon 7 Dec, is Fri 11 Dec.

A date fact whose value is only a day counted from when it was said ("tomorrow",
"this Friday", «پس‌فردا», «ศุกร์นี้»: ``fact_values.day_gone``) still holds in a later
conversation until the day it names is over: "next Tuesday", said a week before, is
still the appointment. So it is resolved against the day it was said (the day the
message saying it was accepted, ``UserFact.said_at``: not the day its conversation went
quiet, which may be days later; a UTC day, as a session carries no time zone), kept
until the last day it names, and shown with
that day ("this Friday (Fri 11 Dec)"): the bare words, read on another day, name
another day.

How the words count, in each language:

- today, tonight, this morning (امروز، امشب، วันนี้، คืนนี้، เช้านี้ …): the day said;
  tomorrow (فردا، พรุ่งนี้): the next; the day after tomorrow (پس‌فردا، มะรืน): the one
  after; "in three days", "in two weeks", «دو هفته دیگه»: counted on (a count of months,
  or a Thai count, «สองสัปดาห์หน้า», is not read);
- "this Friday", "coming Friday", «این جمعه», «جمعه همین هفته», «ศุกร์นี้»: the first
  Friday from the day said, that day included;
- a weekday said "after" («جمعه آینده», «جمعه بعد»): the first one after the day said;
- "next Friday", «جمعه هفته بعد», «ศุกร์หน้า»: the Friday of the week after the one it was
  said in (a week starts on Monday, on Saturday in Persian);
- this week, next week (این هفته، هفته بعد، สัปดาห์หน้า، อาทิตย์หน้า): the week, kept until
  its last day; this or next weekend (آخر هفته، สุดสัปดาห์นี้): the week's last two days
  (Thursday and Friday in Persian); next month (ماه بعد، เดือนหน้า): the month.

A day already past when it was said ("yesterday", "last Friday", «جمعه پیش») or words
not read here name nothing: such a value is kept as before, only the day it was said. So
is a weekday alone ("Monday", «سه‌شنبه», «เสาร์»): under a date key it is mostly a piece
the extractor took of a whole date or of a day that recurs, not a day counted from then
(most of the eleven in dev–dev6: "Wednesday 2nd April", «วันเสาร์ที่ 14», "start on April
21 – also a Monday", «เสาร์ 9.00-11.00» for a weekly class), and read as the next such day
it showed "Start date: Monday (Mon 7 Dec)" for a start on April 21.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from domain.memory.offline.lexicon import FA_BLOCK
from domain.memory.offline.values import EN_WEEKDAY, FA_WEEKDAY


class NamedDay(NamedTuple):
    """The days a value names: one day, or a week or month (``first`` to ``last``)."""

    first: date
    last: date

    @property
    def label(self) -> str:
        """The days in words no later day misreads: "Fri 11 Dec", "Mon 14 Dec – Sun 20 Dec",
        "January 2027"."""
        if self.first == self.last:
            return _day(self.first)
        if self.first.day == 1 and self.last == _month_end(self.first):
            return f"{_FULL_MONTH_NAMES[self.first.month - 1]} {self.first.year}"
        return f"{_day(self.first)} – {_day(self.last)}"


#: English names, whatever the process's locale: the reader is told one spelling.
_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _day(day: date) -> str:
    return f"{_WEEKDAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]}"


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _one(day: date) -> NamedDay:
    return NamedDay(day, day)


def _on_or_after(said: date, weekday: int) -> date:
    return said + timedelta(days=(weekday - said.weekday()) % 7)


def _after(said: date, weekday: int) -> date:
    return said + timedelta(days=(weekday - said.weekday() - 1) % 7 + 1)


def _week_start(said: date, first_weekday: int) -> date:
    return said - timedelta(days=(said.weekday() - first_weekday) % 7)


def _of_next_week(said: date, weekday: int, first_weekday: int) -> date:
    start = _week_start(said, first_weekday) + timedelta(days=7)
    return start + timedelta(days=(weekday - first_weekday) % 7)


def _week(said: date, weeks: int, first_weekday: int) -> NamedDay:
    start = _week_start(said, first_weekday) + timedelta(days=7 * weeks)
    return NamedDay(start, start + timedelta(days=6))


def _weekend(said: date, weeks: int, first_weekday: int) -> NamedDay:
    """The last two days of a week: Saturday and Sunday, Thursday and Friday in Persian."""
    week = _week(said, weeks, first_weekday)
    return NamedDay(week.last - timedelta(days=1), week.last)


def _next_month(said: date) -> NamedDay:
    first = _month_end(said) + timedelta(days=1)
    return NamedDay(first, _month_end(first))


MONDAY, SATURDAY = 0, 5

# English ---------------------------------------------------------------------------------
#: A weekday by its first three letters ("Tues", "Thursday").
_EN_DAY_NAMES = {name.lower(): number for number, name in enumerate(_WEEKDAY_NAMES)}
_EN_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

# Persian ----------------------------------------------------------------------------------
_FA = FA_BLOCK
#: Python's weekday of each Persian one, written without its space or joiner.
_FA_DAY_NAMES = {
    "شنبه": 5, "یکشنبه": 6, "دوشنبه": 0, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "جمعه": 4
}  # fmt: skip
_FA_AFTER = r"(?:بعد|آینده|دیگه|دیگر|بعدی)"
_FA_THIS = r"(?:این|همین)"
_FA_PAST = r"(?:پیش|قبل|گذشته)"
_FA_COUNTS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "ده": 10}
#: A count of days, weeks or months: «دو هفته دیگه» is in two weeks, not next week.
_FA_COUNT = rf"(?:{'|'.join(_FA_COUNTS)}|[0-9\u06f0-\u06f9]+)"

# Thai -------------------------------------------------------------------------------------
_TH_DAY_NAMES = {
    "จันทร์": 0,
    "อังคาร": 1,
    "พุธ": 2,
    "พฤหัส": 3,
    "พฤหัสบดี": 3,
    "ศุกร์": 4,
    "เสาร์": 5,
    "อาทิตย์": 6,
}
#: «อาทิตย์» alone is the week as often as Sunday («อาทิตย์หน้า», next week): a Sunday is
#: «วันอาทิตย์».
_TH_WEEKDAY = r"(?:วัน(อาทิตย์)|(?:วัน)?(จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์))"

#: Each weekday alone, to tell which one a phrase names.
_EN_WEEKDAY_ALONE = re.compile(rf"\b{EN_WEEKDAY}", re.I)
_FA_WEEKDAY_ALONE = re.compile(FA_WEEKDAY)
_TH_WEEKDAY_ALONE = re.compile(_TH_WEEKDAY)

Resolve = Callable[[re.Match[str], date], NamedDay | None]


def _fa_weekday(match: re.Match[str]) -> int:
    day = _FA_WEEKDAY_ALONE.search(match.group(0))
    return _FA_DAY_NAMES[re.sub(r"[\u200c\s]", "", day.group(0))]  # type: ignore[union-attr]


def _th_weekday(match: re.Match[str]) -> int:
    day = _TH_WEEKDAY_ALONE.search(match.group(0))
    return _TH_DAY_NAMES[day.group(1) or day.group(2)]  # type: ignore[union-attr]


def _en_weekday(match: re.Match[str]) -> int:
    day = _EN_WEEKDAY_ALONE.search(match.group(0))
    return _EN_DAY_NAMES[day.group(0)[:3].lower()]  # type: ignore[union-attr]


def _fa_in(match: re.Match[str], said: date) -> NamedDay:
    count = match.group(1)
    days = int(count) if count.isdigit() else _FA_COUNTS[count]
    return _one(said + timedelta(days=days * (7 if match.group(2) == "هفته" else 1)))


def _en_in(match: re.Match[str], said: date) -> NamedDay:
    count = match.group(1).lower()
    days = int(count) if count.isdigit() else _EN_COUNTS[count]
    return _one(said + timedelta(days=days * (7 if match.group(2).startswith("w") else 1)))


#: (pattern, what it names) in the order they are tried: a longer phrase before its words.
_READINGS: list[tuple[re.Pattern[str], Resolve]] = [
    # English
    (re.compile(r"\bday\s+after\s+tomorrow\b", re.I), lambda m, s: _one(s + timedelta(days=2))),
    (re.compile(r"\b(?:tomorrow|tmrw|tmr)\b", re.I), lambda m, s: _one(s + timedelta(days=1))),
    (
        re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I),
        lambda m, s: _one(s),
    ),
    (re.compile(r"\bin\s+(a|an|one|two|three|four|five|\d+)\s+(days?|weeks?)\b", re.I), _en_in),
    (
        re.compile(rf"\bnext\s+{EN_WEEKDAY}", re.I),
        lambda m, s: _one(_of_next_week(s, _en_weekday(m), MONDAY)),
    ),
    (
        re.compile(rf"\b(?:this|coming)\s+{EN_WEEKDAY}", re.I),
        lambda m, s: _one(_on_or_after(s, _en_weekday(m))),
    ),
    (re.compile(r"\b(?:this|coming)\s+weekend\b", re.I), lambda m, s: _weekend(s, 0, MONDAY)),
    (re.compile(r"\bnext\s+weekend\b", re.I), lambda m, s: _weekend(s, 1, MONDAY)),
    (re.compile(r"\bthis\s+week\b", re.I), lambda m, s: _week(s, 0, MONDAY)),
    (re.compile(r"\b(?:next|coming)\s+week\b", re.I), lambda m, s: _week(s, 1, MONDAY)),
    (re.compile(r"\b(?:next|coming)\s+month\b", re.I), lambda m, s: _next_month(s)),
    # Persian: whole words («فرداد» is a name)
    (
        re.compile(rf"(?<![{_FA}])(?:{FA_WEEKDAY}|هفته|ماه)\s+(?:هفته\s+)?{_FA_PAST}(?![{_FA}])"),
        lambda m, s: None,
    ),
    (
        re.compile(rf"(?<![{_FA}])آخر\s*(?:{_FA_THIS}\s+)?هفته(?![{_FA}])(?!\s+{_FA_AFTER})"),
        lambda m, s: _weekend(s, 0, SATURDAY),
    ),
    (
        re.compile(rf"(?<![{_FA}])آخر\s*هفته\s+{_FA_AFTER}(?![{_FA}])"),
        lambda m, s: _weekend(s, 1, SATURDAY),
    ),
    (
        re.compile(rf"(?<![{_FA}])({_FA_COUNT})\s+(روز|هفته)\s+{_FA_AFTER}(?![{_FA}])"),
        _fa_in,
    ),
    (re.compile(rf"(?<![{_FA}]){_FA_COUNT}\s+ماه(?![{_FA}])"), lambda m, s: None),
    (re.compile(rf"(?<![{_FA}])پس[\u200c ]?فردا"), lambda m, s: _one(s + timedelta(days=2))),
    (re.compile(rf"(?<![{_FA}])فردا(?!د)"), lambda m, s: _one(s + timedelta(days=1))),
    (re.compile(rf"(?<![{_FA}])(?:امروز|امشب)(?!ی)"), lambda m, s: _one(s)),
    (
        re.compile(rf"(?<![{_FA}])(?:{FA_WEEKDAY})\s+هفته\s+{_FA_AFTER}(?![{_FA}])"),
        lambda m, s: _one(_of_next_week(s, _fa_weekday(m), SATURDAY)),
    ),
    (
        re.compile(
            rf"(?<![{_FA}])(?:{FA_WEEKDAY})\s+(?:{_FA_THIS}\s+)?هفته(?![{_FA}])"
            rf"|(?<![{_FA}]){_FA_THIS}\s+(?:{FA_WEEKDAY})(?![{_FA}])"
        ),
        lambda m, s: _one(_on_or_after(s, _fa_weekday(m))),
    ),
    (
        re.compile(rf"(?<![{_FA}])(?:{FA_WEEKDAY})\s+{_FA_AFTER}(?![{_FA}])"),
        lambda m, s: _one(_after(s, _fa_weekday(m))),
    ),
    (re.compile(rf"(?<![{_FA}]){_FA_THIS}\s+هفته(?![{_FA}])"), lambda m, s: _week(s, 0, SATURDAY)),
    (re.compile(rf"(?<![{_FA}])هفته\s+{_FA_AFTER}(?![{_FA}])"), lambda m, s: _week(s, 1, SATURDAY)),
    (re.compile(rf"(?<![{_FA}])ماه\s+{_FA_AFTER}(?![{_FA}])"), lambda m, s: _next_month(s)),
    # Thai: no spaces between words
    (re.compile(rf"ที่แล้ว|(?:{_TH_WEEKDAY}|สัปดาห์|อาทิตย์|เดือน)ก่อน"), lambda m, s: None),
    # «สองสัปดาห์หน้า», two weeks on, is no next week: not read
    (
        re.compile(r"(?:สอง|สาม|สี่|ห้า|หก|[0-9\u0e50-\u0e59]+)\s*(?:สัปดาห์|อาทิตย์|เดือน)"),
        lambda m, s: None,
    ),
    (re.compile(r"(?:สุดสัปดาห์|เสาร์อาทิตย์)นี้"), lambda m, s: _weekend(s, 0, MONDAY)),
    (re.compile(r"(?:สุดสัปดาห์|เสาร์อาทิตย์)หน้า"), lambda m, s: _weekend(s, 1, MONDAY)),
    (re.compile(r"มะรืน"), lambda m, s: _one(s + timedelta(days=2))),
    (re.compile(r"พรุ่งนี้"), lambda m, s: _one(s + timedelta(days=1))),
    (re.compile(r"วันนี้|คืนนี้|เช้านี้|บ่ายนี้|เย็นนี้"), lambda m, s: _one(s)),
    (re.compile(rf"{_TH_WEEKDAY}หน้า"), lambda m, s: _one(_of_next_week(s, _th_weekday(m), MONDAY))),
    (re.compile(rf"{_TH_WEEKDAY}นี้"), lambda m, s: _one(_on_or_after(s, _th_weekday(m)))),
    (re.compile(r"(?:สัปดาห์|อาทิตย์)นี้"), lambda m, s: _week(s, 0, MONDAY)),
    (re.compile(r"(?:สัปดาห์|อาทิตย์)หน้า"), lambda m, s: _week(s, 1, MONDAY)),
    (re.compile(r"เดือนหน้า"), lambda m, s: _next_month(s)),
]


def named_day(value: str, said: date) -> NamedDay | None:
    """The days ``value``, a date said only from then on ``said``, names (module doc); None
    for a day past when it was said, or words not read here."""
    text = " ".join(value.split())
    for pattern, resolve in _READINGS:
        match = pattern.search(text)
        if match:
            return resolve(match, said)
    return None


def with_named_day(value: str, said: date) -> tuple[str, date]:
    """``value``, a date said only from then on ``said``, as a later day reads it (with the
    days it names after it: "this Friday (Fri 11 Dec)"), and the last day it holds: the last
    it names, or the day it was said when it names none."""
    named = named_day(value, said)
    if named is None:
        return value, said
    return f"{value} ({named.label})", max(named.last, said)
