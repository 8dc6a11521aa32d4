"""Values as Thai chat writes and speaks them: a number with the polite particle written on
to it («ยอด 1,250ค่ะ»), and the hours of the night and noon as said («ตีห้า», «บ่ายสามครึ่ง»,
«เที่ยงครึ่ง») (``domain.memory.offline.values``).

Written from Thai chat as customers and assistants write it in any domain; the English and
Persian cases hold the same rules where those languages share them.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values


def _values(text: str) -> list[tuple[str, str]]:
    return [(value.kind.value, value.text) for value in find_values(text)]


# -- a number and the particle written on to it ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ยอด 1,250ค่ะ", "1,250"),
        ("เลขไมล์ 23415ครับ", "23415"),
        ("ห้อง 1208นะคะ", "1208"),
        ("ได้ 3.5ครับ", "3.5"),
    ],
)
def test_a_number_then_a_particle_written_on_to_it_is_the_whole_number(
    text: str, number: str
) -> None:
    assert _values(text) == [("number", number)]


@pytest.mark.parametrize(
    "text",
    [
        "ยอด 1,250ค่าส่ง",  # «ค่าส่ง», the shipping fee: a word, no particle
        "code 1,250x please",
        "ref 2.5x",
        "کد ۱,۲۵۰الف",
    ],
)
def test_no_number_is_read_as_the_head_of_a_longer_one(text: str) -> None:
    """A number a letter runs on from is none; its digits before the group («1» of «1,250»)
    are none either."""
    assert [v for kind, v in _values(text) if kind == "number"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("total 1,250.", [("number", "1,250")]),
        ("سفارش ۴۴۷۱ ثبت شد", [("number", "۴۴۷۱")]),
        ("ได้ 1,250คะแนน", [("count", "1,250คะแนน")]),  # «คะแนน», points: no particle
    ],
)
def test_a_number_standing_alone_reads_as_before(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _values(text) == expected


# -- the hours as spoken -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("ขอรถไปรับตีห้าครับ", "ตีห้า"),  # 5 a.m.
        ("เครื่องลงตี 4 ครึ่งค่ะ", "ตี 4 ครึ่ง"),
        ("นัดบ่ายสามครึ่งนะคะ", "บ่ายสามครึ่ง"),  # half past three in the afternoon
        ("เจอกันเที่ยงครึ่งค่ะ", "เที่ยงครึ่ง"),
        ("ส่งของเที่ยงตรงนะคะ", "เที่ยงตรง"),
    ],
)
def test_a_thai_hour_as_spoken_is_a_time_whole(text: str, time: str) -> None:
    assert [v for kind, v in _values(text) if kind == "time"] == [time]


@pytest.mark.parametrize("text", ["เขาตีสองหน้า", "ตีกลับพัสดุแล้วค่ะ"])
def test_thai_words_that_start_like_an_hour_are_none(text: str) -> None:
    """«ตีสองหน้า» (two-faced), «ตีกลับ» (sent back) name no hour."""
    assert [v for kind, v in _values(text) if kind == "time"] == []


@pytest.mark.parametrize(
    ("text", "time"),
    [("the driver comes at 5am", "5am"), ("نوبت ساعت ۹ صبح است", "ساعت ۹ صبح")],
)
def test_english_and_persian_hours_read_as_before(text: str, time: str) -> None:
    assert [v.text for v in find_values(text) if v.kind is Kind.TIME] == [time]
