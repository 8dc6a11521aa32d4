"""A Thai question for the name of someone it names («ขอชื่อ-นามสกุลคุณวีรพงษ์ด้วยค่ะ», «ชื่อจริง
ของเจ้าบ่าวล่ะคะ», «ชื่อเขา…»): the name given is that person's, kept beside the customer's and
beside another person's held before; a question for «คุณ» alone, «คุณ» before a word that is
no name («ขอชื่อคุณและเบอร์»), «คุณลูกค้า» or «ผู้จอง» asks the customer's own, and a reply
naming the customer is hers.

Sentences written for these tests, about no one dialogue's subject.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.dialogue import asked_topics
from tests.memory.test_offline_facts_dialogue import facts_of

_KNOWN = [("customer_name", "สุดารัตน์ มั่นคง")]


@pytest.mark.parametrize(
    ("question", "asks_someone_else"),
    [
        ("รบกวนขอชื่อ-นามสกุลคุณวีรพงษ์ด้วยค่ะ", True),
        ("แล้วชื่อจริงของเจ้าบ่าวล่ะคะ", True),
        ("ชื่อเขาคืออะไรคะ", True),
        ("ขอชื่อคุณด้วยค่ะ", False),
        ("ขอทราบชื่อคุณลูกค้าค่ะ", False),
        ("ขอชื่อ-นามสกุลของคุณด้วยนะคะ", False),
        ("ขอชื่อคุณและเบอร์ติดต่อด้วยค่ะ", False),  # «คุณ» and a conjunction, no name
        ("รบกวนขอชื่อคุณเพื่อยืนยันการจองค่ะ", False),
        ("ขอชื่อของผู้จองด้วยค่ะ", False),  # the one who books is the customer
    ],
)
def test_a_name_question_naming_someone_else_asks_for_them(
    question: str, asks_someone_else: bool
) -> None:
    names = {topic.name for topic in asked_topics(question)}
    assert "name" in names
    assert ("third_person_name" in names) is asks_someone_else


@pytest.mark.parametrize(
    ("question", "reply", "name"),
    [
        ("รบกวนขอชื่อ-นามสกุลคุณวีรพงษ์ด้วยค่ะ", "วีรพงษ์ ศรีสวัสดิ์ ค่ะ เบอร์เขา 081-234-5678", "วีรพงษ์ ศรีสวัสดิ์"),
        ("แล้วชื่อจริงของเจ้าบ่าวล่ะคะ จะได้พิมพ์การ์ด", "ธีรภัทร วงศ์ใหญ่ ค่ะ ชื่อเล่นต้น", "ธีรภัทร วงศ์ใหญ่"),
    ],
)
def test_the_name_given_is_the_named_persons_not_the_customers(
    question: str, reply: str, name: str
) -> None:
    facts = facts_of(("assistant", question), ("user", reply), known=_KNOWN)
    assert facts.get("person_name") == name
    assert "customer_name" not in facts  # the customer's, held, is not put right


@pytest.mark.parametrize(
    "question",
    ["ขอชื่อคุณและเบอร์ติดต่อด้วยค่ะ", "รบกวนขอชื่อคุณเพื่อยืนยันการจองค่ะ", "ขอชื่อของผู้จองด้วยค่ะ"],
)
def test_a_name_asked_of_you_or_the_booker_is_the_customers(question: str) -> None:
    facts = facts_of(("assistant", question), ("user", "สมชาย ใจดี ครับ"))
    assert facts.get("customer_name") == "สมชาย ใจดี"
    assert "person_name" not in facts


def test_a_second_person_named_so_is_kept_beside_the_first() -> None:
    facts = facts_of(
        ("assistant", "แล้วชื่อจริงของเจ้าบ่าวล่ะคะ"),
        ("user", "ธีรภัทร วงศ์ใหญ่ ค่ะ"),
        known=[*_KNOWN, ("person_name", "มานพ ใจดี")],
    )
    assert facts.get("person_name_2") == "ธีรภัทร วงศ์ใหญ่"
    assert "person_name" not in facts


def test_a_reply_naming_the_customer_is_hers() -> None:
    facts = facts_of(
        ("assistant", "รบกวนขอชื่อ-นามสกุลคุณสุดารัตน์ด้วยค่ะ"),
        ("user", "สุดารัตน์ มั่นคง ค่ะ"),
        known=[("customer_name", "สุดารัตน์")],
    )
    assert facts.get("customer_name") == "สุดารัตน์ มั่นคง"
    assert "person_name" not in facts
