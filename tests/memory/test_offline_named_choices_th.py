"""Named choices in Thai: the model, colour, card and instalment plan of an order and the
company an invoice is made out to, value by value, and a change of the same kind replacing
the earlier one."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history

_READ_BACK = (
    "ออเดอร์นี้คือ Samsung Galaxy A55 5G 8/256GB สี Awesome Navy ราคา 14,990 บาท "
    "ชำระแบบผ่อน 0% 10 เดือน ผ่านบัตรเครดิตกสิกรไทย ถูกต้องไหมคะ"
)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("product_model", "Samsung Galaxy A55 5G 8/256GB"),
        ("colour", "Awesome Navy"),
        ("instalment_plan", "ผ่อน 0% 10 เดือน"),
        ("payment_card", "บัตรเครดิตกสิกรไทย"),
    ],
)
def test_an_order_read_back_to_be_confirmed(key: str, value: str) -> None:
    assert facts_of(("assistant", _READ_BACK))[key] == value


def test_the_colour_received_by_mistake_is_not_the_colour_wanted() -> None:
    found = facts_of(("user", "ถูกครับ แต่ที่ได้มาเป็นสีเหลือง Awesome Lemon ครับ ไม่ใช่กรมท่า"))
    assert found["colour_received"] == "Awesome Lemon"
    assert "colour" not in found


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("บจ. ไบรท์ซอฟต์ โซลูชั่น", "invoice_name", "ไบรท์ซอฟต์ โซลูชั่น"),
    ],
)
def test_the_company_an_invoice_is_made_out_to(text: str, key: str, value: str) -> None:
    assert facts_of(("user", text))[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "มีสี Awesome Lilac ไหมครับ",  # asked whether there is one: nothing ordered
        "มีผ่อน 0% 3, 6 และ 10 เดือนค่ะ",  # the plans on offer
        "ตรวจสอบแล้ว เลขที่รายงานความเสียหายคือ DR-11862 ค่ะ",  # «สี» inside «เสียหาย»
        "การคืนเงินจะคืนเข้าบัตรเครดิตกสิกรไทยค่ะ",  # where a refund goes
        "ขอใบกำกับภาษีในนามบริษัท จะเอาไปเบิก",  # no company named
        "ออกใบกำกับภาษีในนามบริษัท สยามดาต้า จำกัด นะคะ",  # see ``_COMPANY``
        "สวัสดีครับ เรื่องคืนบัตร RF-25-11873",  # a ticket's code, not a card
    ],
)
def test_no_named_choice(text: str) -> None:
    found = facts_of(("user", text))
    assert not {
        "colour",
        "instalment_plan",
        "payment_card",
        "invoice_name",
        "product_model",
    } & set(found)


def test_a_later_choice_of_the_same_kind_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("assistant", _READ_BACK),
        ("user", "ถูกครับ แต่ที่ได้มาเป็นสีเหลือง Awesome Lemon ครับ"),
        ("user", "ผมขอเปลี่ยนเป็นสีม่วง Awesome Lilac ได้ไหมครับ"),
        ("assistant", "รับทราบค่ะ เป็นผ่อน 0% 6 เดือน เดือนละ 2,498.33 บาท นะคะ"),
        ("assistant", "รับทราบค่ะ เปลี่ยนเป็นสี Awesome Iceblue นะคะ"),
        ("user", "อ้อ ไม่ครับ ขอเปลี่ยนเป็นบัตร KTC ครับ"),
        ("assistant", "ส่วนออเดอร์เดิมจะคืนเงินเข้าบัตรกสิกรไทยภายใน 7-14 วันทำการค่ะ"),
        batch=1,
    )
    now = current(facts)
    assert now["colour"] == "Awesome Iceblue"
    assert history(facts, "colour") == ["Awesome Navy", "Awesome Lilac"]
    assert now["colour_received"] == "Awesome Lemon"
    assert now["instalment_plan"] == "ผ่อน 0% 6 เดือน"
    assert history(facts, "instalment_plan") == ["ผ่อน 0% 10 เดือน"]
    assert now["payment_card"] == "บัตร KTC"
    assert history(facts, "payment_card") == ["บัตรเครดิตกสิกรไทย"]
    assert now["product_model"] == "Samsung Galaxy A55 5G 8/256GB"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ปัญหาคือ Windows 11 อัปเดตไม่ได้ค่ะ", "product_model"),  # the problem is …, no order
        ("เคยซื้อ Samsung Galaxy S10 เมื่อปีที่แล้วครับ", "product_model"),  # bought before
        ("รุ่น Galaxy A55 ดีกว่า Galaxy A35 นะครับ", "product_model"),  # better than …
        ("ไม่เอาสี Awesome Navy ค่ะ", "colour"),  # not that colour
        ("สี Awesome Navy หมดแล้วค่ะ", "colour"),  # sold out
        ("ทาสี Nippon Paint ใหม่ทั้งห้องค่ะ", "colour"),  # painting, with a paint's brand
        ("ใส่ซิมแล้วครับ บัตร SIM อยู่ในกล่อง", "payment_card"),  # the SIM card
        ("ลืมบัตร ATM ไว้ที่ร้านค่ะ", "payment_card"),  # a card left behind
        ("บัตร Rabbit หายครับ", "payment_card"),  # a transit card lost
        ("ไม่อยากผ่อน 10 เดือนค่ะ", "instalment_plan"),  # not wanted
    ],
)
def test_a_thing_refused_had_gone_or_only_named_is_not_ordered(text: str, key: str) -> None:
    assert key not in facts_of(("user", text))


def test_a_colour_sold_out_and_a_sim_card_leave_the_order() -> None:
    facts = conversation(
        ("assistant", _READ_BACK),
        ("assistant", "สี Awesome Lilac หมดแล้วค่ะ"),
        ("user", "ใส่ซิมแล้วครับ บัตร SIM อยู่ในกล่อง"),
        ("user", "ไม่อยากผ่อน 6 เดือนครับ"),
        batch=1,
    )
    now = current(facts)
    assert now["colour"] == "Awesome Navy"
    assert history(facts, "colour") == []
    assert now["payment_card"] == "บัตรเครดิตกสิกรไทย"
    assert history(facts, "payment_card") == []
    assert now["instalment_plan"] == "ผ่อน 0% 10 เดือน"
    assert history(facts, "instalment_plan") == []


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("ผ่อน 10 เดือนไม่มีดอกเบี้ยค่ะ", "instalment_plan", "ผ่อน 10 เดือน"),  # interest-free
        ("ผ่อน 0% 10 เดือน ไม่มีดอกค่ะ", "instalment_plan", "ผ่อน 0% 10 เดือน"),
        ("ขอสี Awesome Iceblue มากกว่าค่ะ", "colour", "Awesome Iceblue"),  # rather
        ("สี Awesome Iceblue สวยกว่าค่ะ เอาอันนี้", "colour", "Awesome Iceblue"),
        ("สั่ง Galaxy A55 ทั้งหมด 2 เครื่องค่ะ", "product_model", "Galaxy A55"),  # in total
        ("ไม่เป็นไรค่ะเอาสี Awesome Iceblue ค่ะ", "colour", "Awesome Iceblue"),  # never mind
        ("เอาสี Awesome Iceblue ไม่มีปัญหาค่ะ", "colour", "Awesome Iceblue"),  # no problem
        ("ขอผ่อน 10 เดือนกับบัตร KTC ค่ะ", "payment_card", "บัตร KTC"),  # with the card
    ],
)
def test_words_that_only_look_like_a_refusal(text: str, key: str, value: str) -> None:
    assert facts_of(("user", text)).get(key) == value


@pytest.mark.parametrize("question", ["ชำระด้วยบัตรไหนคะ", "สะดวกใช้บัตรอะไรคะ?"])
def test_a_card_named_in_reply_to_which_card_pays(question: str) -> None:
    facts = conversation(("assistant", question), ("user", "บัตร KTC ค่ะ"), batch=1)
    assert current(facts).get("payment_card") == "บัตร KTC"


def test_a_card_named_in_reply_to_a_yes_no_question_pays_nothing() -> None:
    facts = conversation(("assistant", "มีบัตร ATM ไหมคะ"), ("user", "บัตร SIM ค่ะ"), batch=1)
    assert "payment_card" not in current(facts)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("เอา Premium ค่ะ อยากได้ห้องซาวน่าด้วย", "Premium"),  # takes one of those offered
        ("งั้นเอา Lite ละกันครับ", "Lite"),
        ("เอา Unlimited ดีกว่าค่ะ", "Unlimited"),  # changes her mind
        ("งั้นเปลี่ยนเป็น Kerry เลยครับ ส่งไวกว่า", "Kerry"),
        ("เลือก Gold Plus ค่ะ", "Gold Plus"),
    ],
)
def test_an_option_taken_by_its_name(text: str, value: str) -> None:
    assert facts_of(("user", text)).get("chosen_option") == value


@pytest.mark.parametrize(
    "text",
    [
        "เอา Premium ดีไหมคะ",  # asked, not taken
        "ไม่เอา Premium ค่ะ",  # refused
        "ถ้าเปลี่ยนเป็น Lite จะอยู่ที่ 590 บาทครับ",  # only weighed
        "ได้ค่ะ เปลี่ยนเป็น Samsung Galaxy A55 ราคา 14,990 บาทนะคะ",  # a model read back
        "เอาเก้าอี้ 4 ตัวค่ะ",  # no name
    ],
)
def test_no_option_taken(text: str) -> None:
    assert "chosen_option" not in facts_of(("user", text))


def test_a_later_pick_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("assistant", "มีแพ็กเกจ Premium เดือนละ 1,290 บาท กับ Lite เดือนละ 590 บาทค่ะ"),
        ("user", "เอา Premium ค่ะ"),
        ("assistant", "ถ้าเปลี่ยนเป็น Lite จะประหยัดกว่าเดือนละ 700 บาทค่ะ"),
        ("user", "งั้นเอา Lite ละกันครับ"),
        batch=1,
    )
    assert current(facts)["chosen_option"] == "Lite"
    assert history(facts, "chosen_option") == ["Premium"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("เอาสีดำค่ะ", "สีดำ"),
        ("งั้นเปลี่ยนเป็นสีฟ้าดีกว่าครับ", "สีฟ้า"),  # a change of mind
        ("เลือกสีขาวละกันค่ะ", "สีขาว"),
    ],
)
def test_a_plain_colour_taken(text: str, value: str) -> None:
    assert facts_of(("user", text)).get("colour") == value


@pytest.mark.parametrize(
    "text",
    [
        "ตัวเครื่องสีดำค่ะ",  # what it is, not taken
        "ไม่เอาสีดำค่ะ",  # refused
        "ถ้าเปลี่ยนเป็นสีขาวจะแพงขึ้นไหม",  # only weighed
        "เอาสีดำดีไหมคะ",  # asked
    ],
)
def test_a_plain_colour_not_taken(text: str) -> None:
    assert "colour" not in facts_of(("user", text))


def test_a_later_colour_taken_replaces_the_earlier_one() -> None:
    facts = conversation(("user", "เอาสีดำค่ะ"), ("user", "เอาสีฟ้าดีกว่าค่ะ"), batch=1)
    assert current(facts)["colour"] == "สีฟ้า"
    assert history(facts, "colour") == ["สีดำ"]
