"""A Thai clause that gives a value by its label is read with the clause before it that
names the thing, so a detail keeps what the value is of
(``domain.memory.offline.thai_labelled_values``)."""

from __future__ import annotations

import pytest

from domain.context.compact_detail import compact_detail
from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.thai_sentences import joined_clauses


def _lines(*turns: tuple[str, str]) -> list[TranscriptLine]:
    return [
        TranscriptLine(index + 1, f"m{index + 1}", role, text)
        for index, (role, text) in enumerate(turns)
    ]


def _details(*turns: tuple[str, str]) -> list[str]:
    return [detail.text for detail in details_of(_lines(*turns))]


def _shown(*turns: tuple[str, str]) -> str:
    return "\n".join(compact_detail(d.text, d.values) for d in details_of(_lines(*turns)))


@pytest.mark.parametrize(
    ("turn", "subject", "value"),
    [
        # a clinic: the doctor's name, then the time of the appointment
        (
            "นัดตรวจกับหมอสมศักดิ์ห้องตรวจชั้นสอง เวลา 14:30 น. ค่ะ",
            "นัดตรวจกับหมอสมศักดิ์ห้องตรวจชั้นสอง",
            "14:30",
        ),
        # a condo: the common fee, then the day it is charged
        ("ค่าส่วนกลางคอนโด ตัดบัตรทุกวันที่ 10 ค่ะ", "ค่าส่วนกลางคอนโด", "10"),
        # a bus ticket: the trip, then the seat
        ("จองรถทัวร์ไปเชียงใหม่เที่ยวดึก ที่นั่ง 12 ครับ", "จองรถทัวร์ไปเชียงใหม่เที่ยวดึก", "12"),
        # a shop: the item, then its price
        ("โต๊ะทำงานไม้สักสีธรรมชาติ ราคา 8,900 บาทค่ะ", "โต๊ะทำงานไม้สักสีธรรมชาติ", "8,900"),
    ],
)
def test_a_labelled_value_keeps_the_thing_named_before_it(
    turn: str, subject: str, value: str
) -> None:
    details = _details(("assistant", turn))
    assert any(subject in text and value in text for text in details)
    assert subject in _shown(("assistant", turn))


@pytest.mark.parametrize(
    ("clauses", "joined"),
    [
        # a clinic appointment and its time
        (
            ["เลื่อนนัดทำฟันคุณหมอวิภา", "เวลา 10:00 น. ค่ะ"],
            ["เลื่อนนัดทำฟันคุณหมอวิภา เวลา 10:00 น. ค่ะ"],
        ),
        # a bus ticket and its seat code
        (
            ["ตั๋วรถทัวร์ขากลับ", "ที่นั่ง A7 ค่ะ"],
            ["ตั๋วรถทัวร์ขากลับ ที่นั่ง A7 ค่ะ"],
        ),
        # a condo and its room number
        (
            ["ส่งของที่คอนโดริเวอร์ไซด์", "ห้อง 2304 ครับ"],
            ["ส่งของที่คอนโดริเวอร์ไซด์ ห้อง 2304 ครับ"],
        ),
    ],
)
def test_clauses_joined(clauses: list[str], joined: list[str]) -> None:
    assert joined_clauses(clauses) == joined


@pytest.mark.parametrize(
    ("clause", "following"),
    [
        # a sentence a particle closes says nothing of the next
        ("รับทราบครับ", "เวลา 9:00 น. ครับ"),
        # a question names no thing the value is of
        ("สะดวกวันไหนคะ", "วันที่ 3 ได้ไหมคะ"),
        # a label without its value is a clause of its own
        ("โซฟาสามที่นั่งรุ่นใหม่", "ราคาขึ้นอยู่กับผ้าที่เลือกค่ะ"),
        # a cut, not a debit: «ตัดผม» is a haircut
        ("ร้านเปิดถึงสองทุ่ม", "ตัดผม 300 บาทค่ะ"),
        # two labelled values side by side: each of its own subject
        ("ห้องพัก 2 ท่าน", "ราคา 1,800 บาทค่ะ"),
        ("ที่นั่ง B5", "ราคา 650 บาทค่ะ"),
        # chat alone names nothing
        ("สวัสดี", "เวลา 9:00 น. ค่ะ"),
    ],
)
def test_not_a_value_of_the_clause_before(clause: str, following: str) -> None:
    assert joined_clauses([clause, following]) == [clause, following]
