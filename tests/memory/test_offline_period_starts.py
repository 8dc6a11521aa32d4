"""A start asked for after "from" is the new value, not the old one ("the freeze needs to be
from 8 March now", «از ۸ اسفند شروع بشه», «ขอเริ่มจาก 8 มี.ค.»), while "moved from 1 March to
8 March" still names 1 March as the old and an offer ("slots from Saturday onwards") is
still no value chosen; Persian says "is not" after the
value it rules out («ORD-55102 نیست»), as English and Thai say it before; and «از» after
a comparative, «قبل», «بعد» or «غیر» («بیشتر از ۵ متر», «قبل از ۱۵ آبان») is no "from"."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.dialogue import is_negated
from domain.memory.offline.facts import extract_facts


def _negated(text: str, value: str) -> bool:
    start = text.index(value)
    return is_negated(text, start, start + len(value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("they moved my surgery, so the freeze needs to be from 8 March now", "8 March"),
        ("ok, let's start from 8 March then", "8 March"),
        ("عملم جابجا شد، پس تعلیق از ۸ اسفند شروع بشه", "۸ اسفند"),
        ("پس کلاس‌ها از ۱۲ آبان شروع کنیم", "۱۲ آبان"),
        ("หมอเลื่อนผ่าตัด งั้นขอพักเริ่มจาก 8 มี.ค. นะคะ", "8 มี.ค."),
        ("ขอเปลี่ยนเป็นวันจันทร์ 8 มี.ค. เป็นต้นไปค่ะ", "8 มี.ค."),
    ],
)
def test_a_start_asked_for_is_not_the_old_value(text: str, value: str) -> None:
    assert not _negated(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dinner service can start from 7pm, what time suits you?", "7pm"),
        ("we have slots from Saturday onwards", "Saturday"),
        ("برای چه روزی پیک بفرستیم؟ از شنبه به بعد نوبت خالی داریم", "شنبه"),
        ("ترم پاییز از ۲۰ مهر شروع میشه", "۲۰ مهر"),
        ("คิวว่างเริ่มจาก 8 มี.ค. ค่ะ", "8 มี.ค."),
    ],
)
def test_an_offer_of_when_things_are_free_is_still_no_value_chosen(text: str, value: str) -> None:
    """An offer is thrown away as before: keyed, it chained the customer's later choice."""
    assert _negated(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can we move it from 1 March to 8 March?", "1 March"),
        ("میشه از ۱ اسفند به ۸ اسفند عوضش کنیم؟", "۱ اسفند"),
        ("ขอย้ายจาก 1 มี.ค. ไป 8 มี.ค. ค่ะ", "1 มี.ค."),
    ],
)
def test_a_change_from_one_value_still_names_the_old_one(text: str, value: str) -> None:
    assert _negated(text, value)


def test_a_start_date_said_with_from_replaces_the_held_one() -> None:
    known = [("pause_dates", "1 March")]
    message = "theyve moved my surgery. so the freeze needs to be from 8 March now"
    facts = extract_facts([TranscriptLine(1, "m1", "user", message)], known)
    assert {f.key: f.value for f in facts if f.key} == {"pause_dates": "8 March"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("شماره سفارشم ORD-55120 هست، ORD-55102 نیست", "ORD-55102"),
        ("ببخشید تاریخش ۲۳ مرداد نبود، ۲۵ مرداد بود", "۲۳ مرداد"),
    ],
)
def test_persian_is_not_after_a_value_names_it_the_old_one(text: str, value: str) -> None:
    assert _negated(text, value)


def test_persian_is_not_after_a_word_is_no_negation_of_it() -> None:
    """«نیستم» is "I am not": «فردا نیستم» says nothing of tomorrow being wrong."""
    assert not _negated("ببخشید فردا نیستم، پس‌فردا میام", "فردا")


@pytest.mark.parametrize(
    ("message", "known", "new"),
    [
        (
            "the order number is ORD-55120, not ORD-55102",
            [("order_id", "ORD-55102")],
            "ORD-55120",
        ),
        (
            "شماره سفارش ORD-55120 هست، ORD-55102 نیست",
            [("order_id", "ORD-55102")],
            "ORD-55120",
        ),
        (
            "เลขออเดอร์ ORD-55120 ค่ะ ไม่ใช่ ORD-55102",
            [("order_id", "ORD-55102")],
            "ORD-55120",
        ),
    ],
)
def test_the_value_said_beside_the_ruled_out_one_replaces_it(
    message: str, known: list[tuple[str, str]], new: str
) -> None:
    facts = extract_facts([TranscriptLine(1, "m1", "user", message)], known)
    assert {f.key: f.value for f in facts if f.key} == {"order_id": new}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("اگه لوله بیشتر از ۵ متر بشه گاز اضافه لازمه", "۵ متر"),  # more than
        ("کمتر از ۲ میلیون تومان نمیشه", "۲ میلیون تومان"),  # less than
        ("باید قبل از ۱۵ آبان حداقل ۲۲۳ هزار تومان شارژ کنید", "۱۵ آبان"),  # before
        ("بعد از ساعت ۵ بیاید", "ساعت ۵"),  # after
        ("زودتر از ۸ صبح نمیرسم", "۸ صبح"),  # earlier than
        ("غیر از ۵۰۰ هزار تومان چیزی نمیدم", "۵۰۰ هزار تومان"),  # other than
        # «تر» after a zero-width non-joiner, and comparatives beyond more/less/earlier
        ("اگه لوله بیش\u200cتر از ۵ متر بشه گاز اضافه لازمه", "۵ متر"),
        ("کم\u200cتر از ۲ میلیون تومان نمیشه", "۲ میلیون تومان"),
        ("اگه گرون\u200cتر از ۲ میلیون تومان بشه نمیخرم", "۲ میلیون تومان"),
        ("ارزون\u200cتر از ۵۰۰ هزار تومان پیدا نمیشه", "۵۰۰ هزار تومان"),
        ("اتاق بزرگتر از ۲۰ متر نمیخوام", "۲۰ متر"),
        ("کوچیکتر از ۱۰ متر هم نباشه", "۱۰ متر"),
        ("طولانی\u200cتر از ۳ روز نمیشه", "۳ روز"),
    ],
)
def test_persian_than_before_or_after_is_no_from(text: str, value: str) -> None:
    """«از» after a comparative or «قبل», «بعد», «غیر» is "than", "before", "after": the
    value is a limit or a point in time, not the old value of a change."""
    assert not _negated(text, value)


@pytest.mark.parametrize(
    "message",
    [
        "اگه لوله بیش\u200cتر از ۵ متر بشه گاز اضافه لازمه، ولی برای شما نیازی نیست.",
        "اگه گرون\u200cتر از ۲ میلیون تومان بشه نمیخرم",
        "اتاق بزرگتر از ۲۰ متر نمیخوام",
    ],
)
def test_a_limit_said_with_a_spelled_apart_or_other_comparative_is_not_replaced(
    message: str,
) -> None:
    facts = extract_facts([TranscriptLine(1, "m1", "user", message)], [])
    assert not any(fact.replaced for fact in facts), facts


def test_a_limit_said_with_than_is_not_marked_replaced() -> None:
    # on main «۵ متر» was held as a replaced value, and a summary quoting the current pipe
    # length «حدود ۵ متر» marked it (replaced)
    message = "اگه لوله بیشتر از ۵ متر بشه گاز اضافه لازمه، ولی برای شما نیازی نیست."
    facts = extract_facts([TranscriptLine(1, "m1", "assistant", message)], [])
    assert not any(fact.replaced for fact in facts), facts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("دکتر از ۵ عصر هستن", "۵ عصر"),  # «دکتر» ends like a comparative: still "from"
        ("میشه از ۱ اسفند به ۸ اسفند عوضش کنیم؟", "۱ اسفند"),
    ],
)
def test_persian_from_after_other_words_still_names_the_old_value(text: str, value: str) -> None:
    assert _negated(text, value)
