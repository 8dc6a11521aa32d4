"""Thai writes no space between a label, a number and the particle after it: a Thai letter
bounds a bare number as a space does (``domain.memory.offline.values``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import find_values


def _values(text: str) -> list[tuple[str, str]]:
    return [(value.kind.value, value.text) for value in find_values(text)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ราคา690ค่ะ", "690"),
        ("เลขไมล์ 23415ครับ", "23415"),
        ("ยอด 1,250ค่ะ", "1,250"),
        ("ห้อง1508ครับ", "1508"),
    ],
)
def test_a_number_between_thai_letters_is_a_value(text: str, number: str) -> None:
    assert _values(text) == [("number", number)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ปี2566", []),  # a year named as one
        ("order abc123 please", [("identifier", "abc123")]),  # a digit in a Latin word
        ("سفارش ۴۴۷۱ ثبت شد", [("number", "۴۴۷۱")]),
    ],
)
def test_other_letters_still_bound_a_number_as_before(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _values(text) == expected
