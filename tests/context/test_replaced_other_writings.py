"""An old value a summary or a detail quotes in another writing than the fact keeps (other
digits, thousands separators, the other clock) is marked; another value is not, nor the
current value in any writing."""

from __future__ import annotations

import pytest

from domain.context.replaced import ReplacedMarks, mark_replaced
from domain.context.value_writings import other_writings
from schemas.memory_model import ReplacedValue
from tests.context.factories import moved


@pytest.mark.parametrize(
    ("key", "old", "new", "text", "marked"),
    [
        # Persian: the customer's digits, the assistant's read-back in ASCII ones
        (
            "order_total",
            "۱۲۰ هزار تومان",
            "۱۵۰ هزار تومان",
            "Assistant: میشه 120 هزار تومان",
            "Assistant: میشه 120 هزار تومان (replaced by ۱۵۰ هزار تومان)",
        ),
        (
            "order_total",
            "120 هزار تومان",
            "150 هزار تومان",
            "User: یعنی ۱۲۰ هزار تومان؟",
            "User: یعنی ۱۲۰ هزار تومان (replaced by 150 هزار تومان)؟",
        ),
        (
            "customer_phone",
            "09123456789",
            "09123450000",
            "User: شمارم ۰۹۱۲۳۴۵۶۷۸۹ هست",
            "User: شمارم ۰۹۱۲۳۴۵۶۷۸۹ (replaced by 09123450000) هست",
        ),
        # Thai: Thai numerals, a total with and without its separator, the time's stop
        (
            "delivery_date",
            "12 ก.ค.",
            "13 ก.ค.",
            "User: วันเสาร์นี้ได้ไหมครับ ๑๒ ก.ค.",
            "User: วันเสาร์นี้ได้ไหมครับ ๑๒ ก.ค. (replaced by 13 ก.ค.)",
        ),
        (
            "order_total",
            "1,250 บาท",
            "1,500 บาท",
            "Assistant: รวม 1250 บาท ครับ",
            "Assistant: รวม 1250 บาท (replaced by 1,500 บาท) ครับ",
        ),
        (
            "install_time",
            "10.30 น.",
            "11.00 น.",
            "Assistant: นัด 10:30 น. ครับ",
            "Assistant: นัด 10:30 น. (replaced by 11.00 น.) ครับ",
        ),
        # English: separators, the 24-hour clock, a phone typed in groups
        (
            "order_total",
            "£1,890",
            "£1,950",
            "Assistant: That comes to £1890 in total.",
            "Assistant: That comes to £1890 (replaced by £1,950) in total.",
        ),
        (
            "delivery_time",
            "2pm",
            "4pm",
            "Assistant: Your slot is 14:00 on Friday.",
            "Assistant: Your slot is 14:00 (replaced by 4pm) on Friday.",
        ),
        (
            "customer_phone",
            "0161 496 0732",
            "0161 496 0723",
            "User: 01614960732",
            "User: 01614960732 (replaced by 0161 496 0723)",
        ),
    ],
)
def test_an_old_value_written_otherwise_is_marked(
    key: str, old: str, new: str, text: str, marked: str
) -> None:
    assert mark_replaced(text, [moved(key, old, new)]) == marked


@pytest.mark.parametrize(
    ("key", "old", "new", "text"),
    [
        # another number, or the number inside a longer one
        ("order_total", "۱۲۰ هزار تومان", "۱۵۰ هزار تومان", "Assistant: میشه 121 هزار تومان"),
        ("order_total", "£1,890", "£1,950", "Assistant: That comes to £11890, or £1,980."),
        ("order_total", "1,250 บาท", "1,500 บาท", "Assistant: รวม 11250 บาท ครับ"),
        ("delivery_date", "12 ก.ค.", "13 ก.ค.", "User: ๑๒๓ ก.ค. ไม่ใช่ครับ"),
        # the current value, in any writing
        ("order_total", "۱۲۰ هزار تومان", "۱۵۰ هزار تومان", "Assistant: میشه 150 هزار تومان"),
        ("delivery_date", "12 ก.ค.", "13 ก.ค.", "User: ได้ครับ ๑๓ ก.ค."),
        ("delivery_time", "2pm", "4pm", "Assistant: See you at 16:00."),
        # a time that is an amount written with a stop
        ("delivery_time", "12:50", "13:10", "Assistant: The fee is £12.50."),
        # another writing passes the checks the kept writing does:
        # a 24-hour time written with a stop is an amount where no clock word stands with it
        ("callback_time", "2pm", "3pm", "User: restocking fee is 14.00 right?"),
        ("pickup_time", "10:30", "11:00", "Assistant: total is 10.30 dollars, pickup at 11:00"),
        # a closing hour in the 24-hour clock, as "closes 2pm" is
        ("callback_time", "2pm", "3pm", "Assistant: Store closes 14:00 on Saturdays, call at 3pm."),
        # a bare number regrouped, not beside its subject: another amount
        ("order_total", "1500", "1800", "Assistant: Total 1,800. Deposit of 1,500 paid already."),
        ("order_total", "1,500", "1,800", "Assistant: Total 1,800. Deposit of 1500 paid already."),
    ],
)
def test_another_value_or_the_current_one_is_not_marked(
    key: str, old: str, new: str, text: str
) -> None:
    assert mark_replaced(text, [moved(key, old, new)]) == text


def test_a_value_that_only_changed_its_writing_replaced_nothing() -> None:
    """«۱۲۰» then "120", "2pm" then "14:00": the same value said again, marked nowhere."""
    for old, new, text in (
        ("۱۲۰ هزار تومان", "120 هزار تومان", "User: ۱۲۰ هزار تومان"),
        ("2pm", "14:00", "Assistant: booked for 14:00, that is 2pm."),
        ("12 ก.ค.", "๑๒ ก.ค.", "User: 12 ก.ค. ครับ"),
    ):
        assert mark_replaced(text, [moved("delivery", old, new)]) == text


def test_a_replaced_value_of_a_detail_is_marked_in_another_writing() -> None:
    replaced = [ReplacedValue(old="۴۵۸۲۱", new="۴۵۲۸۱", how="corrected")]
    marks = ReplacedMarks([], detail_replaced=replaced)
    assert marks.mark("Assistant: سفارش 45821 ثبت شد") == (
        "Assistant: سفارش 45821 (replaced by ۴۵۲۸۱) ثبت شد"
    )
    assert marks.mark("Assistant: سفارش 145821 ثبت شد") == "Assistant: سفارش 145821 ثبت شد"


def test_the_other_writings_change_no_word_and_no_number() -> None:
    assert other_writings("Thursday 14 March") == ()
    assert other_writings("ORD-48213") == ()
    assert other_writings("Niamh Fahy") == ()
    assert "0912 345 6,789" not in other_writings("0912 345 6789")
    assert other_writings("£12.50") == ("£۱۲.۵۰", "£๑๒.๕๐")


def test_a_value_named_as_old_is_marked_in_another_writing() -> None:
    marks = ReplacedMarks([], old_values=["۱۸۹ هزار تومان", "1,890 บาท"])
    assert marks.mark("User: گفتید 189 هزار تومان") == "User: گفتید 189 هزار تومان (replaced)"
    assert marks.mark("User: เดิม 1890 บาท") == "User: เดิม 1890 บาท (replaced)"
    assert marks.mark("User: گفتید 1189 هزار تومان") == "User: گفتید 1189 هزار تومان"


def test_a_regrouped_bare_number_is_marked_beside_its_subject() -> None:
    marked = mark_replaced(
        "Assistant: Your total was 1,500 before.", [moved("order_total", "1500", "1800")]
    )
    assert marked == "Assistant: Your total was 1,500 (replaced by 1800) before."
    assert other_writings("14.00 น.")[:2] == ("๑๔.๐๐ น.", "14:00 น.")
    assert "14.00" not in other_writings("2pm")
