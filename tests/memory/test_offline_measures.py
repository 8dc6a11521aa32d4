"""Energy, power, speed, data and volume said with their unit are one value ("10.4 kWh",
"435W", «۳۰ گیگ», «200 ลิตร»), not a bare number or a code; a customer's, with no other
word, is the size of what they choose, keyed by what its unit measures; a use over a
period and a piece of a model's name are not."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_not_values import values_by_key


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("We fit a 5.2 kWh battery", "5.2 kWh"),
        ("a 435W panel on the shed", "435W"),
        ("winds above about 30mph", "30mph"),
        ("a router with 100GB of data", "100GB"),
        ("بسته ۳۰ گیگ رو میخوام", "۳۰ گیگ"),
        ("مصرف ۹۸۰ کیلووات ساعت ثبت شده", "۹۸۰ کیلووات ساعت"),
        ("موتور ۱۵۰ سی‌سی", "۱۵۰ سی‌سی"),
        ("ถังน้ำ 200 ลิตร", "200 ลิตร"),
        ("แอร์ 12,000 BTU ครับ", "12,000 BTU"),
    ],
)
def test_a_number_with_its_unit_is_one_measure(text: str, measure: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.MEASURE, measure)]


@pytest.mark.parametrize(
    ("text", "code"),
    [("Motul 10W-40 please", "10W-40"), ("tracking SP 4471 9026 GB", "SP 4471 9026 GB")],
)
def test_a_unit_inside_a_code_is_the_code(text: str, code: str) -> None:
    assert [v.text for v in find_values(text) if v.kind is Kind.IDENTIFIER] == [code]


@pytest.mark.parametrize(
    ("first", "then", "key", "value"),
    [
        (
            "lets say 5.2 kWh to keep it cheap",
            "we'll go for the 10.4 kWh instead",
            "capacity",
            "10.4 kWh",
        ),
        ("بسته ۳۰ گیگ میخوام", "نه، همون ۵۰ گیگ بهتره", "data_allowance", "۵۰ گیگ"),
        ("เอาถัง 200 ลิตรค่ะ", "เปลี่ยนเป็น 500 ลิตรดีกว่า", "volume", "500 ลิตร"),
    ],
)
def test_a_customers_measure_is_what_they_choose(
    first: str, then: str, key: str, value: str
) -> None:
    facts = values_by_key(("user", first), ("assistant", "sure"), ("user", then))
    assert facts.get(key) == value


@pytest.mark.parametrize(
    "text",
    [
        "just checked, 4,350 kWh last year",
        "سامسونگ A54 مشکی 256 گیگ",
        "ใช้ไป 300 หน่วย 200 ลิตรต่อเดือน",
    ],
)
def test_a_use_over_a_period_or_a_models_piece_is_no_choice(text: str) -> None:
    facts = values_by_key(("user", text))
    assert not {"capacity", "data_allowance", "volume"} & set(facts)


@pytest.mark.parametrize(
    ("first", "then", "value"),
    [
        ("Usage this period is 980 kWh.", "Sorry, the corrected usage is 320 kWh.", "320 kWh"),
        (
            "مصرف این دوره ۹۸۰ کیلووات ساعت ثبت شده",
            "مصرف اصلاح‌شده ۳۲۰ کیلووات ساعت",
            "۳۲۰ کیلووات ساعت",
        ),
    ],
)
def test_a_measure_named_as_usage_is_the_usage(first: str, then: str, value: str) -> None:
    facts = values_by_key(("assistant", first), ("user", "ok"), ("assistant", then))
    assert facts.get("usage") == value
