"""An agent's Persian read-back the customer answers with a bare yes keeps a detail: the
thing agreed (``domain.memory.offline.read_backs_fa``, ``kept_clauses``). English and Thai
read-backs are not read by this rule."""

from __future__ import annotations

import pytest

from tests.memory.details_support import asked_and_answered


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
    assert asked_and_answered(question, answer) == [([agreed], ["choice"])]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("یعنی چی؟", "اره"),  # nothing read back
        ("پس کی میاید؟", "آره"),  # a question for information, no read-back
        ("یعنی سیب زمینی و دوغ نیومده؟", "نه فقط دوغ"),  # no bare yes
    ],
)
def test_no_read_back_or_no_yes_keeps_no_agreed_detail(question: str, answer: str) -> None:
    assert all("choice" not in kinds for _, kinds in asked_and_answered(question, answer))
