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
