"""The rule-based fact extractor, value by value, in English, Persian and Thai."""

import pytest

from memq.memory.engine import ExtractedFact, TranscriptLine
from memq.memory.offline.facts import extract_facts


def transcript(*pairs: tuple[str, str]) -> list[TranscriptLine]:
    return [
        TranscriptLine(position, f"m{position}", role, content)
        for position, (role, content) in enumerate(pairs, start=1)
    ]


def facts_of(*pairs: tuple[str, str], known: list[tuple[str, str]] | None = None) -> dict[str, str]:
    facts = extract_facts(transcript(*pairs), known or [])
    keys = [fact.key for fact in facts]
    assert len(keys) == len(set(keys)), "at most one fact per key"
    return {fact.key: fact.value for fact in facts}


def fact_of(role: str, text: str) -> dict[str, str]:
    return facts_of((role, text))


# -- whole conversations ----------------------------------------------------------------------


def test_english_conversation() -> None:
    facts = extract_facts(
        transcript(
            ("user", "Hi, my name is Sara and I live in Tehran. I'm interested in the Nanopresso."),
            ("assistant", "The Nanopresso costs 8,249,000 Toman and comes with a 2-year warranty."),
            ("user", "My order #A-12345 hasn't arrived. Email: sara.k@example.com"),
            ("user", "You can call me on +98 912 345 6789."),
            ("assistant", "I've opened ticket 98765. It should arrive by March 3, 2026."),
            ("user", "I also need 5 kg of beans."),
            ("assistant", "Good news: the price is now $49.99."),
        ),
        [],
    )
    assert facts == [
        ExtractedFact("name", "Sara", "m1"),
        ExtractedFact("location", "Tehran", "m1"),
        ExtractedFact("product", "Nanopresso", "m1"),
        ExtractedFact("warranty", "2-year", "m2"),
        ExtractedFact("order_id", "A-12345", "m3"),
        ExtractedFact("email", "sara.k@example.com", "m3"),
        ExtractedFact("phone", "+98 912 345 6789", "m4"),
        ExtractedFact("ticket_id", "98765", "m5"),
        ExtractedFact("date", "March 3, 2026", "m5"),
        ExtractedFact("quantity", "5 kg", "m6"),
        ExtractedFact("price", "$49.99", "m7"),
    ]


def test_persian_conversation_keeps_persian_digits() -> None:
    facts = facts_of(
        ("user", "سلام، اسم من سارا است. من در تهران زندگی می‌کنم."),
        ("assistant", "قیمت نانوپرسو ۸٬۲۴۹٬۰۰۰ تومان است و ۲ سال گارانتی دارد."),
        ("user", "سفارش شماره ۱۲۳۴۵ را ثبت کردم. شماره موبایلم ۰۹۱۲۳۴۵۶۷۸۹ است."),
        ("assistant", "تاریخ تحویل ۱۴۰۳/۰۵/۱۲ است و ارسال ۳ تا ۵ روز کاری طول می‌کشد."),
        ("user", "میخوام نانوپرسو رو بخرم. ۳ کیلو قهوه هم میخوام."),
    )
    assert facts == {
        "name": "سارا",
        "location": "تهران",
        "price": "۸٬۲۴۹٬۰۰۰ تومان",
        "warranty": "۲ سال",
        "order_id": "۱۲۳۴۵",
        "phone": "۰۹۱۲۳۴۵۶۷۸۹",
        "date": "۱۴۰۳/۰۵/۱۲",
        "duration": "۳ تا ۵ روز کاری",
        "product": "نانوپرسو",
        "quantity": "۳ کیلو",
    }


def test_thai_conversation() -> None:
    facts = facts_of(
        ("user", "สวัสดีครับ ผมชื่อสมชายครับ ผมอยู่ที่เชียงใหม่"),
        ("assistant", "ราคา 1,500 บาท รับประกัน 2 ปี ค่ะ"),
        ("user", "หมายเลขคำสั่งซื้อ 12345 ครับ เบอร์ 081-234-5678"),
        ("user", "อยากซื้อเครื่องชงกาแฟครับ ส่งวันที่ 3 มีนาคม 2569 ได้ไหม 2 เครื่อง"),
    )
    assert facts == {
        "name": "สมชาย",
        "location": "เชียงใหม่",
        "price": "1,500 บาท",
        "warranty": "2 ปี",
        "order_id": "12345",
        "phone": "081-234-5678",
        "product": "เครื่องชงกาแฟ",
        "date": "3 มีนาคม 2569",
        "quantity": "2 เครื่อง",
    }


def test_a_changed_price_yields_the_latest_value_from_its_message() -> None:
    facts = extract_facts(
        transcript(
            ("assistant", "The Nanopresso is 8,249,000 Toman."),
            ("user", "That's a lot."),
            ("assistant", "Today it's discounted: the Nanopresso is now 7,900,000 Toman."),
        ),
        [("price", "8,249,000 Toman")],
    )
    assert facts == [ExtractedFact("price", "7,900,000 Toman", "m3")]


def test_a_value_the_session_already_knows_is_not_reported_again() -> None:
    assert (
        facts_of(("assistant", "It costs 8,249,000 Toman."), known=[("price", "8,249,000 Toman")])
        == {}
    )
    assert (
        facts_of(("assistant", "It costs 8249000 toman."), known=[("price", "8,249,000 Toman")])
        == {}
    )


def test_known_keys_keep_their_spelling() -> None:
    facts = facts_of(
        ("assistant", "The price is $59 and your order number is A-777."),
        known=[("Price", "$49"), ("order number", "A-1"), ("name", "Sara")],
    )
    assert facts == {"Price": "$59", "order number": "A-777"}


# -- no false positives -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hi! How are you today?",
        "I'm good, thanks! How can I help?",
        "I'm fine. Just browsing, nice weather. Thanks a lot!",
        "I'm Happy to hear that. I'm from the office. I'm American.",
        "I live in a small town and I'm looking for a gift.",
        "I bought one 2 years ago and I'm 30 minutes away.",
        "In 2024 I paid attention to version 2.5 of the app.",
        "سلام، خوبی؟ ممنون، خوبم",
        "من خسته هستم. من دانشجو هستم.",
        "تو یه شهر کوچیک زندگی میکنم",
        "سلام، خوب هستم",
        "สวัสดีครับ ขอบคุณมากครับ สบายดีไหม",
        "ผมอยู่ที่บ้านครับ ผมสนใจครับ",
    ],
)
def test_chit_chat_states_no_facts(text: str) -> None:
    assert fact_of("user", text) == {}
    assert fact_of("assistant", text) == {}


def test_personal_facts_come_only_from_the_user() -> None:
    assert fact_of("assistant", "My name is Claude and I live in San Francisco.") == {}
    assert fact_of("assistant", "Contact support@shop.com or call +1 415 555 0100.") == {}


def test_order_ids_are_not_phones_and_prices_are_not_quantities() -> None:
    assert fact_of("user", "order number 09123456789") == {"order_id": "09123456789"}
    assert fact_of("user", "I want to order 100 pieces") == {"quantity": "100 pieces"}
    assert fact_of("user", "It was 1,500 บาท") == {"price": "1,500 บาท"}
    assert fact_of("user", "on 2026-03-04") == {"date": "2026-03-04"}


# -- single rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("It is 8,249,000 Toman", "8,249,000 Toman"),
        ("قیمتش ۸٬۲۴۹٬۰۰۰ تومان است", "۸٬۲۴۹٬۰۰۰ تومان"),
        ("Only $49.99 today", "$49.99"),
        ("ราคา 1500บาท", "1500บาท"),
        ("That's €20", "€20"),
        ("USD 10 please", "USD 10"),
        ("۴/۵ میلیون تومان", "۴/۵ میلیون تومان"),
        ("price is 1.500,00 €", "1.500,00 €"),
        ("١٢٣٤٥ ريال", "١٢٣٤٥ ريال"),
    ],
)
def test_prices_with_currencies(text: str, price: str) -> None:
    assert fact_of("assistant", text) == {"price": price}


def test_shipping_cost_is_not_the_price() -> None:
    assert fact_of("assistant", "It is $49.99 and shipping is $5.") == {
        "price": "$49.99",
        "shipping_cost": "$5",
    }


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("All products have 2 years warranty", {"warranty": "2 years"}),
        ("محصولات ما دارای ۲ سال گارانتی هستند", {"warranty": "۲ سال"}),
        ("ضمانت ۱۸ ماه", {"warranty": "۱۸ ماه"}),
        ("รับประกันสองปีค่ะ", {"warranty": "สองปี"}),
        (
            "warranty is 24 months, delivery 3-5 business days",
            {"warranty": "24 months", "duration": "3-5 business days"},
        ),
        ("The course takes 3 months", {"duration": "3 months"}),
    ],
)
def test_warranty_is_the_duration_next_to_the_word(text: str, facts: dict[str, str]) -> None:
    assert fact_of("assistant", text) == facts


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026-03-04", "2026-03-04"),
        ("on March 3, 2026", "March 3, 2026"),
        ("on 3 March 2026", "3 March 2026"),
        ("on 3/4/2026", "3/4/2026"),
        ("۱۴۰۳/۰۵/۱۲", "۱۴۰۳/۰۵/۱۲"),
        ("۱۲ مرداد ۱۴۰۳", "۱۲ مرداد ۱۴۰۳"),
    ],
)
def test_dates(text: str, date: str) -> None:
    assert fact_of("assistant", text) == {"date": date}


def test_impossible_numeric_dates_are_not_dates() -> None:
    assert "date" not in fact_of("assistant", "code 13/13/2026")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("+66 81 234 5678", "+66 81 234 5678"),
        ("Call +98-912-345-6789", "+98-912-345-6789"),
        ("0912 345 6789", "0912 345 6789"),
        ("(555) 123-4567", "(555) 123-4567"),
        ("شماره تماس من ۰۲۱۸۸۷۷۶۶۵۵", "۰۲۱۸۸۷۷۶۶۵۵"),
    ],
)
def test_phones(text: str, phone: str) -> None:
    assert fact_of("user", text) == {"phone": phone}


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("my order #A-12345 is late", {"order_id": "A-12345"}),
        ("my order number is 123", {"order_id": "123"}),
        ("order 2 more", {}),
        ("ticket 98765", {"ticket_id": "98765"}),
        ("سفارش شماره ۱۲۳۴۵", {"order_id": "۱۲۳۴۵"}),
        ("شماره سفارشم ۹۸۷۶۵ است", {"order_id": "۹۸۷۶۵"}),
        ("کد رهگیری: ۱۲۳۴۵۶۷۸۹", {"tracking_number": "۱۲۳۴۵۶۷۸۹"}),
        ("หมายเลขคำสั่งซื้อ 12345", {"order_id": "12345"}),
        ("เลขพัสดุ TH123456789", {"tracking_number": "TH123456789"}),
        ("Tracking number: XY123456789TH", {"tracking_number": "XY123456789TH"}),
    ],
)
def test_order_ticket_and_tracking_ids(text: str, facts: dict[str, str]) -> None:
    assert fact_of("user", text) == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("I'm Sara.", {"name": "Sara"}),
        ("Hi, I'm Sara Ahmadi and I need help", {"name": "Sara Ahmadi"}),
        ("My name is sara.", {"name": "sara"}),
        ("I'm Sara from Shiraz", {"name": "Sara", "location": "Shiraz"}),
        ("I live in New York City and love it", {"location": "New York City"}),
        ("I'm from Shiraz, Iran", {"location": "Shiraz"}),
        ("I'm 30 years old", {"age": "30"}),
        ("I want to buy the iPhone 15 Pro", {"product": "iPhone 15 Pro"}),
        ("I'd prefer paying by card, thanks", {"preference": "paying by card"}),
        ("اسم من ساراست", {"name": "سارا"}),
        ("نام من علی رضایی است و سوالی دارم", {"name": "علی رضایی"}),
        ("سلام، سارا هستم", {"name": "سارا"}),
        ("من در شهر تهران زندگی می کنم", {"location": "شهر تهران"}),
        ("اهل شیراز هستم", {"location": "شیراز"}),
        ("۳۰ سالمه", {"age": "۳۰"}),
        ("من پرداخت اقساطی رو ترجیح میدم", {"preference": "پرداخت اقساطی"}),
        ("ฉันชื่อสมหญิงค่ะ ฉันอยู่ที่กรุงเทพนะคะ", {"name": "สมหญิง", "location": "กรุงเทพ"}),
        ("ผมชื่อ John Smith ครับ", {"name": "John Smith"}),
        ("ผมอายุ 30 ปีครับ", {"age": "30"}),
        ("ผมสนใจ Nanopresso ครับ", {"product": "Nanopresso"}),
    ],
)
def test_first_person_statements(text: str, facts: dict[str, str]) -> None:
    assert fact_of("user", text) == facts


def test_the_latest_mention_in_a_message_wins() -> None:
    assert fact_of("assistant", "It was $59.99 but now it's $49.99.") == {"price": "$49.99"}
