"""A later conversation's date said only from then is kept until the day it names: "this
Friday", «جمعه همین هفته», «ศุกร์นี้» said on a Monday hold until that Friday is over, not
only the day they were said (``named_days``), and are shown with that day, so a reader on
another day cannot take "this Friday" for another Friday. Near misses: "this Friday" said
on a Saturday is the next one; "every Friday" is no date; a weekday alone and a day
already past when it was said name nothing and are kept only that day, as before. English,
Persian, Thai."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.user_memory.named_days import NamedDay, named_day
from domain.user_memory.recall import recall
from schemas.user_memory import UserFact, UserMemoryState

MONDAY = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
SATURDAY = datetime(2026, 12, 12, 15, 0, tzinfo=UTC)

#: Said on Monday 7 Dec: (value, the day it names).
NAMED = {
    "en": [
        ("day after tomorrow", date(2026, 12, 9)),
        ("this Friday", date(2026, 12, 11)),
        ("next Tuesday", date(2026, 12, 15)),
        ("coming Thursday", date(2026, 12, 10)),
    ],
    "fa": [
        ("پس\u200cفردا", date(2026, 12, 9)),
        ("جمعه همین هفته", date(2026, 12, 11)),
        ("سه\u200cشنبه هفته بعد", date(2026, 12, 15)),
        ("پنجشنبه آینده", date(2026, 12, 10)),
    ],
    "th": [
        ("มะรืนนี้", date(2026, 12, 9)),
        ("ศุกร์นี้", date(2026, 12, 11)),
        ("วันจันทร์หน้า", date(2026, 12, 14)),
        ("พฤหัสนี้", date(2026, 12, 10)),
    ],
}


def _shown(value: str, said: datetime, read: date) -> list[str]:
    fact = UserFact(key="appointment_date", value=value, session_id="s1", observed_at=said)
    now = datetime(read.year, read.month, read.day, 12, 0, tzinfo=UTC)
    text = recall(UserMemoryState(facts=[fact]), "", 400, current_session="now", now=now).text
    return [line.split(": ", 1)[1] for line in text.splitlines() if ": " in line]


def _label(day: date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_day_said_from_then_is_kept_until_the_day_it_names(language: str) -> None:
    for value, day in NAMED[language]:
        dated = [f"{value} ({_label(day)})"]
        # the next day, and the day it names: shown with that day, never bare
        assert _shown(value, MONDAY, MONDAY.date() + timedelta(days=1)) == dated, value
        assert _shown(value, MONDAY, day) == dated, value
        # once that day is over: gone
        assert _shown(value, MONDAY, day + timedelta(days=1)) == [], value


#: "This Friday" said on Saturday 12 Dec: the next Friday, not the one just past.
THIS_FRIDAY = {"en": "this Friday", "fa": "جمعه همین هفته", "th": "ศุกร์นี้"}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_this_friday_said_after_it_is_the_next_one(language: str) -> None:
    value = THIS_FRIDAY[language]
    next_friday = date(2026, 12, 18)
    assert _shown(value, SATURDAY, date(2026, 12, 14)) == [f"{value} (Fri 18 Dec)"]
    assert _shown(value, SATURDAY, next_friday) == [f"{value} (Fri 18 Dec)"]
    assert _shown(value, SATURDAY, next_friday + timedelta(days=1)) == []


#: A weekday alone is mostly a piece of a whole date or a day that recurs ("that's a
#: Monday"): it names no day, shown bare the day it was said and not after, as before.
WEEKDAY_ALONE = {"en": "Friday", "fa": "جمعه", "th": "วันศุกร์"}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_weekday_alone_names_no_day(language: str) -> None:
    value = WEEKDAY_ALONE[language]
    assert named_day(value, SATURDAY.date()) is None
    assert _shown(value, SATURDAY, SATURDAY.date()) == [value]
    assert _shown(value, SATURDAY, SATURDAY.date() + timedelta(days=1)) == []


#: Every Friday is no one date: shown as said, with no day after it, however late.
EVERY_FRIDAY = {"en": "every Friday", "fa": "هر جمعه", "th": "ทุกวันศุกร์"}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_every_friday_names_no_day(language: str) -> None:
    value = EVERY_FRIDAY[language]
    assert named_day(value, MONDAY.date()) is None
    assert _shown(value, MONDAY, date(2027, 1, 30)) == [value]


#: A day already past when it was said: it names nothing, and is kept that day only.
PAST = {"en": "last Friday", "fa": "جمعه پیش", "th": "เมื่อวาน"}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_day_past_when_it_was_said_is_kept_that_day_only(language: str) -> None:
    value = PAST[language]
    assert named_day(value, MONDAY.date()) is None
    assert _shown(value, MONDAY, MONDAY.date()) == [value]
    assert _shown(value, MONDAY, MONDAY.date() + timedelta(days=1)) == []


#: Said on Monday 7 Dec: (value, the days it names). A week starts on Monday, on Saturday
#: in Persian (its weekend is Thursday and Friday); «อาทิตย์» alone is the week, «วันอาทิตย์»
#: Sunday.
SPANS = [
    ("next week", NamedDay(date(2026, 12, 14), date(2026, 12, 20))),
    ("next month", NamedDay(date(2027, 1, 1), date(2027, 1, 31))),
    ("in two weeks", NamedDay(date(2026, 12, 21), date(2026, 12, 21))),
    ("دو هفته دیگه", NamedDay(date(2026, 12, 21), date(2026, 12, 21))),
    ("this weekend", NamedDay(date(2026, 12, 12), date(2026, 12, 13))),
    ("آخر همین هفته", NamedDay(date(2026, 12, 10), date(2026, 12, 11))),
    ("สุดสัปดาห์หน้า", NamedDay(date(2026, 12, 19), date(2026, 12, 20))),
    ("هفته بعد", NamedDay(date(2026, 12, 12), date(2026, 12, 18))),
    ("ماه آینده", NamedDay(date(2027, 1, 1), date(2027, 1, 31))),
    ("อาทิตย์หน้า", NamedDay(date(2026, 12, 14), date(2026, 12, 20))),
    ("วันอาทิตย์หน้า", NamedDay(date(2026, 12, 20), date(2026, 12, 20))),
    ("เดือนหน้า", NamedDay(date(2027, 1, 1), date(2027, 1, 31))),
]


@pytest.mark.parametrize(("value", "days"), SPANS)
def test_a_week_or_month_said_from_then_names_all_its_days(value: str, days: NamedDay) -> None:
    assert named_day(value, MONDAY.date()) == days


def test_a_week_or_month_is_shown_as_its_days() -> None:
    assert NamedDay(date(2026, 12, 14), date(2026, 12, 20)).label == "Mon 14 Dec – Sun 20 Dec"
    assert NamedDay(date(2027, 1, 1), date(2027, 1, 31)).label == "January 2027"


@pytest.mark.parametrize("value", ["دو ماه دیگه", "สองสัปดาห์หน้า"])
def test_a_count_of_weeks_or_months_is_no_next_week_or_month(value: str) -> None:
    # two months on, two weeks on: not the next one, and not read
    assert named_day(value, MONDAY.date()) is None
