"""The name given as a booking's or an order's contact by that label ("my contact name is
Jane Holt", «اسم رابط خانم سارا کریمی», «ชื่อผู้ติดต่อคือ คุณสมชาย ใจดี»): ``contact_name``,
without the title, a later one replacing it."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my contact name is Jane Holt, jane@example.com", "Jane Holt"),
        ("Contact name: Jane Holt, phone 07700 900123.", "Jane Holt"),
        ("The contact person will be Mr Tunde Obi.", "Tunde Obi"),
        ("اسم رابط خانم سارا کریمی هست، شماره ۰۹۱۲۳۴۵۶۷۸۹", "سارا کریمی"),
        ("ชื่อผู้ติดต่อคือ คุณสมชาย ใจดี เบอร์ 081-234-5678", "สมชาย ใจดี"),
    ],
)
def test_a_name_given_as_the_contact(text: str, name: str) -> None:
    found = facts_of(("user", text))
    assert found.get("contact_name") == name
    assert "person_name" not in found


@pytest.mark.parametrize(
    ("first", "second", "old", "new"),
    [
        (
            "Contact name: Jane Holt.",
            "Sorry, the contact name should be Priya Shah.",
            "Jane Holt",
            "Priya Shah",
        ),
        (
            "اسم رابط سارا کریمی هست.",
            "ببخشید، اسم رابط مریم احمدی هست.",
            "سارا کریمی",
            "مریم احمدی",
        ),
        ("ชื่อผู้ติดต่อคือ คุณสมชาย ใจดี", "ขอแก้ชื่อผู้ติดต่อเป็น คุณวิภา ศรีสุข ค่ะ", "สมชาย ใจดี", "วิภา ศรีสุข"),
    ],
)
def test_a_later_contact_replaces_the_earlier(first: str, second: str, old: str, new: str) -> None:
    facts = conversation(("user", first), ("assistant", "OK."), ("user", second))
    assert current(facts)["contact_name"] == new
    assert history(facts, "contact_name") == [old]


@pytest.mark.parametrize(
    "text",
    [
        "The contact name on the account is wrong.",
        "Can I change the contact details?",
        # the agent asking for it: «ด้วย» (please) is no name
        "ขอบคุณค่ะ ขอทราบชื่อผู้ติดต่อด้วยนะคะ",
        "ขอทราบชื่อผู้ติดต่อได้มั้ยคะ",
    ],
)
def test_no_contact_name(text: str) -> None:
    assert "contact_name" not in facts_of(("user", text))


@pytest.mark.parametrize(
    "text",
    [
        "My emergency contact name is Laura Pike, she's my sister.",
        "Emergency contact person: Laura Pike.",
        "اسم رابط اضطراری خانم سارا کریمی هست.",
        "ชื่อผู้ติดต่อฉุกเฉินคือ คุณสมชาย ใจดี ค่ะ",
    ],
)
def test_an_emergency_contact_is_no_contact_name(text: str) -> None:
    assert facts_of(("user", text)).get("contact_name") is None
