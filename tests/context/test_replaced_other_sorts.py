"""A replaced value is marked only where the text quotes it as a value of the same sort
as the one that replaced it: a number a fact's history holds beside a price is not marked
where the text says it in volts."""

from __future__ import annotations

from domain.context.replaced import ReplacedMarks, mark_replaced
from domain.context.value_sorts import quoted_sort, same_sort
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact


def moved(key: str, old: str, new: str) -> Fact:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


def test_a_voltage_is_no_sort_of_a_price() -> None:
    assert not same_sort("10.8 volts", "£44.70")
    assert not same_sort("۱۰.۸ ولت", "۴۴۷ هزار تومان")
    assert not same_sort("10.8 โวลต์", "4,470 บาท")
    assert same_sort("12V", "10.8 volts")


def test_a_quote_is_read_with_the_unit_the_text_says_with_it() -> None:
    text = "the battery is down to 10.8 volts"
    at = text.index("10.8")
    assert quoted_sort(text, at, at + 4) == "10.8 volts"
    text = "ไฟเหลือ 10.8 โวลต์ค่ะ"
    at = text.index("10.8")
    assert quoted_sort(text, at, at + 4) == "10.8 โวลต์"
    text = "User: 10.8"
    assert quoted_sort(text, 6, 10) == "10.8"


def test_a_bare_old_number_quoted_in_volts_is_not_marked_replaced_by_a_price() -> None:
    cases = [
        ("order_total", "10.8", "£44.70", "Your battery is down to 10.8 volts, so it won't start."),
        ("order_total", "۱۰.۸", "۴۴۷ هزار تومان", "باتری فقط ۱۰.۸ ولت شارژ داره"),
        ("order_total", "10.8", "4,470 บาท", "แบตเสื่อม ไฟเหลือ 10.8 โวลต์ค่ะ"),
    ]
    for key, old, new, text in cases:
        facts = [moved(key, old, new)]
        assert mark_replaced(text, facts) == text
        assert ReplacedMarks(facts).mark_detail(text, [old]) == text


def test_a_bare_old_number_quoted_as_a_price_is_still_marked() -> None:
    facts = [moved("order_total", "4,620", "4,470 บาท")]
    assert mark_replaced("ยอดรวม 4,620 บาทค่ะ", facts) == (
        "ยอดรวม 4,620 (replaced by 4,470 บาท) บาทค่ะ"
    )
    facts = [moved("order_total", "£46.20", "£44.70")]
    assert mark_replaced("The total is £46.20 now.", facts) == (
        "The total is £46.20 (replaced by £44.70) now."
    )
    facts = [moved("order_total", "۴۶۲ هزار تومان", "۴۴۷ هزار تومان")]
    assert mark_replaced("جمع کل ۴۶۲ هزار تومان شد", facts) == (
        "جمع کل ۴۶۲ هزار تومان (replaced by ۴۴۷ هزار تومان) شد"
    )
