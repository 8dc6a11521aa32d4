"""A weekday said alone after the full date of that weekday is held names the same day less
fully, even in a reply that opens with "no": «نه، دوشنبه صبح هم سرکارم» after «دوشنبه ۱۷
آذر» keeps the date, in English, Persian and Thai."""

from __future__ import annotations

import pytest

from domain.memory.offline.same_weekday import same_weekday_said_loosely
from tests.memory.test_offline_facts_dialogue import conversation, current


@pytest.mark.parametrize(
    ("held", "turns"),
    [
        (
            "Monday 17 March",
            (
                ("assistant", "Your pickup is booked for Monday 17 March. Same morning slot?"),
                ("user", "No, Monday morning I'm at work too. After 2 is better."),
            ),
        ),
        (
            "دوشنبه ۱۷ آذر",
            (
                ("assistant", "برای چه روزی پیک بفرستیم؟"),
                ("user", "دوشنبه ۱۷ آذر خوبه"),
                ("assistant", "ساعت همون بازه‌ی صبح باشه؟"),
                ("user", "نه، دوشنبه صبح هم سرکارم. بعد از ۲ بهتره"),
            ),
        ),
        (
            "วันจันทร์ที่ 17 มี.ค.",
            (
                ("assistant", "นัดรับของวันจันทร์ที่ 17 มี.ค. นะคะ ช่วงเช้าเหมือนเดิมไหมคะ"),
                ("user", "ไม่ค่ะ วันจันทร์ช่วงเช้าไม่อยู่บ้าน ขอบ่ายสองโมงค่ะ"),
            ),
        ),
    ],
)
def test_a_weekday_said_alone_keeps_the_full_date_of_that_day(
    held: str, turns: tuple[tuple[str, str], ...]
) -> None:
    facts = conversation(*turns, batch=10)
    dates = {k: v for k, v in current(facts).items() if k.endswith("_date")}
    assert held in dates.values(), dates
    assert len(dates) == 1, dates


@pytest.mark.parametrize(
    ("new", "held", "same"),
    [
        ("Monday morning", "Monday 17 March", True),
        ("دوشنبه صبح", "دوشنبه ۱۷ آذر", True),
        ("شنبه", "دوشنبه ۱۷ آذر", False),  # «شنبه» inside «دوشنبه» is no Saturday
        ("Tuesday", "Monday 17 March", False),
        ("Monday 24 March", "Monday 17 March", False),  # a date of its own
    ],
)
def test_only_the_same_weekday_without_a_date_is_said_loosely(
    new: str, held: str, same: bool
) -> None:
    assert same_weekday_said_loosely(new, held) is same
