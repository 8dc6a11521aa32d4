"""A Thai question word is never part of a name: «ชื่อร้านอะไรคะ» (what is the shop's name?)
asks for a name and gives none, where «คุณพ่อชื่อณัฐพล» gives one."""

from __future__ import annotations

import pytest

from domain.memory.offline.person_names import people_named
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    "text",
    [
        "ชื่อร้านอะไรคะ",  # what is the shop's name?
        "ชื่อเล่นอะไรคะ",  # what is the nickname?
        "ลูกสาวชื่อใครคะ",  # the daughter is called who?
        "ชื่อโรงแรมไหนคะ",  # which hotel's name?
    ],
)
def test_a_question_for_a_name_names_no_one(text: str) -> None:
    assert people_named(text) == []
    assert facts_of(("user", text)) == {}
    assert facts_of(("assistant", text)) == {}


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        ("คุณพ่อชื่อณัฐพล ตั้งจิตเจริญ", "father_name", "ณัฐพล ตั้งจิตเจริญ"),
        ("แฟนผมชื่อไอซ์ครับ", "partner_name", "ไอซ์"),
        # a name with the letters of a question word's end («ไร» of «อะไร») is still one
        ("ลูกสาวชื่อสุไรยาค่ะ", "child_name", "สุไรยา"),
    ],
)
def test_a_name_given_is_still_read(text: str, key: str, name: str) -> None:
    assert [(p.key, p.name) for p in people_named(text)] == [(key, name)]
    assert facts_of(("user", text)) == {key: name}


@pytest.mark.parametrize(
    "text",
    [
        "แฟนผมชื่อเล่นอะไรนะครับ",  # what is my partner's nickname?
        "ลูกสาวดิฉันชื่อเล่นอะไรคะ",  # what is my daughter's nickname?
        "แม่ผมชื่อจริงอะไรนะครับ",  # what is my mother's real name?
        "ผมชื่อเล่นอะไรดีครับ",  # what nickname should I take?
        "ผมชื่ออะไรนะครับ",  # what was my name again?
    ],
)
def test_a_question_for_ones_own_or_a_relatives_name_is_no_customer_name(text: str) -> None:
    assert facts_of(("user", text)) == {}


def test_a_question_for_a_relatives_name_keeps_the_customers_held_one() -> None:
    assert facts_of(
        ("user", "ผมชื่อสมชายครับ"),
        ("assistant", "สวัสดีค่ะคุณสมชาย"),
        ("user", "แล้วลูกสาวผมชื่อเล่นอะไรนะครับ ผมจำไม่ได้"),
    ) == {"customer_name": "สมชาย"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ผมชื่อเล่นว่าต้นครับ", "ต้น"),
        ("ดิฉันชื่อสุไรยาค่ะ", "สุไรยา"),
        ("ผมชื่อสมชาย ใจดี ครับ", "สมชาย ใจดี"),
    ],
)
def test_the_customers_own_name_is_still_read(text: str, name: str) -> None:
    assert facts_of(("user", text)) == {"customer_name": name}
