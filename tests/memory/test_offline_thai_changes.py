"""A Thai change said with its subject, value by value: «เลื่อน<subject>เป็น<value>» keys the
value by the topic's key when the subject is a known cue, else by the English key of a
named Thai subject, else not at all.

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


def _thai_keys(facts: dict[str, str]) -> list[str]:
    return [key for key in facts if any("\u0e00" <= ch <= "\u0e7f" for ch in key)]


def test_a_named_thai_subject_keys_the_value_by_its_english_key() -> None:
    facts = facts_of(("assistant", "เปลี่ยนโต๊ะเป็นโซนริมหน้าต่างแล้วค่ะ"))
    assert facts["table"] == "โซนริมหน้าต่าง"
    assert "โต๊ะ" not in facts


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("เลื่อนวันซ่อมเป็นศุกร์ที่ 13 ธ.ค. แล้วค่ะ", "repair_date", "ศุกร์ที่ 13 ธ.ค."),
        (
            "เลื่อนนัดเป็น อา. 13 ต.ค. 67 เวลา 14:00 น. ครับ",
            "appointment_date",
            "อา. 13 ต.ค. 67 เวลา 14:00 น.",
        ),
        ("เปลี่ยนสีเป็นสีแดงเรียบร้อยค่ะ", "colour", "สีแดง"),
        ("เปลี่ยนสาขาคืนรถเป็นสนามบินเชียงรายแล้วครับ", "return_branch", "สนามบินเชียงราย"),
    ],
)
def test_the_key_of_a_named_subject_is_english_and_whole(text: str, key: str, value: str) -> None:
    facts = facts_of(("assistant", text))
    assert facts[key] == value
    # «วันซ่อม» once became «ว_นซ_อม»: no key of Thai letters is made.
    assert not _thai_keys(facts)


@pytest.mark.parametrize(
    "text",
    [
        "เปลี่ยนวันเริ่มสัญญาเป็นวันที่ 1 ธ.ค. แล้วค่ะ",  # a subject not in the list
        "ย้ายมาอยู่ที่นี่เป็นปีแล้วค่ะ",  # moved here a year ago: no change of anything
    ],
)
def test_a_subject_not_named_keys_nothing(text: str) -> None:
    facts = facts_of(("assistant", text))
    assert not _thai_keys(facts)
    assert "ปี" not in facts.values()


def test_a_second_change_of_the_same_subject_replaces_the_first() -> None:
    facts = facts_of(
        ("assistant", "เลื่อนวันซ้อมเป็นเสาร์ที่ 4 ม.ค. แล้วครับ"),
        ("assistant", "เลื่อนวันซ้อมเป็นอาทิตย์ที่ 12 ม.ค. แล้วครับ"),
    )
    assert facts["rehearsal_date"] == "อาทิตย์ที่ 12 ม.ค."


@pytest.mark.parametrize(
    "text",
    [
        "ไม่อยากเปลี่ยนสีเป็นสีแดงค่ะ",  # a refusal
        "ถ้าเลื่อนวันส่งเป็นวันศุกร์จะเสียค่าปรับไหม",  # a condition and a question after the value
        "หากย้ายห้องเป็นห้องริมทะเลต้องจ่ายเพิ่มเท่าไร",  # a condition
        "อยากเปลี่ยนสีเป็นสีดำ",  # a wish
        "เปลี่ยนวันเริ่มสัญญาเป็นวันไหนดีคะ",  # the value is a question word
        "ย้ายมาอยู่ที่นี่เป็นปีแล้วค่ะ",  # «มา»: moved here, nothing changed to a year
    ],
)
def test_a_change_not_made_names_none(text: str) -> None:
    assert changes_named(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("เลื่อนวันส่งเป็นศุกร์ที่ 12 ธ.ค. และช่างจะโทรก่อนเข้าค่ะ", "ศุกร์ที่ 12 ธ.ค."),
        ("เปลี่ยนสีเป็นสีดำส่วนขนาดเหมือนเดิมค่ะ", "สีดำ"),
        ("เลื่อนนัดเป็นวันศุกร์แต่หมอจะเข้าสายนิดหน่อย", "วันศุกร์"),
        ("เปลี่ยนสีเป็นสีเทาค่ะเดี๋ยวส่งพรุ่งนี้", "สีเทา"),
    ],
)
def test_the_value_stops_where_the_next_clause_begins(text: str, value: str) -> None:
    assert [c.value for c in changes_named(text)] == [value]


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # «ส่วนตัว» (private) and «จะนะ» (a district) only start with «ส่วน» (as for), «จะ» (will)
        ("เปลี่ยนห้องเป็นห้องส่วนตัวชั้น 3 ค่ะ", "room", "ห้องส่วนตัวชั้น 3"),
        ("ย้ายโต๊ะเป็นโซนส่วนตัวชั้น 2 ค่ะ", "table", "โซนส่วนตัวชั้น 2"),
        ("เปลี่ยนสาขาคืนรถเป็นสนามบินจะนะแล้วครับ", "return_branch", "สนามบินจะนะ"),
    ],
)
def test_a_word_that_starts_like_a_clause_opener_stays_in_the_value(
    text: str, key: str, value: str
) -> None:
    facts = facts_of(("assistant", text))
    assert facts[key] == value
    assert [c.value for c in changes_named(text)] == [value]  # not «ห้อง», «โซน», «สนามบิน»


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # the «ไม่» of the reason before, closed by «ค่ะ» or opened by «เลย» (so), is not the change's
        ("สีเดิมไม่สวยค่ะเปลี่ยนสีเป็นสีกรมท่า", "colour", "สีกรมท่า"),
        ("ลูกค้าไม่ชอบสีแดงเลยเปลี่ยนสีเป็นสีเขียวค่ะ", "colour", "สีเขียว"),
    ],
)
def test_a_negation_in_the_clause_before_does_not_cancel_the_change(
    text: str, key: str, value: str
) -> None:
    facts = facts_of(("user", text))
    assert facts[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "ตอนแรกจะเปลี่ยนสีเป็นสีแดง แต่ไม่เป็นไรค่ะ",  # "at first": a plan given up
        "เปลี่ยนสีเป็นสีฟ้าก็ได้ถ้ายังมีของ",  # offered, on a condition after the value
        "เปลี่ยนห้องเป็นห้องริมทะเลหากยังว่างอยู่",  # the same, with «หาก»
    ],
)
def test_a_change_given_up_or_offered_on_a_condition_names_none(text: str) -> None:
    assert changes_named(text) == []
    facts = facts_of(("user", text))
    assert "colour" not in facts
    assert "room" not in facts
