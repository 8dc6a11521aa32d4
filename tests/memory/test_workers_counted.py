"""A count of the people sent to do the work is no party's size
(``domain.memory.offline.workers_counted``)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    "text",
    [
        "พรุ่งนี้ช่างจะเข้าไป 2 คนนะคะ",
        "พนักงานจะไปติดตั้ง 3 คนครับ",
        "ช่างจะไปติดตั้งให้ 2 คนค่ะ",
        "فردا ۲ نفر نصاب میان برای نصب.",
        "سه نفر کارگر برای اسباب‌کشی میفرستیم.",
    ],
)
def test_the_workers_sent_are_no_guest_count(text: str) -> None:
    assert "guest_count" not in facts_of(("assistant", text))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("จองห้องพักผู้ใหญ่ 2 คนค่ะ", "2 คน"),
        ("ช่างบอกว่าให้จองสำหรับผู้ใหญ่ 4 คนค่ะ", "4 คน"),
        ("พนักงานจองโต๊ะให้ 4 คนเรียบร้อยค่ะ", "4 คน"),
        ("เจ้าหน้าที่สำรองที่นั่งไว้ 3 คนแล้วค่ะ", "3 คน"),
        ("برای ۳ نفر بزرگسال میخوام رزرو کنم.", "۳ نفر"),
    ],
)
def test_a_party_counted_is_still_the_guest_count(text: str, count: str) -> None:
    assert count in facts_of(("user", text)).get("guest_count", "")
