"""The quality benchmark counts a current value marked "(replaced …)" (bench/quality.py)."""

from __future__ import annotations

import pytest

from bench.quality import marks_as_replaced, quotes_unmarked


@pytest.mark.parametrize(
    ("text", "value", "marked"),
    [
        ("Total £352.80 (replaced by £591.80) inc VAT", "£352.80", True),
        ("Total £352.80, (replaced by £591.80)", "£352.80", True),
        # the mark belongs to the value after it, not to this one
        ("£239 plus £352.80 (replaced by £591.80)", "£239", False),
        ("تحویل ۱۵ آبان (replaced by ۲۰ آبان)", "15 آبان", True),
        ("นัด 13.30 น. ค่ะ", "13.30 น.", False),
        # after the words of the value's phrase, with no other number between
        ("ودیعه 70,000 تومان (replaced by ۹۰,۰۰۰ تومان)", "70,000", True),
        # inside a longer number or word: not this value
        ("ราคา 12,500 บาท (replaced by 2,900 บาท)", "2,500 บาท", False),
        ("Order 115 (replaced by 116) was refunded.", "15", False),
        ("Primrose (replaced by Rose Garden)", "Rose", False),
        # Thai letters may touch a number
        ("ราคา12,500 บาท (replaced by 9,000 บาท)", "12,500", True),
    ],
)
def test_a_mark_right_after_a_value_marks_it(text: str, value: str, marked: bool) -> None:
    assert marks_as_replaced(text, value) is marked


def test_the_end_of_a_marked_old_value_is_not_the_current_value_marked() -> None:
    text = "Send it to Flat 2, 14 Oak Road (replaced by 14 Oak Road)."
    assert marks_as_replaced(text, "14 Oak Road")
    assert not marks_as_replaced(text, "14 Oak Road", ["Flat 2, 14 Oak Road"])


def test_a_marked_value_is_not_quoted_unmarked() -> None:
    text = "Saturday 10am (replaced by 1:40)"
    assert marks_as_replaced(text, "Saturday 10am")
    assert not quotes_unmarked(text, "Saturday 10am")
