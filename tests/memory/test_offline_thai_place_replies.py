"""A Thai reply to a question for an address that leads with the project's or condo's name
before its tower and room: the name is part of the address, without the particle that may
close it; a reply that opens with a verb, a yes, «ที่» (at), a change, a request or an
interjection names no place.

Sentences written for these tests, about no one dialogue's subject.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("question", "reply", "address"),
    [
        (
            "ขอที่อยู่สำหรับจัดส่งด้วยค่ะ",
            "ศุภาลัย ปาร์ค แจ้งวัฒนะ ตึก C ห้อง 1204 ค่ะ",
            "ศุภาลัย ปาร์ค แจ้งวัฒนะ ตึก C ห้อง 1204",
        ),
        (
            "แล้วที่อยู่ติดตั้งเป็นที่ไหนครับ",
            "คอนโดเดอะเบส สุขุมวิท 77 ครับ อาคาร A ชั้น 8 ห้อง 815",
            "คอนโดเดอะเบส สุขุมวิท 77 อาคาร A ชั้น 8 ห้อง 815",
        ),
        (
            "รบกวนขอที่อยู่เข้ารับของด้วยนะคะ",
            "The Line Phahon ตึก B ห้อง 2210 ค่ะ ฝากไว้กับนิติได้",
            "The Line Phahon ตึก B ห้อง 2210",
        ),
    ],
)
def test_a_place_name_leading_an_address_reply_is_kept(
    question: str, reply: str, address: str
) -> None:
    facts = facts_of(("assistant", question), ("user", reply))
    assert facts.get("delivery_address") == address


@pytest.mark.parametrize(
    "reply",
    [
        "ส่งที่ตึก C ห้อง 1204 ค่ะ",
        "ได้ค่ะ ตึก C ห้อง 1204",
        "ที่ทำงานค่ะ อาคาร A ชั้น 8 ห้อง 815",
        "บ้านแม่ค่ะ ตึก C ห้อง 1204",
    ],
)
def test_a_reply_opening_with_no_place_name_keeps_the_address_alone(reply: str) -> None:
    facts = facts_of(("assistant", "ขอที่อยู่สำหรับจัดส่งด้วยค่ะ"), ("user", reply))
    addresses = [value for key, value in facts.items() if key.endswith("_address")]
    assert addresses
    assert all(value.startswith(("ตึก", "อาคาร")) for value in addresses), addresses


@pytest.mark.parametrize(
    "reply",
    [
        "เปลี่ยนเป็น ตึก B ห้อง 1508 ค่ะ",  # a change
        "แก้เป็น ตึก B ห้อง 1508 ค่ะ",
        "อ๋อ ตึก B ห้อง 1508 ค่ะ",  # an interjection
        "รบกวนส่ง ตึก B ห้อง 1508 ค่ะ",  # a request
        "หอเก่า ตึก B ห้อง 1508 ค่ะ",  # the old one, no name
    ],
)
def test_a_change_request_or_interjection_before_the_address_names_no_place(reply: str) -> None:
    facts = facts_of(("assistant", "ขอที่อยู่จัดส่งด้วยค่ะ"), ("user", reply))
    assert facts.get("delivery_address") == "ตึก B ห้อง 1508"


@pytest.mark.parametrize(
    ("reply", "address"),
    [
        ("อ่อนนุช พาร์ค ตึก B ห้อง 1508", "อ่อนนุช พาร์ค ตึก B ห้อง 1508"),  # «อ่อ…» in a name
        ("แก้วเจริญ แมนชั่น ตึก B ห้อง 1508", "แก้วเจริญ แมนชั่น ตึก B ห้อง 1508"),
        ("Ideo Mix ตึก B ห้อง 1508 ค่ะ", "Ideo Mix ตึก B ห้อง 1508"),
    ],
)
def test_a_name_opening_like_those_words_is_kept(reply: str, address: str) -> None:
    facts = facts_of(("assistant", "ขอที่อยู่จัดส่งด้วยค่ะ"), ("user", reply))
    assert facts.get("delivery_address") == address


def test_words_before_an_address_no_question_asked_for_are_no_name() -> None:
    facts = facts_of(
        ("assistant", "ช่างจะเข้าไปวันพฤหัสนะคะ"),
        ("user", "ศุภาลัย ปาร์ค ตึก C ห้อง 1204 ค่ะ"),
    )
    assert facts.get("delivery_address") == "ตึก C ห้อง 1204"


def test_a_named_address_asked_later_is_kept_whole_beside_the_held_one() -> None:
    """«ขอที่อยู่เข้ารับ» after a delivery address abroad asks where to collect, not a move:
    the named one is kept whole, apart, and replaces nothing."""
    facts = conversation(
        ("assistant", "ขอที่อยู่ผู้รับปลายทางด้วยครับ"),
        ("user", "12 Maple Street, Leeds LS6 2AB ค่ะ"),
        ("assistant", "รับทราบครับ"),
        ("user", "ให้มารับของที่บ้านได้ไหมคะ"),
        ("assistant", "ได้ครับ ขอที่อยู่เข้ารับครับ"),
        ("user", "ลุมพินี เพลส รัชดา ตึก A ห้อง 508 ค่ะ"),
    )
    held = current(facts)
    assert held["delivery_address"] == "12 Maple Street, Leeds LS6 2AB"
    assert "ลุมพินี เพลส รัชดา ตึก A ห้อง 508" in held.values()
    assert history(facts, "delivery_address") == []
