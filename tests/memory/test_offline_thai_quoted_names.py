"""Thai names in quotes: the words between «ชื่อ» and the quote say whose name it is (a shop's,
a company's, the first choice, the backup); the quotes say where it ends. A name compared,
old or refused is none taken, nor are its words a person's name; a quoted name the customer
changes to with no «ชื่อ…» before it puts right the held one; «ชื่อสำรองเป็น» is no person's
name.

Sentences written for these tests, about no one dialogue's subject.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("reply", "key", "name"),
    [
        ('ชื่อร้าน "ครัวคุณยายทองดี" ค่ะ', "shop_name", "ครัวคุณยายทองดี"),
        ("ชื่อบริษัทจะใช้ “กรีนลีฟ เทรดดิ้ง” ครับ", "company_name", "กรีนลีฟ เทรดดิ้ง"),
        ('ชื่อแรกอยากได้ "บ้านสวน คาเฟ่" ค่ะ', "first_choice_name", "บ้านสวน คาเฟ่"),
        ('ชื่อสำรองเป็น "สวนดอก คาเฟ่" นะคะ', "backup_name", "สวนดอก คาเฟ่"),
        ('ชื่อเพจว่า "ขนมบ้านแม่ศรี" ค่ะ', "page_name", "ขนมบ้านแม่ศรี"),
    ],
)
def test_a_quoted_name_is_kept_under_the_name_its_words_say(
    reply: str, key: str, name: str
) -> None:
    facts = facts_of(("assistant", "มีชื่อในใจหรือยังคะ"), ("user", reply))
    assert facts.get(key) == name
    assert "person_name" not in facts  # «ชื่อสำรองเป็น», «ชื่อแรกอยากได้» name no one


@pytest.mark.parametrize(
    "reply",
    [
        'ยังชอบชื่อแรกมากกว่า "บ้านสวน คาเฟ่" นะคะ',
        'ชื่อเดิม "บ้านสวน คาเฟ่" ไม่เอาแล้วค่ะ',
        'ชื่อเดิม "ครีเอทีฟ" ไม่เอาแล้วค่ะ',
        'ชื่อร้านเก่า "ครัวคุณยายทองดี" ค่ะ',
        'ชื่อ "ถุงเงิน" ค่ะ ตัวสีส้ม',
    ],
)
def test_a_quoted_name_compared_old_or_unplaced_is_none_taken(reply: str) -> None:
    facts = facts_of(("assistant", "มีชื่อในใจหรือยังคะ"), ("user", reply))
    named = {"shop_name", "company_name", "first_choice_name", "backup_name", "page_name"}
    assert not named & facts.keys()
    # «ชื่อเดิม», «ชื่อร้านเก่า» name no one, nor is the reply the customer's name
    assert not {"person_name", "customer_name"} & facts.keys()


def test_a_quoted_name_gone_back_to_puts_right_the_first_choice() -> None:
    facts = conversation(
        ("assistant", "มีชื่อในใจหรือยังคะ"),
        ("user", 'ชื่อแรกอยากได้ "บ้านสวน คาเฟ่" ค่ะ'),
        ("user", 'ชื่อสำรองเป็น "สวนดอก คาเฟ่" นะคะ'),
        ("assistant", "รับทราบค่ะ"),
        ("user", 'เปลี่ยนเป็น "บ้านสวน บิสโทร" ดีกว่าค่ะ'),
        ("assistant", "ได้ค่ะ"),
        ("user", 'คิดอีกทีขอกลับไปใช้ "บ้านสวน คาเฟ่" เหมือนเดิมค่ะ'),
    )
    assert current(facts)["first_choice_name"] == "บ้านสวน คาเฟ่"
    assert history(facts, "first_choice_name") == ["บ้านสวน คาเฟ่", "บ้านสวน บิสโทร"]
    assert current(facts)["backup_name"] == "สวนดอก คาเฟ่"


def test_the_assistants_quoted_change_puts_nothing_right() -> None:
    facts = facts_of(
        ("assistant", 'แนะนำให้เปลี่ยนเป็น "บ้านสวน บิสโทร" จะผ่านง่ายกว่าค่ะ'),
        known=[("first_choice_name", "บ้านสวน คาเฟ่")],
    )
    assert "first_choice_name" not in facts


@pytest.mark.parametrize(
    "reply",
    [
        'ไม่ใช้ "ครีเอทีฟ" นะคะ',  # refused
        'ไม่อยากเปลี่ยนเป็น "ครีเอทีฟ" ค่ะ',
        'ขอใช้ "SAVE10" ได้ไหมคะ',  # asked, and a code
        'เปลี่ยนเป็น "บ้านสวน บิสโทร" ดีไหมคะ',  # asked
        'ใช้ "SAVE10" ค่ะ',  # a code, no name
    ],
)
def test_a_quoted_change_refused_asked_or_a_code_puts_nothing_right(reply: str) -> None:
    facts = facts_of(
        ("assistant", "รับทราบค่ะ"),
        ("user", reply),
        known=[("first_choice_name", "บ้านสวน คาเฟ่")],
    )
    assert "first_choice_name" not in facts
