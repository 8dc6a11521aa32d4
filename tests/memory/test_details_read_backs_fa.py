"""An agent's Persian read-back the customer answers with a bare yes keeps a detail: the
thing agreed (``domain.memory.offline.read_backs_fa``, ``kept_clauses``). English and Thai
read-backs are not read by this rule."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine


def _asked_and_answered(question: str, answer: str) -> list[tuple[list[str], list[str]]]:
    lines = [
        TranscriptLine(1, "m1", "assistant", question),
        TranscriptLine(2, "m2", "user", answer),
    ]
    return [(detail.values, detail.kinds) for detail in details_of(lines)]


@pytest.mark.parametrize(
    ("question", "answer", "agreed"),
    [
        (
            "یعنی سیب زمینی و دوغ نیومده، نوشابه رسیده؟",
            "اره",
            "سیب زمینی و دوغ نیومده، نوشابه رسیده",
        ),
        ("پس کاناپه رو میفرستیم خونه مادرتون؟", "آره همین", "کاناپه رو میفرستیم خونه مادرتون"),
        ("آدرس همون خیابان ولیعصر باشه، درسته؟", "بله درسته", "آدرس همون خیابان ولیعصر باشه"),
    ],
)
def test_a_read_back_the_customer_says_yes_to_keeps_a_detail(
    question: str, answer: str, agreed: str
) -> None:
    assert _asked_and_answered(question, answer) == [([agreed], ["choice"])]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("یعنی چی؟", "اره"),  # nothing read back
        ("پس کی میاید؟", "آره"),  # a question for information, no read-back
        ("یعنی سیب زمینی و دوغ نیومده؟", "نه فقط دوغ"),  # no bare yes
    ],
)
def test_no_read_back_or_no_yes_keeps_no_agreed_detail(question: str, answer: str) -> None:
    assert all("choice" not in kinds for _, kinds in _asked_and_answered(question, answer))
