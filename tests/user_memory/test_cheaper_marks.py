"""A returning user's section spends its room on values, not on marks
(``domain.user_memory.replaced_marks``, ``fact_values``).

One old value quoted in parts carries one "(replaced)", after its last part; a detail's
sentence saying only what another of its sentences replaced goes; a sentence the
extractor took for an amount's next value replaced no amount; a day named only from when
it was said is handed over but not recalled; a detail of chat of that moment (a laugh, a thanks,
"hold on") is not handed over. English, Persian, Thai.
"""

from __future__ import annotations

import pytest

from domain.context.replaced import ReplacedMarks
from domain.user_memory.details import conversation_details
from domain.user_memory.fact_values import day_gone, users_facts
from domain.user_memory.idle_details import of_the_moment
from domain.user_memory.replaced_marks import ShortMarks
from schemas.memory_model import Detail, Fact, FactValue
from tests.user_memory.conversations import T0


def fact(key: str, value: str, *earlier: str) -> Fact:
    history = [FactValue(value=v, source_message_id="m1", updated_at=T0) for v in earlier]
    return Fact(key=key, value=value, source_message_id="m2", updated_at=T0, history=history)


#: (fact, text quoting its earlier values in parts, the text as marked).
IN_PARTS = {
    "en": (
        fact("return_date", "Tuesday, Nov 26", "Friday", "Nov 22"),
        "You'd likely have it back by Friday, Nov 22.",
        "You'd likely have it back by Friday, Nov 22 (replaced).",
    ),
    "fa": (
        fact("appointment_date", "۸ آذر", "پنجشنبه", "۲۴ آبان"),
        "پنجشنبه ۲۴ آبان ثبت شد، دکتر بین ساعت ۱۰ تا ۱۲ میاد.",
        "پنجشنبه ۲۴ آبان (replaced) ثبت شد، دکتر بین ساعت ۱۰ تا ۱۲ میاد.",
    ),
    "th": (
        fact("flight_date", "วันที่ 21 ธ.ค.", "วันเสาร์ที่ 21 ธันวาคม", "2567"),
        "ขาไปเที่ยวบิน TS212 วันเสาร์ที่ 21 ธันวาคม 2567 ออก 08.05 น.",
        "ขาไปเที่ยวบิน TS212 วันเสาร์ที่ 21 ธันวาคม 2567 (replaced) ออก 08.05 น.",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_one_old_value_quoted_in_parts_carries_one_mark(language: str) -> None:
    moved, text, marked = IN_PARTS[language]
    assert ShortMarks(ReplacedMarks([moved])).mark(text) == marked


#: (fact, a detail asking about the old value and answered with the new one, the detail
#: as the user memory keeps it).
ANSWERED = {
    "en": (
        fact("customer_email", "jen.k@gmail.com", "jkowal@yahoo.com"),
        "Assistant: Sending to jkowal@yahoo.com, is that right? "
        "User: oh can you send to jen.k@gmail.com instead?",
        "User: oh can you send to jen.k@gmail.com instead?",
    ),
    "fa": (
        fact("customer_phone", "0912 345 6718", "0912 345 6781"),
        "Assistant: شماره‌ای که ثبت کردم 0912 345 6781 هست، درسته؟ "
        "User: نه اشتباه زدم 0912 345 6718 درستشه.",
        "User: نه اشتباه زدم 0912 345 6718 درستشه.",
    ),
    "th": (
        fact("customer_phone", "089-314-7720", "081-556-2934"),
        "Assistant: เบอร์ 081-556-2934 ใช่ไหมคะ User: ไม่ใช่ครับ เบอร์ใหม่ 089-314-7720 ครับ",
        "User: ไม่ใช่ครับ เบอร์ใหม่ 089-314-7720 ครับ",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_sentence_saying_only_what_the_detail_replaced_goes(language: str) -> None:
    changed, text, kept = ANSWERED[language]
    marks = ShortMarks(ReplacedMarks([changed]))
    assert marks.mark_detail(text, [changed.value]) == kept
    # a sentence stating a current value stays, marked
    both = f"{text.split('User:')[0].strip()} Assistant: ORD-55120"
    assert "(replaced)" in marks.mark_detail(both, [changed.value, "ORD-55120"])


#: (a fact whose history holds an amount and whose value is a sentence, a text quoting
#: the amount).
SENTENCE_AFTER_AMOUNT = {
    "en": (
        fact("reported_fault", "I definitely didn't call anyone abroad", "£51.49"),
        "it's £51.49 this month, normally it's £38.99.",
    ),
    "fa": (
        fact("reported_fault", "یه تماس خارجی داشتم ولی من زنگ نزدم اصلا", "۵۱۰ هزار تومان"),
        "قبض این ماه ۵۱۰ هزار تومان شده",
    ),
    "th": (
        fact("reported_fault", "ฉันไม่ได้โทรไปต่างประเทศเลยค่ะ", "1,250 บาท"),
        "บิลเดือนนี้ 1,250 บาท",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_sentence_stating_no_value_replaced_no_amount(language: str) -> None:
    faulty, text = SENTENCE_AFTER_AMOUNT[language]
    assert ReplacedMarks([faulty]).mark(text) == text
    # an amount after it is still the amount's replacement
    paid = fact("bill_total", "£38.99", "£51.49")
    assert "(replaced by £38.99)" in ReplacedMarks([paid]).mark("it's £51.49 this month")


#: Facts of a conversation: a day said only from then, and one with its date.
RELATIVE = {
    "en": [("flight_date", "tomorrow morning"), ("delivery_date", "Friday 7 June")],
    "fa": [("flight_date", "فردا صبح"), ("delivery_date", "جمعه ۱۶ آبان")],
    "th": [("appointment_date", "พรุ่งนี้เช้า"), ("delivery_date", "วันศุกร์ที่ 7 พ.ย.")],
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_day_said_only_from_then_is_handed_over_but_not_recalled(language: str) -> None:
    relative, dated = RELATIVE[language]
    # handed over as its key's value (an earlier date of that key is no longer current) ...
    assert users_facts([relative, dated]).facts == [relative, dated]
    # ... and not shown in a later conversation: that day is gone (``test_relative_days``)
    assert day_gone(*relative)
    assert not day_gone(*dated)


#: (a detail of chat of that moment, one whose clause the next conversation needs).
OF_THE_MOMENT = {
    "en": (
        "User: Please hold on a moment!",
        "User: I'd rather you email me than ring.",
    ),
    "fa": ("User: خیلی ممنون 🙏", "User: آره با پیک بفرستید"),
    "th": ("User: มาอีกแล้วค่ะ 😅 แม่ฝากของเพิ่ม", "User: ตอนรับรถผมจะจ่ายเงินสด"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_of_chat_of_the_moment_is_not_handed_over(language: str) -> None:
    idle, needed = OF_THE_MOMENT[language]
    details = [
        Detail(
            first_position=n,
            last_position=n,
            text=text,
            values=[text.removeprefix("User: ")],
            kinds=["instruction"],
        )
        for n, text in enumerate([idle, needed], start=1)
    ]
    handed = conversation_details(details, [], "c1", T0)
    assert [detail.text for detail in handed] == [needed]
    # a value stated beside it keeps the detail
    dated = details[0].model_copy(
        update={"values": [*details[0].values, "14:07"], "kinds": ["instruction", "time"]}
    )
    assert len(conversation_details([dated], [], "c1", T0)) == 1


#: Clauses holding words of thanks, of waiting or of now that say more: (clause, kind).
SAYS_MORE = {
    "en": [
        ("The heating is broken right now and the boiler makes noise", "problem"),
        ("Thanks! Behind the blue gate please", "place"),
        ("Thanks! Behind the blue gate please", "instruction"),
        ("Hold on, send it to my office instead", "instruction"),
    ],
    "fa": [
        ("الان کولر کار نمیکنه", "problem"),
        ("الان کولر کار نمیکنه", "instruction"),
        ("مرسی، لطفا دم در پشتی بذارید", "place"),
    ],
    "th": [
        ("ขอบคุณค่ะ เอาสีดำค่ะ", "choice"),
        ("ขอบคุณค่ะ เอาสีดำค่ะ", "instruction"),
        ("แป๊บนะคะ ตอนนี้แอร์ไม่เย็นเลย", "problem"),
    ],
}
#: Clauses that only thank, ask to wait or say they are paying now.
ONLY_THE_MOMENT = {
    "en": ["Thanks so much! 🙏", "Please hold on a moment.", "ok, paying now"],
    "fa": ["مرسی 🙏", "یه لحظه صبر کنید", "الان پرداخت میکنم"],
    "th": ["ขอบคุณมากค่ะ 🙏", "แป๊บนะคะ", "สักครู่ครับ"],
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_clause_saying_more_than_thanks_or_now_is_handed_over(language: str) -> None:
    for clause, kind in SAYS_MORE[language]:
        detail = Detail(
            first_position=1, last_position=1, text=f"User: {clause}", values=[clause], kinds=[kind]
        )
        handed = conversation_details([detail], [], "c1", T0)
        assert [item.text for item in handed] == [f"User: {clause}"]
        assert not of_the_moment(clause, kind), clause


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_clause_only_of_thanks_or_now_is_not_handed_over(language: str) -> None:
    for clause in ONLY_THE_MOMENT[language]:
        assert of_the_moment(clause, "instruction"), clause
        # a fault, a place or a choice is never chat of the moment
        assert not of_the_moment(clause, "problem"), clause


#: A conversation's name facts: words around a name the extractor took for one («in the
#: name of one of the passengers», «your son's name on the ticket?», «it is in the
#: landlord's name»), and real names of every language.
NOT_NAMES = [("holder_name", "یکی از"), ("child_name", "در بلیت"), ("holder_name_2", "صاحبخونه‌ست")]
NAMES = [
    ("holder_name", "حمید کعبی"),
    ("child_name", "امیرحسین محمدی"),
    ("customer_name", "Dan Whitmore"),
    ("person_name", "ธนากร วงศ์ใหญ่"),
]


def test_words_taken_for_a_persian_name_are_no_users_fact() -> None:
    assert users_facts([*NOT_NAMES, *NAMES]).facts == NAMES
