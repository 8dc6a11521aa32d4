"""Dates as customers type them, in lower case ("7 april", "thursday 13 march", "wed 15th"),
and a Persian window said as "between … and …" («بین ساعت ۹ و ساعت ۱۳»), are one value each;
"may", "sat" and "sun" are still words when no day makes them a date."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_not_values import values_by_key


def _values(text: str) -> list[tuple[Kind, str]]:
    return [(v.kind, v.text) for v in find_values(text)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("are we still on for the week of 7 april?", "7 april"),
        ("can we do march 14th instead", "march 14th"),
        ("see you thursday 13 march", "thursday 13 march"),
        ("so arriving wed 15th", "wed 15th"),
        ("we're away 12-15 june", "12-15 june"),
    ],
)
def test_a_date_typed_in_lower_case_is_one_date(text: str, date: str) -> None:
    assert _values(text) == [(Kind.DATE, date)]


@pytest.mark.parametrize("text", ["you may 2 times", "we sat 4 hours", "the sun 12 hours"])
def test_may_sat_and_sun_without_a_days_ordinal_are_words(text: str) -> None:
    assert all(kind is not Kind.DATE for kind, _ in _values(text))


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("بین ساعت ۹ و ساعت ۱۳ میان", "بین ساعت ۹ و ساعت ۱۳"),
        ("بین ساعت ۱۰ و ۱۲ صبح خونه‌ام", "بین ساعت ۱۰ و ۱۲ صبح"),
    ],
)
def test_a_persian_between_and_window_is_one_time(text: str, window: str) -> None:
    assert (Kind.TIME, window) in _values(text)
    assert len([kind for kind, _ in _values(text) if kind is Kind.TIME]) == 1


def test_a_stays_out_before_its_day_is_the_check_out() -> None:
    facts = values_by_key(("user", "check in tuesday 14 october, out thursday 16th"))
    assert facts.get("check_in_date") == "tuesday 14 october"
    assert facts.get("check_out_date") == "thursday 16th"


_STAY = (
    ("user", "check in tuesday 14 october, out thursday 16th"),
    ("assistant", "Done, two nights."),
)


@pytest.mark.parametrize(
    ("moved", "check_in", "check_out"),
    [
        (
            "can we shift it by a day? so arriving wed 15th, leaving fri 17th",
            "tuesday|wed 15th",
            "fri 17th",
        ),
        (
            "we are now arriving on Wednesday 15 October and leaving on Friday 17 October",
            "Wednesday 15 October",
            "Friday 17 October",
        ),
    ],
)
def test_arriving_and_leaving_move_a_stay_on_record(
    moved: str, check_in: str, check_out: str
) -> None:
    """In a stay, "arriving" and "leaving" are its check-in and check-out: the old
    check-out is not left current, nor the arrival kept as a delivery's date."""
    facts = values_by_key(*_STAY, ("user", moved))
    assert facts.get("check_out_date") == check_out
    assert any(facts.get("check_in_date", "").startswith(d) for d in check_in.split("|"))
    assert "delivery_date" not in facts


def test_arriving_without_a_stay_is_no_check_in() -> None:
    facts = values_by_key(("user", "my parcel is arriving Friday 3 May"))
    assert "check_in_date" not in facts
