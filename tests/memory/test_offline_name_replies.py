"""A reply to "your name?" that goes on after its name, in English, Persian and Thai:
the name is the clause before the comma or the line break, value by value."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_not_values import values_by_key as current


@pytest.mark.parametrize(
    ("question", "reply", "name"),
    [
        (
            "Could I start with your name and the company the booking is for?",
            "Dana Whitfield, from Brightwave Analytics",
            "Dana Whitfield",
        ),
        ("May I take your name?", "Tom Ellery, the driver on the lease", "Tom Ellery"),
        ("اسمتون رو میفرمایید؟", "سارا احمدی، از شرکت نوین", "سارا احمدی"),
        (
            "برای تشکیل پرونده اسم و شماره تماس خودتون رو میفرمایید؟",
            "سارا احمدی\n09123456789",
            "سارا احمدی",
        ),
    ],
)
def test_a_name_reply_that_goes_on_keeps_the_name(question: str, reply: str, name: str) -> None:
    assert current(("assistant", question), ("user", reply))["customer_name"] == name


def test_a_thai_name_reply_that_goes_on_keeps_the_name() -> None:
    facts = current(("assistant", "ขอชื่อด้วยค่ะ"), ("user", "สมชาย ใจดี, บริษัท สยามดาต้า"))
    assert "สมชาย ใจดี" in facts.values()


def test_a_sentence_after_a_comma_is_still_no_name() -> None:
    facts = current(("assistant", "Could I take your name?"), ("user", "sorry, what was that?"))
    assert "customer_name" not in facts


@pytest.mark.parametrize(
    ("question", "reply", "name"),
    [
        (
            "Your name and company?",
            "Brightwave Analytics, Dana Whitfield speaking",
            "Dana Whitfield",
        ),
        ("اسم و شرکتتون؟", "شرکت نوین داده، سارا احمدی", "سارا احمدی"),
        ("ขอชื่อและบริษัทค่ะ", "บริษัท สยามดาต้า, สมชาย ใจดี", "สมชาย ใจดี"),
    ],
)
def test_a_reply_that_opens_with_the_company_gives_the_name_after_it(
    question: str, reply: str, name: str
) -> None:
    facts = current(("assistant", question), ("user", reply))
    assert facts.get("customer_name") == name, facts


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Can I take your name?", "for my mum, Jean Baker"),
        ("اسمتون؟", "به اسم همسرم، علی کریمی"),
        ("اسمتون رو بفرمایید", "برای مادرم میخوام، فاطمه رضایی"),
    ],
)
def test_a_reply_that_opens_with_someone_else_names_no_customer(question: str, reply: str) -> None:
    facts = current(("assistant", question), ("user", reply))
    assert "customer_name" not in facts, facts


#: A name read from a record and put to the customer, and the reply that confirms it in full.
_PUT_TO_THE_CUSTOMER = {
    "This parcel is addressed to R. Mensah. Is that you?": "yes, Rachel Mensah",
    "بسته برای خانم ر. احمدی ارسال شده، خودتون هستید؟": "بله، رعنا احمدی",
    "พัสดุจ่าหน้าถึงคุณ ธ. ใจดี ใช่คุณไหมคะ": "ใช่ครับ ธนวัฒน์ ใจดี",
}


def test_a_name_on_record_confirmed_in_full_is_the_customers() -> None:
    """ "Is that you?" asks for the name: the reply's full name is the customer's, a bare
    yes names no one."""
    for question, reply in _PUT_TO_THE_CUSTOMER.items():
        yes, name = reply.split(maxsplit=1)
        assert current(("assistant", question), ("user", reply)).get("customer_name") == name
        assert "customer_name" not in current(("assistant", question), ("user", yes))
