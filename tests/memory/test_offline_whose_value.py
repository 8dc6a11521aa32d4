"""A value said for another person, another place role or another leg of a move gets a key
of its own and replaces nothing of the customer's, in English, Persian and Thai (issue 18,
false replacements in fact histories):

- a number asked for someone else ("a number for her?", "What's Kieran's number?", the
  site contact's, «شماره رابط محل») is that person's, not the customer's phone; when the
  customer has just put that person in the held contact's place ("put Kieran instead",
  «به جاش همسرم رو بذارید», «ใส่ชื่อสามีแทน»), it replaces the held contact's number;
- the accounts email invoices go to («ایمیل حسابداری», «อีเมลฝ่ายบัญชี») is
  ``billing_email``, not the customer's email;
- the address invoices go to is the billing address, not the delivery address;
- a move's origin («مبدأ», «ต้นทาง») is the pickup address and its destination («مقصد»,
  «ปลายทาง») the delivery address: one never replaces the other;
- a home visit's fee («ویزیت منزل», «ตรวจที่บ้าน») is an option's of its own, not the
  visit fee (its day is still the appointment's).
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("question", "answer", "phone"),
    [
        (
            "Great, I'll put Marta down as the site contact. What's her surname, and a number "
            "for her?",
            "Marta Kowalczyk, 07700 900236",
            "07700 900236",
        ),
        ("Sad to lose her! What's Kieran's number?", "07700 900752", "07700 900752"),
        ("And the on-site contact's mobile?", "07700 900311", "07700 900311"),
        ("شماره‌ی رابط محل رو هم بفرمایید", "۰۹۱۲۴۴۴۵۵۶۶", "۰۹۱۲۴۴۴۵۵۶۶"),
        ("ขอเบอร์คนติดต่อหน้างานด้วยค่ะ", "089-555-6666 ค่ะ", "089-555-6666"),
        ("شماره سارا خانم رو بدید که روز تحویل هماهنگ کنیم", "۰۹۱۸۷۷۰۳۴۵۶", "۰۹۱۸۷۷۰۳۴۵۶"),
        ("ได้ครับ ขอชื่อกับเบอร์คุณผู้หญิงด้วยครับ", "086-294-7713", "086-294-7713"),
    ],
    ids=[
        "en-number-for-her",
        "en-named-persons",
        "en-on-site",
        "fa-site",
        "th-on-site-guard",
        "fa-name-and-title",
        "th-the-lady",
    ],
)
def test_a_number_asked_for_someone_else_is_not_the_customers(
    question: str, answer: str, phone: str
) -> None:
    facts = facts_of(
        ("assistant", question),
        ("user", answer),
        known=[("customer_phone", "07700 900481"), ("customer_name", "Dan Whitlock")],
    )
    assert facts.get("second_contact_phone") == phone
    assert "customer_phone" not in facts


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What's Mr Patel's number, for the record?", "07700 900752"),
        ("What's Mr. Patel's number?", "07700 900752"),
        ("What's Mrs. Patel's number?", "07700 900752"),
        ("Could I take Dr. Patel's mobile?", "07700 900752"),
        ("What's your best number?", "07700 900752"),
        ("What's the number to reach you on?", "07700 900752"),
    ],
    ids=[
        "en-title",
        "en-title-stop",
        "en-mrs-stop",
        "en-dr-stop",
        "en-your",
        "en-reach-you",
    ],
)
def test_the_customers_own_number_asked_stays_theirs(question: str, answer: str) -> None:
    facts = facts_of(
        ("assistant", question), ("user", answer), known=[("customer_phone", "07700 900481")]
    )
    assert facts == {"customer_phone": "07700 900752"}


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("شماره تماستون خانم رضایی؟", "customer_phone"),
        ("شماره موبایلتون خانم رضایی؟", "customer_phone"),
        ("شماره سارا خانم رو بدید که روز تحویل هماهنگ کنیم", "second_contact_phone"),
    ],
    ids=["fa-your-contact-number-mrs", "fa-your-mobile-mrs", "fa-another-name-and-title"],
)
def test_a_number_word_with_your_ending_before_a_title_is_the_addressees(
    question: str, key: str
) -> None:
    # the customer is often addressed by name and title; «تماس‌تون» says the number is theirs
    facts = facts_of(
        ("assistant", question),
        ("user", "۰۹۱۲۳۴۵۶۷۸۹"),
        known=[("customer_phone", "۰۹۱۲۰۰۰۰۰۰۰"), ("customer_name", "مریم رضایی")],
    )
    assert facts == {key: "۰۹۱۲۳۴۵۶۷۸۹"}


@pytest.mark.parametrize(
    "question",
    [
        "Is Dan's number still the best one to reach you on?",
        "What's Dan Whitlock's number now?",
    ],
    ids=["en-first-name", "en-full-name"],
)
def test_a_number_asked_by_the_customers_own_name_is_theirs(question: str) -> None:
    facts = facts_of(
        ("assistant", question),
        ("user", "07700 900752"),
        known=[("customer_phone", "07700 900481"), ("customer_name", "Dan Whitlock")],
    )
    assert facts == {"customer_phone": "07700 900752"}


@pytest.mark.parametrize(
    ("question", "known"),
    [
        ("What's Kieran's number?", [("customer_name", "Dan Whitlock")]),
        ("What's Whitlock's number?", [("customer_name", "Dan Whitlock")]),
        ("Is Dan's number still the best one to reach him on?", []),
    ],
    ids=["en-another-name", "en-surname-alone", "en-no-name-held"],
)
def test_a_number_asked_by_another_name_stays_someone_elses(
    question: str, known: list[tuple[str, str]]
) -> None:
    facts = facts_of(
        ("assistant", question),
        ("user", "07700 900752"),
        known=[("customer_phone", "07700 900481"), *known],
    )
    assert facts.get("second_contact_phone") == "07700 900752"
    assert "customer_phone" not in facts


@pytest.mark.parametrize(
    ("put_instead", "question", "answer", "phone"),
    [
        (
            "put Kieran instead, head chef. Kieran Doyle",
            "Sad to lose her! What's Kieran's number?",
            "07700 900752",
            "07700 900752",
        ),
        ("به جاش همسرم رو بذارید", "شماره‌شون رو بفرمایید؟", "۰۹۳۵۱۱۱۲۲۳۳", "۰۹۳۵۱۱۱۲۲۳۳"),
        ("ใส่ชื่อสามีแทนค่ะ", "ขอเบอร์ของเขาด้วยค่ะ", "089-555-6666 ค่ะ", "089-555-6666"),
    ],
    ids=["en", "fa", "th"],
)
def test_a_contact_put_in_the_held_ones_place_replaces_their_number(
    put_instead: str, question: str, answer: str, phone: str
) -> None:
    facts = facts_of(
        ("user", put_instead),
        ("assistant", question),
        ("user", answer),
        known=[("second_contact_phone", "07700 900236")],
    )
    assert facts.get("second_contact_phone") == phone
    assert "second_contact_phone_2" not in facts


@pytest.mark.parametrize(
    ("question", "answer", "email"),
    [
        (
            "Is there an accounts email we should send them to, rather than to you?",
            "yes please god. accounts@flinthospitality.co.uk",
            "accounts@flinthospitality.co.uk",
        ),
        ("ایمیل واحد مالی رو هم بفرمایید", "acc@pars.ir", "acc@pars.ir"),
        ("ขออีเมลฝ่ายบัญชีสำหรับส่งใบกำกับภาษีด้วยค่ะ", "acc@siam.co.th ค่ะ", "acc@siam.co.th"),
    ],
    ids=["en", "fa", "th"],
)
def test_the_accounts_email_is_not_the_customers(question: str, answer: str, email: str) -> None:
    facts = facts_of(
        ("assistant", question), ("user", answer), known=[("customer_email", "dan@marrow.co.uk")]
    )
    assert facts == {"billing_email": email}


def test_the_customers_new_email_still_replaces_theirs() -> None:
    facts = facts_of(
        ("assistant", "Is your email still dan@marrow.co.uk?"),
        ("user", "no, it's dan.w@marrow.co.uk now"),
        known=[("customer_email", "dan@marrow.co.uk")],
    )
    assert facts == {"customer_email": "dan.w@marrow.co.uk"}


@pytest.mark.parametrize(
    ("known", "message", "address"),
    [
        (
            "212 Gloucester Road, Bishopston",
            "oh also, invoices need to go to our new office, we moved in january. 3rd Floor, "
            "18 Queen Square, BS1 4NT. paintworks is gone",
            "3rd Floor, 18 Queen Square, BS1 4NT",
        ),
        (
            "خیابان آزادی، پلاک ۱۲",
            "فاکتورها رو بفرستید دفتر مرکزی: خیابان ولیعصر، پلاک ۴۵",
            "خیابان ولیعصر، پلاک ۴۵",
        ),
        (
            "55 ถนนสุขุมวิท",
            "ใบกำกับภาษีส่งไปที่ออฟฟิศนะคะ 88/12 ถนนสีลม แขวงสีลม เขตบางรัก",
            "88/12 ถนนสีลม แขวงสีลม เขตบางรัก",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_where_invoices_go_is_the_billing_address(
    known: str, message: str, address: str | None
) -> None:
    facts = facts_of(("user", message), known=[("delivery_address", known)])
    assert "delivery_address" not in facts
    assert "billing_address" in facts
    if address is not None:
        assert facts["billing_address"] == address


@pytest.mark.parametrize(
    ("message", "address"),
    [
        (
            "please deliver to our new office instead, 3rd Floor, 18 Queen Square, BS1 4NT",
            "3rd Floor, 18 Queen Square, BS1 4NT",  # read whole from its floor on
        ),
        (
            "send invoices to the office please. Deliver the unit to 18 Queen Square, BS1 4NT.",
            "18 Queen Square, BS1 4NT",
        ),
    ],
)
def test_where_the_order_goes_is_still_the_delivery_address(message: str, address: str) -> None:
    facts = facts_of(("user", message), known=[("delivery_address", "212 Gloucester Road")])
    assert facts.get("delivery_address") == address


@pytest.mark.parametrize(
    ("origin_question", "origin", "destination_question", "destination"),
    [
        (
            "What's the origin address?",
            "14 Elm Street, Leeds LS6 2QT",
            "And the destination?",
            "22 Oak Road, York YO1 7HH",
        ),
        (
            "بسیار خب. آدرس دقیق مبدأ رو بفرمایید لطفاً.",
            "پونک، بلوار عدل، خیابان مخبری، پلاک 23، طبقه ۴",
            "متوجه شدم، پس وسایل بزرگ از پله پایین میاد. مقصد کجاست؟",
            "کرج، گوهردشت، خیابان ۱۲ غربی، مجتمع یاس، واحد ۶",
        ),
        (
            "ขอที่อยู่ต้นทางด้วยค่ะ",
            "99/1 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท",
            "ปลายทางที่ไหนคะ",
            "12 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_moves_origin_and_destination_are_two_addresses(
    origin_question: str, origin: str, destination_question: str, destination: str
) -> None:
    facts = facts_of(
        ("assistant", origin_question),
        ("user", origin),
        ("assistant", destination_question),
        ("user", destination),
    )
    assert facts == {"pickup_address": origin, "delivery_address": destination}


@pytest.mark.parametrize(
    ("known", "message", "fee"),
    [
        ("£60", "A home visit is £95 within the ring road.", "£95"),
        (
            "۳۵۰ هزار تومن",
            "ویزیت منزل تو محدوده شمال تهران ۵۵۰ هزار تومنه با ایاب ذهاب.",
            "۵۵۰ هزار تومن",
        ),
        ("500 บาท", "ถ้าตรวจที่บ้าน 1,200 บาทค่ะ", "1,200 บาท"),
        ("500 บาท", "ถ้าหมอตรวจบ้าน 1,500 บาทค่ะ", "1,500 บาท"),
    ],
    ids=["en", "fa", "th", "th-doctor"],
)
def test_a_home_visits_fee_is_not_the_visit_fee(known: str, message: str, fee: str) -> None:
    facts = facts_of(("assistant", message), known=[("visit_fee", known)])
    assert facts == {"home_visit_fee": fee}


def test_a_home_inspections_fee_is_no_home_visits() -> None:
    """«ตรวจบ้าน» alone is also a home inspection (before the transfer of a house bought)."""
    facts = facts_of(("assistant", "ค่าบริการตรวจบ้านก่อนโอน 4,500 บาทค่ะ"))
    assert "home_visit_fee" not in facts


@pytest.mark.parametrize(
    ("known", "message", "date"),
    [
        ("Monday 3 May", "The home visit is booked for Friday 7 May.", "Friday 7 May"),
        ("شنبه ۱۲ آبان", "ویزیت منزل رو گذاشتم برای دوشنبه ۱۴ آبان", "دوشنبه ۱۴ آبان"),
    ],
    ids=["en-guard", "fa-guard"],
)
def test_a_home_visits_day_is_still_the_appointments(known: str, message: str, date: str) -> None:
    facts = facts_of(("assistant", message), known=[("appointment_date", known)])
    assert facts.get("appointment_date") == date


@pytest.mark.parametrize(
    ("message", "phone"),
    [
        ("ส่งที่ห้องพละ ให้ครูสมศักดิ์รับแทนได้ค่ะ เบอร์ 0815996203", "0815996203"),
        ("ถ้าไม่อยู่ให้ป้ายามรับแทนนะคะ 081-599-6203", "081-599-6203"),
    ],
    ids=["th-teacher-receives", "th-guard-receives"],
)
def test_a_number_of_whoever_receives_in_the_customers_place_is_theirs(
    message: str, phone: str
) -> None:
    facts = facts_of(("user", message), known=[("customer_phone", "089-734-2651")])
    assert facts.get("recipient_phone") == phone
    assert "customer_phone" not in facts


def test_a_number_given_while_receiving_oneself_stays_the_customers() -> None:
    facts = facts_of(
        ("user", "เดี๋ยวรับเองค่ะ เบอร์ 0815996203"), known=[("customer_phone", "089-734-2651")]
    )
    assert facts.get("customer_phone") == "0815996203"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("شماره تماس خانم رضایی رو بدید", "۰۹۱۸۷۷۰۳۴۵۶"),
        ("شماره همراه‌تون رو بفرمایید خانم", "۰۹۱۸۷۷۰۳۴۵۶"),
        ("ขอเบอร์คุณด้วยครับ", "086-294-7713"),
    ],
    ids=["fa-contact-number-of-the-lady", "fa-yours-madam", "th-yours"],
)
def test_a_number_asked_of_the_customer_in_persian_or_thai_stays_theirs(
    question: str, answer: str
) -> None:
    facts = facts_of(
        ("assistant", question), ("user", answer), known=[("customer_phone", "0899999999")]
    )
    assert facts == {"customer_phone": answer}


def test_a_persian_id_of_someone_named_is_no_phone_of_theirs() -> None:
    # «شماره ملی خانم رضایی»: her national id asked, not a number to reach her on
    facts = facts_of(
        ("assistant", "شماره ملی خانم رضایی رو هم بفرمایید"),
        ("user", "۰۹۱۸۷۷۰۳۴۵۶"),
        known=[("customer_phone", "09120000000")],
    )
    assert "second_contact_phone" not in facts
