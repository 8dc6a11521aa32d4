"""A part of a held value is no new value of it, and a bare number is a corrected sum only
when the correction leads it, in English, Persian and Thai, value by value: a neighbour's
flat («خانم نوروزی، واحد ۳») after the whole address is kept under a key of its own, and
"88 Deansgate" after "invoices moved" is no room rate.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of

# -- a part inside a building does not replace the whole address ---------------------------


@pytest.mark.parametrize(
    ("address", "message", "part"),
    [
        ("پونک، خیابان عدل، کوچه نهم، پلاک ۲۱، واحد ۱۱", "خانم نوروزی، واحد ۳.", "واحد ۳"),
        ("42 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย", "ฝากไว้กับเพื่อน ตึก B ห้อง 1508 ค่ะ", "ตึก B ห้อง 1508"),
    ],
)
def test_a_flat_said_after_the_whole_address_is_kept_apart(
    address: str, message: str, part: str
) -> None:
    facts = facts_of(("user", message), known=[("delivery_address", address)])
    assert facts.get("delivery_address", address) == address
    assert facts["address_detail"] == part


@pytest.mark.parametrize(
    ("address", "message", "part"),
    [
        ("پونک، خیابان عدل، پلاک ۲۱، واحد ۱۱", "ببخشید اشتباه گفتم، واحد ۳", "واحد ۳"),
        ("42 ถนนสุขุมวิท แขวงคลองเตย", "ขอโทษค่ะ พิมพ์ผิด ตึก B ห้อง 1509 ค่ะ", "ตึก B ห้อง 1509"),
    ],
)
def test_a_flat_given_as_a_correction_still_corrects(address: str, message: str, part: str) -> None:
    facts = facts_of(("user", message), known=[("delivery_address", address)])
    assert facts.get("delivery_address") == part


@pytest.mark.parametrize(
    ("street", "flat", "corrected"),
    [
        (
            "خیابان سعدی، کوچه ۷، پلاک ۱۲",
            "طبقه ۳، واحد ۹",
            "اصلاح شد: خیابان سعدی، کوچه ۹، پلاک ۱۲",
        ),
        (
            "88 ถนนพหลโยธิน ซอย 7 แขวงสามเสนใน",
            "ตึก C ห้อง 402",
            "ขอโทษค่ะ แก้ไขแล้ว 88 ถนนพหลโยธิน ซอย 9 แขวงสามเสนใน",
        ),
    ],
)
def test_a_street_put_right_corrects_the_street_not_the_flat_said_after_it(
    street: str, flat: str, corrected: str
) -> None:
    # the floor and flat were the last address-like value said, yet a street corrects a street
    new = corrected.split(": ", 1)[-1].removeprefix("ขอโทษค่ะ แก้ไขแล้ว ")
    facts = conversation(
        ("user", street),
        ("user", flat),
        ("assistant", corrected),
        batch=1,
    )
    assert current(facts).get("delivery_address") == new, current(facts)
    assert current(facts).get("address_detail") == flat, current(facts)


# -- a bare number a clause away from a word of change is no corrected sum ------------------


@pytest.mark.parametrize(
    ("key", "held", "message"),
    [
        (
            "room_rate",
            "£135",
            "invoices go to manchester now, accounts moved there. 2nd Floor, 88 Deansgate",
        ),
        ("shipping_cost", "£7.50", "Bedrooms are fine, I can move all 24 across to October."),
        ("deposit", "۳۰ تومن", "تمدید باید حداقل ۱۲ ساعت قبل اطلاع داده بشه"),
        ("price", "1,180 บาท", "ขอโทษค่ะ เบอร์พิมพ์ผิด ที่ถูกคือ +44 7700 900421 ค่ะ ท้ายเป็น 421"),
    ],
)
def test_a_bare_number_away_from_the_correction_is_no_sum(
    key: str, held: str, message: str
) -> None:
    facts = facts_of(("user", message), known=[(key, held)])
    assert facts.get(key, held) == held


@pytest.mark.parametrize(
    ("key", "held", "message", "value"),
    [
        ("order_total", "£96", "sorry, it should be 84", "84"),
        ("refund_amount", "65 บาท", "ไม่ใช่คับ ต้องเป็น 130 ดิ", "130"),
        ("deposit", "۹۶ تومان", "ببخشید اشتباه گفتم، درستش ۸۴ هست", "۸۴"),
    ],
)
def test_a_bare_number_the_correction_leads_corrects_the_sum(
    key: str, held: str, message: str, value: str
) -> None:
    assert facts_of(("user", message), known=[(key, held)]).get(key) == value


# -- a day named from when it is said does not replace a named day --------------------------


@pytest.mark.parametrize(
    ("key", "held", "message"),
    [
        ("delivery_date", "Monday morning", "It will be delivered tomorrow to the centre."),
        (
            "delivery_date",
            "دوشنبه صبح",
            "دستگاه امروز عصر به مرکز می‌رسه و فردا تکنسین بررسیش می‌کنه.",
        ),
        ("delivery_date", "วันจันทร์", "ของจะจัดส่งถึงสาขาพรุ่งนี้ค่ะ"),
    ],
)
def test_a_relative_day_does_not_replace_a_named_day(key: str, held: str, message: str) -> None:
    facts = facts_of(("assistant", message), known=[(key, held)])
    assert facts.get(key, held) == held


@pytest.mark.parametrize(
    ("held", "message", "value"),
    [
        ("Monday morning", "sorry, my mistake, delivery is tomorrow", "tomorrow"),
        ("دوشنبه صبح", "ببخشید اشتباه گفتم، تحویل فردا است", "فردا"),
    ],
)
def test_a_relative_day_given_as_a_correction_still_replaces(
    held: str, message: str, value: str
) -> None:
    facts = facts_of(("user", message), known=[("delivery_date", held)])
    assert facts.get("delivery_date") == value


# -- a total is no corrected deposit --------------------------------------------------------


def test_a_total_in_a_correction_is_the_total_not_the_deposit() -> None:
    facts = facts_of(
        (
            "assistant",
            "ببخشید یه اصلاح هم داشتم، متراژ رو اشتباه نوشته بودم. "
            "مبلغ کل هم با این حساب میشه ۱۰۰ میلیون و ۵۰۰",
        ),
        known=[("deposit", "۳۰ میلیون")],
    )
    assert facts.get("deposit", "۳۰ میلیون") == "۳۰ میلیون"
    assert facts["order_total"].startswith("۱۰۰ میلیون")


# -- a bare number takes no subject another value has ---------------------------------------


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("is there any wiggle room on the 142? last year we paid 128 at a hotel", "room", "128"),
        ("شماره اتاق ۲۱۴؟ پارسال ۳۱۸ بودیم", "room", "۳۱۸"),
        ("The Harbour Room is free both days. It's larger, up to 70 theatre style.", "room", "70"),
    ],
)
def test_a_bare_number_is_not_carried_past_its_own_sentence(
    message: str, key: str, value: str
) -> None:
    facts = facts_of(("user", message))
    assert not any(k.startswith(key) and v == value for k, v in facts.items())


def test_a_bare_number_right_after_a_pointer_takes_the_subject_before() -> None:
    facts = facts_of(("user", "oh and the gate code changed, we had it reset. its 8203 now"))
    assert "8203" in facts.values()


@pytest.mark.parametrize(
    ("held", "message"),
    [
        ("142", "actually, quick one on GRP-20471: who looks after us?"),
        ("142", "sorry, bedrooms are fine, I can move all 24 across to October."),
        ("۱۴۲", "ببخشید، فقط ۲۴ تا از اتاق‌ها جابجا میشن"),
    ],
)
def test_an_id_is_put_right_by_no_number_of_another_length(held: str, message: str) -> None:
    facts = facts_of(("user", message), known=[("room_number", held)])
    assert facts.get("room_number", held) == held


# -- a question for how many asks no sum ----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("How many people will be in the room in total?", "about 32 total for the day sessions"),
        ("جمعاً چند نفر میاید؟", "حدود ۳۲"),
        ("รวมทั้งหมดกี่คนคะ", "32 ค่ะ"),
    ],
)
def test_a_count_asked_in_total_is_no_order_total(question: str, reply: str) -> None:
    facts = facts_of(("assistant", question), ("user", reply))
    assert "order_total" not in facts


@pytest.mark.parametrize(
    ("question", "reply", "value"),
    [
        ("What was the total?", "84 in all", "84"),
        ("مبلغ کل چند تومن شد؟", "۸۴ هزار تومان", "۸۴ هزار تومان"),
    ],
)
def test_a_sum_asked_in_total_is_still_the_total(question: str, reply: str, value: str) -> None:
    assert facts_of(("assistant", question), ("user", reply)).get("order_total") == value


# -- a town and its postcode are no brand and model -----------------------------------------


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("accounts moved last month. 2nd Floor, 88 Deansgate, Manchester M3 2ER", "M3 2ER"),
        ("the office moved to 3rd Floor, 12 Ropewalk, Nottingham NG1 5DU", "NG1 5DU"),
    ],
)
def test_a_postcode_after_a_town_is_no_product_model(message: str, value: str) -> None:
    facts = facts_of(("user", message))
    assert not any(k.startswith("product_model") for k in facts)
    assert any(value in v for v in facts.values())


def test_a_model_code_after_a_brand_is_still_a_model() -> None:
    facts = facts_of(("user", "it's the earbuds, Sony WF-1000XM5, bought in May"))
    assert facts.get("product_model") == "Sony WF-1000XM5"
