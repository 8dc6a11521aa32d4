"""A Persian day told as when something starts, «از» before it and «شروع میشه» after it
(«ترم از ۸ دی شروع میشه»: the term starts on 8 Dey), is the start, not the old value of a
change: it replaces the start held. «از» before a value still names the old one of a move
(«از ۱ اسفند به ۸ اسفند»), an offer («از شنبه به بعد نوبت خالی داریم») is still no value,
and a start that is no day («از ۷ سال شروع میشه», from age seven) is no age."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _said(known: list[tuple[str, str]], *messages: tuple[str, str]) -> list[tuple[str, str]]:
    lines = [
        TranscriptLine(index, f"m{index}", role, text)
        for index, (role, text) in enumerate(messages, 1)
    ]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


@pytest.mark.parametrize(
    ("message", "start"),
    [
        (
            "الان از دفتر اعلام کردن شروع ترم یه هفته عقب افتاده. ترم از ۸ دی شروع میشه",
            "۸ دی",
        ),
        ("دوره از شنبه ۱۰ دی شروع می‌شود", "شنبه ۱۰ دی"),
        ("کلاسا از ۸ دی شروع می‌شن", "۸ دی"),
    ],
)
def test_a_start_told_replaces_the_held_start(message: str, start: str) -> None:
    found = _said([("start_date", "شنبه ۱ دی")], ("assistant", message))
    assert found == [("start_date", start)]


def test_a_start_told_is_not_named_as_old() -> None:
    # on main «۸ دی» was held as a replaced value: a summary marked the current start old
    found = _said([], ("assistant", "ترم پاییز از ۸ دی شروع میشه"))
    assert ("", "۸ دی") not in found


@pytest.mark.parametrize(
    "message",
    [
        "میشه از ۱ دی به ۸ دی عوضش کنیم؟",  # a move: «۱ دی» is the old day
        "برای چه روزی پیک بفرستیم؟ از شنبه ۱ دی به بعد نوبت خالی داریم",  # an offer
    ],
)
def test_from_before_a_day_still_names_no_start(message: str) -> None:
    found = _said([("start_date", "۱۵ آذر")], ("assistant", message))
    assert ("start_date", "۱ دی") not in found
    assert ("start_date", "شنبه ۱ دی") not in found


def test_a_start_that_is_no_day_is_no_age() -> None:
    found = _said(
        [("daughter_age", "6 ساله")],
        ("assistant", "کلاس گروهی مبتدی دخترا از ۷ سال شروع میشه."),
    )
    assert not any(key.endswith("_age") for key, _ in found), found
