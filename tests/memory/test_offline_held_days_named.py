"""A date that names no subject moves the held date whose day the message names as an
ordinal («۱۲ام امتحان داره … بندازیمش ۱۴ آبان»: the flight of the 12th), when several
subjects hold dates (``domain.memory.offline.held_days_named``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.held_days_named import held_day_named
from domain.memory.offline.values import find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, history

_BOOKED = (
    ("assistant", "پرواز رفت ۱۲ آبان ساعت ۸:۳۰ صبح، برگشت ۱۶ آبان ساعت ۲۰:۴۵. درسته؟"),
    ("user", "آره درسته"),
)


def test_the_day_left_names_the_date_moved() -> None:
    facts = conversation(
        *_BOOKED,
        ("user", "ای وای خواهرم میگه ۱۲ام امتحان ارشد داره، یادش رفته بود. میشه بندازیمش ۱۴ آبان؟"),
    )
    values = current(facts)
    assert values.get("flight_date") == "۱۴ آبان"
    assert values.get("return_date", "").startswith("۱۶ آبان")
    assert history(facts, "flight_date") == ["۱۲ آبان ساعت ۸:۳۰ صبح"]


def test_no_day_named_moves_nothing() -> None:
    facts = conversation(*_BOOKED, ("user", "میشه بندازیمش ۱۴ آبان؟"))
    values = current(facts)
    assert values.get("flight_date", "").startswith("۱۲ آبان")
    assert values.get("return_date", "").startswith("۱۶ آبان")


def test_only_an_ordinal_day_of_one_held_date_counts() -> None:
    held = {"delivery_date": "12 March", "installation_date": "20 March"}
    text = "the 12th is no good for us, can we do 14 March?"
    new = next(v for v in find_values(text) if v.text == "14 March")
    assert held_day_named(text, new, held) == "delivery_date"
    text = "we're on the 12th floor, can we do 14 March?"
    new = next(v for v in find_values(text) if v.text == "14 March")
    assert held_day_named(text, new, held) is None
    both = {"delivery_date": "12 March", "installation_date": "12 April"}
    assert held_day_named("the 12th is no good, 14 March?", new, both) is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # an ordinal of a floor, a class, an option: no day
        ("the 2nd-floor office is closed, can we do 14 March?", None),
        ("we booked 2nd class, can we do 14 March?", None),
        ("the 2nd option is fine, can we do 14 March?", None),
        ("we're on the 2nd floor, can we do 14 March?", None),
        ("طبقه ۲ام هستیم، میشه ۱۴ آبان بیاید؟", None),
        # a word that starts like a month is none: "dec-orator", "jun-ior", "sum-mary"
        ("the 2nd decorator can't come, can we do 14 March?", None),
        ("the 2nd junior can't come, can we do 14 March?", None),
        ("the 2nd mayor's visit clashes, can we do 14 March?", None),
        ("گزینه ۲ام بهتره، میشه ۱۴ آبان بیاید؟", None),
        # an ordinal said as a day
        ("the 2nd is no good for us, can we do 14 March?", "delivery_date"),
        ("March 2nd doesn't work, can we do 14 March?", "delivery_date"),
        ("Friday the 2nd we're away, can we do 14 March?", "delivery_date"),
        ("not the 2nd of March, can we do 14 March?", "delivery_date"),
        ("not the 2nd, can we do 14 March?", "delivery_date"),
        ("the 2nd Dec. is out, can we do 14 March?", "delivery_date"),
        ("September 2nd doesn't work, can we do 14 March?", "delivery_date"),
        ("sept. the 2nd doesn't work, can we do 14 March?", "delivery_date"),
        ("۲ام نیستیم، میشه ۱۴ آبان بیاید؟", "delivery_date"),
    ],
)
def test_an_ordinal_names_a_day_only_as_one(text: str, named: str | None) -> None:
    held = {"delivery_date": "2 March", "installation_date": "20 March"}
    new = next(v for v in find_values(text) if v.text in {"14 March", "۱۴ آبان"})
    assert held_day_named(text, new, held) == named
