"""A charge named after «با» (with) in a Persian sum is what the sum includes: «جمع کل با اجرت
میشه …» is the total, not the labour fee; «قیمت جدید با کد تخفیف میشه …» the new price, not
the discount; «ارسال با هزینه ۵۰ هزار» is still the shipping's cost."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("message", "amount", "not_key"),
    [
        ("مبلغ کل با کارمزد نصاب میشه ۸۵۰ هزار تومان", "۸۵۰ هزار تومان", "fee"),
        ("قیمت نهایی با کد تخفیف میشه ۳,۴۰۰,۰۰۰ تومان", "۳,۴۰۰,۰۰۰ تومان", "discount"),
        ("جمعش با اجرت شد ۲ میلیون و ۳۰۰ هزار تومن", "۲ میلیون و ۳۰۰ هزار تومن", "fee"),
    ],
)
def test_a_charge_after_with_is_included_in_the_sum_not_the_sum(
    message: str, amount: str, not_key: str
) -> None:
    facts = facts_of(("assistant", message))
    assert facts.get(not_key) != amount, facts
    assert amount in facts.values(), facts


@pytest.mark.parametrize(
    ("message", "key", "amount"),
    [
        ("ارسال با هزینه ۵۰ هزار تومان انجام میشه", "shipping_cost", "۵۰ هزار تومان"),
        ("اجرت تعویض ۳۰۰ هزار تومانه", "fee", "۳۰۰ هزار تومان"),
    ],
)
def test_a_charge_the_sum_follows_is_still_that_charge(message: str, key: str, amount: str) -> None:
    assert facts_of(("assistant", message)).get(key) == amount


def test_with_no_whole_named_the_charge_after_with_still_names_the_sum() -> None:
    # «با ۱۰ درصد تخفیف میشه …» names the sum by the discount alone: kept as before, so that a
    # later sum said the same way replaces it
    facts = facts_of(("assistant", "با ۱۰ درصد تخفیف میشه ۴,۵۰۰,۰۰۰ تومان"))
    assert "۴,۵۰۰,۰۰۰ تومان" in facts.values(), facts
