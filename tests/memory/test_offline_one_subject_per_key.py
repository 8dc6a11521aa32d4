"""One key, one subject, in English, Persian and Thai: a day named from today does not move a
held day by a word of update said in another sentence, and the balance left after a deposit is
no deposit."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _facts(role: str, message: str, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = [TranscriptLine(1, "m1", role, message)]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


@pytest.mark.parametrize(
    ("message", "known"),
    [
        (
            "Your engineer is off sick today. Another engineer can come round right now though.",
            [("appointment_date", "Monday 14 May")],
        ),
        (
            "دکتر صالحی امروز مریض شدن. دکتر نادری همین الان می‌تونن ببیننش.",
            [("appointment_date", "دوشنبه ۱۴ آبان")],
        ),
        (
            "หมอต้นป่วยวันนี้ค่ะ หมอแพรวว่างตรวจน้องได้เลยตอนนี้ค่ะ",
            [("appointment_date", "วันจันทร์ 14 พ.ค.")],
        ),
    ],
)
def test_today_said_of_something_else_does_not_move_the_held_day(
    message: str, known: list[tuple[str, str]]
) -> None:
    assert not [key for key, _ in _facts("assistant", message, known) if key == "appointment_date"]


@pytest.mark.parametrize(
    ("message", "known", "day"),
    [
        ("the delivery is now tomorrow", [("delivery_date", "Friday 7 March")], "tomorrow"),
        ("نوبت الان افتاده فردا", [("appointment_date", "دوشنبه ۱۴ آبان")], "فردا"),
        ("ตอนนี้นัดเลื่อนเป็นพรุ่งนี้ค่ะ", [("appointment_date", "วันจันทร์ 14 พ.ค.")], "พรุ่งนี้"),
    ],
)
def test_a_word_of_update_beside_today_still_moves_the_held_day(
    message: str, known: list[tuple[str, str]], day: str
) -> None:
    (key, _), *_ = known
    assert (key, day) in _facts("user", message, known)


def test_the_balance_after_a_deposit_is_no_deposit() -> None:
    message = "Apologies, the deposit is £300 and the balance of £2,100 is due on completion."
    facts = _facts("assistant", message, [("deposit", "£600")])
    assert ("deposit", "£300") in facts
    assert ("balance_due", "£2,100") in facts
