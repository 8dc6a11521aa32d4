"""Which held date or time a value without a subject word moves, in English, Persian and
Thai, value by value.

A cue-less time said with a word of update ("now", «الان», «ตอนนี้») once replaced the
latest time held, whatever it was of: the parts' arrival moved the collection. With
several subjects holding a time, only the one the message names moves; else the value
is kept apart (``other_time``) and replaces nothing. A word of duty («باید») corrects
nothing, and the size of a difference («ต่างจากเดิม 3,000») is no old value.
"""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.dialogue import is_correction, is_negated
from domain.memory.offline.facts import extract_facts


def values_by_key(known: list[tuple[str, str]], *pairs: tuple[str, str]) -> dict[str, str]:
    lines = [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]
    return {f.key: f.value for f in extract_facts(lines, known) if not f.replaced}


@pytest.mark.parametrize(
    ("known", "message", "time"),
    [
        (
            [("delivery_time", "8:30"), ("pickup_time", "5pm")],
            "The parts are here now, they arrived at 1:40.",
            "1:40",
        ),
        (
            [("delivery_time", "۸:۳۰"), ("pickup_time", "۱۷:۰۰")],
            "قطعه‌ها الان رسیدن، ساعت ۱۳:۴۰ رسید.",
            "ساعت ۱۳:۴۰",
        ),
        (
            [("delivery_time", "08:30 น."), ("pickup_time", "17:00 น.")],
            "อะไหล่มาถึงแล้วตอนนี้ครับ 13:40 น.",
            "13:40 น.",
        ),
    ],
)
def test_a_time_no_subject_names_moves_none_of_several_held(
    known: list[tuple[str, str]], message: str, time: str
) -> None:
    facts = values_by_key(known, ("assistant", message))
    assert "delivery_time" not in facts
    assert "pickup_time" not in facts
    assert facts["other_time"] == time


def test_the_time_the_message_names_moves_among_several_held() -> None:
    facts = values_by_key(
        [("delivery_time", "8:30"), ("pickup_time", "5pm")],
        ("assistant", "Done, I've moved your collection to 10am now."),
    )
    assert facts == {"pickup_time": "10am"}


def test_a_time_updated_when_one_subject_holds_a_time_still_moves_it() -> None:
    facts = values_by_key([("delivery_time", "8:30")], ("assistant", "The new time is 10am."))
    assert facts == {"delivery_time": "10am"}


def test_a_persian_word_of_duty_corrects_nothing() -> None:
    message = "امروز: ویزیت ۳۵۰ هزار تومن. جمع کل ۱٬۳۹۵٬۰۰۰ تومان که باید پرداخت کنید"
    assert not is_correction(message)
    facts = values_by_key([("appointment_date", "پنجشنبه ۲۴ آبان")], ("assistant", message))
    assert "appointment_date" not in facts
    assert facts["order_total"] == "۱٬۳۹۵٬۰۰۰ تومان"


@pytest.mark.parametrize(
    ("message", "difference", "price"),
    [
        ("เตียง 6 ฟุต ราคา 15,900 บาทครับ ต่างจากเดิม 3,000 บาทครับ", "3,000", "15,900 บาท"),
        ("รุ่นใหม่ราคา 2,400 บาท แพงกว่าเดิม 500 บาทค่ะ", "500", "2,400 บาท"),
    ],
)
def test_a_thai_difference_from_the_old_is_no_old_value(
    message: str, difference: str, price: str
) -> None:
    start = message.index(difference)
    assert not is_negated(message, start, start + len(difference))
    held = f"{difference} บาท"
    assert values_by_key([("deposit", held)], ("assistant", message)) == {"price": price}


def test_a_thai_old_value_named_before_its_replacement_is_still_the_old_one() -> None:
    message = "เปลี่ยนจากเดิม 12,900 บาท เป็น 15,900 บาท"
    start = message.index("12,900")
    assert is_negated(message, start, start + len("12,900"))
