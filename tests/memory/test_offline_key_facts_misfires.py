"""The key-fact rules on ordinary chat: a capitalised name and a count is no product model,
a measure stays a value (never a code) and a code named as one stays a code, a subject
named a few messages back still names it, a label before a colon leads its value in, and
a "now" before the value updates it; English, Persian and Thai where the class exists.
"""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_not_values import values_by_key


def _values(text: str) -> list[tuple[Kind, str]]:
    return [(v.kind, v.text) for v in find_values(text)]


# -- a name and a count is no model ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Book me for Christmas Eve 2 people please.", "2 people"),
        ("I stayed at the Holiday Inn 3 nights last month.", "3 nights"),
        ("พักที่ Holiday Inn 3 คืนครับ", "3 คืน"),
    ],
)
def test_a_name_before_a_count_keeps_the_count(text: str, count: str) -> None:
    assert count in [value for _, value in _values(text)]


@pytest.mark.parametrize(
    "text",
    [
        "My son plays for Leeds United 2 times a week.",
        "I spoke to Sarah Jones 2 days ago about it.",
        "My neighbour lives at Baker Street 16.",
        "I'm on Emirates Flight 2490 tomorrow.",
        "من با Mahan Air 2 بار پرواز کردم",
        "จองโต๊ะ Central World 4 ที่ค่ะ",
    ],
)
def test_a_capitalised_name_mid_sentence_and_a_number_is_no_model(text: str) -> None:
    assert not any(" " in value for kind, value in _values(text) if kind is Kind.IDENTIFIER)


@pytest.mark.parametrize(
    ("pairs", "key", "value"),
    [
        (
            (("assistant", "How many guests?"), ("user", "Book me for Christmas Eve 2 people.")),
            "guest_count",
            "2 people",
        ),
        (
            (("assistant", "How long?"), ("user", "I'm at the Holiday Inn 3 nights, from Friday.")),
            "number_of_nights",
            "3 nights",
        ),
    ],
)
def test_a_count_after_a_name_is_the_fact(
    pairs: tuple[tuple[str, str], ...], key: str, value: str
) -> None:
    facts = values_by_key(*pairs)
    assert facts.get(key) == value
    assert "product_model" not in facts


def test_a_model_in_a_persian_or_thai_sentence_needs_no_code_word() -> None:
    text = "ได้ค่ะ เปลี่ยนเป็น Michelin City Grip 2 ราคา 1,890 บาทนะคะ"
    assert (Kind.IDENTIFIER, "Michelin City Grip 2") in _values(text)


# -- a measure is a value, never a code; a code named as one stays a code ------------------------


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("I'll take the 256GB one please.", "256GB"),
        ("It's 3.6kW, installed in 2019.", "3.6kW"),
        ("The battery is 10.4 kWh", "10.4 kWh"),
        ("the aircon is 1.5 HP", "1.5 HP"),
        ("باتری ۱۰ kWh می‌خوام", "۱۰ kWh"),
        ("ไซส์แบตที่ต้องการคือ 10kWh ครับ", "10kWh"),
    ],
)
def test_a_measure_is_kept_as_a_number(text: str, measure: str) -> None:
    assert (Kind.NUMBER, measure) in _values(text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("I ordered 2 HP laptops and 3 Dell monitors", "2"),
        ("Please add 2 bar stools to the order", "2"),
        ("Room 12 V block please", "12"),
    ],
)
def test_a_unit_before_the_word_it_describes_leaves_the_count(text: str, count: str) -> None:
    assert (Kind.NUMBER, count) in _values(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("My booking ref is 4471V", "4471V"),
        ("کد رهگیری 4471V هست", "4471V"),
        ("รหัส 4471V ครับ", "4471V"),
    ],
)
def test_a_code_named_as_one_stays_a_code(text: str, code: str) -> None:
    assert (Kind.IDENTIFIER, code) in _values(text)


def test_a_booking_reference_shaped_like_a_measure_is_the_fact() -> None:
    facts = values_by_key(
        ("assistant", "What is your booking reference?"), ("user", "My booking ref is 4471V.")
    )
    assert facts.get("booking_reference") == "4471V"


# -- a subject named a few messages back ---------------------------------------------------------


@pytest.mark.parametrize(
    ("pairs", "key", "value"),
    [
        (
            (
                ("user", "I need to change my flight to Lisbon."),
                ("assistant", "Of course. When would you like to travel?"),
                ("user", "I'd like to fly out on 14 May instead."),
            ),
            "flight_date",
            "14 May",
        ),
        (
            (
                ("user", "می‌خوام بلیطم رو عوض کنم"),
                ("assistant", "چه تاریخی؟"),
                ("user", "رفت ۱۲ خرداد، برگشت ۱۹ خرداد"),
            ),
            "flight_date",
            "۱۲ خرداد",
        ),
        (
            (
                ("user", "ขอเปลี่ยนเที่ยวบินครับ"),
                ("assistant", "ต้องการวันไหนคะ"),
                ("user", "บินวันที่ 14 พฤษภาคมครับ"),
            ),
            "flight_date",
            "วันที่ 14 พฤษภาคม",
        ),
    ],
)
def test_a_subject_named_just_before_keys_the_value(
    pairs: tuple[tuple[str, str], ...], key: str, value: str
) -> None:
    assert values_by_key(*pairs).get(key) == value


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("We're flying to Lisbon on 12 May and back on the 19th.", "flight_date", "12 May"),
        ("I land at 6:30pm on Friday, can the driver wait?", "flight_time", "6:30pm"),
        ("ผมจะบินไปเชียงใหม่วันที่ 14 พฤษภาคมครับ", "flight_date", "วันที่ 14 พฤษภาคม"),
        ("پیک ساعت ۵ میاد", "delivery_time", "ساعت ۵"),
    ],
)
def test_a_person_who_flies_or_a_courier_names_the_subject(
    message: str, key: str, value: str
) -> None:
    assert values_by_key(("user", message)).get(key) == value


# -- a label before a colon ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("All done. Your quote reference: BS-Q-20417.", "quote reference: BS-Q-20417"),
        ("รับเรื่องแล้วค่ะ เลขที่ใบงาน: RP-55821", "เลขที่ใบงาน: RP-55821"),
        (
            "Reference for the refund, as promised: RF-10293",
            "Reference for the refund, as promised: RF-10293",
        ),
    ],
)
def test_a_label_before_a_colon_leads_its_value_in(message: str, shown: str) -> None:
    assert values_by_key(("assistant", message)).get("reference") == shown


# -- a "now" before the value --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "message", "value"),
    [
        ("10am", "Now that I think of it, make it 2pm.", "2pm"),
        ("ساعت ۱۰", "الان که فکر می‌کنم، ساعت ۲ بذارید", "ساعت ۲"),
    ],
)
def test_a_now_before_the_value_updates_the_held_time(held: str, message: str, value: str) -> None:
    lines = [TranscriptLine(1, "m1", "user", message)]
    facts = extract_facts(lines, [("appointment_time", held)])
    assert [(f.key, f.value) for f in facts if not f.replaced] == [("appointment_time", value)]
