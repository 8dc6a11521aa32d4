"""A day the customer asks to be the one ("make it Tuesday 17 June", «بذارید برای سه‌شنبه
۲۷ خرداد», «ขอเป็นวันอังคารที่ 17 มิ.ย. ค่ะ») replaces the held day, which goes to its
history; with two days held and neither named, neither is moved."""

from __future__ import annotations

import re

import pytest

from domain.memory.offline.asked_to_be import asks_to_be
from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_english_a_day_asked_for_replaces_the_held_one() -> None:
    facts = conversation(
        ("assistant", "The earliest delivery slot is Saturday 14 June. Does that work?"),
        ("user", "Yes, Saturday is fine."),
        ("user", "Oh no, I have a wedding that weekend, sorry."),
        ("assistant", "No problem, which day suits you?"),
        ("user", "Make it Tuesday 17 June please, I'll take the day off."),
        batch=10,
    )
    assert current(facts).get("delivery_date") == "Tuesday 17 June"
    assert history(facts, "delivery_date") == ["Saturday 14 June"]


def test_english_a_day_asked_for_moves_neither_of_two_held_days() -> None:
    facts = conversation(
        ("assistant", "Your delivery is booked for Monday 3 March."),
        ("user", "ok"),
        ("assistant", "And the installation is booked for Friday 7 March."),
        ("user", "Can we do Wednesday 5 March? Mondays are hard for me."),
        batch=10,
    )
    values = current(facts)
    assert values.get("delivery_date") == "Monday 3 March", values
    assert values.get("installation_date") == "Friday 7 March", values


def test_persian_a_day_asked_for_replaces_the_held_one() -> None:
    facts = conversation(
        ("assistant", "زودترین زمان تحویل شنبه ۲۴ خرداد هست. مناسبه؟"),
        ("user", "بله شنبه خوبه."),
        ("user", "راستش اون روز عروسی دعوتم."),
        ("assistant", "مشکلی نیست، چه روزی براتون مناسبه؟"),
        ("user", "بذارید برای سه‌شنبه ۲۷ خرداد لطفا، مرخصی می‌گیرم."),
        batch=10,
    )
    assert current(facts).get("delivery_date") == "سه\u200cشنبه ۲۷ خرداد"
    assert history(facts, "delivery_date") == ["شنبه ۲۴ خرداد"]


@pytest.mark.parametrize(
    "request_",
    [
        "میشه بندازیمش سه‌شنبه ۲۷ خرداد؟ اون روز مرخصی‌ام",
        "میشه نصاب رو بندازید سه‌شنبه ۲۷ خرداد؟",
        "میشه بذاریمش سه‌شنبه ۲۷ خرداد؟",
    ],
)
def test_persian_a_day_asked_to_be_put_on_replaces_the_held_one(request_: str) -> None:
    # «انداختن» (drop it on a day) and «بذاریمش» (let us put it) ask as «بذارید» does
    facts = conversation(
        ("assistant", "زودترین زمان نصب شنبه ۲۴ خرداد هست. مناسبه؟"),
        ("user", "بله شنبه خوبه."),
        ("user", "راستش اون روز مهمون داریم."),
        ("user", request_),
        batch=10,
    )
    dates = {k: v for k, v in current(facts).items() if k.endswith("_date")}
    assert list(dates.values()) == ["سه\u200cشنبه ۲۷ خرداد"], dates


def test_thai_a_day_asked_for_replaces_the_held_one() -> None:
    facts = conversation(
        ("assistant", "ส่วนวันส่ง คิวที่ว่างเร็วที่สุดคือวันเสาร์ที่ 14 มิ.ย. ครับ สะดวกไหมครับ"),
        ("user", "ได้ค่ะ วันเสาร์ดีเลย"),
        ("user", "วันเสาร์ดันมีงานแต่งเพื่อนค่ะ"),
        ("assistant", "ไม่เป็นไรครับ วันธรรมดาสะดวกไหมครับ"),
        ("user", "ขอเป็นวันอังคารที่ 17 มิ.ย. ค่ะ เดี๋ยวลางานเอา"),
        batch=10,
    )
    assert current(facts).get("delivery_date") == "วันอังคารที่ 17 มิ.ย."
    assert history(facts, "delivery_date") == ["วันเสาร์ที่ 14 มิ.ย."]


def test_thai_an_appointment_asked_for_replaces_the_held_one() -> None:
    facts = conversation(
        ("assistant", "นัดตรวจฟันของคุณคือวันจันทร์ที่ 3 มี.ค. ค่ะ"),
        ("user", "วันนั้นติดประชุมค่ะ"),
        ("user", "ขอเป็นวันพุธที่ 5 มี.ค. นะคะ"),
        batch=10,
    )
    dates = {k: v for k, v in current(facts).items() if k.endswith("_date")}
    assert list(dates.values()) == ["วันพุธที่ 5 มี.ค."], dates


def test_making_it_by_an_hour_or_in_time_is_arriving_not_asking() -> None:
    # "I'll make it by 3:30pm" says when the customer arrives, not which hour to book.
    for text in ("I'll make it by 3:30pm hopefully", "can I still make it in time for 3pm"):
        value = re.search(r"\d", text)
        assert value is not None
        assert not asks_to_be(text, value.start())
    assert asks_to_be("make it 3:30pm please", len("make it "))


def test_persian_a_day_asked_for_moves_the_booking_not_a_warranty_expiry() -> None:
    # a warranty's end is a day on record: beside it the booking is the one day to move
    facts = conversation(
        ("assistant", "گارانتی دستگاه تا ۲۰ بهمن ۱۴۰۵ معتبره."),
        ("user", "خوبه"),
        ("assistant", "پیک شنبه ۱۵ آذر میاد دنبال دستگاه."),
        ("user", "شنبه جلسه دارم. میشه پیک رو بندازید دوشنبه ۱۷ آذر؟"),
        batch=10,
    )
    values = current(facts)
    assert "دوشنبه ۱۷ آذر" in values.values(), values
    assert values.get("warranty_expiry") == "۲۰ بهمن ۱۴۰۵", values
    assert not any(key.startswith("other_date") for key in values), values


def test_persian_drop_it_in_the_box_asks_no_time() -> None:
    # «بندازیدش تو صندوق» (drop it in the box): the hour after it is when I'm back, not the
    # delivery moved
    facts = conversation(
        ("assistant", "بسته فردا ساعت ۱۰ صبح تحویل میشه."),
        ("user", "اگه نبودم بندازیدش تو صندوق ساعت ۱۲ برمی‌گردم"),
        batch=10,
    )
    values = current(facts)
    assert not any("۱۲" in v for v in values.values()), values


@pytest.mark.parametrize("request_", ["بندازید برای ساعت ۱۲", "بندازیمش ساعت ۱۲ لطفا"])
def test_persian_drop_it_on_an_hour_moves_it(request_: str) -> None:
    facts = conversation(
        ("assistant", "بسته فردا ساعت ۱۰ صبح تحویل میشه."),
        ("user", request_),
        batch=10,
    )
    assert any("۱۲" in v for v in current(facts).values()), current(facts)
