"""A Thai sum worked out in one line («ค่าห้อง 2,000 + ค่าอาหาร 300 - ส่วนลด 100 รวม 2,200
บาท»): the bare «รวม» right before the last amount makes it the total, so the discount named
a step before keeps its own amount."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

#: (message, the discount, the total)
_SUMMED = [
    ("ค่าคอร์ส 3,200 + ค่าหนังสือ 250 - ส่วนลด 200 รวม 3,250 บาทค่ะ", "200 บาท", "3,250 บาท"),
    ("ค่าซ่อม 1,800 - ส่วนลด 150 รวม 1,650 บาทครับ", "150 บาท", "1,650 บาท"),
]


@pytest.mark.parametrize(("message", "discount", "total"), _SUMMED)
def test_the_sum_after_a_bare_ruam_is_the_total(message: str, discount: str, total: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = dict((f.key, f.value) for f in extract_facts(lines, [("discount", discount)]))
    assert facts.get("order_total") == total and facts.get("discount", discount) == discount


#: the same sum in English and Persian, keyed so already: the discount stays its own
_SUMMED_ELSEWHERE = [
    ("Course £320 + books £25 - discount £20, total £325.", "£20", "£325"),
    (
        "شهریه ۳ میلیون + کتاب ۲۰۰ هزار - تخفیف ۱۰۰ هزار، جمع کل ۳ میلیون و ۱۰۰ هزار تومان",
        "۱۰۰ هزار",
        "۳ میلیون و ۱۰۰ هزار تومان",
    ),
]


@pytest.mark.parametrize(("message", "discount", "total"), _SUMMED_ELSEWHERE)
def test_the_same_sum_in_english_and_persian(message: str, discount: str, total: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = dict((f.key, f.value) for f in extract_facts(lines, [("discount", discount)]))
    assert facts.get("order_total") == total and facts.get("discount", discount) == discount


#: «รวม» before a word says what a price includes: the price is no total
def test_ruam_before_a_word_makes_no_total() -> None:
    lines = [TranscriptLine(1, "m1", "assistant", "ค่าคอร์ส 990 บาท รวมค่าหนังสือด้วยนะคะ")]
    facts = dict((f.key, f.value) for f in extract_facts(lines, []))
    assert "order_total" not in facts
