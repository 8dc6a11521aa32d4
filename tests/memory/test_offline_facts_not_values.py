"""Greetings, fillers and complaints that are no value, in English, Persian and Thai,
value by value: "it's me again" names no one, "thank God" is no product, «به نام شما»
("under your name") holds no name.
"""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.holder_names import names_on_record
from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of


def values_by_key(*pairs: tuple[str, str]) -> dict[str, str]:
    lines = [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]
    return {fact.key: fact.value for fact in extract_facts(lines, []) if not fact.replaced}


@pytest.mark.parametrize(
    "greeting",
    [
        "hello, it's me again",
        "hi, me again",
        "سلام، دوباره من هستم",
        "منم",
        "سلام، باز منم",
        "خودم هستم",
        "ผมเองครับ",
        "นี่ผมเองครับ",
        "สวัสดีค่ะ ดิฉันเองค่ะ",
    ],
)
def test_a_greeting_from_someone_known_is_no_name(greeting: str) -> None:
    assert "customer_name" not in values_by_key(("user", greeting))


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("Hi, it's Sara again", "Sara"),
        ("سلام، دوباره سارا هستم", "سارا"),
        ("سلام، سارا هستم", "سارا"),
    ],
)
def test_again_beside_a_name_is_no_part_of_it(greeting: str, name: str) -> None:
    assert values_by_key(("user", greeting))["customer_name"] == name


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Which model do you have? All good otherwise?", "thank God"),
        ("Which model do you have?", "it's been like this since last week"),
        ("کدوم مدل رو خریدید؟ حالتون خوبه؟", "خدا رو شکر"),
        ("کدوم مدل رو خریدید؟", "از پریروز اینجوری شده"),
        ("รุ่นไหนคะ", "เป็นแบบนี้ตั้งแต่เมื่อวานซืนค่ะ"),
        ("รุ่นไหนคะ", "มันเสียแล้วค่ะ"),
    ],
)
def test_a_filler_or_complaint_is_no_product(question: str, reply: str) -> None:
    assert "product" not in values_by_key(("assistant", question), ("user", reply))


@pytest.mark.parametrize(
    ("question", "reply", "product"),
    [
        ("Which model do you have?", "the Dyson cordless vacuum", "the Dyson cordless vacuum"),
        ("کدوم مدل رو خریدید؟", "گوشی سامسونگ گلکسی", "گوشی سامسونگ گلکسی"),
        ("รุ่นไหนคะ", "ตู้เย็นสองประตูค่ะ", "ตู้เย็นสองประตู"),
    ],
)
def test_a_thing_named_in_reply_is_still_the_product(
    question: str, reply: str, product: str
) -> None:
    assert values_by_key(("assistant", question), ("user", reply))["product"] == product


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("سفارش رو به نام شما پیدا کردم", []),
        ("فاکتور به نام آقای حمید کعبی ثبت شده", ["حمید کعبی"]),
        ("จองในชื่อของคุณค่ะ", []),
        ("จองในชื่อคุณสมชาย ใจดี", ["สมชาย ใจดี"]),
        ("I found it under your name", []),
        ("the booking is under the name of Kamran Farhadi", ["Kamran Farhadi"]),
    ],
)
def test_a_pronoun_is_no_name_on_record(text: str, names: list[str]) -> None:
    assert [held.name for held in names_on_record(text)] == names


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("ขอเลขที่คำสั่งซื้อด้วยค่ะ", "สั่งไว้ตั้งแต่ปี 2566 ค่ะ"),
        ("ขอเลขที่คำสั่งซื้อด้วยค่ะ", "ซื้อเมื่อ พ.ศ. 2566 ค่ะ"),
        ("ขอเลขที่คำสั่งซื้อด้วยค่ะ", "ซื้อเมื่อ พ.ศ. ๒๕๖๖ ค่ะ"),
        ("شماره سفارش رو بگید لطفا", "سال ۱۴۰۲ سفارش دادم"),
        ("What's your order number?", "I ordered it in 2023"),
    ],
)
def test_a_year_is_no_order_id(question: str, reply: str) -> None:
    values = values_by_key(("assistant", question), ("user", reply))
    assert "order_id" not in values


_WHEN_ORDERED = {"en": "When did you order?", "fa": "کی سفارش دادید؟", "th": "สั่งซื้อวันไหนคะ"}


@pytest.mark.parametrize(
    ("language", "text", "date"),
    [
        ("th", "สั่งวันที่ 15 ธันวาคม 2566 ค่ะ", "วันที่ 15 ธันวาคม 2566"),
        ("th", "สั่งวันที่ 15 เดือนธันวาคม 2566 ค่ะ", "วันที่ 15 เดือนธันวาคม 2566"),
        ("th", "สั่งวันที่ 15 ธันวาคม ปี 2566 ค่ะ", "วันที่ 15 ธันวาคม ปี 2566"),
        ("th", "สั่งวันที่ 15 ธันวา 2566 ค่ะ", "วันที่ 15 ธันวา 2566"),
        ("th", "สั่งวันที่ 15 ธค 2566 ค่ะ", "วันที่ 15 ธค 2566"),
        ("th", "สั่งวันที่ 15 ธ.ค.66 ค่ะ", "วันที่ 15 ธ.ค.66"),
        ("th", "สั่งวันที่ 15 ธ.ค. 66 ค่ะ", "วันที่ 15 ธ.ค. 66"),
        ("th", "สั่งวันที่ ๑๕ ธ.ค. ๖๖ ค่ะ", "วันที่ ๑๕ ธ.ค. ๖๖"),
        ("th", "สั่งวันที่ ๑๕ ธันวาคม ๒๕๖๖ ค่ะ", "วันที่ ๑๕ ธันวาคม ๒๕๖๖"),
        ("fa", "۱۵ آذر سال ۱۴۰۲ سفارش دادم", "۱۵ آذر سال ۱۴۰۲"),
        ("en", "I ordered on 15 December 2023", "15 December 2023"),
    ],
)
def test_a_date_is_kept_whole_with_its_year(language: str, text: str, date: str) -> None:
    values = values_by_key(("assistant", _WHEN_ORDERED[language]), ("user", text))
    assert values["order_date"] == date
    assert "order_id" not in values


def test_a_short_thai_year_after_a_space_is_no_amount() -> None:
    """«1 ธ.ค. 67»: the Buddhist year 2567, not a new water rate replacing 18 baht."""
    facts = facts_of(
        ("user", "ค่าน้ำหน่วยละ 18 บาท ขั้นต่ำ 150 บาทต่อเดือนใช่ไหมคะ"),
        ("assistant", "ใช่ครับ"),
        ("user", "ขอเลื่อนวันเริ่มสัญญาได้ไหมคะ"),
        ("assistant", "เจ้าของยอมครับ เลื่อนเป็นเริ่ม 1 ธ.ค. 67 ถึง 30 พ.ย. 68 โดยทำบันทึกแนบท้ายสัญญาครับ"),
    )
    assert facts["charge"] == "ค่าน้ำหน่วยละ 18 บาท"
    assert facts["minimum_spend"] == "150 บาทต่อเดือน"
    assert "67" not in facts.values()
    assert "68" not in facts.values()


def test_two_digits_after_a_thai_date_that_count_something_are_no_year() -> None:
    values = values_by_key(("assistant", "สั่งวันที่ 14 พ.ย. 60 ชิ้น ค่ะ"))
    assert "วันที่ 14 พ.ย. 60" not in values.values()


@pytest.mark.parametrize(
    ("question", "reply", "word"),
    [
        ("When did you order?", "today", "today"),
        ("کی سفارش دادید؟", "امروز", "امروز"),
        ("สั่งซื้อวันไหนคะ", "วันนี้ค่ะ", "วันนี้"),
    ],
)
def test_today_as_an_answer_is_kept_as_said_in_every_language(
    question: str, reply: str, word: str
) -> None:
    # The English rules keep "today" as the customer said it; the others do the same.
    assert values_by_key(("assistant", question), ("user", reply))["order_date"] == word


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("ซื้อเมื่อ พ.ศ. ๒๕๖๖ ค่ะ", []),
        ("สั่งไว้ตั้งแต่ปี 2566", []),
        ("سال ۱۴۰۲ خریدم", []),
        ("I bought it in 2023", []),
        ("I'm in 1204 now, the room by the lift", ["1204"]),  # a room, not a year
        ("ห้อง 2566 ค่ะ", ["2566"]),  # no year word: a room number stays a number
    ],
)
def test_a_year_word_makes_a_number_a_year(text: str, numbers: list[str]) -> None:
    assert [v.text for v in find_values(text) if v.kind is Kind.NUMBER] == numbers


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("Could I start with your account number? It's 8 digits, top right of your bills.", "8"),
        ("it gives you an 8 character code", "8"),
        ("چون از کارت کسر شده، باید به همون کارت برگرده. ۴ رقم آخر کارتتون رو تأیید کنید", "۴"),
        ("รบกวนขอเลขบัญชี 10 หลักด้วยค่ะ", "10"),
    ],
)
def test_how_many_digits_a_code_has_is_no_value(text: str, size: str) -> None:
    assert size not in [value.text for value in find_values(text)]


def test_english_the_size_of_the_account_number_asked_for_is_not_the_account_number() -> None:
    values = current(
        conversation(
            ("assistant", "Could I start with your account number? It's 8 digits, top right."),
            ("user", "40118872"),
            ("assistant", "I can't find an account with that number, could you double check it?"),
            ("user", "oops, 40118827. fat fingers"),
        )
    )
    assert values.get("account_number") == "40118827"
    assert "8" not in values.values()
