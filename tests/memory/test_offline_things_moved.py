"""A day given after a word of change that moves another thing ("I've had to move your
survey") leaves the one held date of something else (the installation) where it is; moving
the held thing itself, or "it", still moves it."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

_OFFER = "I've had to move your {}. Are you free Thursday 13 March, same time?"


def _facts(message: str, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


@pytest.mark.parametrize(
    ("thing", "held"), [("survey", "installation_date"), ("inspection", "delivery_date")]
)
def test_moving_another_thing_keeps_the_held_date(thing: str, held: str) -> None:
    facts = _facts(_OFFER.format(thing), [(held, "Monday 7 April")])
    assert ("other_date", "Thursday 13 March") in facts
    assert held not in dict(facts)


@pytest.mark.parametrize(
    ("thing", "held"), [("installation", "installation_date"), ("appointment", "appointment_date")]
)
def test_moving_the_held_thing_moves_its_date(thing: str, held: str) -> None:
    assert (held, "Thursday 13 March") in _facts(_OFFER.format(thing), [(held, "Monday 7 April")])


_MOVED = "Yes we can do that, I'll move the {} to Wednesday 12 March."


def test_a_change_that_moves_another_thing_keeps_the_held_date() -> None:
    # the word of change makes it a correction, yet what it moves is the sign-off
    facts = _facts(_MOVED.format("sign-off"), [("delivery_date", "Tuesday 1 April")])
    assert ("other_date", "Wednesday 12 March") in facts
    assert "delivery_date" not in dict(facts)


@pytest.mark.parametrize(
    ("thing", "held"),
    [
        ("delivery", "delivery_date"),
        ("engineer visit", "appointment_date"),  # the head noun names a booking
        ("appointment", "appointment_date"),
        # the held appointment is the survey's or the viewing's: no other event
        ("survey", "appointment_date"),
        ("viewing", "appointment_date"),
    ],
)
def test_a_change_that_moves_the_held_thing_moves_its_date(thing: str, held: str) -> None:
    facts = _facts(_MOVED.format(thing), [(held, "Tuesday 1 April")])
    assert (held, "Wednesday 12 March") in facts


def test_moving_the_thing_delivered_moves_its_delivery_time() -> None:
    # the car is what the delivery brings, no event with a time of its own
    # (the customer asks: the assistant's question would only propose it)
    line = TranscriptLine(1, "m1", "user", "Can you move the car to 11am?")
    facts = [(f.key, f.value) for f in extract_facts([line], [("delivery_time", "9am")])]
    assert ("delivery_time", "11am") in facts


def _reply(said: str, reply: str, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    before = TranscriptLine(1, "m1", "assistant", said)
    line = TranscriptLine(2, "m2", "user", reply)
    return [(fact.key, fact.value) for fact in extract_facts([line], known, [before])]


_PERSIAN_COURIER = "پیک شنبه ۱۵ آذر میاد"


def test_a_persian_courier_put_off_moves_the_delivery_day() -> None:
    reply = "میشه پیک رو بندازید دوشنبه ۱۷ آذر؟"
    facts = _reply(_PERSIAN_COURIER, reply, [("delivery_date", "شنبه ۱۵ آذر")])
    assert ("delivery_date", "دوشنبه ۱۷ آذر") in facts


def test_a_persian_meeting_put_off_moves_no_delivery_day() -> None:
    reply = "جلسه‌ام افتاد به دوشنبه ۱۷ آذر"
    facts = _reply(_PERSIAN_COURIER, reply, [("delivery_date", "شنبه ۱۵ آذر")])
    assert "delivery_date" not in dict(facts)
