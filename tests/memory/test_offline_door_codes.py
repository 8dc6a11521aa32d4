"""A bare "code" after what it opens is the access code, not a coupon, in English and
Thai (Persian names a coupon only as «کد تخفیف», never by a bare «کد»)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        (
            "theres a side gate with a keypad, code is 4471. dog is friendly lol",
            "access_code",
            "4471",
        ),
        ("There's a keypad on the back door, the code is 5190", "access_code", "5190"),
        ("ประตูหลังบ้านมีรหัส โค้ด 5190 ค่ะ", "access_code", "5190"),
        # a code used on the order is a coupon, wherever the customer stands
        ("I'm at the gate now, can I use code WELCOME5 on this order?", "coupon_code", "WELCOME5"),
        ("The promo code is SPRING25, the door is on the left", "coupon_code", "SPRING25"),
        ("Use code SAVE10 at checkout", "coupon_code", "SAVE10"),
        ("มีโค้ด SAVE10 ค่ะ", "coupon_code", "SAVE10"),
    ],
)
def test_a_bare_code_after_what_it_opens_is_the_access_code(
    message: str, key: str, value: str
) -> None:
    assert facts_of(("user", message)) == {key: value}
