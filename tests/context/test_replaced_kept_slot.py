"""A date moved to another day in the same slot was replaced in its day only: a summary
quoting the old date with its hours gets the note after the day, never after the slot
another fact of its subject still holds as current."""

from __future__ import annotations

import pytest

from domain.context.replaced import mark_replaced
from schemas.memory_model import FactValue
from tests.context.factories import NOW, fact


def _moved(key: str, old: str, new: str) -> object:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


@pytest.mark.parametrize(
    ("old", "new", "slot", "text", "marked"),
    [
        (
            "Tuesday 3 December, between 9am and 12pm",
            "Friday 6 December",
            "9am and 12pm",
            "Booked for Tuesday 3 December, between 9am and 12pm.",
            "Booked for Tuesday 3 December (replaced by Friday 6 December), between 9am and 12pm.",
        ),
        (
            "شنبه ۱۲ آبان ساعت ۱۷:۳۰",
            "دوشنبه ۱۴ آبان",
            "۱۷:۳۰",
            "نوبت شنبه ۱۲ آبان ساعت ۱۷:۳۰ ثبت شد",
            "نوبت شنبه ۱۲ آبان (replaced by دوشنبه ۱۴ آبان) ساعت ۱۷:۳۰ ثبت شد",
        ),
        (
            "วันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น.",
            "วันอาทิตย์ที่ 8 ธ.ค.",
            "13.00-15.00 น.",
            "คิวว่างวันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น. สะดวกไหมคะ",
            "คิวว่างวันเสาร์ที่ 7 ธ.ค. (replaced by วันอาทิตย์ที่ 8 ธ.ค.) ช่วง 13.00-15.00 น. สะดวกไหมคะ",
        ),
    ],
)
def test_a_date_moved_in_the_same_slot_is_marked_in_its_day_only(
    old: str, new: str, slot: str, text: str, marked: str
) -> None:
    facts = [_moved("installation_date", old, new), fact("installation_time", slot)]
    assert mark_replaced(text, facts) == marked


def test_a_slot_that_changed_too_is_marked_whole() -> None:
    facts = [
        _moved("installation_date", "วันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น.", "วันอาทิตย์ที่ 8 ธ.ค."),
        fact("installation_time", "9.00-12.00 น."),
    ]
    text = "คิวว่างวันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น. สะดวกไหมคะ"
    assert "13.00-15.00 น. (replaced by" in mark_replaced(text, facts)
