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
    ],
    ids=["en-number-for-her", "en-named-persons", "en-on-site", "fa-site", "th-on-site-guard"],
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
    ids=["en-title", "en-title-stop", "en-mrs-stop", "en-dr-stop", "en-your", "en-reach-you"],
)
def test_the_customers_own_number_asked_stays_theirs(question: str, answer: str) -> None:
    facts = facts_of(
        ("assistant", question), ("user", answer), known=[("customer_phone", "07700 900481")]
    )
    assert facts == {"customer_phone": "07700 900752"}


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
    ("question", "answer", "phone"),
    [
        (
            "مشکلی نیست. شماره سارا خانم رو بدید که روز تحویل باهاشون هماهنگ کنیم.",
            "۰۹۱۸۷۷۰۳۴۵۶",
            "۰۹۱۸۷۷۰۳۴۵۶",
        ),
        ("شماره‌ی علی آقا رو هم بفرمایید", "۰۹۱۲۳۳۳۴۴۵۵", "۰۹۱۲۳۳۳۴۴۵۵"),
        ("شماره مریم خانم رو هم بفرمایید", "۰۹۱۸۷۷۰۳۴۵۶", "۰۹۱۸۷۷۰۳۴۵۶"),
        ("ได้ครับ ขอชื่อกับเบอร์คุณผู้หญิงด้วยครับ", "086-294-7713", "086-294-7713"),
        ("ขอเบอร์ของคุณนูรีซ่าด้วยค่ะ", "086-294-7713 ค่ะ", "086-294-7713"),
    ],
    ids=[
        "fa-given-name-khanom",
        "fa-given-name-agha",
        "fa-name-ending-in-m",
        "th-the-lady",
        "th-named",
    ],
)
def test_a_number_asked_by_a_third_persons_name_is_not_the_customers(
    question: str, answer: str, phone: str
) -> None:
    facts = facts_of(
        ("assistant", question),
        ("user", answer),
        known=[("customer_phone", "09183452217"), ("customer_name", "آرش کیانی")],
    )
    assert facts.get("second_contact_phone") == phone
    assert "customer_phone" not in facts


@pytest.mark.parametrize(
    ("question", "answer", "name"),
    [
        ("شماره آرش جان رو بفرمایید", "۰۹۱۸۳۴۵۲۲۱۷", "آرش کیانی"),
        ("شماره تماس خانم رو بفرمایید", "۰۹۱۸۳۴۵۲۲۱۷", "آرش کیانی"),
        ("ขอเบอร์คุณฟาริดด้วยครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("ขอเบอร์คุณด้วยครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("ขอเบอร์คุณนุชด้วยค่ะ", "089-738-1625", "นุชจรี ใจดี"),
        ("เบอร์คุณนุชค่ะ", "089-738-1625", "นุชจรี ใจดี"),
        ("ขอเบอร์คุณอีกครั้งครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("เบอร์คุณยังเป็นเบอร์เดิมไหมครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("เบอร์คุณเปลี่ยนหรือยังครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("ขอเบอร์คุณใหม่ด้วยครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("เบอร์คุณตอนนี้คือเบอร์อะไรครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("เบอร์คุณล่าสุดคืออะไรครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("รบกวนขอเบอร์คุณอีกทีค่ะ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
        ("เบอร์คุณช่วยพิมพ์มาอีกครั้งได้ไหมครับ", "089-738-1625", "ฟาริด เจ๊ะหลง"),
    ],
    ids=[
        "fa-customers-own-name",
        "fa-phone-word",
        "th-customers-own-name",
        "th-khun-you",
        "th-nickname",
        "th-nickname-particle",
        "th-khun-again",
        "th-khun-still",
        "th-khun-changed",
        "th-khun-new",
        "th-khun-now",
        "th-khun-latest",
        "th-khun-once-more",
        "th-khun-please-type",
    ],
)
def test_a_number_asked_by_the_customers_name_or_as_yours_stays_theirs(
    question: str, answer: str, name: str
) -> None:
    facts = facts_of(
        ("assistant", question),
        ("user", answer),
        known=[("customer_phone", "0800000000"), ("customer_name", name)],
    )
    assert facts.get("customer_phone") == answer
    assert "second_contact_phone" not in facts


def test_the_number_of_who_takes_the_goods_in_the_customers_place_is_theirs() -> None:
    facts = facts_of(
        ("user", "ส่งที่ห้องพละ ให้ครูสมศักดิ์รับแทนได้ค่ะ เบอร์ 0815996203"),
        known=[("customer_phone", "0897342651")],
    )
    assert facts.get("recipient_phone") == "0815996203"
    assert "customer_phone" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "ส่วนเบอร์โรงเรียน 074-291338 ไม่ค่อยมีคนรับนะคะ โทรมือถือดีกว่า",
        "تلفن مدرسه ۰۴۱۳۳۳۴۴۵۵۶ هست ولی کسی جواب نمیده",
        "The school's number is 01632 960123 but nobody picks up",
    ],
    ids=["th", "fa", "en"],
)
def test_the_schools_own_number_is_not_the_customers(text: str) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0897342615")])
    assert set(facts) == {"school_phone"}


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("เบอร์ครูนุช 0897342651 ค่ะ ส่งที่โรงเรียนได้เลย", "0897342651"),
        ("my number is 07700 900481, I teach at the school", "07700 900481"),
    ],
    ids=["th", "en"],
)
def test_a_school_named_beside_the_customers_number_leaves_it_theirs(text: str, phone: str) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0800000000")])
    assert facts.get("customer_phone") == phone
    assert "school_phone" not in facts


@pytest.mark.parametrize(
    "question",
    [
        "شماره‌تون آقا؟",
        "شماره همراهتون آقا؟",
        "شماره موبایلتون خانم؟",
        "شماره شما آقا؟",
        "شماره جدید آقا؟",
        "شماره کیانی آقا؟",
    ],
    ids=["suffix-zwnj", "hamrah-tun", "mobile-tun", "shoma", "jadid", "held-surname"],
)
def test_sir_or_madam_after_the_customers_own_number_names_no_one_else(question: str) -> None:
    facts = facts_of(
        ("assistant", question),
        ("user", "۰۹۱۸۷۷۰۳۴۵۶"),
        known=[("customer_phone", "09183452217"), ("customer_name", "آرش کیانی")],
    )
    assert facts.get("customer_phone") == "۰۹۱۸۷۷۰۳۴۵۶"
    assert "second_contact_phone" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "ส่งที่ห้องพละ ให้ครูสมศักดิ์รับแทนได้ค่ะ เบอร์ของดิฉัน 0815996203",
        "ถ้าไม่อยู่ฝากแม่รับไว้ได้เลย เบอร์ผม 0815996203 ครับ",
        "اگه نبودم بدید به همسایه، شماره خودم ۰۹۱۲۳۴۵۶۷۸۹",
        "تحویل‌گیرنده خواهرمه، شماره من ۰۹۱۲۳۴۵۶۷۸۹",
        "If I'm out, leave it with my neighbour, my mobile is 07700 900481",
        "My wife will take it in, my number is 07700 900481",
    ],
    ids=["th-of-mine", "th-mine", "fa-my-own", "fa-mine", "en-my-mobile", "en-my-number"],
)
def test_the_customers_own_number_cue_wins_over_another_person_named_before_it(
    text: str,
) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0800000000")])
    assert {key for key in facts if key.endswith("phone")} == {"customer_phone"}
    assert facts["customer_phone"] != "0800000000"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my wife's number is 07700 900111", "recipient_phone"),
        ("شماره مادر من ۰۹۱۲۱۱۱۲۲۳۳", "recipient_phone"),
        ("เบอร์แม่ผม 0891112222 ครับ", "recipient_phone"),
        ("เบอร์ผมไม่ค่อยมีสัญญาณ ให้แม่รับแทน เบอร์แม่ 0891112222", "recipient_phone"),
        ("My number is 07700 900481, my wife's is 07700 900111", "recipient_phone"),
    ],
    ids=["en-wifes", "fa-my-mothers", "th-my-mothers", "th-mine-then-mothers", "en-mine-then-hers"],
)
def test_another_persons_number_named_by_the_customer_stays_theirs(text: str, key: str) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0800000000")])
    assert key in facts


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("The school's number never gets answered, mobile 07700 900481", "07700 900481"),
        ("شماره مدرسه رو ندارم، موبایل ۰۹۱۲۳۴۵۶۷۸۹", "۰۹۱۲۳۴۵۶۷۸۹"),
        ("เบอร์โรงเรียนไม่สะดวกค่ะ ติดต่อที่มือถือ 0891234567", "0891234567"),
    ],
    ids=["en", "fa", "th"],
)
def test_a_mobile_said_a_clause_after_the_school_is_named_is_the_customers(
    text: str, phone: str
) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0800000000")])
    assert facts.get("customer_phone") == phone
    assert "school_phone" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "รับแทนได้ไหมคะ เบอร์ 0815996203",
        "ถ้าไม่อยู่ใครรับแทนก็ได้ค่ะ เบอร์ 0815996203",
        "ถ้าไม่อยู่ ให้ใครรับแทนก็ได้ค่ะ โทร 0815996203",
        "เบอร์โรงเรียนไม่มีคนรับค่ะ โทรมือถือ 0815996203",
        "ส่วนเบอร์โรงเรียน 074-291338 ไม่ค่อยมีคนรับนะคะ โทรมือถือดีกว่า 0815996203",
    ],
    ids=["no-one-named", "anyone", "let-anyone", "nobody-picks-up", "rarely-picks-up"],
)
def test_taking_in_place_or_picking_up_with_no_one_named_leaves_the_number_the_customers(
    text: str,
) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0800000000")])
    assert facts.get("customer_phone") == "0815996203"
    assert "recipient_phone" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "ฝากป้าข้างบ้านรับแทนนะคะ เบอร์ 0815996203",
        "ถ้าไม่อยู่ พี่ยามรับแทนได้ค่ะ เบอร์ 0815996203",
        "มีคนรับของค่ะ เบอร์ 0815996203",
        "เบอร์คนรับ 0815996203 ค่ะ",
    ],
    ids=["asked-to", "titled", "someone-takes-goods", "receivers"],
)
def test_who_takes_the_goods_named_before_a_number_owns_it(text: str) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0800000000")])
    assert facts.get("recipient_phone") == "0815996203"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What's the best number to reach you?", "Please call me, not my husband: 07700 900481"),
        ("What's the best number to reach you?", "Ring me rather than my wife, 07700 900481"),
        ("What's the best number?", "Don't call my wife, she's away. 07700 900481"),
        ("شماره تماستون رو بفرمایید", "لطفا با خودم هماهنگ کنید نه با همسرم، ۰۹۱۲۳۴۵۶۷۸۹"),
        ("شماره تماستون رو بفرمایید", "به جای شماره همسرم این رو ثبت کنید: ۰۹۱۲۳۴۵۶۷۸۹"),
        ("ขอเบอร์ติดต่อด้วยค่ะ", "ไม่ต้องโทรหาสามีนะคะ 0891234567"),
        ("ขอเบอร์ติดต่อด้วยค่ะ", "ใช้เบอร์นี้แทนเบอร์แฟนนะคะ 0891234567"),
    ],
    ids=[
        "en-not",
        "en-rather-than",
        "en-dont-call",
        "fa-not-with",
        "fa-instead",
        "th-no-need",
        "th-instead",
    ],
)
def test_a_person_named_as_whose_the_number_is_not_leaves_it_the_customers(
    question: str, answer: str
) -> None:
    facts = facts_of(
        ("assistant", question), ("user", answer), known=[("customer_phone", "0800000000")]
    )
    assert facts.get("customer_phone") not in (None, "0800000000")
    assert "recipient_phone" not in facts


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What's the school's number?", "07700 900481 is mine, the school doesn't have one"),
        ("تلفن مدرسه رو بفرمایید", "۰۹۱۲۳۴۵۶۷۸۹ شماره خودمه"),
        ("ขอเบอร์โรงเรียนด้วยค่ะ", "0891234567 ค่ะ เบอร์ดิฉันเอง"),
    ],
    ids=["en", "fa", "th"],
)
def test_a_number_the_customer_calls_theirs_right_after_it_is_theirs(
    question: str, answer: str
) -> None:
    facts = facts_of(
        ("assistant", question), ("user", answer), known=[("customer_phone", "0800000000")]
    )
    assert facts.get("customer_phone") not in (None, "0800000000")
    assert "school_phone" not in facts


@pytest.mark.parametrize(
    ("question", "answer", "key"),
    [
        ("شماره تماستون رو بفرمایید", "نه با شوهرم تماس بگیرید ۰۹۱۲۳۴۵۶۷۸۹", "recipient_phone"),
        ("", "07700 900111 is my wife's, not mine", "recipient_phone"),
        ("", "My wife's number is 07700 900111, mine 07700 900481", "recipient_phone"),
        ("", "เบอร์แฟน 0891112222 ผมรอสายอยู่นะครับ", "recipient_phone"),
        ("", "شماره خانمم ۰۹۱۲۱۱۱۲۲۳۳، خودم ۰۹۱۲۳۴۵۶۷۸۹", "recipient_phone"),
    ],
    ids=["fa-opening-no", "en-not-mine", "en-mine-leads-next", "th-bare-i", "fa-mine-leads-next"],
)
def test_another_persons_number_beside_a_negation_or_a_mine_stays_theirs(
    question: str, answer: str, key: str
) -> None:
    pairs = ([("assistant", question)] if question else []) + [("user", answer)]
    facts = facts_of(*pairs, known=[("customer_phone", "0800000000")])
    assert key in facts


@pytest.mark.parametrize(
    ("text", "theirs", "mine"),
    [
        ("My wife's number is 07700 900111, mine 07700 900481", "07700 900111", "07700 900481"),
        ("Her number is 07700 900111, mine is 07700 900481", "07700 900111", "07700 900481"),
        ("شماره خانمم ۰۹۱۲۱۱۱۲۲۳۳، خودم ۰۹۱۲۳۴۵۶۷۸۹", "۰۹۱۲۱۱۱۲۲۳۳", "۰۹۱۲۳۴۵۶۷۸۹"),
        ("شمارش ۰۹۱۲۱۱۱۲۲۳۳ هست، مال من ۰۹۱۲۳۴۵۶۷۸۹", "۰۹۱۲۱۱۱۲۲۳۳", "۰۹۱۲۳۴۵۶۷۸۹"),
        ("เบอร์แฟน 0891112222 ส่วนเบอร์ผม 0891234567", "0891112222", "0891234567"),
    ],
    ids=["en-mine", "en-mine-is", "fa-myself", "fa-mine", "th-mine"],
)
def test_both_numbers_in_one_message_keep_their_owners(text: str, theirs: str, mine: str) -> None:
    facts = facts_of(("user", text), known=[("customer_phone", "0800000000")])
    assert facts.get("customer_phone") == mine
    assert theirs in {value for key, value in facts.items() if key != "customer_phone"}


@pytest.mark.parametrize(
    ("question", "answer", "phone"),
    [
        ("What's your husband's number?", "Just use mine, 07700 900481", "07700 900481"),
        ("شماره همسرتون رو بفرمایید", "شماره خودم رو بذارید ۰۹۱۲۳۴۵۶۷۸۹", "۰۹۱۲۳۴۵۶۷۸۹"),
        ("ขอเบอร์คุณแม่ด้วยค่ะ", "ใช้เบอร์ดิฉันแทนได้ไหมคะ 0891234567", "0891234567"),
    ],
    ids=["en", "fa", "th"],
)
def test_the_customers_own_number_given_when_anothers_is_asked_is_theirs(
    question: str, answer: str, phone: str
) -> None:
    facts = facts_of(
        ("assistant", question), ("user", answer), known=[("customer_phone", "0800000000")]
    )
    assert facts.get("customer_phone") == phone
    assert "recipient_phone" not in facts


def test_a_mobile_named_by_another_persons_name_is_theirs() -> None:
    facts = facts_of(
        (
            "user",
            "เบอร์สำนักงานนิติที่ให้ไปไม่ค่อยมีคนรับนะคะ ให้ทีมขนส่งโทรมือถือคุณวรรณาเลยดีกว่าค่ะ 089-245-1173",
        ),
        known=[("customer_phone", "081-734-5529"), ("customer_name", "พิมพ์ชนก ศรีสุข")],
    )
    assert facts.get("second_contact_phone") == "089-245-1173"
    assert "customer_phone" not in facts


@pytest.mark.parametrize("question", ["ขอเบอร์มือถือคุณหน่อยครับ", "ขอเบอร์มือถือคุณพิมพ์ชนกด้วยครับ"])
def test_the_customers_own_mobile_asked_by_you_or_their_name_stays_theirs(question: str) -> None:
    facts = facts_of(
        ("assistant", question),
        ("user", "089-245-1173 ค่ะ"),
        known=[("customer_phone", "081-734-5529"), ("customer_name", "พิมพ์ชนก ศรีสุข")],
    )
    assert facts.get("customer_phone") == "089-245-1173"
