"""A brand and model name is one value, kept whole as a product model, in English, Persian
and Thai (brand names are written in Latin letters in all three); a rough number written as
a word ("mid-70s") is no code.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_not_values import values_by_key as facts_of


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Our standard panel is the Longi Hi-MO 6 435W. It's 4.35 kWp.", "Longi Hi-MO 6 435W"),
        ("That's for the Kia Niro EV 4, registration KM22 XTP.", "Kia Niro EV 4"),
        ("ive been looking at the Skoda Enyaq 85, 3 years", "Skoda Enyaq 85"),
        ("پنل ما Longi Hi-MO 6 435W هست", "Longi Hi-MO 6 435W"),
        ("ماشین فعلیم Kia Niro EV 4 هست", "Kia Niro EV 4"),
        ("แผงที่ใช้คือ Longi Hi-MO 6 435W ค่ะ", "Longi Hi-MO 6 435W"),
        ("รถคันเดิมเป็นKia Niro EV 4 ครับ", "Kia Niro EV 4"),
    ],
)
def test_a_brand_and_model_is_one_value(text: str, model: str) -> None:
    identifiers = [v.text for v in find_values(text) if v.kind is Kind.IDENTIFIER]
    assert model in identifiers


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Our standard panel is the Longi Hi-MO 6 435W.", "Longi Hi-MO 6 435W"),
        ("Found it. That's for the Kia Niro EV 4, registration KM22 XTP.", "Kia Niro EV 4"),
        ("پنل استاندارد ما Longi Hi-MO 6 435W هست.", "Longi Hi-MO 6 435W"),
        ("รถที่เช่าอยู่คือ Kia Niro EV 4 ครับ", "Kia Niro EV 4"),
    ],
)
def test_a_brand_and_model_is_kept_whole_as_a_fact(text: str, model: str) -> None:
    facts = facts_of(("assistant", text))
    assert facts.get("product_model") == model


@pytest.mark.parametrize(
    "text",
    [
        "Room 4 is free on Friday.",
        "I live at Flat B 4 now.",
        "Order Number 12 is late.",
        "آدرس Flat B 4 هست",
    ],
)
def test_a_label_and_number_is_no_model(text: str) -> None:
    assert not any(" " in v.text for v in find_values(text) if v.kind is Kind.IDENTIFIER)


@pytest.mark.parametrize(
    "text",
    ["temperatures in the mid-70s all week", "a buyer in their late-20s", "prices in the low-30s"],
)
def test_a_rough_decade_is_no_identifier(text: str) -> None:
    assert Kind.IDENTIFIER not in {v.kind for v in find_values(text)}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The key safe code is 4471.", "And the alarm code is 9032."),
        ("โค้ดประตู 4471 ค่ะ", "โค้ดสัญญาณกันขโมย 9032 ค่ะ"),
    ],
)
def test_two_codes_named_by_no_subject_are_both_kept(first: str, second: str) -> None:
    # (a bare «کد» is no loose cue in Persian: it names an access code itself)
    values = set(facts_of(("assistant", first), ("assistant", second)).values())
    assert {"4471", "9032"} <= values
