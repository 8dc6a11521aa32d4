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
        # "off", "pay", «ลด» name a share right next to its number
        ("user", "They agreed 10% off and 30% of the total up front.", "discount_percent", "10%"),
        ("user", "pay 50% now and the rest on delivery", "paid_percent", "50%"),
        ("user", "ลด 10% ให้ค่ะ", "discount_percent", "10%"),
        ("user", "۲۰ درصد ودیعه میگیریم", "deposit_percent", "۲۰ درصد"),
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
        # near a share's word, but how sure, a level read, a share of others, how much more
        ("user", "I am 100% sure I will pay"),
        ("user", "پرداخت میکنم، ۱۰۰ درصد مطمئنم"),
        ("user", "humidity is 14% so the deposit can go ahead"),
        ("user", "Tip: 80% of clubs order the full kit"),
        ("user", "the tax came to 20% more than last year"),
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


@pytest.mark.parametrize(
    ("first", "second", "key", "share"),
    [
        # "off" far from the number, and a phone's charge
        (
            "We can do 10% off the kit.",
            "sorry my phone is at 5%, switching it off now",
            "discount_percent",
            "10%",
        ),
        # wholly refundable: the deposit's terms, not its share
        (
            "A 30% deposit secures the date.",
            "Yes, the deposit is 100% refundable up to 30 days before.",
            "deposit_percent",
            "30%",
        ),
        # how sure the customer is
        (
            "تخفیف ۱۰ درصد براتون میزنیم",
            "۱۰۰ درصد مطمئنم، تخفیف رو اعمال کنید",
            "discount_percent",
            "۱۰ درصد",
        ),
        ("اجرت ۱۷ درصده", "۱۰۰ درصد مطمئنم، اجرت رو حساب کنید", "making_fee_percent", "۱۷ درصد"),
        # the wood's moisture, gone down («ลดลง»)
        ("ได้ส่วนลด 5% ค่ะ", "ไม้ความชื้น 14% ลดลงจากเดิมแล้ว", "discount_percent", "5%"),
        # the battery, and a payment later
        ("ชำระ 25% ก่อนค่ะ", "แบตเหลือ 20% ค่ะ เดี๋ยวจ่ายทีหลัง", "paid_percent", "25%"),
    ],
)
def test_a_percentage_of_something_else_keeps_the_held_share(
    first: str, second: str, key: str, share: str
) -> None:
    assert facts_of(("user", first), ("user", second)).get(key) == share


@pytest.mark.parametrize(
    ("first", "second", "share"),
    [
        ("We ask for a 30% deposit to book the date.", "Deposit is 50%, so $1,000 now.", "50%"),
        ("۳۰ درصد پیش‌پرداخت میگیریم", "مدیر گفت پیش‌پرداخت ۵۰ درصد، یعنی ۱۰ میلیون تومن", "۵۰ درصد"),
        ("มัดจำ 30% ครับ", "ผู้จัดการอนุมัติให้มัดจำ 50% = 10,000 บาทครับ", "50%"),
    ],
)
def test_a_changed_share_said_with_its_sum_replaces_the_held_share(
    first: str, second: str, share: str
) -> None:
    """The sum is the deposit, but the share held before is no longer the deposit's."""
    assert facts_of(("assistant", first), ("assistant", second)).get("deposit_percent") == share


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the same share said again with its sum: nothing changed
        ("We ask for a 30% deposit.", "Deposit is 30%, so $600."),
        ("مجموعا ۳۰ درصد پیش‌پرداخت میگیریم", "پیش‌پرداخت ۳۰ درصد، یعنی ۶ میلیون تومن"),
        ("มัดจำ 30% ครับ", "มัดจำ 30% = 6,000 บาทครับ"),
    ],
)
def test_the_same_share_said_with_its_sum_adds_nothing(first: str, second: str) -> None:
    facts = facts_of(("assistant", first), ("assistant", second))
    assert facts.get("deposit_percent") == ("۳۰ درصد" if "درصد" in first else "30%")


@pytest.mark.parametrize(
    "message",
    [
        "Sale: up to 20% off everything this week",
        "members get a discount of as much as 20%",
        "این ماه تا ۲۰ درصد تخفیف داریم",
        "تخفیف حداکثر ۲۰ درصد میشه",
        "เดือนนี้ลดสูงสุด 20% ครับ",
        "ส่วนลดสูงสุดถึง 20% ครับ",
        "ส่วนลดไม่เกิน 20% ครับ",
    ],
)
def test_a_ceiling_is_no_share_agreed(message: str) -> None:
    """What a sale may give at most: no term of this order, and no held share replaced."""
    facts = facts_of(("assistant", message))
    assert not [key for key in facts if key.endswith("_percent")], facts


@pytest.mark.parametrize(
    ("message", "share"),
    [
        # a share changed to a number: "to" and «رو» are no ceiling
        ("We can bring the discount to 20% for you.", "20%"),
        ("For 40 shirts we can take the discount up to 20%.", "20%"),
        ("تخفیف رو ۲۰ درصد حساب میکنیم", "۲۰ درصد"),
        ("ลด 20% ให้ครับ", "20%"),
    ],
)
def test_a_share_agreed_is_no_ceiling(message: str, share: str) -> None:
    """A share moved "up to" a number is moved there: the number is the share now."""
    assert facts_of(("assistant", message)).get("discount_percent") == share


@pytest.mark.parametrize(
    ("message", "shares"),
    [
        (
            "There's a 30% deposit, a 10% discount for members and VAT at 9%.",
            {"deposit_percent": "30%", "discount_percent": "10%", "tax_percent": "9%"},
        ),
        (
            "تخفیف ۱۰ درصد، مالیات ۹ درصد، پیش‌پرداخت ۳۰ درصد",
            {"discount_percent": "۱۰ درصد", "tax_percent": "۹ درصد", "deposit_percent": "۳۰ درصد"},
        ),
        (
            "ส่วนลด 10% ครับ ภาษี 7% ครับ มัดจำ 30% ครับ",
            {"discount_percent": "10%", "tax_percent": "7%", "deposit_percent": "30%"},
        ),
    ],
)
def test_shares_of_different_things_said_together_are_kept_apart(
    message: str, shares: dict[str, str]
) -> None:
    facts = facts_of(("assistant", message))
    assert {key: facts.get(key) for key in shares} == shares
