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


@pytest.mark.parametrize(
    "pairs",
    [
        # a question of whether there is one
        [("user", "Do you have a table for 8 on Friday?")],
        [("user", "میز ۶ نفره برای جمعه دارید؟")],
        [("user", "มีโต๊ะ 8 ที่วันศุกร์ไหมคะ")],
        # the assistant asking or offering
        [("user", "Dinner on Saturday please."), ("assistant", "Would a table for 4 work at 8pm?")],
        [("assistant", "We have a table for 4 at 9pm if that helps.")],
        [("assistant", "میز ۴ نفره برای ساعت ۹ داریم.")],
        [("assistant", "มีโต๊ะ 4 ที่ว่างตอนสามทุ่มค่ะ")],
    ],
)
def test_a_size_asked_about_or_offered_is_not_set(pairs: list[tuple[str, str]]) -> None:
    assert "guest_count" not in facts_of(*pairs)


@pytest.mark.parametrize(
    ("pairs", "count"),
    [
        (
            [
                ("assistant", "Would a table for 4 work?"),
                ("user", "Can I get a table for 6 instead?"),
            ],
            "table for 6",
        ),
        ([("assistant", "I've booked you a table for 6 at 8pm.")], "table for 6"),
        ([("user", "میشه یه میز ۶ نفره رزرو کنید؟")], "میز ۶ نفره"),
        ([("user", "จองโต๊ะ 6 ที่ได้ไหมคะ")], "โต๊ะ 6 ที่"),
    ],
)
def test_a_size_asked_to_have_or_booked_is_set(pairs: list[tuple[str, str]], count: str) -> None:
    assert facts_of(*pairs).get("guest_count") == count


@pytest.mark.parametrize(
    ("pairs", "count"),
    [
        (
            [("assistant", "Would a table for 4 work at 8pm?"), ("user", "Yes, perfect.")],
            "table for 4",
        ),
        (
            [("assistant", "میز ۴ نفره برای ساعت ۹ داریم، خوبه؟"), ("user", "بله عالیه")],
            "میز ۴ نفره",
        ),
        ([("assistant", "มีโต๊ะ 4 ที่ว่างตอนสามทุ่มค่ะ สะดวกไหมคะ"), ("user", "ได้ค่ะ")], "โต๊ะ 4 ที่"),
    ],
)
def test_a_size_offered_and_taken_is_set(pairs: list[tuple[str, str]], count: str) -> None:
    assert facts_of(*pairs).get("guest_count") == count


def test_a_size_offered_and_turned_down_is_not_set() -> None:
    pairs = [("assistant", "Would a table for 4 work at 8pm?"), ("user", "Yes but we might be 6.")]
    assert "guest_count" not in facts_of(*pairs)
