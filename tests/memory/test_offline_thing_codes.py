"""A bare "code" said of a thing named right before it ("my gym locker code is 4471") is
that thing's code, keyed by it as ``code_labels`` keys a reference, never a coupon; a code
spent on an order, or named a promo or discount code, stays the coupon. English only:
Persian names a coupon only as «کد تخفیف», and Thai puts the thing after «รหัส»."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("my gym locker code is 4471", "gym_locker_code", "4471"),
        ("the alarm code is 2580, please don't share it", "alarm_code", "2580"),
        ("my bike lock code: 1907", "bike_lock_code", "1907"),
        # a coupon's code, or one spent on an order, is still the coupon
        ("my promo code is SAVE15", "coupon_code", "SAVE15"),
        ("can I use code SPRING20 on this order?", "coupon_code", "SPRING20"),
        ("I have a code: WELCOME10", "coupon_code", "WELCOME10"),
    ],
)
def test_a_bare_code_of_a_named_thing_is_keyed_by_it(message: str, key: str, value: str) -> None:
    assert facts_of(("user", message)) == {key: value}
