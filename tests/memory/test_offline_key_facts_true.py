"""Key facts that say something true, in English, Persian and Thai, value by value.

A number with its unit is a measure, never a code; a noted value is shown with the words
that name it, never chatter; a cue word that only suggests a subject ("lands", "drop-off",
a bare "code") gives its key only where the conversation names that subject; a "now" in
the next clause makes no time the new one of a held subject.
"""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.values import Kind, find_values


def current(*pairs: tuple[str, str], known: list[tuple[str, str]] | None = None) -> dict[str, str]:
    lines = [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]
    return {f.key: f.value for f in extract_facts(lines, known or []) if not f.replaced}


@pytest.mark.parametrize(
    "text",
    [
        "Only winds above about 30mph stop the install.",
        "Our standard panel is the 435W one.",
        "The inverter is 2.5kW and the battery 10.4 kWh.",
        "پنل‌ها 435W هستن و باتری 10kWh",
        "แบตเตอรี่ 10kWh กับแผง 435W ค่ะ",
    ],
)
def test_a_number_with_its_unit_is_never_an_identifier(text: str) -> None:
    kinds = {v.kind for v in find_values(text)}
    assert Kind.IDENTIFIER not in kinds
    assert Kind.NUMBER not in kinds  # nor its number alone ("2" of "2.5kW")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("plate KP16 XRF", "KP16 XRF"),
        ("order AB12C", "AB12C"),
        ("code wR7TkP3m", "wR7TkP3m"),
    ],
)
def test_a_code_with_letters_after_digits_is_still_a_code(text: str, code: str) -> None:
    assert [v.text for v in find_values(text) if v.kind is Kind.IDENTIFIER] == [code]


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("yeah i was reading about ECO4 the other day", "ECO4"),
        ("right its wR7TkP3m", "wR7TkP3m"),
        ("The Fiesta is out, but I can give you a grey Corsa instead, YD68 PWE.", "YD68 PWE"),
        ("آره داشتم درباره‌ی ECO4 می‌خوندم", "ECO4"),
        ("ตอนนั้นอ่านเจอเรื่อง ECO4 พอดี", "ECO4"),
    ],
)
def test_a_noted_value_after_chatter_stands_alone(message: str, shown: str) -> None:
    assert current(("user", message))["reference"] == shown


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        (
            "I've sent it to Electricity North West, reference ENW-G98-448120.",
            "reference ENW-G98-448120",
        ),
        ("Here you go: revised quote BS-Q-20417-R2", "revised quote BS-Q-20417-R2"),
        ("باشه، شماره ENW-G98-448120", "شماره ENW-G98-448120"),
        ("รับเรื่องครับ เลขที่แจ้งซ่อม MT-24-1302", "เลขที่แจ้งซ่อม MT-24-1302"),
    ],
)
def test_a_noted_value_is_led_in_by_the_words_naming_it(message: str, shown: str) -> None:
    assert current(("assistant", message))["reference"] == shown


@pytest.mark.parametrize(
    "message",
    [
        "The battery stock only lands on 9 April.",
        "موجودی باتری ۲۰ آبان رفت انبار مرکزی",
        "โดรนบินสำรวจหลังคาวันที่ 9 เมษายน",
    ],
)
def test_landing_stock_is_no_flight(message: str) -> None:
    assert "flight_date" not in current(("assistant", message))


def test_a_flight_named_lands_on_its_date() -> None:
    assert current(("user", "my flight lands on 9 April"))["flight_date"] == "9 April"


def test_a_drop_off_at_a_garage_is_no_delivery() -> None:
    facts = current(("assistant", "Done, you're now booked in for Thursday 16th, 8am drop-off."))
    assert "delivery_date" not in facts
    assert facts["drop_off_date"] == "Thursday 16th, 8am"


def test_a_parcel_drop_off_is_still_a_delivery() -> None:
    facts = current(("assistant", "The courier will drop off your parcel on Thursday 16th."))
    assert facts["delivery_date"] == "Thursday 16th"


@pytest.mark.parametrize(
    "message",
    [
        "theres a side gate with a keypad, code is 4471",
        "โค้ดประตูหน้าบ้านคือ 4471",
    ],
)
def test_a_gate_code_is_no_coupon(message: str) -> None:
    facts = current(("user", message))
    assert "coupon_code" not in facts
    assert facts["code"] == "4471"


@pytest.mark.parametrize(
    "message",
    [
        "can I use code SPRING10 on this?",
        "ใช้โค้ด NEWYEAR15 ค่ะ",
        "I have a discount code, SPRING10",
    ],
)
def test_a_code_used_at_checkout_is_a_coupon(message: str) -> None:
    assert "coupon_code" in current(("user", message))


@pytest.mark.parametrize(
    ("message", "known"),
    [
        (
            "Parts are here! Arrived at 1:40 in the end, he's fitting them now.",
            [("pickup_date", "Saturday 10am"), ("pickup_time", "10am")],
        ),
        (
            "ساعت ۱۳:۴۰ رسیدن، الان مکانیک مشغوله",
            [("pickup_date", "شنبه ساعت ۱۰"), ("pickup_time", "ساعت ۱۰")],
        ),
    ],
)
def test_a_now_in_the_next_clause_moves_no_held_time(
    message: str, known: list[tuple[str, str]]
) -> None:
    facts = current(("assistant", message), known=known)
    assert "pickup_time" not in facts
    assert "pickup_date" not in facts  # the day is not joined with an unrelated time
