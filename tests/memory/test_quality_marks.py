"""The quality benchmark counts a current value marked "(replaced …)" (bench/quality.py)."""

from __future__ import annotations

import pytest

from bench.quality import marks_as_replaced, quotes_unmarked


@pytest.mark.parametrize(
    ("text", "value", "marked"),
    [
        ("Total £352.80 (replaced: £591.80) inc VAT", "£352.80", True),
        ("Total £352.80, (replaced: £591.80)", "£352.80", True),
        # the mark belongs to the value after it, not to this one
        ("£239 plus £352.80 (replaced: £591.80)", "£239", False),
        ("تحویل ۱۵ آبان (replaced: ۲۰ آبان)", "15 آبان", True),
        ("นัด 13.30 น. ค่ะ", "13.30 น.", False),
    ],
)
def test_a_mark_right_after_a_value_marks_it(text: str, value: str, marked: bool) -> None:
    assert marks_as_replaced(text, value) is marked


def test_a_marked_value_is_not_quoted_unmarked() -> None:
    text = "Saturday 10am (replaced: 1:40)"
    assert marks_as_replaced(text, "Saturday 10am")
    assert not quotes_unmarked(text, "Saturday 10am")
