"""A Persian no closed by a full stop or a space («نه. ۱۶ آبان», «نه ۵ نفر») puts right
the value the assistant just read back («یعنی ۱۵ آبان؟», «… درسته؟»): the value it gives,
in the reply or the message after a bare «نه.», replaces the read-back one, which goes to
the history. After an offer («میخواید ساعت ۵ بیاید؟»), a question about an action («ثبت
کنم؟»), a thanks («نه ممنون») or a keep («نه، همون درسته») nothing is put right."""

from __future__ import annotations

import pytest

from domain.memory.offline.read_back_noes import as_read_back_correction
from tests.memory.test_offline_facts_dialogue import conversation, current, history

#: (the customer's first message, the read-back, the replies, key, old value, new value)
PUT_RIGHT = [
    (
        "نوبتم برای ۱۵ آبانه",
        "یعنی ۱۵ آبان؟",
        ["نه. ۱۶ آبان"],
        "appointment_date",
        "۱۵ آبان",
        "۱۶ آبان",
    ),
    (
        "نوبتم برای ۱۵ آبانه",
        "پس ۱۵ آبان دیگه؟",
        ["نه ۱۶ آبان"],
        "appointment_date",
        "۱۵ آبان",
        "۱۶ آبان",
    ),
    (
        "نوبتم برای ۱۵ آبانه",
        "یعنی ۱۵ آبان؟",
        ["نه.", "۱۷ آبان"],
        "appointment_date",
        "۱۵ آبان",
        "۱۷ آبان",
    ),
    ("برای ۴ نفر میز میخوام", "پس ۴ نفر دیگه؟", ["نه ۵ نفر"], "guest_count", "۴ نفر", "۵ نفر"),
    (
        "۲ میلیون تومان بیعانه دادم",
        "یعنی ۲ میلیون تومان؟",
        ["نه. ۳ میلیون تومان"],
        "deposit",
        "۲ میلیون تومان",
        "۳ میلیون تومان",
    ),
    ("۳ شب میمونیم", "پس ۳ شب دیگه؟", ["نه ۴ شب"], "number_of_nights", "۳ شب", "۴ شب"),
]


@pytest.mark.parametrize(("first", "read_back", "replies", "key", "old", "new"), PUT_RIGHT)
def test_a_value_after_a_no_to_a_read_back_replaces_it(
    first: str, read_back: str, replies: list[str], key: str, old: str, new: str
) -> None:
    facts = conversation(
        ("user", first), ("assistant", read_back), *(("user", reply) for reply in replies)
    )
    assert current(facts)[key] == new
    assert history(facts, key) == [old]


def test_the_value_goes_under_the_key_the_read_back_gives_it() -> None:
    """«تحویل … بود دیگه؟»: the delivery date, though the first message keyed its date
    as the order's."""
    facts = conversation(
        ("user", "سفارش برای پنجشنبه ۱۵ آذر"),
        ("assistant", "تحویل پنجشنبه ۱۵ آذر بود دیگه؟"),
        ("user", "نه. شنبه ۱۷ آذر"),
    )
    assert current(facts)["delivery_date"] == "شنبه ۱۷ آذر"
    assert history(facts, "delivery_date") == ["پنجشنبه ۱۵ آذر"]
    assert current(facts)["order_date"] == "پنجشنبه ۱۵ آذر"


#: (the customer's first message, the assistant's question, the reply, key, the value kept)
NEAR_MISSES = [
    # an offer turned down: the value after the no is no correction of the one held
    ("نوبتم ساعت ۴ بود", "میخواید ساعت ۵ بیاید؟", "نه. ساعت ۴ خوبه", "appointment_time", "ساعت ۴"),
    ("نوبتم برای ۱۵ آبانه", "یعنی ۱۵ آبان؟", "نه ممنون", "appointment_date", "۱۵ آبان"),
    (
        "نوبتم برای ۱۵ آبانه",
        "یعنی ۱۵ آبان؟",
        "نه، همون درسته. ۲ نفریم",
        "appointment_date",
        "۱۵ آبان",
    ),
    # a no that adds («… هم», also), or gives a count of another noun, puts nothing right
    ("برای ۴ نفر میز میخوام", "پس ۴ نفر دیگه؟", "نه ۲ تا بچه هم هستن", "guest_count", "۴ نفر"),
    (
        "برای ۴ نفر میز میخوام",
        "پس ۴ نفر دیگه؟",
        "نه ۲ نفر دیگه هم ممکنه بیان",
        "guest_count",
        "۴ نفر",
    ),
    (
        "سلام، ۲ تا کیک تولد سفارش دادم",
        "پس فقط همون ۲ تا کیک دیگه؟",
        "نه ۳ تا شیرینی هم میخوام",
        "order_quantity",
        "۲ تا کیک",
    ),
]


@pytest.mark.parametrize(("first", "asked", "reply", "key", "kept"), NEAR_MISSES)
def test_a_no_that_corrects_no_read_back_replaces_nothing(
    first: str, asked: str, reply: str, key: str, kept: str
) -> None:
    facts = conversation(("user", first), ("assistant", asked), ("user", reply))
    assert current(facts)[key] == kept
    assert history(facts, key) == []


#: (the reply, the assistant's question, what the memory held): the reply read as it is
READ_AS_IT_IS = [
    ("نه. ساعت ۶", "میخواید ساعت ۵ بیاید؟", ["ساعت ۵"]),  # an offer
    ("نه. ساعت ۶", "پس ساعت ۵ براتون ثبت کنم؟", ["ساعت ۵"]),  # an action asked about
    ("نه ممنون", "یعنی ۱۵ آبان؟", ["۱۵ آبان"]),  # thanks
    ("نه اصلا. ۱۶ آبان", "یعنی ۱۵ آبان؟", ["۱۵ آبان"]),  # not at all
    ("نه. ۱۶ آبان", "یعنی ۱۵ آبان؟", ["۲۰ آبان"]),  # a value never held nor the customer's
    ("نه. ۱۶ آبان", "۱۵ آبان خالیه. میاید؟", ["۱۵ آبان"]),  # no read-back's shape
    ("نه فقط ۱۶ آبان", "یعنی ۱۵ آبان؟", ["۱۵ آبان"]),  # «not only»
    ("نه. همون درسته، ساعت ۵ میام", "یعنی ۱۵ آبان؟", ["۱۵ آبان"]),  # keeps it
    ("نه نه درسته. ساعت ۵ میام", "یعنی ۱۵ آبان؟", ["۱۵ آبان"]),  # keeps it
    ("نه. ۱۵ آبان درسته، ۱۶ آبان مال خواهرمه", "یعنی ۱۵ آبان؟", ["۱۵ آبان"]),  # named again
    ("نه ۲ تا بچه هم هستن", "پس ۴ نفر دیگه؟", ["۴ نفر"]),  # adds: «هم», also
    ("نه ۳ تا شیرینی", "پس ۲ تا کیک دیگه؟", ["۲ تا کیک"]),  # a count of another noun
]


@pytest.mark.parametrize(("reply", "asked", "held"), READ_AS_IT_IS)
def test_a_no_to_no_read_back_is_read_as_it_is(reply: str, asked: str, held: list[str]) -> None:
    assert as_read_back_correction(reply, asked, held) == (reply, 0)


#: (the reply, the read-back, what the memory held, the reply as read, characters added)
READ_AS_A_CORRECTION = [
    ("نه. ۱۶ آبان", "یعنی ۱۵ آبان؟", ["۱۵ آبان"], "نه، ۱۶ آبان", 0),
    ("نه نه! AB-4417", "کد سفارش AB-4471 درسته؟", ["AB-4471"], "نه نه، AB-4417", 0),
    ("نه ۵ نفر", "پس ۴ نفر دیگه؟", ["۴ نفر"], "نه، ۵ نفر", 1),
    ("نه ۶ تا", "پس ۴ نفر دیگه؟", ["۴ نفر"], "نه، ۶ تا", 1),  # the noun left out
    ("نه ۴ تا کیک", "پس ۲ تا کیک دیگه؟", ["۲ تا کیک"], "نه، ۴ تا کیک", 1),
    # «هم» in a later clause: the first puts it right
    ("نه ۵ نفر، یه بچه هم هست", "پس ۴ نفر دیگه؟", ["۴ نفر"], "نه، ۵ نفر، یه بچه هم هست", 1),
    # stated as the customer's, held or not
    ("نه. ۰۹۱۲۳۴۵۶۷۹۸", "شماره‌تون ۰۹۱۲۳۴۵۶۷۸۹ درسته؟", [], "نه، ۰۹۱۲۳۴۵۶۷۹۸", 0),
]


@pytest.mark.parametrize(("reply", "asked", "held", "read", "added"), READ_AS_A_CORRECTION)
def test_a_no_to_a_read_back_is_read_as_a_correction(
    reply: str, asked: str, held: list[str], read: str, added: int
) -> None:
    assert as_read_back_correction(reply, asked, held) == (read, added)
