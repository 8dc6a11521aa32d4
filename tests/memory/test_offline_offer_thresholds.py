"""The threshold of an offer, in English, Persian and Thai ("free delivery on orders over
$50", «خریدهای بالای ۵۰۰ هزار تومان», «สั่งซื้อครบ 500 บาท»), is a minimum spend and
never the order's total."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


@pytest.mark.parametrize(
    ("message", "threshold"),
    [
        ("Delivery is free on orders over $50, otherwise $6.", "$50"),
        ("Shipping is free for purchases above £40; below that it's £3.99.", "£40"),
        ("ارسال برای خریدهای بالای ۵۰۰ هزار تومان رایگانه، وگرنه ۴۰ هزار تومان", "۵۰۰ هزار تومان"),
        ("ส่งฟรีเมื่อสั่งซื้อครบ 500 บาท ไม่ถึงคิดค่าส่ง 50 บาทค่ะ", "500 บาท"),
    ],
)
def test_an_offers_threshold_is_no_order_total(message: str, threshold: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = [(fact.key, fact.value) for fact in extract_facts(lines, [])]
    assert ("minimum_spend", threshold) in facts
    assert ("order_total", threshold) not in facts
