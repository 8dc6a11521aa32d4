"""A share's old percentage is marked where its sentence names that share ("a 10% discount"
after the discount became 15%), however short ("10%"), and nowhere it is a share of
something else (the deposit's old «۱۰ درصد» beside «تخفیف»)."""

from __future__ import annotations

import pytest

from domain.context.replaced import mark_replaced
from schemas.memory_model import Fact, FactValue
from tests.context.factories import NOW, fact


def moved(key: str, old: str, new: str) -> Fact:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


@pytest.mark.parametrize(
    ("text", "facts", "marked"),
    [
        (
            "Deposit 30% up front, and clubs get 10% off.",
            [moved("discount_percent", "10%", "15%")],
            "Deposit 30% up front, and clubs get 10% (replaced by 15%) off.",
        ),
        (
            "We ask for a 30% deposit to book.",
            [moved("deposit_percent", "30%", "50%")],
            "We ask for a 30% (replaced by 50%) deposit to book.",
        ),
        (
            "پیش‌پرداخت ۳۰ درصده و بقیه موقع تحویل",
            [moved("deposit_percent", "۳۰ درصد", "۵۰ درصد")],
            "پیش‌پرداخت ۳۰ درصده (replaced by ۵۰ درصد) و بقیه موقع تحویل",
        ),
        (
            "มัดจำ 30% ครับ สมาชิกได้ส่วนลด 10% ครับ",
            [moved("discount_percent", "10%", "15%")],
            "มัดจำ 30% ครับ สมาชิกได้ส่วนลด 10% (replaced by 15%) ครับ",
        ),
    ],
)
def test_an_old_share_is_marked_where_its_word_names_it(
    text: str, facts: list[Fact], marked: str
) -> None:
    assert mark_replaced(text, facts) == marked


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # the old value, but a share of another thing, or of nothing named
        ("A 10% discount for members, 30% deposit.", [moved("deposit_percent", "10%", "20%")]),
        ("Battery at 10%, sorry.", [moved("discount_percent", "10%", "15%")]),
        ("۱۰ درصد تخفیف اعضا داریم", [moved("deposit_percent", "۱۰ درصد", "۲۰ درصد")]),
        ("۹ درصد مالیات اضافه میشه", [moved("discount_percent", "۹ درصد", "۱۲ درصد")]),
        ("ส่วนลด 10% ครับ", [moved("deposit_percent", "10%", "20%")]),
        # part of a longer number
        ("a 110% deposit", [moved("deposit_percent", "10%", "20%")]),
    ],
)
def test_a_share_of_something_else_is_not_marked(text: str, facts: list[Fact]) -> None:
    assert mark_replaced(text, facts) == text
