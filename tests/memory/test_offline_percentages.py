"""A percentage is kept as the value of what its sentence says it is a share of (a deposit,
a discount, a making fee, a part paid now), and a later share of the same thing replaces
it; a percentage named by nothing, asked about, someone else's or 0% is no fact."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("role", "message", "key", "share"),
    [
        ("assistant", "Deposit is 25%, payable on acceptance.", "deposit_percent", "25%"),
        ("assistant", "We ask for a 30% deposit to book the date.", "deposit_percent", "30%"),
        ("assistant", "As a registered club ye get 10% off kit orders.", "discount_percent", "10%"),
        ("assistant", "۳۰ درصد پیش‌پرداخت موقع قرارداد، بقیه با چک", "deposit_percent", "۳۰ درصد"),
        ("assistant", "پس تخفیف ۱۰ درصد خواهر و برادر شامل میشه", "discount_percent", "۱۰ درصد"),
        ("assistant", "این کد ٪۲۰ تخفیف داره", "discount_percent", "٪۲۰"),
        ("assistant", "اجرت پلاک اسم ۲۰ درصده.", "making_fee_percent", "۲۰ درصد"),
        ("assistant", "ร้านเก็บมัดจำ 50% ก่อนเริ่มผลิตครับ", "deposit_percent", "50%"),
        ("assistant", "เป็นสมาชิกอยู่ ได้ส่วนลดค่าแรง 5% ค่ะ", "discount_percent", "5%"),
        ("user", "ชำระ 25% ก่อนค่ะ ที่เหลือค่อยเรียกทีหลัง", "paid_percent", "25%"),
    ],
)
def test_a_share_is_kept_as_what_it_is_a_share_of(
    role: str, message: str, key: str, share: str
) -> None:
    assert facts_of((role, message)).get(key) == share


@pytest.mark.parametrize(
    ("first", "second", "key", "share"),
    [
        (
            "There's a sibling discount of 10% for the second child.",
            "For the holidays we can make the sibling discount 15%.",
            "discount_percent",
            "15%",
        ),
        (
            "اجرت R-230 هم ۲۲ درصده.",
            "با مدیر صحبت کردم، برای شما اجرت رو ۲۰ درصد حساب میکنیم",
            "making_fee_percent",
            "۲۰ درصد",
        ),
        ("มัดจำ 30% ก่อนผลิตครับ", "ขอแก้ครับ มัดจำ 50% นะครับ", "deposit_percent", "50%"),
    ],
)
def test_a_new_share_of_the_same_thing_replaces_the_old(
    first: str, second: str, key: str, share: str
) -> None:
    assert facts_of(("assistant", first), ("assistant", second)).get(key) == share


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("user", "my battery is at 18% and it won't charge"),  # a share of nothing agreed
        ("user", "the rugby club said they got 15% off somewhere else"),  # someone else's
        ("user", "اجرت ۲۰ درصد زیاد نیست؟"),  # asked about
        ("user", "طلافروشی سر کوچمون ۱۲ درصد اجرت میگیره"),  # another shop's
        ("assistant", "The panels are 0% VAT until 2027."),  # nothing to pay
        ("assistant", "ผ่อน 0% 10 เดือนกับบัตรที่ร่วมรายการครับ"),  # interest-free instalments
        ("assistant", "کد تخفیف KISH-VIP7 براتون فعال میشه، ۸ درصد"),  # a code between
        ("assistant", "قیمت لوله از پارسال نزدیک ۴۰ درصد رفته بالا"),  # prices, not a term
    ],
)
def test_a_share_named_by_nothing_here_is_no_fact(role: str, message: str) -> None:
    facts = facts_of((role, message))
    assert not [key for key in facts if key.endswith("_percent")], facts


@pytest.mark.parametrize(
    ("message", "deposit"),
    [
        ("Deposit is 25%, so £2,748.75, payable on acceptance.", "£2,748.75"),
        ("۳۰ درصد پیش‌پرداخت موقع قرارداد، یعنی ۱۴۰ میلیون تومان", "۱۴۰ میلیون تومان"),
        ("ร้านเก็บมัดจำ 50% ก่อนเริ่มผลิตครับ = 25,840 บาท", "25,840 บาท"),
    ],
)
def test_a_deposit_said_with_its_sum_is_kept_as_the_sum(message: str, deposit: str) -> None:
    """The share is how the sum was worked out; the sum is the deposit's value."""
    facts = facts_of(("assistant", message))
    assert "deposit_percent" not in facts, facts
    assert deposit in facts.values(), facts
