"""The bound a rule of money moved applies above, in English, Persian and Thai ("a fee on
transfers over $1,000", «انتقال‌های بالای ۱۰ میلیون تومان», «โอนเกิน 50,000 บาท»), is a
threshold: never the fee itself, which keeps its own amount."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


@pytest.mark.parametrize(
    ("message", "threshold", "fee"),
    [
        ("Transfers over $1,000 have a fee of $5.", "$1,000", "a fee of $5"),
        (
            "برای انتقال‌های بالای ۱۰ میلیون تومان کارمزد ۵۰ هزار تومانه",
            "۱۰ میلیون تومان",
            "۵۰ هزار تومان",
        ),
        ("โอนเงินเกิน 50,000 บาท ค่าธรรมเนียม 25 บาทค่ะ", "50,000 บาท", "ค่าธรรมเนียม 25 บาท"),
    ],
)
def test_a_transfers_threshold_is_no_fee(message: str, threshold: str, fee: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = [(fact.key, fact.value) for fact in extract_facts(lines, [])]
    assert ("threshold_amount", threshold) in facts
    assert threshold not in [value for key, value in facts if key != "threshold_amount"]
    assert fee in [value for _, value in facts]


@pytest.mark.parametrize(
    "message",
    [
        "We'd keep your monthly payments of more than £80 to 24 months.",
        "We take a deposit over £500 on every boiler order.",
    ],
)
def test_a_sum_the_customer_pays_is_no_threshold(message: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    assert "threshold_amount" not in [fact.key for fact in extract_facts(lines, [])]
