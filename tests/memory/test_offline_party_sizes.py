"""How many a booking is for, said by the thing booked with a bare number: "a table for 6",
"a party of 8", «میز ۴ نفره», «โต๊ะ 4 ที่»; a number of nights or an hour is no head count."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Hi, can I book a table for 6 this Saturday at 7pm?", "table for 6"),
        ("We're a party of 8, can we get the private room?", "party of 8"),
        ("Sure, the kayak tour for 4 on Sunday morning.", "tour for 4"),
        ("یه میز ۴ نفره برای جمعه شب میخوام.", "میز ۴ نفره"),
        ("จองโต๊ะ 4 ที่ วันศุกร์ค่ะ", "โต๊ะ 4 ที่"),
    ],
)
def test_a_head_count_said_by_the_thing_booked(text: str, count: str) -> None:
    assert facts_of(("user", text)).get("guest_count") == count


@pytest.mark.parametrize(
    "text",
    [
        "I need the booking for 2 nights.",
        "Can I have a table for 7pm?",
        "I have a reservation for 4 June at the Harbour Grill.",
        "Can I book the swimming class for 6 year olds on Saturday?",
        "کاناپه سه‌نفره رو سفارش دادم.",
        "ที่นั่งโต๊ะ 4 ที่นั่งค่ะ",
    ],
)
def test_no_head_count(text: str) -> None:
    assert "guest_count" not in facts_of(("user", text))
