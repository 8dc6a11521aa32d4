"""A count of people said with a garment size ("4 adult XS") counts garments of a size, and a
Thai count of drivers («คนขับขาด 1 คน») counts workers: neither is a guest count
(``domain.memory.offline.garment_sizes``, ``workers_counted``)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("role", "text"),
    [
        ("user", "8 age 9/10, 10 age 11/12 and 4 adult XS"),
        ("user", "6 kids M and 2 adults XXL please"),
        ("user", "3 adult L, the rest youth sizes"),
        ("assistant", "รอบพฤหัสบ่ายเต็มแล้ว เนื่องจากคนขับขาด 1 คน เปลี่ยนเป็นรอบศุกร์ได้ไหมคะ"),
        ("assistant", "ต้องใช้คนขับเพิ่มอีก 1 คนค่ะ"),
        ("assistant", "รอบนี้มีคนขับ 2 คนสลับกันค่ะ"),
    ],
)
def test_sizes_and_drivers_are_no_guest_count(role: str, text: str) -> None:
    assert "guest_count" not in facts_of((role, text))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("table for 4 adults please", "4 adults"),
        ("3 adults, arriving Friday", "3 adults"),
        ("จองห้องพักผู้ใหญ่ 2 คนค่ะ", "2 คน"),
        ("เช่ารถตู้พร้อมคนขับ ไปกัน 8 คนค่ะ", "8 คน"),  # the driver hired, not counted
    ],
)
def test_a_party_is_still_counted(text: str, count: str) -> None:
    assert count in facts_of(("user", text)).get("guest_count", "")
