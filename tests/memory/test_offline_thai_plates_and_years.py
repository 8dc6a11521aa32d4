"""Thai values whose digits were read loose, value by value: a Buddhist-era year written short
after a spaced month («1 ธ.ค. 67»), a car plate with its series digit and letters («7กข 4821»),
and an id put right that is near-identical to one known value, not merely sharing digits with
a more recent one (in Thai, English and Persian).

Written from Thai chat as customers and assistants write it in any domain.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history

# -- a short Buddhist-era year after a spaced month ------------------------------------------


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("เลื่อนเป็นเริ่ม 1 ธ.ค. 67 ถึง 30 พ.ย. 68 ครับ", ["1 ธ.ค. 67", "30 พ.ย. 68"]),
        ("วัคซีนครบกำหนด 3 ม.ค. 68 ค่ะ", ["3 ม.ค. 68"]),
        ("ลงนัดให้เป็น ส. 12 ต.ค. 67 เวลา 10:00 น. นะครับ", ["12 ต.ค. 67 เวลา 10:00 น."]),
    ],
)
def test_a_short_year_after_a_spaced_month_belongs_to_the_date(text: str, dates: list[str]) -> None:
    values = find_values(text)
    assert [v.text for v in values if v.kind is Kind.DATE] == dates
    assert [v.text for v in values if v.kind is Kind.NUMBER] == []  # no «67» or «68» loose


@pytest.mark.parametrize(
    ("text", "date", "count"),
    [
        # a count after the date, by its classifier: «50 ตัว» (shirts), «60 ชุด» (sets) …
        ("สั่งเสื้อยืดส่งวันที่ 15 ธ.ค. 50 ตัวค่ะ", "วันที่ 15 ธ.ค.", "50 ตัว"),
        ("ส่ง 5 ธ.ค. 55 เครื่อง", "5 ธ.ค.", "55 เครื่อง"),
        ("สั่งชุดนักเรียน ส่ง 2 ม.ค. 60 ชุด", "2 ม.ค.", "60"),
        ("รถตู้ 3 ม.ค. 59 คัน", "3 ม.ค.", "59"),
        ("บิล 5 ก.พ. 65 รายการ", "5 ก.พ.", "65"),
    ],
)
def test_a_count_after_a_date_is_no_short_year(text: str, date: str, count: str) -> None:
    values = find_values(text)
    assert [v.text for v in values if v.kind is Kind.DATE] == [date]
    assert any(v.text.startswith(count) for v in values if v.kind is not Kind.DATE)


def test_a_count_after_a_delivery_date_stays_out_of_the_fact() -> None:
    facts = facts_of(("user", "สั่งเสื้อยืดส่งวันที่ 15 ธ.ค. 50 ตัวค่ะ"))
    assert facts["delivery_date"] == "วันที่ 15 ธ.ค."


def test_an_hour_after_a_month_is_no_year() -> None:
    # «ต.ค. 67» is a year, «ต.ค. 10 โมง» an hour: only years of this era are read as years
    values = find_values("อา. 13 ต.ค. 67 บ่าย 2 ครับ หรือ 14 ต.ค. 10 โมง")
    assert "13 ต.ค. 67" in [v.text for v in values]
    assert not any(v.text.startswith("14 ต.ค. 10") and "67" in v.text for v in values)


def test_a_date_with_its_short_year_keeps_its_time_in_the_fact() -> None:
    facts = facts_of(("assistant", "ได้ค่ะ หมอเข้าวันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น. ค่ะ"))
    assert facts["appointment_date"] == "วันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น."
    assert "68" not in facts.values()


# -- Thai car plates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plate"),
    [("7กข 4821 กทม. ค่ะ", "7กข 4821"), ("ทะเบียน ๓กต ๑๒๓ ครับ", "๓กต ๑๒๓"), ("1ขค9012", "1ขค9012")],
)
def test_a_thai_plate_is_one_identifier(text: str, plate: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.IDENTIFIER, plate)]


def test_a_month_typed_without_its_dots_is_no_plate() -> None:
    values = find_values("นัดวันที่ 1กค 2567 ค่ะ")
    assert Kind.IDENTIFIER not in [v.kind for v in values]
    assert "1กค 2567" not in [v.text for v in values]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # a number, a unit typed without dots, and its remainder: a measure, not a plate
        ("ใช้เวลา 1ชม 30 นาทีใช่ไหมคะ", "1ชม 30", (Kind.DURATION, "30 นาที")),
        ("ไรเดอร์อยู่ห่าง 5กม 300 เมตรค่ะ", "5กม 300", (Kind.LENGTH, "300 เมตร")),
        ("มา 2คน 1 ห้องค่ะ", "2คน 1", (Kind.COUNT, "1 ห้อง")),
        ("ซื้อ 3กก 200 บาท", "3กก 200", (Kind.AMOUNT, "200 บาท")),
    ],
)
def test_a_number_a_unit_and_a_number_is_no_plate(
    text: str, wrong: str, right: tuple[Kind, str]
) -> None:
    values = [(v.kind, v.text) for v in find_values(text)]
    assert right in values
    assert wrong not in [t for _, t in values]
    assert Kind.IDENTIFIER not in [k for k, _ in values]


def test_a_measure_is_no_reference_of_the_conversation() -> None:
    facts = facts_of(("user", "สวัสดีค่ะ จองคิวตัดผมพรุ่งนี้ค่ะ ใช้เวลา 1ชม 30 นาทีใช่ไหมคะ"))
    assert not any(key.startswith("reference") for key in facts)
    assert not any("1ชม 30" in value for value in facts.values())


def test_a_plate_given_as_the_answer_is_the_vehicle_plate_whole() -> None:
    facts = facts_of(
        ("assistant", "รบกวนขอทะเบียนรถไว้ทำสติ๊กเกอร์ด้วยครับ"), ("user", "7กข 4821 กทม. ค่ะ")
    )
    assert facts["vehicle_plate"] == "7กข 4821"


# -- an id put right goes to the near-identical known id -------------------------------------


@pytest.mark.parametrize(
    ("pairs", "key", "put_right", "other_key", "other_value"),
    [
        (  # Thai: the plate put right, not the room named since
            [
                ("assistant", "รบกวนขอทะเบียนรถไว้ทำสติ๊กเกอร์ด้วยครับ"),
                ("user", "7กข 4821 กทม. ค่ะ"),
                ("assistant", "มีห้อง B812 ชั้น 8 ว่างครับ"),
                ("user", "เอาห้อง B812 ค่ะ"),
                ("user", "พี่คะ ทะเบียนรถในสัญญาผิดค่ะ ต้องเป็น 7กษ 4821 ไม่ใช่ กข ค่ะ"),
            ],
            "vehicle_plate",
            ("7กข 4821", "7กษ 4821"),
            "room_number",
            "B812",
        ),
        (  # English: the ticket put right, not the room named since
            [
                ("user", "My ticket number is TK-48213."),
                ("assistant", "Thanks. Your room is 4823."),
                ("user", "ok"),
                ("user", "sorry, I meant TK-48218"),
            ],
            "ticket_id",
            ("TK-48213", "TK-48218"),
            "room_number",
            "4823",
        ),
        (  # Persian: the national id put right, not the parent's mobile given since
            [
                ("assistant", "کد ملی دانش‌آموز رو بفرمایید"),
                ("user", "۰۰۲۳۴۵۶۷۸۱"),
                ("assistant", "شماره موبایل ولی رو هم بفرمایید"),
                ("user", "09351234567"),
                ("user", "ببخشید کد ملی اشتباه شد، درستش ۰۰۲۳۴۵۶۷۱۸ هست"),
            ],
            "national_id",
            ("۰۰۲۳۴۵۶۷۸۱", "۰۰۲۳۴۵۶۷۱۸"),
            "customer_phone",
            "09351234567",
        ),
    ],
)
def test_an_id_put_right_replaces_the_near_identical_one_not_a_more_recent_one(
    pairs: list[tuple[str, str]],
    key: str,
    put_right: tuple[str, str],
    other_key: str,
    other_value: str,
) -> None:
    facts = conversation(*pairs)
    old, new = put_right
    assert current(facts)[key] == new
    assert history(facts, key) == [old]
    assert current(facts)[other_key] == other_value
    assert history(facts, other_key) == []


# -- a range of clock times is one value ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("ลิฟต์ขนของใช้ได้ 9:00-17:00 น. ครับ", "9:00-17:00 น."),
        ("the office is open 9:00-17:30 on weekdays", "9:00-17:30"),
    ],
)
def test_a_range_of_clock_times_is_one_time(text: str, time: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.TIME, time)]


def test_a_date_with_a_range_of_hours_keeps_the_whole_range() -> None:
    values = find_values("ได้ค่ะ นัด Flash เข้ารับ ศ. 8 พ.ย. 67 ช่วง 13:00-17:00 น. นะคะ")
    assert [(v.kind, v.text) for v in values] == [(Kind.DATE, "8 พ.ย. 67 ช่วง 13:00-17:00 น.")]
    assert values[0].time is not None and values[0].time.text == "13:00-17:00 น."
