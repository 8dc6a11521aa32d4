"""A newer total replaces the total an older detail worked out: "Total is now €1,152.60" after
"Subtotal €1,264, less 10% = €1,137.60" (``domain.memory.total_changes``), in every
language; an amount that is no total (a line of the order, a deposit, a subtotal, a total
of one part) replaces nothing and is replaced by nothing."""

from __future__ import annotations

from domain.memory.detail_changes import value_changes
from domain.memory.total_changes import said_as_total, worked_out_total
from schemas.memory_model import Detail
from tests.context.factories import detail


def _replaced(*details: Detail) -> set[tuple[str, str]]:
    return {(change.old, change.new) for change in value_changes(details)}


def test_a_total_said_anew_replaces_the_sum_worked_out_before_in_every_language() -> None:
    assert _replaced(
        detail(
            78,
            "Assistant: Subtotal €1,264, less 10% = €1,137.60",
            ["€1,264", "€1,137.60"],
            "amount",
        ),
        detail(
            94, "Assistant: Done ✅ Total is now €1,152.60 with express.", ["€1,152.60"], "amount"
        ),
    ) == {("€1,137.60", "€1,152.60")}
    assert _replaced(
        detail(
            40,
            "Assistant: ยอดใหม่ครับ 28,900 + เซ็นทรัลล็อก 1,500 = 30,400 บาท",
            ["28,900", "1,500", "30,400 บาท"],
            "amount",
        ),
        detail(70, "Assistant: ยอดรวม 31,900 บาท", ["31,900 บาท"], "amount"),
    ) == {("30,400 บาท", "31,900 บาท")}
    assert _replaced(
        detail(12, "Assistant: جمع کل با اجرا: ۴۱۸ میلیون تومان", ["۴۱۸ میلیون"], "amount"),
        detail(30, "Assistant: پیش‌فاکتور جدید، مجموع ۴۵۸ میلیون تومن", ["۴۵۸ میلیون"], "amount"),
    ) == {("۴۱۸ میلیون", "۴۵۸ میلیون")}


def test_a_line_of_the_order_or_a_part_total_is_no_total() -> None:
    # a product is one line of an order, an aside adds players, not money
    assert not worked_out_total("Assistant: 24 × €18 = €432", "€432")
    assert not worked_out_total("Assistant: 24 jerseys (22 + 2 goalie) @ €32 = €768", "€768")
    assert worked_out_total("Assistant: €984 + €396 = €1,380, less 10% = €1,242", "€1,242")
    # a subtotal, a total of one part, a deposit
    assert not said_as_total("Assistant: Subtotal: $300", "$300")
    assert not said_as_total("Assistant: the total for the hoodies is $260", "$260")
    assert not said_as_total("Assistant: Total deposit: $600", "$600")
    assert said_as_total("Assistant: so the total is $1,898.00", "$1,898.00")
    assert not _replaced(
        detail(20, "Assistant: 24 × €18 = €432", ["€18", "€432"], "amount"),
        detail(40, "Assistant: Total is now €1,152.60", ["€1,152.60"], "amount"),
    )


def test_a_total_asked_about_or_in_other_money_replaces_nothing() -> None:
    older = detail(10, "Assistant: €984 + €396 = €1,380", ["€984", "€396", "€1,380"], "amount")
    assert not _replaced(older, detail(20, "User: so the total is €1,400?", ["€1,400"], "amount"))
    assert not _replaced(older, detail(20, "Assistant: the total is $1,520", ["$1,520"], "amount"))
    # the same total said again is no change
    assert not _replaced(
        older, detail(20, "Assistant: total comes to €1,380", ["€1,380"], "amount")
    )


def test_a_new_total_said_with_new_replaces_the_older_one() -> None:
    assert _replaced(
        detail(68, "Assistant: با نرخ جمعه، جمع کل میشه ۱۲ میلیون تومان.", ["۱۲ میلیون"], "amount"),
        detail(81, "Assistant: جمع کل جدید: ۱۳ میلیون تومان.", ["۱۳ میلیون"], "amount"),
    ) == {("۱۲ میلیون", "۱۳ میلیون")}


def test_the_total_of_another_invoice_replaces_nothing() -> None:
    older = Detail(
        first_position=9,
        last_position=9,
        text="Assistant: Invoice INV-1001 total is £240.",
        values=["INV-1001", "£240"],
        kinds=["identifier", "amount"],
    )
    newer = older.model_copy(
        update={
            "first_position": 40,
            "last_position": 40,
            "text": "Assistant: Invoice INV-1002 total is £180.",
            "values": ["INV-1002", "£180"],
        }
    )
    assert not _replaced(older, newer)
    # the same invoice's total said anew is its change
    same = newer.model_copy(
        update={
            "text": "Assistant: Invoice INV-1001 total is now £180.",
            "values": ["INV-1001", "£180"],
        }
    )
    assert _replaced(older, same) == {("£240", "£180")}
