"""A sum said as what a percentage comes to is a share of something (the deposit named
before it), never the order's total the words "comes to", «یعنی», «เป็นเงิน» otherwise
name: it no longer replaces the held total in its history. A sum after a percentage taken
off or added is still the whole (near misses)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of

_TOTAL = [("order_total", "$20,960")]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Okay, so now the deposit. On the new total it's 30%, which comes to $6,288, "
            "and it's due by March 7.",
            {"deposit": "$6,288", "payment_date": "March 7"},
        ),
        ("The deposit is 30%, which comes to $6,288.", {"deposit": "$6,288"}),
        (
            "بیعانه ۳۰ درصده، یعنی ۶ میلیون و ۲۸۸ هزار تومان",
            {"deposit": "۶ میلیون و ۲۸۸ هزار تومان"},
        ),
        ("มัดจำ 30% เป็นเงิน 6,288 บาทค่ะ", {"deposit": "6,288 บาท"}),
        # the total said before, then the deposit: «รวม» and "including" are another clause's
        (
            "Total including VAT is £24,000 and the deposit is 25%, that's £6,000.",
            {"order_total": "£24,000", "deposit": "£6,000"},
        ),
        (
            "ยอดรวม 20,000 บาท มัดจำ 30% เป็นเงิน 6,000 บาท",
            {"order_total": "20,000 บาท", "deposit": "6,000 บาท"},
        ),
    ],
    ids=[
        "en-sentence-before",
        "en-same-sentence",
        "fa",
        "th",
        "en-total-including-then-deposit",
        "th-total-then-deposit",
    ],
)
def test_a_percentages_sum_is_the_part_named_not_the_total(
    message: str, expected: dict[str, str]
) -> None:
    assert facts_of(("assistant", message), known=_TOTAL) == expected


def test_a_percentages_sum_with_no_part_named_replaces_no_total() -> None:
    assert facts_of(("assistant", "It's 30%, which comes to $6,288."), known=_TOTAL) == {}


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("The total with 20% VAT comes to $1,200.", "$1,200"),
        ("With the 10% discount the total comes to $1,200.", "$1,200"),
        ("با ۱۰ درصد تخفیف جمع کل میشه ۶ میلیون", "۶ میلیون"),
        ("ยอดรวมหลังลด 10% เป็นเงิน 6,288 บาทค่ะ", "6,288 บาท"),
        # a tax named a word or more before the percentage is still added to the whole
        ("The total including VAT at 20%, that's £1,200.", "£1,200"),
        ("مبلغ کل با مالیات ۹ درصد یعنی ۱۰ میلیون", "۱۰ میلیون"),
        ("ยอดรวมภาษีมูลค่าเพิ่ม 7% เป็นเงิน 10,700 บาท", "10,700 บาท"),
    ],
    ids=[
        "en-with-vat",
        "en-with-discount",
        "fa-with-discount",
        "th-after-discount",
        "en-including-vat-at",
        "fa-with-tax",
        "th-total-with-vat",
    ],
)
def test_a_total_after_a_percentage_is_still_the_total(message: str, value: str) -> None:
    assert facts_of(("assistant", message), known=_TOTAL).get("order_total") == value
