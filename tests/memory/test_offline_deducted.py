"""A sum beside what is taken off it is not that thing's, in English, Persian and Thai:
the balance after deducting the deposit is no deposit; a percentage is no sum."""

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


@pytest.mark.parametrize(
    "message",
    ["جمعه‌ها ۱۰ درصد به جمع کل اضافه میشه.", "วันหยุดคิดเพิ่ม 10 เปอร์เซ็นต์ของยอดรวมค่ะ"],
)
def test_a_percentage_is_no_total(message: str) -> None:
    facts = extract_facts([TranscriptLine(1, "m1", "assistant", message)], [])
    assert all(f.key != "order_total" for f in facts)
