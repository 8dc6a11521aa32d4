"""What the rules on parts of values and bare numbers must still let through, in English,
Persian and Thai, value by value: a «چند» + verb question asks a sum, a day named from
today with "now" or "new" moves a date, a number in its own short sentence is the thing
named just before, a model code after a brand is no postcode, a correction a sentence
before a number (or one that adds the digits left off) still puts it right, a full name
before a verb of its own is a name, a long reply that opens with "same" is an answer, and a
flat said with "now" or a move is the new place.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.person_names import people_named
from tests.memory.test_offline_facts_dialogue import facts_of

# -- a question for a sum with «چند» + a verb, «กี่ตังค์», or a clause of its own ---------------


@pytest.mark.parametrize(
    ("question", "reply", "value"),
    [
        ("مبلغ کل چند میشه؟", "۸۵۰ هزار", "۸۵۰ هزار"),
        ("جمعش چند میشه با مالیات؟", "۱ میلیون و ۲۰۰ هزار تومان", "۱ میلیون و ۲۰۰ هزار تومان"),
        ("کل مبلغ بلیت‌ها چند درمیاد؟", "۸ میلیون و ۴۰۰ هزار تومن", "۸ میلیون و ۴۰۰ هزار تومن"),
        ("ยอดรวมทั้งหมดกี่ตังค์คะ", "2,450 บาทค่ะ", "2,450 บาท"),
        ("How many nights in total, and what's the total amount?", "3 nights, £540", "£540"),
    ],
)
def test_a_question_for_a_sum_with_how_many_words_asks_the_total(
    question: str, reply: str, value: str
) -> None:
    assert facts_of(("user", question), ("assistant", reply)).get("order_total") == value


# -- a day named from today with "now" or "new" moves a named date ---------------------------


@pytest.mark.parametrize(
    ("held", "message", "value"),
    [
        ("Friday 12 March", "Your parcel will now arrive tomorrow.", "tomorrow"),
        ("Friday 12 March", "Good news, the new delivery date is tomorrow", "tomorrow"),
        ("پنجشنبه ۱۴ آذر", "تحویل سفارشتون الان افتاد برای فردا", "فردا"),
        ("วันศุกร์ที่ 12 มีนาคม", "ตอนนี้ของจะถึงพรุ่งนี้ค่ะ", "พรุ่งนี้"),
    ],
)
def test_a_relative_day_with_an_update_word_replaces_a_named_day(
    held: str, message: str, value: str
) -> None:
    facts = facts_of(("assistant", message), known=[("delivery_date", held)])
    assert facts.get("delivery_date") == value


# -- a number in its own short sentence is the thing named just before ---------------------


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("ok the gate code for deliveries. 8203", "access_code", "8203"),
        ("کد در ورودی ساختمون. ۴۴۷۱", "access_code", "۴۴۷۱"),
        ("شماره عضویتم اینه. ۸۸۲۱۳", "account_number", "۸۸۲۱۳"),
    ],
)
def test_a_number_said_alone_takes_the_subject_before(message: str, key: str, value: str) -> None:
    assert facts_of(("user", message)).get(key) == value


# -- a model code after a brand is no postcode ----------------------------------------------


@pytest.mark.parametrize(
    ("message", "model"),
    [
        ("I bought a Samsung S24 1TB last week", "Samsung S24 1TB"),
        ("my phone is a Galaxy S23 5GB plan", "Galaxy S23 5GB"),
        ("Order the Lenovo T14 2ND gen", "Lenovo T14 2ND"),
    ],
)
def test_a_model_with_a_unit_is_no_postcode(message: str, model: str) -> None:
    facts = facts_of(("user", message))
    assert facts.get("product_model") == model
    assert "postcode" not in facts


# -- a correction a sentence before a bare number, or digits left off, still put it right ---


@pytest.mark.parametrize(
    ("key", "held", "message", "value"),
    [
        ("transfer_amount", "$540", "Sorry, wrong amount. I transferred 450", "450"),
        ("deposit", "$520", "Apologies, I gave you the wrong figure, we paid 250", "250"),
        ("transfer_amount", "540 บาท", "ขอโทษค่ะ ยอดที่โอนจริงๆ คือ 450", "450"),
        ("apartment_number", "21", "My flat number is wrong on the order. 12 is correct", "12"),
        ("room_number", "214", "เลขห้องเปลี่ยนแล้วค่ะ ตอนนี้ 412", "412"),
        ("order_id", "44102", "sorry I missed the last two digits, 4410287", "4410287"),
        ("order_id", "۴۴۱۰۲", "ببخشید اشتباه شد، ۴۴۱۰۲۸۷", "۴۴۱۰۲۸۷"),
        ("order_id", "44102", "ขอโทษค่ะ พิมพ์ผิด 4410287", "4410287"),
    ],
)
def test_a_bare_number_a_sentence_after_the_correction_puts_it_right(
    key: str, held: str, message: str, value: str
) -> None:
    assert facts_of(("user", message), known=[(key, held)]).get(key) == value


# -- a Persian full name before a verb of its own is a name ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("آقای حسین کریمی اومدن ولی کولر هنوز درست نشده", "حسین کریمی"),
        ("فاکتور رو برای خانم مریم کریمی بزنید", "مریم کریمی"),
        ("کارشناس‌تون آقای علی رضایی رفتن و کار نیمه‌تموم موند", "علی رضایی"),
    ],
)
def test_a_full_name_before_a_verb_of_its_own_is_a_name(text: str, name: str) -> None:
    assert [person.name for person in people_named(text)] == [name]


# -- a long answer that opens with "same" is an answer --------------------------------------


def test_a_fault_told_after_same_is_kept() -> None:
    reply = "Same issue as last week, the internet keeps dropping every evening"
    facts = facts_of(
        ("assistant", "What seems to be the problem with the router?"), ("user", reply)
    )
    assert facts.get("reported_fault") == reply


# -- a flat said with "now" or a move is the new place --------------------------------------


@pytest.mark.parametrize(
    ("address", "message", "part"),
    [
        ("تهران، پونک، خیابان عدل، پلاک ۲۱، واحد ۱۱", "الان واحد ۱۴ هستیم", "واحد ۱۴"),
        ("42 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย", "ตอนนี้ย้ายไปอยู่ตึก C ห้อง 808 ค่ะ", "ตึก C ห้อง 808"),
    ],
)
def test_a_flat_said_with_an_update_word_is_the_new_address(
    address: str, message: str, part: str
) -> None:
    facts = facts_of(("user", message), known=[("delivery_address", address)])
    assert facts.get("delivery_address", address).endswith(part)
    assert "address_detail" not in facts
