"""Values no subject word names, names on record and introductions in their longer forms,
in English, Persian and Thai, value by value.

A repair number the assistant registers, an installer's phone, a hospital number
written with a label: nothing says what they are about in words memq knows, yet
losing them loses what the conversation is about. They are kept under keys of
their own (``reference``, ``other_phone`` …), with the words that lead to them,
and never replace one another.
"""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.values import Kind, find_values


def facts_of(*pairs: tuple[str, str], known: list[tuple[str, str]] | None = None) -> list:
    lines = [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]
    return [fact for fact in extract_facts(lines, known or []) if not fact.replaced]


def values_by_key(*pairs: tuple[str, str], **kwargs: list[tuple[str, str]]) -> dict[str, str]:
    return {fact.key: fact.value for fact in facts_of(*pairs, **kwargs)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("HN ๖๕-๐๑๘๘๓๔ ค่ะ ลอกจากบัตรนัดมา", "HN ๖๕-๐๑๘๘๓๔"),
        ("The HN 65-018834 is on the card", "HN 65-018834"),
        ("کد پرونده PF ۱۲-۴۴۸۱ هست", "PF ۱۲-۴۴۸۱"),
    ],
)
def test_a_labelled_code_in_any_digits_is_one_identifier(text: str, code: str) -> None:
    identifiers = [v.text for v in find_values(text) if v.kind is Kind.IDENTIFIER]
    assert identifiers == [code]


def test_a_flight_number_is_still_a_flight_number() -> None:
    assert [v.text for v in find_values("flight NW 218 tomorrow") if v.kind is Kind.IDENTIFIER] == [
        "NW 218"
    ]


@pytest.mark.parametrize(
    ("message", "value", "lead_in"),
    [
        ("The dishwasher visit is logged under WS-77120.", "WS-77120", "dishwasher visit"),
        ("یه درخواست تعمیر ثبت کردم با شماره WS-77120.", "WS-77120", "درخواست تعمیر"),
        ("แจ้งซ่อมให้แล้วค่ะ เลขที่ใบงาน RP-55821", "RP-55821", "เลขที่ใบงาน"),
    ],
)
def test_an_identifier_nothing_names_is_kept_with_its_lead_in(
    message: str, value: str, lead_in: str
) -> None:
    facts = values_by_key(("assistant", message))
    assert value in facts["reference"]
    assert lead_in in facts["reference"]


@pytest.mark.parametrize(
    "messages",
    [
        (
            "The technician is Mr Davies, his number is 07700 900456.",
            "The warehouse line is 0161 496 0321.",
        ),
        ("نصاب منطقه آقای سواری هستن. شماره‌شون ۰۹۱۶۳۴۰۷۸۲۲.", "شماره انبار ۰۲۱۸۸۴۵۲۳۱۰ هست."),
        ("ช่างชื่อคุณสมศักดิ์ค่ะ เบอร์ 086-445-9021", "เบอร์คลังสินค้า 02-398-1145 ค่ะ"),
    ],
)
def test_phones_nothing_names_never_replace_each_other(messages: tuple[str, str]) -> None:
    phones = [v.text for message in messages for v in find_values(message) if v.kind is Kind.PHONE]
    facts = facts_of(*(("assistant", message) for message in messages))
    holding = {phone: [f.key for f in facts if phone in f.value] for phone in phones}
    assert len(phones) == 2
    assert all(len(keys) == 1 for keys in holding.values()), holding
    assert holding[phones[0]] != holding[phones[1]]


def test_a_noted_value_said_again_keeps_its_key() -> None:
    facts = facts_of(
        ("assistant", "The dishwasher visit is logged under WS-77120."),
        ("assistant", "WS-77120 is with the technician now."),
    )
    assert {fact.key for fact in facts} == {"reference"}


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("Mr Tavakoli, I am Fatemeh Norouzi. I lost my card.", "Fatemeh Norouzi"),
        ("آقای توکلی، بنده فاطمه نوروزی هستم. کارت بانکی‌ام گم شده.", "فاطمه نوروزی"),
        ("นี่นิดนะคะ ลูกสาวคนไข้ค่ะ", "นิด"),
    ],
)
def test_a_self_introduction_gives_the_name_alone(message: str, name: str) -> None:
    assert values_by_key(("user", message))["customer_name"] == name


def test_a_persian_introduction_does_not_take_a_word_that_is_no_name() -> None:
    assert values_by_key(("user", "من خیلی خسته هستم")).get("customer_name") != "خیلی خسته"


@pytest.mark.parametrize(
    ("known", "message", "name"),
    [
        ("Hamid", "The invoice is in the name of Hamid Kaabi, is that right?", "Hamid Kaabi"),
        ("حمید", "فاکتور به نام آقای حمید کعبی ثبت شده، درسته؟", "حمید کعبی"),
        ("สมชาย", "ใบแจ้งหนี้ออกในชื่อคุณสมชาย ใจดี นะคะ", "สมชาย ใจดี"),
    ],
)
def test_the_customers_name_on_record_completes_their_name(
    known: str, message: str, name: str
) -> None:
    facts = values_by_key(("assistant", message), known=[("customer_name", known)])
    assert facts["customer_name"] == name
    assert "holder_name" not in facts


@pytest.mark.parametrize(
    ("known", "message", "holder"),
    [
        ("Sepideh", "This booking is under the name of Kamran Farhadi.", "Kamran Farhadi"),
        ("سپیده", "این رزرو به نام آقای کامران فرهادی هست. خودشون هستید؟", "کامران فرهادی"),
        ("อร", "การจองนี้อยู่ในชื่อคุณกมล แสงทอง ค่ะ", "กมล แสงทอง"),
    ],
)
def test_someone_elses_name_on_record_is_the_holder_not_the_customer(
    known: str, message: str, holder: str
) -> None:
    facts = values_by_key(("assistant", message), known=[("customer_name", known)])
    assert facts["holder_name"] == holder
    assert "customer_name" not in facts


@pytest.mark.parametrize("particle", ["คับ", "ครับ", "ค่ะ", "งับ"])
def test_a_thai_name_leaves_its_particle_spoken_or_written(particle: str) -> None:
    pairs = [("assistant", "ขอทราบชื่อด้วยครับ"), ("user", f"ผมชื่อต้นกล้า{particle}")]
    assert values_by_key(*pairs)["customer_name"] == "ต้นกล้า"


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Your complaint number is CS-240917-88.", "Closing CS-240917-88 now, thanks!"),
        ("شماره شکایت شما CS-240917-88 هست.", "پرونده CS-240917-88 رو می‌بندم."),
        ("หมายเลขเรื่องร้องเรียนคือ CS-240917-88 ค่ะ", "ขอปิดเรื่อง CS-240917-88 นะคะ"),
    ],
)
def test_a_value_a_fact_already_holds_is_not_noted_again(first: str, again: str) -> None:
    facts = facts_of(("assistant", first), ("assistant", again))
    assert sum("CS-240917-88" in fact.value for fact in facts) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Jan Sunday", "No wait, there's another charge on Monday, that wasn't me either"),
        ("مهر نوروزی", "نه صبر کنید، یه تراکنش دیگه هم ۱۵ مهر هست، اونم من نبودم"),
        ("จันทร์เพ็ญ รัตนกุล", "เดี๋ยวนะคะ มีอีกรายการค่ะ วันอาทิตย์ตอนเช้า อันนี้ก็ไม่ใช่ดิฉัน"),
    ],
)
def test_a_name_that_holds_a_day_or_month_is_not_corrected_by_a_date(
    name: str, message: str
) -> None:
    facts = values_by_key(("user", message), known=[("customer_name", name)])
    assert "customer_name" not in facts


@pytest.mark.parametrize(
    ("first", "second", "correction"),
    [
        ("The price of the cake is $45.", "Candles: price $8.", "Sorry, the cake is $54."),
        (
            "قیمت کیک ۸۵۰ هزار تومان هست.",
            "قیمت شمع ۹۰ هزار تومان هست.",
            "ببخشید اشتباه شد، قیمت کیک ۹۵۰ هزار تومان هست.",
        ),
        ("ราคาเค้ก 850 บาทค่ะ", "ราคาเทียน 90 บาทค่ะ", "ขอโทษค่ะ แก้ไขราคาเค้กเป็น 950 บาทค่ะ"),
    ],
)
def test_prices_of_different_things_are_kept_and_a_correction_replaces_one(
    first: str, second: str, correction: str
) -> None:
    both = facts_of(("assistant", first), ("assistant", second))
    assert [fact.key for fact in both] == ["price", "price_2"]
    corrected = values_by_key(
        ("assistant", correction), known=[("price_2", both[1].value), ("price", both[0].value)]
    )
    assert len(corrected) == 1


@pytest.mark.parametrize(
    ("first", "question", "full"),
    [
        ("hi, it's tom here", "And your surname?", "tom reyes"),
        ("سلام. اسمم مریمه، اینترنت دارم.", "فامیلیتون رو بفرمایید لطفاً.", "مریم رضایی"),
        ("ผมชื่อต้นครับ", "ขอนามสกุลด้วยครับ", "ต้น ใจดี"),
    ],
)
def test_a_name_given_in_full_later_completes_the_spoken_one(
    first: str, question: str, full: str
) -> None:
    pairs = [("user", first), ("assistant", question), ("user", full)]
    assert values_by_key(*pairs)["customer_name"] == full


@pytest.mark.parametrize(
    ("message", "points"),
    [
        ("Your points move to the new card, you have 12,480 points now.", "12,480 points"),
        ("امتیازها منتقل میشه، الان ۱۲٬۴۸۰ امتیاز دارید.", "۱۲٬۴۸۰ امتیاز"),
        ("คะแนนจะย้ายไปบัตรใหม่ทั้งหมด ตอนนี้มี 12,480 คะแนนครับ", "12,480 คะแนน"),
    ],
)
def test_a_points_balance_is_its_own_fact_not_an_amount(message: str, points: str) -> None:
    facts = values_by_key(("assistant", message), known=[("order_total", "4,590 บาท")])
    assert facts == {"points_balance": points}


@pytest.mark.parametrize(
    ("known", "message", "other"),
    [
        ("#771492", "For order #771492 I've added a voucher, code SORRY10.", "SORRY10"),
        (
            "HX-20931457",
            "Booking HX-20931457 now includes the airport pickup, ref TR 5521.",
            "TR 5521",
        ),
        ("MHD-40392", "رزرو MHD-40392 هست، کد ترانسفر TR7781 رو هم ثبت کردم.", "TR7781"),
    ],
)
def test_an_id_of_another_shape_is_another_thing(known: str, message: str, other: str) -> None:
    facts = facts_of(
        ("assistant", message), known=[("order_id", known), ("booking_reference", known)]
    )
    assert all(
        other not in fact.value for fact in facts if fact.key in ("order_id", "booking_reference")
    )


@pytest.mark.parametrize(
    ("message", "model"),
    [
        ("Found it: Sony WF-1000XM5 headphones, bought in March.", "WF-1000XM5"),
        ("ظرفشویی بوش هست، مدلش Bosch SMS46NI01", "SMS46NI01"),
        ("พบแล้วค่ะ หูฟัง Sony WF-1000XM5 สีดำ", "WF-1000XM5"),
    ],
)
def test_a_code_after_a_brand_is_a_product_model(message: str, model: str) -> None:
    facts = values_by_key(("assistant", message))
    assert model in facts["product_model"]
    assert "reference" not in facts


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("he drives a grey pickup, plate 7KQD218", "vehicle_plate", "plate 7KQD218"),
        ("รถโตโยต้า ยาริส ทะเบียน กข 4521 เชียงใหม่ ใช่ไหมคะ", "vehicle_plate", "ทะเบียน กข 4521"),
        ("My driving licence number is SMITH701015J99AB", "licence_number", "SMITH701015J99AB"),
        ("شماره گواهینامه‌ام ۹۸۷۶۵۴۳۲۱۰ هست", "licence_number", "۹۸۷۶۵۴۳۲۱۰"),
        ("ใบขับขี่ 61003482 ครับ", "licence_number", "61003482"),
    ],
)
def test_a_vehicle_plate_and_a_driving_licence_are_facts_of_their_own(
    message: str, key: str, value: str
) -> None:
    assert values_by_key(("user", message))[key] == value


def test_registering_is_no_vehicle_plate() -> None:
    facts = values_by_key(("assistant", "ลงทะเบียนสอบแล้วครับ เลขที่ใบสมัครคือ APP-2568-0342"))
    assert "vehicle_plate" not in facts


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Return it on the 8th of December at 10:00, please.", "the 8th of December at 10:00"),
        ("تحویل روز ۸ آذر ساعت ۱۰ هست", "۸ آذر ساعت ۱۰"),
        ("กำหนดคืนรถวันที่ 8 ธันวาคม เวลา 10:00 น. ค่ะ", "วันที่ 8 ธันวาคม เวลา 10:00 น."),
        ("นัดวันที่ 3 ธ.ค. 2567 ครับ", "วันที่ 3 ธ.ค. 2567"),
    ],
)
def test_a_date_keeps_its_month_after_the_word_for_day(text: str, date: str) -> None:
    assert [v.text for v in find_values(text) if v.kind is Kind.DATE] == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Sure, a 2-month freeze from June 1 to July 31.", "June 1 to July 31"),
        ("We have it free for March 20-23.", "March 20-23"),
        ("بله، برای ۲۰ تا ۲۳ اسفند همین نوع اتاق خالی داریم.", "۲۰ تا ۲۳ اسفند"),
        ("رزرو فعلی از ۱۸ تا ۲۱ اسفند است.", "۱۸ تا ۲۱ اسفند"),
        ("ห้องที่ว่างตลอด 27-30 ธ.ค. มี Pool Villa ค่ะ", "27-30 ธ.ค."),
        ("เข้าพักวันที่ 3 ธันวาคม ถึง 5 ธันวาคม ค่ะ", "วันที่ 3 ธันวาคม ถึง 5 ธันวาคม"),
    ],
)
def test_a_span_of_days_is_one_date_never_an_old_one(text: str, date: str) -> None:
    assert [v.text for v in find_values(text) if v.kind is Kind.DATE] == [date]
    assert not [f for f in extract_facts([TranscriptLine(1, "m1", "user", text)], []) if f.replaced]


@pytest.mark.parametrize(
    "text",
    [
        "Can you move it from June 1 to June 3?",
        "میشه نوبت رو از ۱۲ آذر به ۱۵ آذر تغییر بدید؟",
        "ขอเลื่อนจากวันที่ 3 ธันวาคม ถึง 5 ธันวาคม ได้ไหมคะ",
    ],
)
def test_a_change_from_one_date_to_another_is_two_dates(text: str) -> None:
    assert len([v for v in find_values(text) if v.kind is Kind.DATE]) == 2


@pytest.mark.parametrize(
    ("held", "message", "key"),
    [
        ("box is 40x30x25 cm", "sorry, I had to change the box, it's 45x35x30 now", "reference"),
        ("جعبه 40x30x25 هست", "جعبه رو عوض کردم، 45x35x30", "reference"),
        ("ค่ะ กล่อง 40x30x25", "ชั่งใหม่ได้ 5.8 กก. ค่ะ ต้องเปลี่ยนกล่องเป็น 45x35x30 ด้วย", "reference"),
        # another thing named: a note of its own beside the first
        ("box is 40x30x25 cm", "the lid is 45x35x30 now", "reference_2"),
        # no word of change: a second box, not the first replaced
        ("box is 40x30x25 cm", "the second box is 45x35x30", "reference_2"),
    ],
)
def test_a_changed_value_replaces_the_note_that_names_the_same_thing(
    held: str, message: str, key: str
) -> None:
    """«ต้องเปลี่ยนกล่องเป็น 45x35x30» after «กล่อง 40x30x25»: the box's note replaced, not
    a third note beside it with the old size still current."""
    facts = facts_of(("user", message), known=[("reference", held)])
    assert [fact.key for fact in facts if "45x35x30" in fact.value] == [key]
