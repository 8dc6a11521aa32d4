"""A person or a flight arriving, in English, Persian and Thai, is a traveller's arrival and
never a delivery's date or time; a parcel or an order arriving still is a delivery."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _facts(message: str, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = [TranscriptLine(1, "m1", "user", message)]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


#: A delivery booked already, which no one's arrival moves.
_BOOKED = [("delivery_date", "Tuesday 9 March"), ("delivery_time", "2pm")]


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("My sister arrives on Friday 12 March.", "arrival_date", "Friday 12 March"),
        ("Flight TK1979 departs at 6:40 and arrives 9:15.", "arrival_time", "9:15"),
        ("I've updated your arrival time to after 11pm.", "arrival_time", "after 11pm"),
        ("مادرم جمعه ۱۲ اسفند می‌رسه", "arrival_date", "جمعه ۱۲ اسفند"),
        ("پرواز ساعت ۶:۴۰ حرکت می‌کنه و ۹:۱۵ می‌رسه", "arrival_time", "۹:۱۵"),
    ],
)
def test_someone_arriving_is_no_delivery(message: str, key: str, value: str) -> None:
    keys = dict(_facts(message, _BOOKED))
    assert keys.get(key) == value and not any(k.startswith("delivery_") for k in keys)


def test_a_thing_arriving_is_still_a_delivery() -> None:
    for message in (
        "Your parcel will arrive on Friday 12 March.",
        "It should arrive by Friday 12 March.",
    ):
        assert ("delivery_date", "Friday 12 March") in _facts(message, [])


@pytest.mark.parametrize(
    "message",
    [
        "Actually the flight was changed, it now arrives at 7:30.",
        "The train is delayed. It now arrives at 7:30.",
    ],
)
def test_it_after_a_flight_is_the_flight_arriving(message: str) -> None:
    keys = dict(_facts(message, _BOOKED))
    assert keys.get("arrival_time") == "7:30" and not any(k.startswith("delivery_") for k in keys)


def test_it_after_a_thing_or_a_trip_on_a_plane_is_still_a_delivery() -> None:
    for message in (
        "The parcel is late, it now arrives at 7:30.",
        "I ordered a lamp on my flight home, it arrives at 7:30.",
    ):
        assert ("delivery_time", "7:30") in _facts(message, [])
