"""A sum said as what a percentage comes to is a share of something (the deposit named
before it), never the order's total the words "comes to", «یعنی», «เป็นเงิน» otherwise
name: it no longer replaces the held total in its history. A sum after a percentage taken
off or added is still the whole (near misses)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of

_TOTAL = [("order_total", "$20,960")]


@pytest.mark.parametrize(
    ("message", "value"),
    [
        (
            "Okay, so now the deposit. On the new total it's 30%, which comes to $6,288, "
            "and it's due by March 7.",
            "$6,288",
        ),
        ("The deposit is 30%, which comes to $6,288.", "$6,288"),
        ("بیعانه ۳۰ درصده، یعنی ۶ میلیون و ۲۸۸ هزار تومان", "۶ میلیون و ۲۸۸ هزار تومان"),
        ("มัดจำ 30% เป็นเงิน 6,288 บาทค่ะ", "6,288 บาท"),
    ],
    ids=["en-sentence-before", "en-same-sentence", "fa", "th"],
)
def test_a_percentages_sum_is_the_part_named_not_the_total(message: str, value: str) -> None:
    facts = facts_of(("assistant", message), known=_TOTAL)
    assert facts.get("deposit") == value
    assert "order_total" not in facts


def test_a_percentages_sum_with_no_part_named_replaces_no_total() -> None:
    assert "order_total" not in facts_of(
        ("assistant", "It's 30%, which comes to $6,288."), known=_TOTAL
    )


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("The total with 20% VAT comes to $1,200.", "$1,200"),
        ("With the 10% discount the total comes to $1,200.", "$1,200"),
        ("با ۱۰ درصد تخفیف جمع کل میشه ۶ میلیون", "۶ میلیون"),
        ("ยอดรวมหลังลด 10% เป็นเงิน 6,288 บาทค่ะ", "6,288 บาท"),
    ],
    ids=["en-with-vat", "en-with-discount", "fa-with-discount", "th-after-discount"],
)
def test_a_total_after_a_percentage_is_still_the_total(message: str, value: str) -> None:
    assert facts_of(("assistant", message), known=_TOTAL).get("order_total") == value
