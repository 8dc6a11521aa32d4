"""A child's age said by its Thai word is a value a detail keeps whole: «9 ขวบ», «น้อง9
ขวบแล้ว» (the number typed onto the word before it), so a corrected age («8 ขวบ» then «9
ขวบ») is a value of the same kind, not a bare number or nothing."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.values import Kind, find_values


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("8 ขวบค่ะ ผู้ชาย", "8 ขวบ"),
        ("น้อง9 ขวบแล้ว", "9 ขวบ"),
    ],
)
def test_an_age_is_a_count_of_years(text: str, age: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.COUNT, age)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we moved here 3 years ago", "3"),
        ("the lease runs for 2 years", "2 years"),
        ("it's only 3 years old", "3"),  # a car's age: no count a mileage could take
    ],
)
def test_a_moment_or_a_span_is_no_age(text: str, value: str) -> None:
    assert [v.text for v in find_values(text)] == [value]


def test_a_corrected_thai_age_is_a_detail() -> None:
    line = TranscriptLine(1, "m1", "user", "อ้อ เรื่องอายุ แม่พิมพ์ผิดค่ะ น้อง9 ขวบแล้ว เพิ่งวันเกิดเดือนก่อน")
    assert any("9 ขวบ" in detail.values for detail in details_of([line]))
