"""Values whose subject is not the held fact's never replace it, in English, Persian and
Thai (issue 18, false replacements in fact histories).

- A time that bounds fasting before an appointment ("no food after 10pm", «بعد از ساعت ۲۲
  چیزی نخوره», «งดอาหารหลัง 22:00 น.») is the instruction's limit, not the appointment
  time, even with the appointment named beside it.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_date_slots import values_by_key


@pytest.mark.parametrize(
    ("known", "message"),
    [
        (
            [("appointment_time", "9:00am")],
            "For the appointment: no food after 10pm the night before.",
        ),
        ([("appointment_time", "ساعت ۹")], "برای نوبت، بعد از ساعت ۲۲ چیزی نخوره"),
        ([("appointment_time", "9:00 น.")], "งดอาหารหลัง 22:00 น. ก่อนวันนัดนะคะ"),
    ],
)
def test_a_fasting_limit_is_no_appointment_time(known: list[tuple[str, str]], message: str) -> None:
    facts = values_by_key(known, ("assistant", message))
    assert "appointment_time" not in facts


@pytest.mark.parametrize(
    ("known", "message"),
    [
        ([("appointment_time", "2pm")], "Your appointment is now at 4pm."),
        ([("appointment_time", "ساعت ۵ عصر")], "نوبتتون رو گذاشتم ساعت ۶ عصر"),
        ([("appointment_time", "14:00 น.")], "เปลี่ยนเวลานัดเป็น 16:00 น. แล้วค่ะ"),
    ],
)
def test_an_appointment_time_moved_still_moves(known: list[tuple[str, str]], message: str) -> None:
    facts = values_by_key(known, ("assistant", message))
    assert "appointment_time" in facts


@pytest.mark.parametrize(
    ("known", "message", "key"),
    [
        # fasting named beside the appointment's own time: «ناشتا» (fasting) ends in «تا»
        ([], "نوبت آزمایش خون شما دوشنبه‌ست، ناشتا ساعت ۸ صبح بیاید", "appointment_time"),
        # «ถึง» alone is arriving, and «งดใช้น้ำ» (no water use) is no fasting
        ([], "ช่างจะเข้าไปถึง 9:00 น. ช่วงนั้นงดใช้น้ำนะคะ", "appointment_time"),
        # "fast service" is no fasting
        (
            [("appointment_time", "10am")],
            "Let's move it: the plumber can come after 2pm instead, fast service guaranteed.",
            "appointment_time",
        ),
        # a bound beside a meal that is not an appointment's time keeps its own key
        ([], "Check-out is before 11am and there's no breakfast on Sundays.", "check_out_time"),
    ],
    ids=["fa-fasting-word", "th-arrives", "en-fast-service", "en-check-out"],
)
def test_a_time_beside_words_of_food_that_bound_no_fast_keeps_its_key(
    known: list[tuple[str, str]], message: str, key: str
) -> None:
    assert key in values_by_key(known, ("assistant", message))
