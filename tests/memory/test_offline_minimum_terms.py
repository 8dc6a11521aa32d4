"""A least length of time ("minimum 12 month contract", «สัญญาขั้นต่ำ 12 เดือน») makes the
price beside it no minimum spend; a least sum still is one."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _facts(role: str, message: str) -> dict[str, str]:
    lines = [TranscriptLine(1, "m1", role, message)]
    return {fact.key: fact.value for fact in extract_facts(lines, [])}


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("Rent is £1,200 per month, minimum 12 month contract.", "monthly_fee"),
        ("It's £45 a month with a 12-month minimum term.", "monthly_fee"),
        ("ค่าเช่าเดือนละ 12,000 บาท สัญญาขั้นต่ำ 12 เดือนค่ะ", "rental_rate"),
    ],
)
def test_a_minimum_length_of_time_makes_no_minimum_spend(message: str, key: str) -> None:
    facts = _facts("assistant", message)
    assert "minimum_spend" not in facts
    assert key in facts


@pytest.mark.parametrize(
    ("message", "spend"),
    [
        ("Yes, the minimum order is £20.", "£20"),
        ("ยอดสั่งซื้อขั้นต่ำ 300 บาทค่ะ", "300 บาท"),
    ],
)
def test_a_minimum_sum_is_still_a_minimum_spend(message: str, spend: str) -> None:
    assert _facts("assistant", message).get("minimum_spend") == spend
