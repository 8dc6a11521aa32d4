"""Amounts named by a charge of their own, in English, Persian and Thai: a fact shown with
its name, replaced only by the same charge, never by another amount."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("Your policy has a $500 collision deductible.", "$500 collision deductible"),
        ("The locker rent is $12 for the month.", "locker rent is $12"),
        ("شهریه ترم ۱۲ میلیون تومان هست.", "شهریه ترم ۱۲ میلیون تومان"),
        ("هزینه اضافه شما ۴۸۰ هزار تومان میشه.", "هزینه اضافه شما ۴۸۰ هزار تومان"),
        ("หลักสูตรภาษาอังกฤษค่าเทอมภาคละ 185,000 บาทครับ", "ค่าเทอมภาคละ 185,000 บาท"),
        ("ค่ารถรับส่งภาคละ 18,000 บาทครับ", "ค่ารถรับส่งภาคละ 18,000 บาท"),
    ],
)
def test_an_amount_named_by_its_charge_is_kept_with_its_name(message: str, shown: str) -> None:
    facts = facts_of(("assistant", message))
    # the charge and nothing else holds the amount (a programme named beside it may be a fact)
    assert facts["charge"] == shown
    assert [key for key, value in facts.items() if any(c.isdigit() for c in value)] == ["charge"]


@pytest.mark.parametrize(
    ("first", "other", "again"),
    [
        (
            "The hold fee is $5.",
            "Lakeshore has a $12 locker rent.",
            "Sorry, the hold fee is $6 now.",
        ),
        (
            "شهریه ترم ۱۲ میلیون تومان هست.",
            "اجاره کمد ۲۰۰ هزار تومان.",
            "ببخشید، شهریه ترم ۱۱ میلیون تومان شد.",
        ),
        (
            "ค่าเทอมภาคละ 185,000 บาทครับ",
            "ค่ารถรับส่งภาคละ 18,000 บาทครับ",
            "เปลี่ยนหลักสูตรแล้วครับ ค่าเทอมภาคละ 128,000 บาทครับ",
        ),
    ],
)
def test_a_charge_is_replaced_by_the_same_charge_only(first: str, other: str, again: str) -> None:
    facts = facts_of(("assistant", first), ("assistant", other), ("assistant", again))
    new = [v for v in facts.values() if any(d in v for d in ("6", "۱۱", "128,000"))]
    assert len(new) == 1 and facts["charge"] == new[0]
    assert other.rstrip(".ครับ") in facts["charge_2"] or facts["charge_2"] in other


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("The total comes to $84.", "order_total"),
        ("جمع کل ۷۰۰ هزار تومان.", "order_total"),
        ("ยอดรวมทั้งหมด 9,600 บาทค่ะ", "order_total"),
        ("ค่าจัดส่ง 50 บาทค่ะ", "shipping_cost"),
    ],
)
def test_a_sum_or_a_known_charge_keeps_its_subject(message: str, key: str) -> None:
    assert list(facts_of(("assistant", message))) == [key]


@pytest.mark.parametrize(
    "message",
    [
        "ค่าชาไทยที่ต้องคืนคือ 130 บาทค่ะ",  # what is refunded is said by the clause
    ],
)
def test_a_thai_charge_with_a_clause_between_is_not_a_charge(message: str) -> None:
    assert "charge" not in facts_of(("assistant", message))


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("For 2 kids the tuition is $4,200.", "the tuition is $4,200"),
        ("برای ترم ۲، شهریه ۱۱ میلیون تومان میشه.", "شهریه ۱۱ میلیون تومان"),
        ("ได้ส่วนลด 10% ครับ ค่าเทอมน้องเหลือภาคละ 115,200 บาทครับ", "ค่าเทอมน้องเหลือภาคละ 115,200 บาท"),
    ],
)
def test_a_charge_is_named_after_another_number_in_the_message(message: str, shown: str) -> None:
    assert facts_of(("assistant", message))["charge"] == shown


@pytest.mark.parametrize(
    ("held", "added", "new"),
    [
        (
            "The car comes with a $500 collision deductible.",
            "There's also a $30 cleaning fee, right?",
            "$30 cleaning fee",
        ),
        (
            "هزینه اضافه بار ۵۰۰ هزار تومان میشه.",
            "یه هزینه اضافه نظافت ۳۰۰ هزار تومان هم هست.",
            "هزینه اضافه نظافت ۳۰۰ هزار تومان",
        ),
        (
            "ค่าประกัน 5,000 บาทค่ะ",
            "แล้วก็มีค่าปรับคืนรถช้าอีก 500 บาทค่ะ",
            "ค่าปรับคืนรถช้าอีก 500 บาท",
        ),
    ],
)
def test_a_charge_said_as_one_more_stands_beside_the_held_one(
    held: str, added: str, new: str
) -> None:
    facts = facts_of(("assistant", held), ("user", "ok"), ("assistant", added))
    assert facts["charge"] in held
    assert facts["charge_2"] == new


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        (
            "شعبه قصردشت گرون‌تره، شهریه‌ش هر بچه ۲ میلیون و ۹۰۰ هزار تومن هست",
            "شهریه\u200cش هر بچه ۲ میلیون و ۹۰۰ هزار تومن",
        ),
        ("اجاره‌اش ۱۸ میلیون تومان میشه.", "اجاره\u200cاش ۱۸ میلیون تومان"),
    ],
)
def test_a_persian_charge_said_with_whose_it_is_keeps_its_name(message: str, shown: str) -> None:
    assert facts_of(("assistant", message))["charge"] == shown


def test_a_persian_charge_changed_and_changed_back_stays_one_charge() -> None:
    # «شهریه‌ش» (its tuition) is the tuition named before: the branch's price replaces it,
    # and going back to the first branch puts the first price back under the same key
    first = "هر ترم ۱۲ جلسه‌ست، شهریه هر بچه ۲ میلیون و ۴۰۰ هزار تومن"
    other = "فقط شعبه قصردشت یکم گرون‌تره، شهریه‌ش هر بچه ۲ میلیون و ۹۰۰ هزار تومن هست"
    back = "باشه، برگردوندم روی معالی‌آباد. پس شهریه هر بچه ۲ میلیون و ۴۰۰ هزار تومن"
    facts = facts_of(("assistant", first), ("user", "باشه"), ("assistant", other))
    assert facts["charge"].endswith("۲ میلیون و ۹۰۰ هزار تومن") and "charge_2" not in facts
    facts = facts_of(
        ("assistant", first),
        ("user", "باشه"),
        ("assistant", other),
        ("user", "اوه"),
        ("assistant", back),
    )
    assert facts["charge"] == "شهریه هر بچه ۲ میلیون و ۴۰۰ هزار تومن" and "charge_2" not in facts


@pytest.mark.parametrize(
    ("held", "other"),
    [
        # another charge with whose it is stays beside the held one
        ("شهریه ترم ۱۲ میلیون تومان هست.", "اجاره‌ش ماهی ۲۰۰ هزار تومان."),
        # «حقش» (his due) names no charge: «حق عضویت» stays
        ("حق عضویت ۵۰۰ هزار تومان هست.", "حقش ۳۰۰ هزار تومان بود که پس گرفت."),
        # «هزینه‌ش» is the cost of what was just said, no charge of its own
        ("شهریه ترم ۱۲ میلیون تومان هست.", "کتاب هم لازمه، هزینه‌ش ۴۸۰ هزار تومن."),
    ],
)
def test_a_persian_charge_with_whose_it_is_replaces_no_other_charge(held: str, other: str) -> None:
    facts = facts_of(("assistant", held), ("user", "باشه"), ("assistant", other))
    assert facts["charge"] in held
