"""Values a reply says without giving them, in English, Persian and Thai (false
replacements in fact histories): a slot said to be full, a day compared with, a number
of times; and where an open question's subject comes from when it names none."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_date_slots import values_by_key


@pytest.mark.parametrize(
    ("known", "question", "reply", "key"),
    [
        (
            [("appointment_time", "2pm")],
            "What time is my appointment? Can I come earlier?",
            "The 10am slot is full, sorry.",
            "appointment_time",
        ),
        (
            [("appointment_time", "ساعت ۲")],
            "نوبتم ساعت چنده؟ زودتر نمیشه؟",
            "ساعت ۱۰ پر شده، متاسفم",
            "appointment_time",
        ),
        (
            [("appointment_time", "13:30 น.")],
            "นัดกี่โมงคะ มีรอบเช้ากว่านี้ไหมคะ",
            "รอบ 10 โมงวันที่ 15 เต็มแล้วค่ะ 😭",
            "appointment_time",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_slot_said_to_be_full_replaces_nothing(
    known: list[tuple[str, str]], question: str, reply: str, key: str
) -> None:
    facts = values_by_key(known, ("user", question), ("assistant", reply))
    assert key not in facts


@pytest.mark.parametrize(
    ("known", "question", "reply"),
    [
        (
            [("appointment_date", "Saturday 30 November")],
            "When is the engineer visit?",
            "It's two days earlier than Monday 2 December.",
        ),
        (
            [("appointment_date", "شنبه ۸ آذر")],
            "نوبت بازدید کیه؟",
            "نوبتتون دو روز زودتر از دوشنبه ۱۰ آذره",
        ),
        (
            [("appointment_date", "เสาร์ 30 พ.ย.")],
            "นัดช่างวันไหนคะ",
            "เร็วกว่าวันจันทร์ 2 ธ.ค. สองวันค่ะ",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_day_compared_with_replaces_nothing(
    known: list[tuple[str, str]], question: str, reply: str
) -> None:
    facts = values_by_key(known, ("user", question), ("assistant", reply))
    assert "appointment_date" not in facts


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("How much was the refund?", "I called 3 times"),
        ("مبلغ بازگشت وجه چقدره؟", "۳ بار زنگ زدم"),
        ("ยอดคืนเงินเท่าไหร่คะ", "โทรไป 3 ครั้งแล้วค่ะ"),
    ],
    ids=["en", "fa", "th"],
)
def test_a_number_of_times_answers_no_question(question: str, reply: str) -> None:
    facts = values_by_key([], ("assistant", question), ("user", reply))
    assert "refund_amount" not in facts


@pytest.mark.parametrize(
    ("question", "reply", "key"),
    [
        (
            "Collections are done by our partner and the car is inspected at the point of"
            " collection. What date suits you?",
            "can it be Thursday 22 May?",
            "pickup_date",
        ),
        (
            "تحویل ماشین توسط همکارمون انجام میشه. چه روزی براتون مناسبه؟",
            "سه‌شنبه ۱۲ مهر",
            "delivery_date",
        ),
        (
            "ช่างจะเข้าไปติดตั้งให้ถึงบ้านค่ะ สะดวกวันไหนคะ",
            "วันอังคารที่ 12 พ.ย. ครับ",
            "installation_date",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_question_for_a_day_asks_the_day_of_what_was_named_just_before(
    question: str, reply: str, key: str
) -> None:
    facts = values_by_key([("end_date", "31 May")], ("assistant", question), ("user", reply))
    assert key in facts
    assert "end_date" not in facts  # the day on record stays


def test_a_cue_is_read_with_the_words_after_the_reach() -> None:
    """ "with our wedding coordinator": the word after the cue, past the reach, says the
    cue names no wedding day."""
    facts = values_by_key(
        [],
        ("user", "could we do a site visit soon?"),
        ("assistant", "I can offer Thursday 6 March at 2pm with our wedding coordinator, Megan."),
    )
    assert "event_date" not in facts
    assert facts.get("appointment_date") == "Thursday 6 March at 2pm"
