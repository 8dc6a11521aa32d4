"""A value moved from one to another in one sentence ("move my class from Monday to
Wednesday", «از دوشنبه به چهارشنبه منتقل کنید», «ย้ายคลาสจากวันจันทร์เป็นวันพุธ», "the price
went from $40 to $55"): the second is current, the first in the same key's history; an
English span of days with no word of change ("away from 7 April to 12 April") moves
nothing."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("said", "key", "new", "old"),
    [
        (
            "Please move my class from Monday to Wednesday.",
            "appointment_date",
            "Wednesday",
            "Monday",
        ),
        (
            "Can you move my dentist appointment from 3 May to 10 May?",
            "appointment_date",
            "10 May",
            "3 May",
        ),
        ("The price went from $40 to $55 without notice.", "price", "$55", "$40"),
        ("کلاس یوگا رو از دوشنبه به چهارشنبه منتقل کنید", "appointment_date", "چهارشنبه", "دوشنبه"),
        ("نوبتم رو از ۳ خرداد به ۱۰ خرداد منتقل کنید", "appointment_date", "۱۰ خرداد", "۳ خرداد"),
        ("ย้ายคลาสจากวันจันทร์เป็นวันพุธค่ะ", "appointment_date", "วันพุธ", "วันจันทร์"),
        (
            "ขอเลื่อนนัดจากวันที่ 3 พ.ค. เป็นวันที่ 10 พ.ค. ค่ะ",
            "appointment_date",
            "วันที่ 10 พ.ค.",
            "วันที่ 3 พ.ค.",
        ),
    ],
)
def test_a_value_moved_from_one_to_another(said: str, key: str, new: str, old: str) -> None:
    facts = conversation(("user", said), ("assistant", "Done."))
    assert current(facts)[key] == new
    assert history(facts, key) == [old]


@pytest.mark.parametrize(
    ("said", "key", "new", "old"),
    [
        ("can you change the pickup time from 10am to 2pm", "pickup_time", "2pm", "10am"),
        ("ساعت تحویل رو از ساعت ۱۰ به ساعت ۲ تغییر بدید", "delivery_time", "ساعت ۲", "ساعت ۱۰"),
        ("ขอเปลี่ยนเวลาส่งจาก 10 โมงเป็นบ่ายสองค่ะ", "delivery_time", "บ่ายสอง", "10 โมง"),
    ],
)
def test_hours_moved_from_one_to_another(said: str, key: str, new: str, old: str) -> None:
    facts = conversation(("user", said), ("assistant", "Done."))
    assert current(facts)[key] == new
    assert history(facts, key) == [old]


@pytest.mark.parametrize(
    "said",
    [
        "I'm away from 7 April to 12 April.",
        "I went on holiday from 3 May to 10 May and the parcel came back.",
        "ร้านเปิดจาก 9 โมงถึง 5 โมงเย็น",
        "از شنبه تا چهارشنبه نیستم",
        "The shop is open from Monday to Friday.",
    ],
)
def test_a_span_with_no_word_of_change_moves_nothing(said: str) -> None:
    facts = conversation(("user", said), ("assistant", "Noted."))
    assert all(not fact.history for fact in facts)


def test_a_move_of_something_unheld_keeps_the_held_booking_of_another_day() -> None:
    # "moving house" keys to no fact nor cue: it must not replace the dentist's day.
    facts = conversation(
        (
            "user",
            "My dentist appointment is on 30 June. I'm moving house from 1 July to 3 July, "
            "can you send the bill by email?",
        ),
        batch=10,
    )
    assert current(facts).get("appointment_date") == "30 June"
    assert history(facts, "appointment_date") == []


@pytest.mark.parametrize(
    "said",
    [
        # a timetable's hours given with a word of change: the hours kept, no move
        "Hi, the gym updated the weekend classes from 6am to 9pm, is that right?",
        "They changed the opening hours from 9am to 5pm last month.",
        # Persian «از … به …» with no word of change: a way or a span said loosely
        "کلاس‌ها از ساعت ۶ صبح به ۹ شب هست؟",
        "پرواز از ۲۰ آذر به ۲۵ آذر برای دو نفر می‌خواستم.",
        "بلیط از شیراز به تهران ساعت ۸ صبح به ۱۰ شب چنده؟",
        "سالن رو از ساعت ۹ به ۱۲ رزرو کنید لطفا.",
        # Thai «จาก … ถึง …» is a span too
        "คลาสเปิดจาก 6 โมงเช้าถึง 3 ทุ่มค่ะ",
    ],
)
def test_a_timetable_or_a_way_from_one_to_another_moves_nothing(said: str) -> None:
    facts = conversation(("user", said), ("assistant", "Noted."))
    assert all(not fact.history for fact in facts)


@pytest.mark.parametrize(
    ("said", "key", "new", "old"),
    [
        ("Please move my class from 6am to 9am.", "appointment_time", "9am", "6am"),
        ("Can you move my running club slot from 6am to 8am?", "appointment_time", "8am", "6am"),
        (
            "قیمت از ۴۰۰ هزار تومان به ۵۰۰ هزار تومان رسید",
            "invoice_amount",
            "۵۰۰ هزار تومان",
            "۴۰۰ هزار تومان",
        ),
    ],
)
def test_a_move_said_with_a_word_of_change_still_moves(
    said: str, key: str, new: str, old: str
) -> None:
    facts = conversation(("user", said), ("assistant", "Done."))
    assert current(facts)[key] == new
    assert history(facts, key) == [old]
