"""A sum beside what is taken off it is not that thing's, in English, Persian and Thai:
the balance after deducting the deposit is no deposit, nor the order's total; what remains
to pay is a balance due; a percentage is no sum."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


@pytest.mark.parametrize(
    ("message", "known"),
    [
        (
            "The balance after deducting the deposit is $840, due on the day.",
            [("deposit", "$200"), ("order_total", "$1,040")],
        ),
        (
            "مانده بعد از کسر بیعانه میشه ۸۴۰ هزار تومان.",
            [("deposit", "۲۰۰ هزار تومان"), ("order_total", "۱٬۰۴۰٬۰۰۰ تومان")],
        ),
        (
            "ยอดคงเหลือหลังหักมัดจำ 840 บาทค่ะ",
            [("deposit", "200 บาท"), ("order_total", "1,040 บาท")],
        ),
    ],
)
def test_the_balance_after_a_deposit_is_no_deposit(
    message: str, known: list[tuple[str, str]]
) -> None:
    facts = extract_facts([TranscriptLine(1, "m1", "assistant", message)], known)
    assert all(f.key != "deposit" for f in facts)
    assert all(f.key != "order_total" for f in facts)  # the total stays the known one


@pytest.mark.parametrize(
    ("message", "balance"),
    [
        ("Your outstanding balance is $840, due on the day.", "$840"),
        ("ราคารวม 1,040 บาท มัดจำแล้ว 200 บาท คงเหลือ 840 บาทค่ะ", "840 บาท"),
        ("ยอดคงเหลือ 840 บาทค่ะ", "840 บาท"),
    ],
)
def test_what_remains_to_pay_is_a_balance_not_the_total(message: str, balance: str) -> None:
    known = [("order_total", "1,040 บาท" if "บาท" in message else "$1,040")]
    facts = extract_facts([TranscriptLine(1, "m1", "assistant", message)], known)
    values = {f.key: f.value for f in facts}
    assert values.get("balance_due") == balance
    assert values.get("order_total") in (None, known[0][1])


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("Weekends add to the total 10 percent.", "10"),
        ("به جمع کل ۱۰ درصد اضافه میشه.", "۱۰"),
        ("มีค่าบริการเพิ่มจากยอดรวม 10 เปอร์เซ็นต์ค่ะ", "10"),
    ],
)
def test_a_percentage_after_the_total_named_is_no_total(message: str, number: str) -> None:
    facts = extract_facts([TranscriptLine(1, "m1", "assistant", message)], [])
    assert all(f.key != "order_total" for f in facts)
    assert all(number not in f.value for f in facts)
