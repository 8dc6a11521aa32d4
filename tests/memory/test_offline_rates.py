"""A sum charged per something keeps its unit: "£129/month", "$45/hr", "£142 per
night", «۲ میلیون تومان در ماه», «۲ میلیون تومان/ماه», «ค่าแรง 300 บาทต่อชั่วโมง» are rates, not
one-off sums; a word after the sum that is no unit («در روز تحویل», "a lot") is left out."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("message", "key", "rate"),
    [
        ("The Commercial Plus plan is £129/month.", "monthly_fee", "£129/month"),
        ("Locker hire is £7.50/mo.", "monthly_fee", "£7.50/mo"),
        ("Our engineer is $45/hr for labour.", "visit_fee", "$45/hr"),
        ("Room rate is £142/night", "room_rate", "£142/night"),
        ("اجاره ۲ میلیون تومن در ماه", "charge", "اجاره ۲ میلیون تومن در ماه"),
        ("اجاره ۲ میلیون تومان/ماه", "charge", "اجاره ۲ میلیون تومان/ماه"),
        ("ค่าแรง 300 บาทต่อชั่วโมง", "charge", "ค่าแรง 300 บาทต่อชั่วโมง"),
    ],
)
def test_a_rate_keeps_its_unit(message: str, key: str, rate: str) -> None:
    assert facts_of(("assistant", message)).get(key) == rate


def test_a_new_rate_replaces_the_old_one_whole() -> None:
    facts = facts_of(
        ("assistant", "The Commercial Plus plan is £129/month."),
        ("assistant", "Sorry, I misread it: the plan is £89/month."),
    )
    assert facts.get("monthly_fee") == "£89/month"


@pytest.mark.parametrize(
    ("message", "key", "amount"),
    [
        ("The deposit is £200 a lot of money I know", "deposit", "£200"),
        ("The total is £129 / £150 with VAT", "order_total", "£129"),
        ("هزینه ۲ میلیون تومن در روز تحویل پرداخت میشه", "payment_amount", "۲ میلیون تومن"),
        # which month, year or week, not each one; when, not how often
        ("۱۰ میلیون تومان در ماه آینده واریز میکنم", "refund_amount", "۱۰ میلیون تومان"),
        ("۲ میلیون تومان در سال ۱۴۰۲ بیعانه دادم", "deposit", "۲ میلیون تومان"),
        ("۳ میلیون تومان در ماه رمضان بیعانه دادم", "deposit", "۳ میلیون تومان"),
        ("۵ میلیون تومان در هفته بعد واریز میکنم", "refund_amount", "۵ میلیون تومان"),
        ("The deposit was £300 a week ago", "deposit", "£300"),
    ],
)
def test_words_after_a_sum_that_name_no_unit_stay_out(message: str, key: str, amount: str) -> None:
    assert facts_of(("assistant", message)).get(key) == amount
