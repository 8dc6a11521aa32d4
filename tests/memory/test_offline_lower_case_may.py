"""A lower-case "may" after a day is the month where no verb can follow it ("friday 3 may?"),
the way the other months typed in lower case are; "3 may be late" is the verb. (Persian
and Thai months are no English words: «جمعه ۳ اردیبهشت», «วันศุกร์ที่ 3 พ.ค.» stay dates.)"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Can the delivery be on friday 3 may?", "friday 3 may"),
        ("delivery on friday 3 may at 10am works", "friday 3 may at 10am"),
        ("تحویل جمعه ۳ اردیبهشت باشه", "جمعه ۳ اردیبهشت"),
        ("ส่งของวันศุกร์ที่ 3 พ.ค. ได้ไหมคะ", "วันศุกร์ที่ 3 พ.ค."),
    ],
)
def test_a_day_of_may(text: str, date: str) -> None:
    assert facts_of(("user", text)).get("delivery_date") == date


def test_may_the_verb_is_no_month() -> None:
    assert "may" not in facts_of(("user", "The delivery on friday 3 may be late.")).get(
        "delivery_date", ""
    )
