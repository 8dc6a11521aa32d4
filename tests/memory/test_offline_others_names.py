"""A name asked for that is not the customer's, in English, Persian and Thai, value by value:
a pet's, a name asked in the third person, the building office's; and «คุณลูกค้า» (you, the
customer) is not «ลูก» (a child). A name and a phone on one line are both kept; "What a
lovely name!" asks for none."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation
from tests.memory.test_offline_facts_not_values import values_by_key as current


@pytest.mark.parametrize(
    ("question", "reply", "key"),
    [
        ("What's your dog's name?", "Biscuit", "pet_name"),
        ("اسم سگتون چیه؟", "جکی", "pet_name"),
        ("ชื่อน้องแมวอะไรคะ", "ปุยฝ้ายค่ะ", "pet_name"),
        # «اسمش»: his, her or its name
        ("اسمش چیه؟", "پشمک", "recipient_name"),
        ("ขอชื่อกับเบอร์เจ้าหน้าที่นิติด้วยได้ไหมครับ", "คุณวรรณาค่ะ", "building_contact_name"),
        ("What's the building manager's name?", "Greg Paulson", "building_contact_name"),
    ],
)
def test_a_name_asked_for_someone_else_is_not_the_customers(
    question: str, reply: str, key: str
) -> None:
    facts = current(("assistant", question), ("user", reply))
    assert "customer_name" not in facts, facts
    assert reply.removesuffix("ค่ะ") in facts.get(key, ""), facts


def test_the_thai_word_for_customer_asks_the_customers_name() -> None:
    facts = current(("assistant", "รบกวนขอชื่อคุณลูกค้าด้วยนะครับ"), ("user", "พิมพ์ชนก ศรีวงศ์ค่ะ"))
    assert facts.get("customer_name") == "พิมพ์ชนก ศรีวงศ์", facts


@pytest.mark.parametrize(
    ("compliment", "answer"),
    [
        ("What a lovely name! How much does she weigh?", "about 4 kilos"),
        ("چه اسم نازی! وزنش رو حدودا میدونید؟", "حدود ۴ کیلو"),
        ("ชื่อน่ารักมากค่ะ! น้องหนักประมาณกี่กิโลคะ", "ประมาณ 4 กิโลค่ะ"),
        # an emoji ends the compliment as "!" does
        ("What a lovely name 😍 how much does she weigh?", "about 4 kilos"),
        ("چه اسم نازی 😍 وزنش رو حدودا میدونید؟", "حدود ۴ کیلو"),
        ("ชื่อน่ารักมากค่ะ 😍 น้องหนักประมาณกี่กิโลคะ", "ประมาณ 4 กิโลค่ะ"),
    ],
)
def test_a_compliment_on_a_name_asks_for_no_name(compliment: str, answer: str) -> None:
    facts = current(
        ("assistant", compliment),
        ("user", answer),
        ("assistant", "What breed is she?"),
        ("user", "Persian Mix"),
    )
    assert "customer_name" not in facts, facts
    assert not any("น่ารัก" in value for value in facts.values()), facts


@pytest.mark.parametrize(
    ("question", "reply", "name", "contact"),
    [
        (
            "Could I take your name and a contact number for the file?",
            "Sara Ahmadi 07700 900123",
            "Sara Ahmadi",
            "07700 900123",
        ),
        (
            "Can I get a name and email for the booking?",
            "Tom Reed - tom.reed@gmail.com",
            "Tom Reed",
            "tom.reed@gmail.com",
        ),
        (
            "اسم و شماره تماس خودتون رو میفرمایید؟",
            "سارا احمدی 09123456789",
            "سارا احمدی",
            "09123456789",
        ),
        ("ขอชื่อและเบอร์โทรด้วยค่ะ", "สุภาพร แก้วใส 081-234-5678", "สุภาพร แก้วใส", "081-234-5678"),
    ],
)
def test_a_name_then_a_contact_on_one_line_keeps_both(
    question: str, reply: str, name: str, contact: str
) -> None:
    facts = current(("assistant", question), ("user", reply))
    assert facts.get("customer_name") == name, facts
    assert contact in facts.values(), facts


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Could I take your name and a contact number?", "sure, it's 07700 900123"),
        ("اسم و شماره تماستون؟", "شمارم 09123456789 هست"),
        ("ขอชื่อและเบอร์โทรด้วยค่ะ", "เบอร์ 081-234-5678 ค่ะ"),
    ],
)
def test_the_words_before_a_contact_are_no_name(question: str, reply: str) -> None:
    assert "customer_name" not in current(("assistant", question), ("user", reply))


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            (
                ("assistant", "And your father's full name, for the insurance form?"),
                ("user", "Hamid Karimi"),
                ("assistant", "Thanks. And your husband's name?"),
                ("user", "Kaveh Naderi"),
            ),
            {"father_name": "Hamid Karimi", "spouse_name": "Kaveh Naderi"},
        ),
        (
            (
                ("assistant", "اسم کامل پدرتون رو هم برای فرم بیمه بفرمایید"),
                ("user", "حمید کریمی"),
                ("assistant", "ممنون. اسم شوهرتون؟"),
                ("user", "کاوه نادری"),
            ),
            {"father_name": "حمید کریمی", "spouse_name": "کاوه نادری"},
        ),
    ],
)
def test_names_asked_of_two_relatives_in_turn_are_two_people(
    turns: tuple[tuple[str, str], ...], expected: dict[str, str]
) -> None:
    # the second answer is another relative's name, not the first one's put right
    facts = conversation(("assistant", "Your name please?"), ("user", "Ali Karimi"), *turns)
    values = {fact.key: fact.value for fact in facts}
    for key, name in expected.items():
        assert values.get(key) == name, values
    assert not any(fact.history for fact in facts), values


@pytest.mark.parametrize(
    ("statement", "reply", "key"),
    [
        # English is a guard, passing before the Persian rule too: "go ahead please" asks
        # through the request it sits in, and the bare-«بفرمایید» rule must not change that
        (
            "We still don't have your brother's name. Go ahead please.",
            "Reza Karimi",
            "sibling_name",
        ),
        ("اسم برادرتون رو هنوز نداریم. بفرمایید", "رضا کریمی", "sibling_name"),
    ],
)
def test_a_bare_go_ahead_asks_for_what_the_sentence_before_named(
    statement: str, reply: str, key: str
) -> None:
    facts = conversation(
        ("assistant", "Your name please?"),
        ("user", "Ali Karimi"),
        ("assistant", statement),
        ("user", reply),
    )
    assert {fact.key: fact.value for fact in facts}.get(key) == reply


def test_a_bare_here_you_are_after_a_statement_asks_nothing() -> None:
    # «سفارش به اسم همسرتون ثبت شد. بفرمایید»: "here you are", no request for the spouse's name
    facts = conversation(
        ("assistant", "اسمتون لطفا؟"),
        ("user", "علی کریمی"),
        ("assistant", "سفارش به اسم همسرتون ثبت شد. بفرمایید"),
        ("user", "سارا هم خبر داره"),
    )
    assert "spouse_name" not in {fact.key for fact in facts}, facts
