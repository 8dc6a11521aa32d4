"""Whose phone it is, in English, Persian and Thai: the customer's, a second contact's,
the building office's; a near phone is another person's unless the message corrects it."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def facts_of(*pairs: tuple[str, str], known: list[tuple[str, str]] | None = None) -> dict[str, str]:
    lines = [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]
    return {f.key: f.value for f in extract_facts(lines, known or []) if not f.replaced}


@pytest.mark.parametrize(
    ("question", "answer", "phone"),
    [
        (
            "And is there a second contact in case we can't reach you?",
            "my wife, Dana. (312) 555-0178. she's easier to get hold of",
            "(312) 555-0178",
        ),
        ("شماره ایشون رو بفرمایید.", "۰۹۱۶۳۳۸۴۰۱۲ اسمش سعید", "۰۹۱۶۳۳۸۴۰۱۲"),
        ("มีเบอร์สำรองไหมครับ", "062-390-1185 ค่ะ", "062-390-1185"),
    ],
)
def test_a_second_contacts_phone_is_not_the_customers(
    question: str, answer: str, phone: str
) -> None:
    facts = facts_of(("assistant", question), ("user", answer), known=[("customer_phone", "x")])
    for named in ("spouse_name", "person_name"):  # "my wife, Dana", «اسمش سعید»: her name too
        facts.pop(named, None)
    assert facts == {"second_contact_phone": phone}


@pytest.mark.parametrize(
    ("message", "phone"),
    [
        ("The building manager said to call reception on 0161 496 0321.", "0161 496 0321"),
        ("آره آقای نادری مدیر ساختمون. شماره مدیر ساختمون ۰۹۱۲۶۶۸۴۰۲۱", "۰۹۱۲۶۶۸۴۰۲۱"),
        ("ให้โทรเบอร์นิติ 02-398-1145 ครับ", "02-398-1145"),
    ],
)
def test_the_building_offices_phone_is_its_own(message: str, phone: str) -> None:
    facts = facts_of(("user", message), known=[("customer_phone", "081-234-5678")])
    assert facts == {"building_office_phone": phone}


@pytest.mark.parametrize(
    ("known", "message", "other"),
    [
        ("(312) 555-0164", "Reminders will also go to (312) 555-0178.", "(312) 555-0178"),
        ("۰۹۱۶۸۰۲۳۵۴۱", "یادآوری به ۰۹۱۶۸۰۲۳۵۷۱ هم میره.", "۰۹۱۶۸۰۲۳۵۷۱"),
        ("089-612-4470", "แจ้งเตือนไปที่ 089-612-4478 ด้วยค่ะ", "089-612-4478"),
    ],
)
def test_a_near_phone_without_a_correction_does_not_replace_the_customers(
    known: str, message: str, other: str
) -> None:
    facts = facts_of(("assistant", message), known=[("customer_phone", known)])
    assert facts.get("customer_phone", known) == known


@pytest.mark.parametrize(
    ("known", "message", "corrected"),
    [
        ("07700 900123", "Sorry, I mistyped, it's 07700 900132.", "07700 900132"),
        ("۰۹۱۲۳۴۵۶۷۸۹", "ببخشید اشتباه گفتم، ۰۹۱۲۳۴۵۶۷۹۸ درسته.", "۰۹۱۲۳۴۵۶۷۹۸"),
        ("081-773-2045", "ขอโทษค่ะ พิมพ์ผิด ที่ถูกคือ 081-773-2054", "081-773-2054"),
    ],
)
def test_a_near_phone_with_a_correction_replaces_it(
    known: str, message: str, corrected: str
) -> None:
    assert facts_of(("user", message), known=[("customer_phone", known)])["customer_phone"] == (
        corrected
    )


@pytest.mark.parametrize(
    ("message", "phone"),
    [
        ("We have 07700 900123 on file, is that still right?", "07700 900123"),
        ("در سیستم شماره ۰۹۱۷۱۱۲۳۴۵۶ ثبت شده، درسته؟", "۰۹۱۷۱۱۲۳۴۵۶"),
        ("ขอยืนยันเบอร์โทรนะครับ ในระบบเป็น 081-773-2045 ครับ", "081-773-2045"),
        ("ในบัญชีคือ 089-201-6634 ใช่ไหมคะ", "089-201-6634"),
        ("The number on record is 07700 900481, still good?", "07700 900481"),
    ],
)
def test_a_phone_the_assistant_reads_from_the_record_is_the_customers(
    message: str, phone: str
) -> None:
    assert facts_of(("assistant", message))["customer_phone"] == phone


@pytest.mark.parametrize(
    ("question", "known", "answer", "corrected"),
    [
        (
            "Could you double check the member ID?",
            "XQB448201903",
            "It's XQB448201930",
            "XQB448201930",
        ),
        ("لطفاً شماره اشتراک رو دوباره چک کنید.", "AB-7741203", "AB-7741230", "AB-7741230"),
        ("รบกวนตรวจสอบหมายเลขสมาชิกอีกครั้งครับ", "MB-5521009", "MB-5521090 ค่ะ", "MB-5521090"),
    ],
)
def test_an_id_read_again_with_a_typo_put_right_replaces_the_old_one(
    question: str, known: str, answer: str, corrected: str
) -> None:
    facts = facts_of(("assistant", question), ("user", answer), known=[("account_number", known)])
    assert facts == {"account_number": corrected}


@pytest.mark.parametrize(
    ("known", "message"),
    [
        ("1-5pm", "It's now half past three in the afternoon and nobody has called"),
        ("ساعت ۱۵ تا ۱۸", "الان عصر شده هنوز کسی زنگ نزده"),
        ("13.00-17.00 น.", "แอดมินคะ ตอนนี้บ่ายสามครึ่งแล้ว ยังไม่มีใครโทรมาเลย"),
    ],
)
def test_the_clock_said_loosely_does_not_replace_an_agreed_time_slot(
    known: str, message: str
) -> None:
    facts = facts_of(("user", message), known=[("delivery_time", known)])
    assert facts.get("delivery_time", known) == known


@pytest.mark.parametrize(
    ("question", "reply", "address"),
    [
        ("Please check the name and address on the invoice.", "sure, 5 stars", None),
        ("لطفاً نام و آدرس روی فاکتور رو چک کنید.", "حتما، ۵ ستاره", None),
        ("รบกวนตรวจชื่อกับที่อยู่ในใบด้วยนะคะ", "ได้เลยค่ะ ให้ 5 ดาว", None),
        ("What's the delivery address?", "12 Elm Close, flat 4B", "12 Elm Close, flat 4B"),
        ("آدرس تحویل؟", "تهران، خیابان ولیعصر، پلاک ۱۲", "تهران، خیابان ولیعصر، پلاک ۱۲"),
        ("ขอที่อยู่จัดส่งด้วยค่ะ", "99/12 ซอยสุขุมวิท 31", "99/12 ซอยสุขุมวิท 31"),
    ],
)
def test_a_reply_to_an_address_question_is_an_address_only_when_it_reads_like_one(
    question: str, reply: str, address: str | None
) -> None:
    facts = facts_of(("assistant", question), ("user", reply))
    assert facts.get("delivery_address") == address


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("12 Elm Close, flat 4B", "12 Elm Close, flat 4B"),
        ("I live in a flat near 12 Elm Close", "12 Elm Close"),
        ("Block C, 5 Hill Road", "Block C, 5 Hill Road"),
    ],
)
def test_a_unit_is_part_of_an_address_in_any_case_but_only_with_its_number(
    text: str, address: str
) -> None:
    from domain.memory.offline.values import Kind, find_values

    assert [v.text for v in find_values(text) if v.kind is Kind.ADDRESS] == [address]


@pytest.mark.parametrize(
    ("question", "answer", "key", "value"),
    [
        (
            "To verify, what's your date of birth?",
            "14 March 1985",
            "date_of_birth",
            "14 March 1985",
        ),
        (
            "برای احراز هویت تاریخ تولدتون رو بفرمایید.",
            "۲۴ اسفند ۱۳۶۳",
            "date_of_birth",
            "۲۴ اسفند ۱۳۶۳",
        ),
        ("เพื่อยืนยันตัวตน ขอวันเดือนปีเกิดด้วยครับ", "๑๔ มีนาคม ๒๕๒๘ ค่ะ", "date_of_birth", "๑๔ มีนาคม ๒๕๒๘"),
        (
            "Could I have your broadband account number?",
            "8800451277",
            "account_number",
            "8800451277",
        ),
        ("شماره سرویس اینترنتتون رو بفرمایید.", "۸۸۰۰۴۵۱۲۷۷", "account_number", "۸۸۰۰۴۵۱۲۷۷"),
        ("รบกวนขอหมายเลขอินเทอร์เน็ต 10 หลักด้วยนะคะ", "8800451277 ครับ", "account_number", "8800451277"),
        ("Which card did you pay with?", "the one ending 6632", "payment_card", "ending 6632"),
        ("با کدوم کارت پرداخت کردید؟", "کارت با شماره ۶۶۳۲", "payment_card", "کارت با شماره ۶۶۳۲"),
        ("รบกวนขอเลขท้ายบัตร 4 ตัวด้วยนะคะ", "ลงท้าย 6632 ค่ะ", "payment_card", "ลงท้าย 6632"),
    ],
)
def test_an_answer_takes_its_subject_from_the_question(
    question: str, answer: str, key: str, value: str
) -> None:
    assert facts_of(("assistant", question), ("user", answer)).get(key) == value


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("call my office on 020 7946 0958 ext. 12 please", "020 7946 0958 ext. 12"),
        ("شماره محل کارم 02188452310 داخلی 214", "02188452310 داخلی 214"),
        ("โทร 02-398-1145 ต่อ 305 ครับ", "02-398-1145 ต่อ 305"),
    ],
)
def test_an_extension_belongs_to_its_phone(text: str, phone: str) -> None:
    from domain.memory.offline.values import Kind, find_values

    assert [v.text for v in find_values(text) if v.kind is Kind.PHONE] == [phone]


@pytest.mark.parametrize(
    ("question", "answer", "value"),
    [
        ("Please confirm the last four digits of your card.", "8812", "8812"),
        ("۴ رقم آخر کارتتون رو تأیید کنید لطفاً.", "8812", "8812"),
        ("รบกวนยืนยันเลขท้ายบัตร 4 ตัวด้วยค่ะ", "8812", "8812"),
    ],
)
def test_a_request_to_confirm_is_a_question_its_answer_answers(
    question: str, answer: str, value: str
) -> None:
    assert value in facts_of(("assistant", question), ("user", answer)).get("payment_card", "")


@pytest.mark.parametrize(
    ("question", "answer", "key", "phone"),
    [
        (
            "Shall we text updates to 415-555-0198?",
            "actually text my wife instead, she handles this stuff. 415-555-0264",
            "recipient_phone",
            "415-555-0264",
        ),
        (
            "کد فعالسازی پیامک شد.",
            "گوشیم خاموشه. میشه به شماره خانمم بفرستید؟ ۰۹۱۲۷۷۳۰۵۱۸",
            "recipient_phone",
            "۰۹۱۲۷۷۳۰۵۱۸",
        ),
        (
            "บันทึกแล้วค่ะ",
            "ถ้ามีอะไรโทรหาแฟนผมก็ได้นะครับ\n089-417-3306",
            "recipient_phone",
            "089-417-3306",
        ),
        (
            "What's the best number to reach you?",
            "No, use my mom's number. 212-555-0143",
            "recipient_phone",
            "212-555-0143",
        ),
    ],
)
def test_a_phone_of_someone_the_message_names_is_not_the_customers(
    question: str, answer: str, key: str, phone: str
) -> None:
    """Whose phone it is may be said in another sentence of the same message."""
    known = [("customer_phone", "000-000-0000")]
    facts = facts_of(("assistant", question), ("user", answer), known=known)
    assert facts == {key: phone}


@pytest.mark.parametrize(
    ("held", "echo"),
    [
        ("415-555-0264", "Noted, we have your wife's 415 555 0264 on file as the second number."),
        ("۰۹۱۲۷۷۳۰۵۱۸", "شماره دوم شما ۰۹۱۲۷۷۳۰۵۱۸ ثبت شد."),
        ("089-417-3306", "บันทึกเบอร์คุณพิมพ์ชนก 089 417 3306 เป็นเบอร์ติดต่อสำรองแล้วค่ะ"),
    ],
)
def test_the_assistant_reading_a_phone_back_does_not_move_it_to_another_subject(
    held: str, echo: str
) -> None:
    known = [("recipient_phone", held), ("customer_phone", "081-552-7740")]
    assert facts_of(("assistant", echo), known=known) == {}


@pytest.mark.parametrize(
    ("message", "customers"),
    [
        ("Please send it to freeze@pulsefit.com with your member ID in the subject.", None),
        ("لطفاً مدارک رو به claims@bime.ir بفرستید.", None),
        ("รบกวนส่งรูปมาทางอีเมล damage@siamdrive.co.th พร้อมหมายเลขการจองนะคะ", None),
        (
            "We'll send the receipt to your email, dan.okafor@fastmail.com.",
            "dan.okafor@fastmail.com",
        ),
        ("فاکتور به ایمیل شما leila.r61@gmail.com ارسال میشه.", "leila.r61@gmail.com"),
        ("จะส่งใบเสร็จไปที่อีเมลของคุณ thanakorn.w@outlook.com นะคะ", "thanakorn.w@outlook.com"),
    ],
)
def test_an_address_to_send_things_to_is_the_companys_not_the_customers(
    message: str, customers: str | None
) -> None:
    assert facts_of(("assistant", message)).get("customer_email") == customers


@pytest.mark.parametrize(
    ("messages", "key", "value"),
    [
        ((("user", "my policy number 0044 7781 2290"),), "account_number", "0044 7781 2290"),
        ((("user", "کد ملی بابام ۰۰۷۳۴۵۱۲۹۸ هست"),), "national_id", "۰۰۷۳۴۵۱۲۹۸"),
        (
            (("assistant", "รบกวนขอเลขบัตรประชาชนค่ะ"), ("user", "0105547002312 ค่ะ")),
            "national_id",
            "0105547002312",
        ),
    ],
)
def test_a_phone_shaped_number_named_as_an_id_is_that_id(
    messages: tuple[tuple[str, str], ...], key: str, value: str
) -> None:
    facts = facts_of(*messages, known=[("customer_phone", "081-552-7740")])
    assert facts == {key: value}


@pytest.mark.parametrize(
    ("question", "answer", "key", "value"),
    [
        ("How much is the room per night?", "$329, I think.", "room_rate", "$329"),
        ("اتاق شبی چنده؟", "شبی ۴٬۲۰۰٬۰۰۰ تومان", "room_rate", "۴٬۲۰۰٬۰۰۰ تومان"),
        ("น้องภูมิเกิดวันที่เท่าไหร่ครับ", "๑๔ กุมภาพันธ์ ๒๕๖๑ ค่ะ", "date_of_birth", "๑๔ กุมภาพันธ์ ๒๕๖๑"),
    ],
)
def test_a_question_of_how_much_or_which_number_is_answered(
    question: str, answer: str, key: str, value: str
) -> None:
    assert facts_of(("assistant", question), ("user", answer)).get(key) == value


_RECIPIENT = "recipient_phone"
_NEW = "second_contact_phone"  # the held contact replaced
_ANOTHER = "second_contact_phone_2"  # a second one beside it


@pytest.mark.parametrize(
    ("held", "question", "answer", "key", "phone"),
    [
        (
            "0161 496 0321",
            "Oh, who's the new manager?",
            "Ms Green, her number is 0161 496 0999",
            _NEW,
            "0161 496 0999",
        ),
        (
            "0161 496 0321",
            "Would you like to replace the backup number with another one?",
            "yes, use 0161 496 0999",
            _NEW,
            "0161 496 0999",
        ),
        (
            "0161 496 0321",
            "Do you have another number we could try as well?",
            "0161 496 0999",
            _ANOTHER,
            "0161 496 0999",
        ),
        (
            "0912 441 3307",
            "اوه، مدیر جدید کیه؟",
            "خانم نوروزی. شمارش 0919 208 6651",
            _NEW,
            "0919 208 6651",
        ),
        (
            "۰۹۳۵۶۱۲۰۹۸۴",
            "بله، شماره پشتیبان حذف شد. می‌خواید شماره دیگه‌ای جایگزین کنیم؟",
            "آره شماره خونه رو بذارید ۰۲۱۶۶۰۴۳۸۲۱",
            _NEW,
            "۰۲۱۶۶۰۴۳۸۲۱",
        ),
        ("0912 441 3307", "شماره دیگه‌ای هم دارید؟", "0919 208 6651", _ANOTHER, "0919 208 6651"),
        ("062-390-1185", "เบอร์สำรองใหม่คือเบอร์อะไรคะ", "062-390-0000 ค่ะ", _NEW, "062-390-0000"),
        ("062-390-1185", "มีเบอร์สำรองอีกเบอร์ไหมครับ", "062-390-0000 ค่ะ", _ANOTHER, "062-390-0000"),
        # a reply opening with no turned the question down: its number is a second one
        (
            "۰۹۱۲۴۴۱۳۳۰۷",
            "مشتری جدید هستید؟",
            "نه. یه شماره دیگه هم دارم ۰۲۱۸۸۷۷۶۶۵۵",
            _ANOTHER,
            "۰۲۱۸۸۷۷۶۶۵۵",
        ),
        # "anything else to change?" asks for no value in another's place
        (
            "062-390-1185",
            "ต้องการเปลี่ยนอะไรเพิ่มเติมไหมคะ",
            "มีเบอร์สำรองอีกเบอร์ 062-390-0000 ค่ะ",
            _ANOTHER,
            "062-390-0000",
        ),
        (
            "۰۹۱۲۴۴۱۳۳۰۷",
            "چیز دیگه‌ای هست که بخواید تغییر بدید؟",
            "یه شماره دیگه هم دارم ۰۲۱۸۸۷۷۶۶۵۵",
            _ANOTHER,
            "۰۲۱۸۸۷۷۶۶۵۵",
        ),
    ],
)
def test_an_answer_to_a_question_for_the_new_one_replaces_the_held_contact(
    held: str, question: str, answer: str, key: str, phone: str
) -> None:
    """ "Who's the new manager?", «جایگزین کنیم؟», «ใหม่»: the held contact replaced; "do
    you have another number?" asks for a second one beside it."""
    facts = facts_of(
        ("assistant", question),
        ("user", answer),
        known=[("second_contact_phone", held), ("customer_phone", "07700 900123")],
    )
    contacts = {k: v for k, v in facts.items() if k.startswith("second_contact_phone")}
    assert contacts == {key: phone}


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Sorry to hear that. Can I have the new order number?", "#771530"),
        ("شماره سفارش جدید رو بفرمایید", "۷۷۱۵۳۰"),
        ("ขอเลขคำสั่งซื้อใหม่ด้วยค่ะ", "771530"),
    ],
)
def test_a_new_orders_number_is_another_order_not_the_first_corrected(
    question: str, answer: str
) -> None:
    facts = facts_of(("assistant", question), ("user", answer), known=[("order_id", "#771388")])
    assert facts == {"order_id_2": answer}


@pytest.mark.parametrize(
    ("question", "answer", "key"),
    [
        ("Is the number still the same?", "use my sister-in-law's, +44 7911 238 607", _RECIPIENT),
        ("شماره همونه؟", "شماره زن‌داداشم رو بذارید +44 7911 238 607", _RECIPIENT),
        ("شماره همونه؟", "شماره شوهرخواهرم +44 7911 238 607", _RECIPIENT),
        (
            "ที่อยู่กับเบอร์ยังเหมือนเดิมไหมครับ",
            "เบอร์ใช้ของพี่สะใภ้ค่ะ +44 7911 238 607 ส่วนที่อยู่เดิมค่ะ",
            _RECIPIENT,
        ),
        ("ขอเบอร์ติดต่อด้วยค่ะ", "เบอร์พี่สาว +44 7911 238 607 ค่ะ", _RECIPIENT),
        # going with a friend names no one whose number it is
        ("ขอเบอร์ติดต่อด้วยค่ะ", "+44 7911 238 607 ค่ะ ไปกับเพื่อนค่ะ", "customer_phone"),
    ],
)
def test_a_relatives_number_by_marriage_or_age_is_theirs(
    question: str, answer: str, key: str
) -> None:
    """«พี่สะใภ้» (sister-in-law), «พี่สาว», «زن‌داداش»: kin named before the number own it."""
    facts = facts_of(("assistant", question), ("user", answer), known=[("customer_phone", "x")])
    assert facts == {key: "+44 7911 238 607"}


@pytest.mark.parametrize(
    ("question", "given", "email", "team"),
    [
        (
            "What's the best email to reach you?",
            "it's dana.k@gmail.com",
            "dana.k@gmail.com",
            "Thanks. The email for the warranty team is warranty@acme.com if you need them.",
        ),
        (
            "ایمیلتون رو بفرمایید.",
            "ali.r@gmail.com",
            "ali.r@gmail.com",
            "ممنون. ایمیل واحد گارانتی warranty@acme.ir هست.",
        ),
        (
            "ขออีเมลด้วยค่ะ",
            "somchai@gmail.com ครับ",
            "somchai@gmail.com",
            "ขอบคุณค่ะ อีเมลของฝ่ายประกันคือ warranty@acme.co.th ค่ะ",
        ),
    ],
)
def test_a_teams_email_said_after_the_customers_is_no_customer_fact(
    question: str, given: str, email: str, team: str
) -> None:
    """The customer's stays; the team's is where to write, no fact of the customer's."""
    facts = facts_of(("assistant", question), ("user", given), ("assistant", team))
    assert facts == {"customer_email": email}


@pytest.mark.parametrize(
    ("message", "email"),
    [
        (
            "I've updated the email for your service booking to dana.k@gmail.com.",
            "dana.k@gmail.com",
        ),
        ("Your email for the service team updates is dana.k@gmail.com.", "dana.k@gmail.com"),
        ("ایمیلتون برای واحد پشتیبانی ali.r@gmail.com ثبت شد.", "ali.r@gmail.com"),
        ("อีเมลของคุณสำหรับฝ่ายบริการคือ somchai@gmail.com ค่ะ", "somchai@gmail.com"),
    ],
)
def test_the_customers_email_for_a_team_stays_the_customers(message: str, email: str) -> None:
    assert facts_of(("assistant", message)) == {"customer_email": email}


@pytest.mark.parametrize(
    "message",
    [
        "Hi, my laptop won't boot. Use this email for the support case: dana.hill@gmail.com",
        "Please send the email for the project team updates to dana.hill@gmail.com",
    ],
)
def test_a_team_word_naming_what_the_email_is_for_leaves_it_the_customers(message: str) -> None:
    """ "the support case", "the project team updates": the team's word is no head of the
    phrase but says what the customer's email is used for. (Persian and Thai name a team's
    contact with the team word right after «ایمیل», «อีเมล»: no such phrase.)"""
    assert facts_of(("user", message)) == {"customer_email": "dana.hill@gmail.com"}


@pytest.mark.parametrize(
    ("kin_too", "kin_phone"),
    [
        ("شماره بابامم ۰۹۱۳۱۹۰۵۸۳۳ هست ولی با من هماهنگ کنید", "۰۹۱۳۱۹۰۵۸۳۳"),
        ("شماره مامانمم ۰۹۱۲۷۷۸۹۰۴۵ هست، ولی اول به خودم زنگ بزنید", "۰۹۱۲۷۷۸۹۰۴۵"),
    ],
)
def test_a_persian_kin_number_said_with_spoken_too_is_theirs(kin_too: str, kin_phone: str) -> None:
    # «بابامم» is «بابام هم», 'my dad's ... too': the number after it is the father's, and the
    # customer's own number answered before stays theirs.
    facts = facts_of(("assistant", "شماره تماستون؟"), ("user", "۰۹۱۳۳۹۱۴۶۰۲"), ("user", kin_too))
    assert facts["customer_phone"] == "۰۹۱۳۳۹۱۴۶۰۲"
    assert facts["recipient_phone"] == kin_phone


def test_a_persian_own_number_said_with_spoken_too_is_still_the_customers() -> None:
    # «شمارمم عوض شده» ('my number has changed too') names no one else: the new number is theirs.
    facts = facts_of(
        ("assistant", "شماره تماستون؟"),
        ("user", "۰۹۱۲۴۴۵۱۲۳۰"),
        ("user", "شمارمم عوض شده، ۰۹۱۲۷۷۸۹۰۴۵"),
    )
    assert facts["customer_phone"] == "۰۹۱۲۷۷۸۹۰۴۵"
    assert "recipient_phone" not in facts
