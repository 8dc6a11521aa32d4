"""An option taken by its name and then changed: a summary written before the change still
quotes the earlier one, and the context marks it replaced by the later one, in English,
Persian and Thai."""

from __future__ import annotations

import pytest

from domain.context.replaced import mark_replaced
from tests.memory.test_offline_facts_dialogue import conversation


@pytest.mark.parametrize(
    ("dialogue", "summary", "marked"),
    [
        (
            [
                ("assistant", "We have Express at £12 or Economy at £6."),
                ("user", "we'll do the Express please"),
                ("user", "hmm it's not urgent, let's go with Economy then"),
            ],
            "The customer chose Express for the parcel.",
            "Express (replaced by Economy)",
        ),
        (
            [
                ("user", "طرح طلایی رو میخوام"),
                ("assistant", "پکیج نقره‌ای هم هست با قیمت کمتر"),
                ("user", "باشه پس پکیج نقره‌ای رو فعال کنید"),
            ],
            "مشتری طرح طلایی رو انتخاب کرد.",
            "طرح طلایی (replaced by پکیج نقره‌ای)",
        ),
        (
            [
                ("user", "เอา Premium ค่ะ"),
                ("user", "งั้นเอา Lite ละกันครับ"),
            ],
            "ลูกค้าเลือกแพ็กเกจ Premium",
            "Premium (replaced by Lite)",
        ),
        pytest.param(
            [("user", "เอาสีดำค่ะ"), ("user", "เอาสีฟ้าดีกว่าค่ะ")],
            "ลูกค้าสั่งเคสสีดำ",
            "สีดำ (replaced by สีฟ้า)",
            id="a plain Thai colour",
        ),
    ],
)
def test_a_summary_quoting_the_earlier_pick_is_marked(
    dialogue: list[tuple[str, str]], summary: str, marked: str
) -> None:
    assert marked in mark_replaced(summary, conversation(*dialogue, batch=1))
