"""Thai clauses of one turn read as the sentence a polite particle closes, so a detail
keeps a value written across spaces whole (``domain.memory.offline.thai_sentences``)."""

from __future__ import annotations

import pytest

from domain.context.compact_detail import compact_detail
from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.thai_sentences import MAX_JOINED_CHARS, joined_clauses


def _details(*turns: tuple[str, str]) -> list[str]:
    lines = [
        TranscriptLine(index + 1, f"m{index + 1}", role, text)
        for index, (role, text) in enumerate(turns)
    ]
    return [detail.text for detail in details_of(lines)]


def _shown(*turns: tuple[str, str]) -> str:
    lines = [
        TranscriptLine(index + 1, f"m{index + 1}", role, text)
        for index, (role, text) in enumerate(turns)
    ]
    return "\n".join(compact_detail(d.text, d.values) for d in details_of(lines))


@pytest.mark.parametrize(
    ("turns", "value"),
    [
        # a place name the spaces cut before its building and room
        (
            [
                ("assistant", "ขอที่อยู่เข้ารับครับ"),
                ("user", "ลุมพินี วิลล์ รามอินทรา ตึก B ห้อง 1508 ค่ะ ฝากไว้ที่นิติได้"),
            ],
            "ลุมพินี วิลล์ รามอินทรา ตึก B ห้อง 1508",
        ),
        # a village's name in three pieces, before its street and number
        (
            [("user", "หมู่บ้าน พฤกษา วิลล์ ซอย 5 บ้านเลขที่ 88/12 ครับ")],
            "หมู่บ้าน พฤกษา วิลล์ ซอย 5 บ้านเลขที่ 88/12",
        ),
    ],
)
def test_a_value_across_thai_pieces_is_kept_whole(turns: list[tuple[str, str]], value: str) -> None:
    assert any(value in text for text in _details(*turns))
    assert value in _shown(*turns)


def test_a_thai_decision_written_with_a_space_after_will_is_kept_as_its_clause() -> None:
    # «ผมจะ จ่ายเงินสด» (I'll pay cash): the clause says it, not the sentence around it
    line = TranscriptLine(1, "m1", "user", "ตอนรับรถผมจะ จ่ายเงินสด เลย แอปธนาคารมีปัญหา")
    (detail,) = details_of([line])
    assert detail.values == ["ตอนรับรถผมจะ จ่ายเงินสด เลย"]
    assert detail.kinds == ["instruction"]


def test_a_particle_ends_a_thai_sentence() -> None:
    # «ค่ะ» closes what the piece said: the next is another sentence
    assert joined_clauses(["ได้ค่ะ", "ตึก B ห้อง 1508"]) == ["ได้ค่ะ", "ตึก B ห้อง 1508"]
    assert joined_clauses(["ได้", "ตึก B ห้อง 1508"]) == ["ได้ ตึก B ห้อง 1508"]


def test_other_scripts_and_marks_end_sentences_as_before() -> None:
    assert joined_clauses(["The deposit is paid.", "Thanks!"]) == [
        "The deposit is paid.",
        "Thanks!",
    ]
    assert joined_clauses(["ส่งแล้วค่ะ 😊", "ขอบคุณค่ะ"]) == ["ส่งแล้วค่ะ 😊", "ขอบคุณค่ะ"]
    assert joined_clauses(["قسط اول ۲۰ میلیون", "بقیه آخر ماه"]) == [
        "قسط اول ۲۰ میلیون",
        "بقیه آخر ماه",
    ]


def test_two_whole_clauses_stay_apart() -> None:
    # each says something of its own: joined, each would cost the room of both
    clauses = ["แบตเตอรี่เสื่อมแล้วนะคะ", "สายพานมีรอยแตกลายงา", "ควรเปลี่ยนภายในเดือนนี้"]
    assert joined_clauses(clauses) == clauses


def test_a_joined_sentence_stays_bounded() -> None:
    pieces = ["กขคง"] * 60
    assert all(len(s) <= MAX_JOINED_CHARS for s in joined_clauses(pieces))
    assert len(joined_clauses(pieces)) > 1


@pytest.mark.parametrize(
    "clauses",
    [
        # a value stated: the clause is whole, the next is another subject's
        ["ห้อง 1508", "ราคา 500 บาท"],
        ["ราคา 500 บาท", "ส่งพรุ่งนี้ 10 โมง"],
        # a word of chat alone is no piece of a name
        ["โอเค", "ราคา 500 บาท"],
        ["ขอบคุณ", "ส่งพรุ่งนี้ 10 โมง"],
    ],
)
def test_a_short_clause_with_a_value_or_only_chat_is_whole(clauses: list[str]) -> None:
    assert joined_clauses(clauses) == clauses


def test_a_price_and_a_delivery_time_are_two_details() -> None:
    texts = _details(("user", "ราคา 500 บาท ส่งพรุ่งนี้ 10 โมง"))
    assert not any("500 บาท" in text and "10 โมง" in text for text in texts)


@pytest.mark.parametrize(
    ("clauses", "joined"),
    [
        # a lodging's name and its last word typed apart before the particle
        (
            ["บ้านไม้ริมปาย", "รีสอร์ท ค่ะ", "อยู่ริมแม่น้ำปาย"],
            ["บ้านไม้ริมปาย รีสอร์ท ค่ะ", "อยู่ริมแม่น้ำปาย"],
        ),
        (["ศุภาลัยพาร์ควิลล์รัชดา", "Residence ครับ"], ["ศุภาลัยพาร์ควิลล์รัชดา Residence ครับ"]),
    ],
)
def test_a_closing_word_finishes_the_name_before_it(clauses: list[str], joined: list[str]) -> None:
    assert joined_clauses(clauses) == joined


def test_a_name_answered_in_pieces_is_kept_whole() -> None:
    details = _details(
        ("assistant", "ในเมืองปายค่าส่งเท่าเดิมค่ะ ที่พักชื่ออะไรคะ"),
        ("user", "บ้านไม้ริมปาย รีสอร์ท ค่ะ อยู่ริมแม่น้ำปาย เดินไปถนนคนเดินได้"),
    )
    assert any("บ้านไม้ริมปาย รีสอร์ท" in text for text in details)


@pytest.mark.parametrize(
    "clauses",
    [
        ["เดี๋ยวโอนให้ตอนเย็นนี้นะคะ", "แล้ว ค่ะ"],  # a clause of its own, closed
        ["พรุ่งนี้เช้าจะเข้าไปรับ", "เลย ครับ"],  # a word that only closes
        ["พรุ่งนี้เช้าจะเข้าไปรับรถที่ร้านด้วยตัวเองตอนแปดโมง", "คอนโด ครับ"],  # no name
    ],
)
def test_a_long_clause_or_a_closing_filler_stays_apart(clauses: list[str]) -> None:
    assert len(joined_clauses(clauses)) == 2
