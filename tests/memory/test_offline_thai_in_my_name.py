"""«บัตรเป็นชื่อผม» (the card is in my name), «จองในชื่อผม»: whose name something is in, no name
given; the words after it are no customer's name
(``domain.memory.offline.self_statements``)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of


@pytest.mark.parametrize(
    "text",
    [
        "เดี๋ยวนะครับ ตอนเย็นเมียมารับรถ บัตรเป็นชื่อผม เมียรูดแทนไม่ได้ใช่มั้ย",
        "ห้องจองในชื่อผม แฟนเช็คอินแทนได้ไหมครับ",
        "ใส่ชื่อผม ภรรยามารับของแทน",
    ],
)
def test_in_my_name_gives_no_name(text: str) -> None:
    assert "customer_name" not in facts_of(("user", text))


def test_the_name_given_before_stays() -> None:
    facts = conversation(
        ("assistant", "ขอชื่อลูกค้าด้วยครับ"),
        ("user", "ฟาริด เจ๊ะหลง ครับ"),
        ("user", "เดี๋ยวนะครับ ตอนเย็นเมียมารับรถ บัตรเป็นชื่อผม เมียรูดแทนไม่ได้ใช่มั้ย"),
    )
    assert current(facts).get("customer_name") == "ฟาริด เจ๊ะหลง"


@pytest.mark.parametrize(
    ("text", "name"),
    [("ผมชื่อสมชายครับ", "สมชาย"), ("ดิฉันชื่อมาลีค่ะ", "มาลี")],
)
def test_a_name_given_is_still_read(text: str, name: str) -> None:
    assert facts_of(("user", text)).get("customer_name") == name
