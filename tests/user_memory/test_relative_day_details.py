"""A detail stating only a day counted from when it was said ("I'll transfer it tomorrow
morning", «فردا صبح واریز میکنم», «พรุ่งนี้เช้าโอนให้ค่ะ») is that moment's plan: a later
conversation reads it after the details stating a value of their own, as it reads those
stating only measures (``recall_details._turns``). First in its conversation's turn, it
took the room of an amount or a date the errand settled. Near misses: a relative day with
a digit ("tomorrow at 10am") or beside another value keeps its turn. English, Persian,
Thai."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.user_memory.recall_details import ranked
from schemas.user_memory import UserDetail
from tests.user_memory.conversations import T0


def _detail(position: int, text: str, values: list[str], kinds: list[str]) -> UserDetail:
    return UserDetail(
        session_id="s1",
        observed_at=T0 + timedelta(days=1),
        position=position,
        text=text,
        values=values,
        kinds=kinds,
    )


#: (the plan said from then, its day; a digit with it; beside an amount; an older amount).
CASES = {
    "en": (
        ("User: ok I'll transfer it tomorrow morning", "tomorrow morning"),
        ("User: tomorrow at 10am then", "tomorrow at 10am"),
        ("User: I'll pay the £40 tomorrow", "tomorrow", "£40"),
        ("Assistant: The deposit is £500.", "£500"),
    ),
    "fa": (
        ("User: باشه فردا صبح واریز میکنم", "فردا صبح"),
        ("User: پس فردا ساعت ۱۰", "فردا ساعت ۱۰"),
        ("User: ۴۰ هزار تومن رو فردا میدم", "فردا", "۴۰ هزار تومن"),
        ("Assistant: بیعانه ۵۰۰ هزار تومنه.", "۵۰۰ هزار تومن"),
    ),
    "th": (
        ("User: พรุ่งนี้เช้าโอนให้ค่ะ", "พรุ่งนี้เช้า"),
        ("User: งั้นพรุ่งนี้ 10 โมงค่ะ", "พรุ่งนี้ 10 โมง"),
        ("User: ค่ามัดจำ 400 บาท พรุ่งนี้โอนค่ะ", "พรุ่งนี้", "400 บาท"),
        ("Assistant: ค่ามัดจำ 5,000 บาทค่ะ", "5,000 บาท"),
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_stating_only_a_day_said_from_then_comes_after_the_others(
    language: str,
) -> None:
    (plan, day), _, _, (amount, price) = CASES[language]
    newest = _detail(9, plan, [day], ["date"])
    older = _detail(4, amount, [price], ["amount"])
    assert list(ranked([newest, older], "")) == [1, 0]


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_relative_day_with_a_digit_or_another_value_keeps_its_turn(language: str) -> None:
    _, (timed, day_and_time), (paid, day, sum_paid), (amount, price) = CASES[language]
    older = _detail(4, amount, [price], ["amount"])
    with_digit = _detail(9, timed, [day_and_time], ["date"])
    assert list(ranked([with_digit, older], "")) == [0, 1]
    beside = _detail(9, paid, [day, sum_paid], ["date", "amount"])
    assert list(ranked([beside, older], "")) == [0, 1]
