"""A value said after "from" with another of its kind after it, in English, Persian and Thai,
starts a span (a hire from one day to another, a move from one address to another): it is
no old value replaced; a word of change still makes it one."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _replaced(message: str, known: list[tuple[str, str]]) -> list[str]:
    lines = [TranscriptLine(1, "m1", "user", message)]
    return [fact.value for fact in extract_facts(lines, known) if fact.replaced]


@pytest.mark.parametrize(
    "message",
    [
        "I need the van from 12 June and back on 15 June.",
        "ون رو از ۱۲ خرداد لازم دارم و ۱۵ خرداد برمی‌گردونم.",
        "We're moving from 12 Oak Lane, Leeds LS6 2QT to 4 Elm Street, York YO1 7HH next week.",
        "ย้ายจาก 12/3 ถนนสุขุมวิท แขวงคลองตัน ไป 45 ถนนพหลโยธิน แขวงจตุจักร",
    ],
)
def test_where_a_span_starts_is_no_old_value(message: str) -> None:
    assert _replaced(message, []) == []


@pytest.mark.parametrize(
    ("message", "old"),
    [
        ("Can you change it from Monday 12 June to Thursday 15 June?", "Monday 12 June"),
        ("The delivery moved from Monday 12 June to Thursday 15 June.", "Monday 12 June"),
    ],
)
def test_a_word_of_change_still_names_the_old_value(message: str, old: str) -> None:
    assert _replaced(message, [("delivery_date", old)]) == [old]
