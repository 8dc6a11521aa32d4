"""What is said to be free costs no sum: "delivery free", «ارسال رایگان», «ส่งฟรี» beside
a total leave the total the total and store no shipping cost."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("message", "total"),
    [
        ("That brings it to $1,240 altogether, delivery free.", "$1,240"),
        ("All in, $1,240 with free shipping.", None),
        ("کل مبلغ ۴۹ میلیون تومان با ارسال رایگان", "۴۹ میلیون تومان"),
        ("ตอนนี้ยอดรวมทั้งหมด 49,450 บาท ส่งฟรีในเขตกรุงเทพฯครับ", "49,450 บาท"),
    ],
)
def test_a_sum_beside_free_delivery_is_no_shipping_cost(message: str, total: str | None) -> None:
    facts = facts_of(("assistant", message))
    assert "shipping_cost" not in facts, facts
    assert facts.get("order_total") == total


@pytest.mark.parametrize(
    "message",
    [
        "Delivery is $45, and the total is $1,285.",
        "هزینه ارسال ۲۰۰ هزار تومان میشه.",
        "ค่าส่ง 350 บาทค่ะ",
    ],
)
def test_a_shipping_cost_not_said_free_stays_one(message: str) -> None:
    assert "shipping_cost" in facts_of(("assistant", message))


@pytest.mark.parametrize(
    ("message", "key", "amount"),
    [
        ("Delivery is no longer free, it's $7 now.", "shipping_cost", "$7"),
        ("ارسال رایگان نیست و ۸۵ هزار تومان میشه.", "shipping_cost", "۸۵ هزار تومان"),
        ("هزینه نصب رایگان نیست، ۶۰۰ هزار تومانه.", "fee", "۶۰۰ هزار تومان"),
        ("ค่าส่งฟรีหมดแล้วค่ะ ตอนนี้ 50 บาท", "shipping_cost", "50 บาท"),
    ],
)
def test_what_is_said_not_to_be_free_keeps_its_price(message: str, key: str, amount: str) -> None:
    """«رایگان نیست» (is not free), «ฟรีหมดแล้ว» (free no more): the sum beside it is its
    price, as after "no longer free"."""
    assert facts_of(("assistant", message)).get(key) == amount
