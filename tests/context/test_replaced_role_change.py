"""A sentence that names who holds a role now beside who held it says the change itself:
the old name is not marked there (a note would stand beside the sentence's other values, a
date or time, as if it were theirs), but it is marked in a sentence that names only them."""

from __future__ import annotations

import pytest

from domain.context.replaced import mark_replaced
from schemas.memory_model import FactValue
from tests.context.factories import NOW, fact


def _changed(key: str, old: str, new: str) -> object:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


@pytest.mark.parametrize(
    ("old", "new", "change", "earlier"),
    [
        (
            "Megan",
            "Gareth",
            "Friday 7 March at 11am works, but Megan is off, so Gareth will show you round.",
            "Thursday 6 March at 2pm with our wedding coordinator, Megan.",
        ),
        (
            "دکتر رضایی",
            "دکتر کامرانی",
            "دکتر رضایی امروز بیمار شدن، دکتر کامرانی ساعت ۶ جاشون هستن.",
            "نوبت شنبه ساعت ۵ با دکتر رضایی ثبت شد.",
        ),
        (
            "หมอต้น",
            "หมอแพรว",
            "วันอาทิตย์ หมอต้นไม่เข้าค่ะ มีหมอแพรว คิวว่าง 14:00 น.",
            "นัดเสาร์ 10:30 น. กับหมอต้น ค่ะ",
        ),
    ],
)
def test_an_old_role_holder_is_marked_only_where_the_new_one_is_not_named(
    old: str, new: str, change: str, earlier: str
) -> None:
    facts = [_changed("coordinator_name", old, new)]
    assert mark_replaced(change, facts) == change
    assert f"{old} (replaced by {new})" in mark_replaced(earlier, facts)
