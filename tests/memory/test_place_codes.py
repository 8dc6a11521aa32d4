"""A seat's, a room's or a gate's short code is a value where its label names it
(``domain.memory.offline.place_codes``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import find_values


def _values(text: str) -> list[str]:
    return [value.text for value in find_values(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Your seat is now seat F14 on the 9:40 coach", "F14"),
        ("Please wait at gate B2", "B2"),
        ("The clinic moved you to room 3C", "3C"),
        ("صندلی C9 رو براتون رزرو کردم", "C9"),
        ("اتاق B4 طبقه دوم", "B4"),
        ("รถทัวร์เที่ยว 22:00 ที่นั่ง D3 ค่ะ", "D3"),
        ("ตรวจที่ห้อง A5 ชั้น 2 ค่ะ", "A5"),
        ("ขึ้นรถที่ชานชาลา 7B ครับ", "7B"),
        # Thai writes no space between a label and its code
        ("ขอเปลี่ยนเป็นที่นั่งF14 ค่ะ", "F14"),
        ("ตรวจที่ห้องA5ค่ะ", "A5"),
    ],
)
def test_a_labelled_short_code_is_a_value(text: str, code: str) -> None:
    assert code in _values(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The F14 model is out of stock", "F14"),
        ("we need size M2 screws", "M2"),
        ("مدل B4 موجود نیست", "B4"),
        ("ไซซ์ M2 หมดค่ะ", "M2"),
    ],
)
def test_an_unlabelled_short_code_is_no_value(text: str, code: str) -> None:
    assert code not in _values(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("เลขพัสดุTH123456789ค่ะ", "TH123456789"),
        ("รหัสจองABC123ครับ", "ABC123"),
    ],
)
def test_a_code_written_without_spaces_in_thai_is_a_value(text: str, code: str) -> None:
    assert code in _values(text)
