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
