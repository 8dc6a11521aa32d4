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
    "dialogue",
    [
        (
            "I'd like the phone with 128GB storage please",
            "the recorder with the 1TB hard drive",
            "actually make the storage 256GB instead",
        ),
        ("گوشی با حافظه ۱۲۸ گیگ میخوام", "هارد ۱ ترابایت", "نه، حافظه رو ۲۵۶ گیگ کنید"),
        ("เอามือถือความจุ 128GB ค่ะ", "ฮาร์ดดิสก์ 1TB ค่ะ", "ขอเปลี่ยนความจุเป็น 256GB ค่ะ"),
    ],
)
def test_two_things_measured_in_one_unit_keep_their_own_values(
    dialogue: tuple[str, str, str],
) -> None:
    """A phone's storage and a recorder's hard disk are both in GB: the storage changed
    does not replace the hard disk, and its old value is no current one."""
    storage, disk, changed = dialogue
    facts = values_by_key(
        ("user", storage),
        ("assistant", "ok"),
        ("user", disk),
        ("assistant", "ok"),
        ("user", changed),
    )
    assert facts.get("storage") in changed
    assert facts.get("hard_disk") in disk


@pytest.mark.parametrize(
    ("package", "data", "upgrade", "speed"),
    [
        (
            "the broadband package is 500 Mbps",
            "data allowance 100GB",
            "upgrade the package to 900 Mbps",
            "900 Mbps",
        ),
        ("بسته ۳۰ گیگ میخوام", "سرعت ۲۰ مگابایت", "نه، بسته ۵۰ گیگ بهتره", "۵۰ گیگ"),
    ],
)
def test_a_package_and_its_allowance_are_two_things(
    package: str, data: str, upgrade: str, speed: str
) -> None:
    facts = values_by_key(
        ("user", package),
        ("assistant", "ok"),
        ("user", data),
        ("assistant", "ok"),
        ("user", upgrade),
    )
    assert facts.get("package") == speed
    assert "plan" not in facts  # "the package to 900 Mbps" is its size, not a plan's name


@pytest.mark.parametrize(
    ("offer", "first", "then", "key", "value"),
    [
        (
            "We fit batteries in 5.2 kWh, 10.4 kWh and 15.6 kWh.",
            "lets say 5.2 kWh to keep it cheap",
            "we'll go for the 10.4 kWh instead",
            "battery",
            "10.4 kWh",
        ),
        (
            "The recorder comes with a 1TB or 2TB hard drive.",
            "1TB is enough",
            "hmm, 2TB then",
            "hard_disk",
            "2TB",
        ),
        (
            "ถังมีขนาด 200 ลิตร หรือ 500 ลิตรค่ะ",
            "เอา 200 ลิตรค่ะ",
            "เปลี่ยนเป็น 500 ลิตรดีกว่า",
            "tank",
            "500 ลิตร",
        ),
    ],
)
def test_a_measure_chosen_from_an_offer_is_the_offered_things(
    offer: str, first: str, then: str, key: str, value: str
) -> None:
    facts = values_by_key(
        ("assistant", offer), ("user", first), ("assistant", "ok"), ("user", then)
    )
    assert facts.get(key) == value


@pytest.mark.parametrize(
    "text", ["lets say 5.2 kWh to keep it cheap", "همون ۵۰ گیگ خوبه", "เอา 500 ลิตรค่ะ"]
)
def test_a_measure_naming_nothing_is_no_fact(text: str) -> None:
    """Keyed by its unit it would replace any other thing of that unit: it stays a detail."""
    assert not values_by_key(("user", text))


@pytest.mark.parametrize(
    "text",
    [
        "just checked, 4,350 kWh last year",
        "سامسونگ A54 مشکی 256 گیگ",
        "ประมาณ 200 ลิตรต่อเดือนค่ะ",
    ],
)
def test_a_use_over_a_period_or_a_models_piece_is_no_choice(text: str) -> None:
    assert not values_by_key(("user", text))


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
