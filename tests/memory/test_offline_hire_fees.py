"""Hiring a room or a hall, in English, Persian and Thai ("day hire is £650 per day",
«اجاره سالن», «ค่าเช่าห้องประชุม»), is a hire fee: it never replaces a bedroom's rate."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

#: (message, a bedroom rate held, the hire fee it states)
_HIRED = [
    ("The Kingfisher Suite's day hire is £650 per day.", "£142 per night", "£650 per day"),
    ("اجاره سالن همایش ۵ میلیون تومان برای یک روزه", "۲ میلیون تومان", "۵ میلیون تومان"),
    ("ค่าเช่าห้องประชุม 5,000 บาทต่อวันค่ะ", "1,200 บาท", "5,000 บาทต่อวัน"),
    # a named room priced by the day or the hour, with no word of hiring, is hired the same
    ("Done, the Willow Room is yours both days at £380 per day.", "£99 per night", "£380 per day"),
    ("You can keep the room after checkout, it's $25 an hour.", "$110 a night", "$25 an hour"),
    ("بله، اتاق کنفرانس روزی ۴ میلیون تومان هست.", "۱ میلیون تومان", "۴ میلیون تومان"),
    ("ห้องสัมมนาเล็กวันละ 4,500 บาทครับ", "950 บาท", "วันละ 4,500 บาท"),
]


@pytest.mark.parametrize(("message", "held", "fee"), _HIRED)
def test_a_room_hired_by_the_day_is_no_room_rate(message: str, held: str, fee: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = dict((f.key, f.value) for f in extract_facts(lines, [("room_rate", held)]))
    assert facts.get("hire_fee") == fee and "room_rate" not in facts


#: (message, the hire fee it states): "fee" right after the hire names the hire's fee
_HIRE_FEES = [
    ("The hall hire fee is £200 per day.", "£200 per day"),
    ("هزینه اجاره سالن روزی ۲ میلیون تومانه", "۲ میلیون تومان"),
    ("ค่าเช่าห้องประชุม 3,000 บาทต่อวันค่ะ", "3,000 บาทต่อวัน"),
]


@pytest.mark.parametrize(("message", "fee"), _HIRE_FEES)
def test_a_fee_right_after_a_hire_is_the_hire_fee(message: str, fee: str) -> None:
    lines = [TranscriptLine(1, "m1", "user", message)]
    facts = dict((f.key, f.value) for f in extract_facts(lines, []))
    assert facts == {"hire_fee": fee}


#: (message, the new nightly rate): a room's price per night still replaces the rate
_NIGHTLY = [
    ("The room comes down to £89 per night from Friday.", "£89 per night"),
    ("قیمت اتاق شبی ۸۰۰ هزار تومان هست", "۸۰۰ هزار تومان"),
    ("ห้องพักตอนนี้ 850 บาท/คืน ครับ", "850 บาท/คืน"),
]


@pytest.mark.parametrize(("message", "rate"), _NIGHTLY)
def test_a_nightly_room_price_still_replaces_the_rate(message: str, rate: str) -> None:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    facts = dict((f.key, f.value) for f in extract_facts(lines, [("room_rate", "£120 per night")]))
    assert facts.get("room_rate") == rate
