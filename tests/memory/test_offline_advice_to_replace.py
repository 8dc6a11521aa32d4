"""Advice to replace a part, in English, Persian and Thai ("you should change the brake pads",
«لنت ترمز باید عوض بشه», «ควรเปลี่ยนผ้าเบรก»), corrects no value: its price is no new
total; a change of a value said in so many words still is one."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _totals(role: str, message: str, held: str) -> list[str]:
    lines = [TranscriptLine(1, "m1", role, message)]
    known = [("order_total", held)]
    return [fact.value for fact in extract_facts(lines, known) if fact.key == "order_total"]


@pytest.mark.parametrize(
    ("message", "held"),
    [
        ("You should change the brake pads too, that's £120.", "£300"),
        ("I'd recommend you change the wiper blades as well, £35 fitted.", "£300"),
        ("لنت ترمز هم باید عوض بشه، ۱ میلیون تومان", "۳ میلیون تومان"),
        ("ควรเปลี่ยนผ้าเบรกด้วยครับ 1,500 บาท", "3,000 บาท"),
        # advice with no «ให้»: "recommend replacing the battery"
        ("แบตเสื่อมแล้วค่ะ แนะนำเปลี่ยนแบตลูกนี้ 1,200 บาท", "3,000 บาท"),
        ("ยางหน้าบางมากครับ แนะนำ เปลี่ยนยาง 1,800 บาท", "3,000 บาท"),
    ],
)
def test_advice_to_replace_a_part_is_no_new_total(message: str, held: str) -> None:
    assert _totals("assistant", message, held) == []


@pytest.mark.parametrize(
    ("message", "held", "total"),
    [
        ("Sorry, change the total to £250.", "£300", "£250"),
        ("ขอเปลี่ยนยอดเป็น 2,500 บาทครับ", "3,000 บาท", "2,500 บาท"),
    ],
)
def test_a_change_said_of_the_value_still_changes_it(message: str, held: str, total: str) -> None:
    assert _totals("user", message, held) == [total]
