"""Values a reply says without giving them, in English, Persian and Thai (false
replacements in fact histories): a slot said to be full, a day compared with, a number
of times; and where an open question's subject comes from when it names none."""

from __future__ import annotations

import pytest

from domain.memory.offline.not_standing import not_standing
from domain.memory.offline.values import find_values
from tests.memory.test_offline_date_slots import values_by_key


def standing(text: str) -> dict[str, bool]:
    """Each value ``text`` says, by its words: whether it stands."""
    return {text[v.start : v.end]: not not_standing(text, v) for v in find_values(text)}


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
    ("known", "question", "reply", "key", "value"),
    [
        (
            [("appointment_time", "2pm")],
            "What time is my appointment? Can I come earlier?",
            "The 10am slot works.",
            "appointment_time",
            "10am",
        ),
        (
            [("appointment_time", "ساعت ۲")],
            "نوبتم ساعت چنده؟ زودتر نمیشه؟",
            "ساعت ۱۰ خالیه",
            "appointment_time",
            "ساعت ۱۰",
        ),
        (
            [("appointment_time", "13:30 น.")],
            "นัดกี่โมงคะ มีรอบเช้ากว่านี้ไหมคะ",
            "รอบ 10 โมงวันที่ 15 ว่างค่ะ",
            "appointment_time",
            "10 โมง",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_slot_not_said_to_be_full_replaces_the_one_held(
    known: list[tuple[str, str]], question: str, reply: str, key: str, value: str
) -> None:
    """The same replies without the word for full: the slot is taken up, so the one
    above drops it for that word alone."""
    facts = values_by_key(known, ("user", question), ("assistant", reply))
    assert facts.get(key) == value


@pytest.mark.parametrize(
    ("question", "reply", "key", "value"),
    [
        (
            "What day suits you for the delivery?",
            "Friday 5 May works but Saturday is fully booked for us",
            "delivery_date",
            "Friday 5 May",
        ),
        (
            "What day suits you for the delivery?",
            "I'm free on 5 May as my husband is unavailable on the 6th",
            "delivery_date",
            "5 May",
        ),
        (
            "چه روزی براتون مناسبه برای تحویل؟",
            "۱۵ آبان، تا اون موقع فرم رو تکمیل میکنم",
            "delivery_date",
            "۱۵ آبان",
        ),
        (
            "چه روزی براتون مناسبه برای تحویل؟",
            "۱۵ آبان خوبه ولی ۱۶ آبان پره",
            "delivery_date",
            "۱۵ آبان",
        ),
        (
            "ส่งของวันไหนดีคะ",
            "วันที่ 15 ธ.ค. ได้ แต่วันที่ 16 เต็มแล้ว",
            "delivery_date",
            "วันที่ 15 ธ.ค.",
        ),
    ],
    ids=["en-but", "en-as", "fa-fill-in", "fa-vali", "th-tae"],
)
def test_full_is_said_only_of_the_day_in_its_clause(
    question: str, reply: str, key: str, value: str
) -> None:
    facts = values_by_key([], ("assistant", question), ("user", reply))
    assert facts.get(key) == value


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        (
            "Friday 5 May works but Saturday is fully booked for us",
            {"Friday 5 May": True, "Saturday": False},
        ),
        ("I can do 5 May, the 6th is full", {"5 May": True, "the 6th": False}),
        ("Friday and Saturday are fully booked", {"Friday": False, "Saturday": False}),
        ("10am on Friday is full", {"10am": False, "Friday": False}),
        ("۱۵ آبان، تا اون موقع فرم رو تکمیل میکنم", {"۱۵ آبان": True}),
        ("ظرفیت ۱۵ آبان تکمیله", {"۱۵ آبان": False}),
        ("۱۵ آبان خوبه ولی ۱۶ آبان پره", {"۱۵ آبان": True, "۱۶ آبان": False}),
        ("ساعت ۱۰ روز ۱۵ آبان پر شده", {"ساعت ۱۰": False, "۱۵ آبان": False}),
        ("วันที่ 15 ธ.ค. ได้ แต่วันที่ 16 เต็มแล้ว", {"วันที่ 15 ธ.ค.": True, "วันที่ 16": False}),
        ("รอบ 10 โมงวันที่ 15 เต็มแล้วค่ะ", {"10 โมง": False, "วันที่ 15": False}),
    ],
    ids=[
        "en-but",
        "en-comma",
        "en-list",
        "en-slot",
        "fa-fill-in",
        "fa-full",
        "fa-vali",
        "fa-slot",
        "th-tae",
        "th-slot",
    ],
)
def test_full_ends_with_its_clause_and_spans_a_list_or_a_slot(
    reply: str, said: dict[str, bool]
) -> None:
    assert standing(reply) == said


@pytest.mark.parametrize(
    ("known", "question", "reply", "plain", "day"),
    [
        (
            [("appointment_date", "Saturday 30 November")],
            "When is the engineer visit?",
            "It's two days earlier than Monday 2 December.",
            "It's on Monday 2 December.",
            "Monday 2 December",
        ),
        (
            [("appointment_date", "شنبه ۸ آذر")],
            "نوبت بازدید کیه؟",
            "نوبتتون دو روز زودتر از دوشنبه ۱۰ آذره",
            "نوبتتون دوشنبه ۱۰ آذره",
            "دوشنبه ۱۰ آذر",
        ),
        (
            [("appointment_date", "เสาร์ 30 พ.ย.")],
            "นัดช่างวันไหนคะ",
            "เร็วกว่าวันจันทร์ 2 ธ.ค. สองวันค่ะ",
            "วันจันทร์ 2 ธ.ค. ค่ะ",
            "วันจันทร์ 2 ธ.ค.",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_day_compared_with_replaces_nothing(
    known: list[tuple[str, str]], question: str, reply: str, plain: str, day: str
) -> None:
    """The day is read and set aside for its comparison alone: said plainly, it
    replaces the day held."""
    facts = values_by_key(known, ("user", question), ("assistant", reply))
    assert "appointment_date" not in facts
    assert standing(reply)[day] is False
    plainly = values_by_key(known, ("user", question), ("assistant", plain))
    assert plainly.get("appointment_date") == day


@pytest.mark.parametrize(
    ("question", "reply", "key", "day"),
    [
        (
            "When do you need the delivery?",
            "Please deliver no later than Friday 5 May.",
            "deadline_date",
            "Friday 5 May",
        ),
        (
            "When do you need the delivery?",
            "not earlier than Monday 2 December please",
            None,
            "Monday 2 December",
        ),
        ("کی باید تحویل بدیم؟", "دیرتر از ۱۵ آبان نباشه", None, "۱۵ آبان"),
        ("کی باید تحویل بدیم؟", "نباید دیرتر از ۱۵ آبان باشه", None, "۱۵ آبان"),
        ("ส่งของวันไหนดีคะ", "ส่งไม่ช้ากว่าวันที่ 15 ธ.ค. นะคะ", "delivery_date", "วันที่ 15 ธ.ค."),
        ("ส่งของวันไหนดีคะ", "ส่งไม่เกินวันที่ 15 ธ.ค. นะคะ", "delivery_date", "วันที่ 15 ธ.ค."),
    ],
    ids=["en-no-later", "en-not-earlier", "fa-nabashe", "fa-nabayad", "th-mai-cha", "th-mai-koen"],
)
def test_a_comparison_not_to_be_exceeded_is_a_deadline_that_stands(
    question: str, reply: str, key: str | None, day: str
) -> None:
    assert standing(reply)[day] is True
    if key is not None:  # «دیرتر از … نباشه» is read by no rule of subject yet
        facts = values_by_key([], ("assistant", question), ("user", reply))
        assert facts.get(key) == day


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
