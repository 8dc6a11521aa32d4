"""A Thai price brought down («ลดเหลือ», «ลดให้เหลือ»): the sum after it is the held price's
new value, not a discount of its own nor a total; a question, a condition before it, a sum
far smaller than any held price, or a deposit or total held brings nothing down.

Sentences written for these tests, about no one dialogue's subject.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.prices_brought_down import price_brought_down
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("said", "lowered"),
    [
        ("ขออภัยค่ะ เดือนนี้มีโปรลูกค้าใหม่ แพ็กเกจนี้ลดเหลือ 4,900 บาทค่ะ", "4,900 บาท"),
        ("เจ้าของโอเคครับ ลดให้เหลือ 4,950 บาท/เดือน ครับ", "4,950 บาท/เดือน"),
        ("หัวหน้าอนุมัติแล้วค่ะ ลดลงเหลือ 5,200 บาทค่ะ", "5,200 บาท"),
    ],
)
def test_a_price_brought_down_replaces_the_price_held(said: str, lowered: str) -> None:
    facts = facts_of(
        ("assistant", "แพ็กเกจมาตรฐาน ราคา 5,500 บาทค่ะ"),
        ("user", "โอเคค่ะ ต่อรองได้อีกไหมคะ"),
        ("assistant", said),
    )
    assert facts.get("price") == lowered
    assert "5,500 บาท" not in facts.values()
    assert "discount" not in facts


def test_the_latest_price_is_brought_down_not_an_older_one() -> None:
    held = [("price_2", "ตัวละ 190 บาท"), ("price", "ตัวละ 250 บาท")]
    assert price_brought_down("ครบ 300 ตัว ลดเหลือ", " ค่ะ", "ตัวละ 180 บาท", held) == "price_2"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("ลดเหลือ", " ได้ไหมคะ"),  # asked for, not granted
        ("พี่คะ ลดให้เหลือ", " มั้ยคะ"),
        ("ถ้าโอนเต็มจำนวน ลดเหลือ", " ค่ะ"),  # an offer on a condition
        ("หากสั่งครบ 100 ตัว ลดเหลือ", " ค่ะ"),
        ("ลดให้", " ค่ะ"),  # the sum taken off, a discount
        ("ราคาเหลือ", " ค่ะ"),  # no «ลด»: what is left, maybe a balance
        ("ยอดคงเหลือ", " ค่ะ"),
    ],
)
def test_no_price_is_brought_down_without_a_stated_lowering(before: str, after: str) -> None:
    assert price_brought_down(before, after, "4,500 บาท", [("price", "5,000 บาท")]) is None


@pytest.mark.parametrize(
    "held",
    [
        [("price", "20,000 บาท")],  # far more: the new sum is a part of it
        [("price", "4,000 บาท")],  # less: nothing is lowered to a higher sum
        [("deposit", "5,000 บาท")],  # a deposit, a total, a discount are no prices
        [("order_total", "5,000 บาท")],
        [("discount", "5,000 บาท")],
    ],
)
def test_no_price_is_brought_down_when_none_held_fits(held: list[tuple[str, str]]) -> None:
    assert price_brought_down("ลดเหลือ", " ค่ะ", "4,500 บาท", held) is None


def test_a_price_held_with_its_charges_name_is_left_to_the_charge_rules() -> None:
    # the bare new sum would leave «ค่าบริการ» an old value's word, marked replaced
    held = [("charge", "ค่าบริการ 8,000 บาท")]
    assert price_brought_down("มีโปรค่ะ ลดเหลือ", " ค่ะ", "7,200 บาท", held) is None


def test_a_price_held_per_unit_is_brought_down() -> None:
    held = [("price", "ตัวละ 190 บาท")]
    assert price_brought_down("ครบ 300 ตัว ลดเหลือ", " ค่ะ", "ตัวละ 180 บาท", held) == "price"


def test_a_condition_after_the_sum_is_the_customers_own_granted() -> None:
    # «ลดได้อีกไหม ถ้าทำสัญญา 1 ปี» «ลดให้เหลือ … ถ้าทำสัญญา 1 ปีครับ»: asked for, granted
    held = [("rental_rate", "9,800 บาท/เดือน")]
    after = " ถ้าทำสัญญา 1 ปีครับ"
    assert price_brought_down("เจ้าของโอเคครับ ลดให้เหลือ", after, "9,500 บาท", held) == "rental_rate"


@pytest.mark.parametrize(
    ("held", "said"),
    [
        (("price", "5,000 บาท"), "มัดจำลดเหลือ 3,000 บาทค่ะ"),  # the deposit
        (("price", "5,000 บาท"), "ยอดค้างลดเหลือ 3,000 บาทค่ะ"),  # the balance owed
        (("rental_rate", "8,000 บาท/เดือน"), "ส่วนกลางปีนี้ลดเหลือ 4,000 บาทค่ะ"),  # common fee
    ],
)
def test_another_sum_named_before_it_brings_no_price_down(held: tuple[str, str], said: str) -> None:
    key, value = held
    first = "ราคา 5,000 บาทค่ะ" if key == "price" else "ค่าเช่า 8,000 บาท/เดือนค่ะ"
    facts = facts_of(("assistant", first), ("user", "โอเคค่ะ"), ("assistant", said))
    assert facts.get(key) == value


@pytest.mark.parametrize(
    ("before", "held"),
    [
        ("ราคาลดเหลือ", ("price", "5,000 บาท")),  # the price named
        ("ค่าเช่าลดเหลือ", ("rental_rate", "5,000 บาท/เดือน")),  # the rent named
        ("ยอดรวมลดเหลือ", ("price", "5,000 บาท")),  # the whole of it
        ("แพ็กเกจนี้ลดเหลือ", ("price", "5,000 บาท")),  # the thing priced, no sum
    ],
)
def test_the_price_or_the_thing_named_before_it_is_brought_down(
    before: str, held: tuple[str, str]
) -> None:
    assert price_brought_down(before, " ค่ะ", "4,500 บาท", [held]) == held[0]
