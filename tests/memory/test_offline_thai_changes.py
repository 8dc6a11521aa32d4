"""A Thai change said with its subject, value by value: «เลื่อน<subject>เป็น<value>» keys the
value by the subject word, or by the topic's key when the subject is a known cue.

Sentences written for these tests, in several domains.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.thai_changes import changes_named
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        (
            "เลื่อนวันสัมภาษณ์เป็นพฤหัสที่ 9 ม.ค. เวลา 10:00 น. แล้วค่ะ",
            "วันสัมภาษณ์",
            "พฤหัสที่ 9 ม.ค. เวลา 10:00 น.",
        ),
        ("เปลี่ยนจุดนัดรับเป็นหน้าสถานี BTS อารีย์ เรียบร้อยครับ", "จุดนัดรับ", "หน้าสถานี BTS อารีย์"),
        ("ย้ายโต๊ะเป็นโซนริมหน้าต่างให้นะคะ", "โต๊ะ", "โซนริมหน้าต่าง"),
        ("แก้ไขชื่อบนเค้กเป็น Happy Birthday ป้าแดง ค่ะ", "ชื่อบนเค้ก", "Happy Birthday ป้าแดง"),
    ],
)
def test_a_change_keeps_its_subject_and_its_new_value(text: str, subject: str, value: str) -> None:
    assert [(c.subject, c.value) for c in changes_named(text)] == [(subject, value)]


@pytest.mark.parametrize(
    "text",
    [
        "ขอเลื่อนวันสัมภาษณ์เป็นวันศุกร์ได้ไหมคะ",  # asks for a change, makes none
        "เปลี่ยนเป็นสีดำแทนได้มั้ยครับ",
        "ย้ายบ้านเมื่อเดือนที่แล้วค่ะ",  # no «เป็น»: no value said
        "เปลี่ยนกลับเป็นเหมือนเดิม",  # «กลับ» (back) is no subject
    ],
)
def test_a_request_or_a_change_without_a_subject_names_none(text: str) -> None:
    assert changes_named(text) == []


def test_a_subject_the_topics_know_keys_the_value_by_its_topic() -> None:
    facts = facts_of(
        ("user", "อีเมลติดต่อ somchai.k@gmail.com ครับ"),
        ("assistant", "เปลี่ยนอีเมลเป็น somchai.work@outlook.com เรียบร้อยค่ะ"),
    )
    assert facts["customer_email"] == "somchai.work@outlook.com"


def test_a_subject_the_topics_do_not_know_is_the_key_itself() -> None:
    facts = facts_of(("assistant", "เปลี่ยนโต๊ะเป็นโซนริมหน้าต่างแล้วค่ะ"))
    assert facts["โต๊ะ"] == "โซนริมหน้าต่าง"


def test_a_second_change_of_the_same_subject_replaces_the_first() -> None:
    facts = facts_of(
        ("assistant", "เลื่อนวันซ้อมเป็นเสาร์ที่ 4 ม.ค. แล้วครับ"),
        ("assistant", "เลื่อนวันซ้อมเป็นอาทิตย์ที่ 12 ม.ค. แล้วครับ"),
    )
    assert facts["วันซ้อม"] == "อาทิตย์ที่ 12 ม.ค."
