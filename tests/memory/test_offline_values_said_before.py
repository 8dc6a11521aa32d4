"""A value read by what the conversation said before it: a bare number repeating a sum
is that sum, no room number nor order id; a day and an hour are no address; arriving
and receiving cost nothing; «3 อาทิตย์» counts weeks; «ไปรษณีย์» alone is the post."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("said", "again"),
    [
        (
            "Our group rate for the Classic rooms is £142 per room per night.",
            "ok. is there any wiggle room on the 142?",
        ),
        ("รวมยอดคืนทั้งหมด 140 บาทค่ะ", "เงินคืนออเดอร์นั้น 140 ยังไม่เข้าบัตรเลย"),
        ("هزینه اتاق ۲۴۰ هزار تومان هست", "برای اتاق همون ۲۴۰ رو قبول دارم"),
    ],
)
def test_a_bare_number_repeating_a_sum_is_no_id(said: str, again: str) -> None:
    facts = facts_of(("assistant", said), ("user", again))
    assert not {key for key in facts if key.startswith(("room_number", "order_id"))}


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What's the pickup address?", "Thursday 13:00-15:00"),
        ("ขอที่อยู่เข้ารับครับ", "พฤหัส 13:00-15:00 ค่ะ"),
        ("آدرس رو بفرمایید", "پنجشنبه ۱۳:۰۰ تا ۱۵:۰۰"),
    ],
)
def test_a_day_and_an_hour_are_no_address(question: str, answer: str) -> None:
    facts = facts_of(("assistant", question), ("user", answer))
    assert not {key for key in facts if key.endswith("_address")}


@pytest.mark.parametrize(
    "message",
    [
        "We can do a welcome drink on arrival for an extra £7.50 if you'd like.",
        "ได้รับแล้วค่ะ 500 บาท ขอบคุณค่ะ",
        "وقتی بسته میرسه ۵۰۰ هزار تومان بدید",
    ],
)
def test_arriving_or_receiving_costs_no_shipping(message: str) -> None:
    assert "shipping_cost" not in facts_of(("assistant", message))


def test_a_number_of_thai_weeks_is_no_sunday() -> None:
    facts = facts_of(
        ("assistant", "วันเกิดพี่ชายวันไหนครับ"),
        ("user", "วันเกิดพี่ยังอีกตั้ง 3 อาทิตย์ งั้นเอา Economy ค่ะ"),
    )
    assert "date_of_birth" not in facts


def test_the_thai_post_is_no_postcode() -> None:
    facts = facts_of(("assistant", "หมายเลขติดตามพัสดุไปรษณีย์ไทยคือ EB441028735TH ครับ"))
    assert "postcode" not in facts
    assert facts_of(("user", "รหัสไปรษณีย์ 10310 ค่ะ")) == {"postcode": "10310"}


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("Lumpini Place, Tower A, room 1208", "bring it up to room 1208 please"),
        ("ลุมพินี เพลส พระราม 9 ตึก A ห้อง 1208", "ให้ขึ้นมาส่งหน้าห้อง 1208 เลย โทรก่อนขึ้นคับ"),
        ("تهران، خیابان ولیعصر، برج آ، اتاق ۱۲۰۸", "لطفا تا اتاق ۱۲۰۸ بیارید"),
    ],
)
def test_the_flat_of_a_held_address_is_no_room_number(address: str, message: str) -> None:
    facts = facts_of(("user", message), known=[("delivery_address", address)])
    assert "room_number" not in facts


def test_a_room_the_address_does_not_hold_is_a_room_number() -> None:
    facts = facts_of(("user", "my room is 1208"), known=[("delivery_address", "5 King St")])
    assert facts["room_number"] == "1208"


@pytest.mark.parametrize(
    ("question", "address", "room", "number"),
    [
        (
            "What's your home address for the invoice?",
            "214 Elm Road, Leeds LS6 2AB",
            "Lovely. We've allocated you room 214.",
            "214",
        ),
        ("آدرس؟", "مشهد، بلوار سجاد، پلاک ۱۰۵", "شماره اتاق شما ۱۰۵ است", "۱۰۵"),
        (
            "آدرس برای فاکتور؟",
            "تهران، خیابان ولیعصر، پلاک ۲۱۰، واحد ۳",
            "اتاق ۲۱۰ هتل براتون رزرو شد",
            "۲۱۰",
        ),
    ],
)
def test_a_house_number_repeated_by_a_room_is_still_a_room_number(
    question: str, address: str, room: str, number: str
) -> None:
    """Only the address's flat («ห้อง», «واحد», "flat") is the room said again; a house
    number or a «پلاک» is not."""
    facts = facts_of(("assistant", question), ("user", address), ("assistant", room))
    assert facts.get("room_number") == number, facts


@pytest.mark.parametrize(
    ("said", "again", "key", "number"),
    [
        (
            "The deluxe double is £210 per night.",
            "Done. You're in room 210 on the second floor.",
            "room_number",
            "210",
        ),
        ("ห้องดีลักซ์ราคา 1,208 บาทต่อคืนค่ะ", "ได้ห้อง 1208 ชั้น 12 ค่ะ", "room_number", "1208"),
        (
            "اتاق دوتخته شبی ۴۰۵ هزار تومنه",
            "اتاق ۴۰۵ طبقه چهارم براتون رزرو شد",
            "room_number",
            "۴۰۵",
        ),
        ("ยอดรวม 5,120 บาทค่ะ", "เลขออเดอร์ของผมคือ 5120 ครับ", "order_id", "5120"),
    ],
)
def test_a_number_its_key_names_right_before_it_is_an_id_though_a_sum_repeats_it(
    said: str, again: str, key: str, number: str
) -> None:
    facts = facts_of(("assistant", said), ("assistant", "ok"), ("assistant", again))
    assert facts.get(key) == number, facts


def test_the_bare_reply_to_an_id_question_is_the_id_though_a_sum_repeats_it() -> None:
    facts = facts_of(
        ("assistant", "Your total comes to £350."),
        ("user", "ok"),
        ("assistant", "Could I have your order number please?"),
        ("user", "350"),
    )
    assert facts.get("order_id") == "350", facts


@pytest.mark.parametrize(
    ("question", "address"),
    [
        ("آدرس دقیق رو بفرمایید", "شیراز، فلکه ۱۵ خرداد، جنب بانک ملی"),
        ("And the address?", "1 May Gardens, Bristol BS1 4DJ"),
    ],
)
def test_a_street_named_for_a_day_and_month_is_an_address(question: str, address: str) -> None:
    facts = facts_of(("assistant", question), ("user", address))
    assert facts.get("delivery_address") == address, facts


@pytest.mark.parametrize(
    ("messages", "cost"),
    [
        (["Express will get it to you tomorrow for an extra £6.95."], "£6.95"),
        (
            ["how much extra for it to arrive by Friday?", "Next-day arrival is £8.50 on top."],
            "£8.50",
        ),
        (
            ["اگه بخوام فردا برسه چقدر میشه؟", "برای اینکه فردا برسه ۵۰ هزار تومن اضافه میشه"],
            "۵۰ هزار تومن",
        ),
        (["با پیک امروز میرسه، هزینه‌ش ۸۵ هزار تومنه"], "۸۵ هزار تومن"),
        (["ถ้าอยากได้รับพรุ่งนี้ต้องจ่ายเพิ่มไหมคะ", "ได้รับพรุ่งนี้ เพิ่ม 80 บาทค่ะ"], "80 บาท"),
    ],
)
def test_arriving_sooner_for_a_surcharge_is_a_shipping_cost(messages: list[str], cost: str) -> None:
    roles = ["user", "assistant"] if len(messages) == 2 else ["assistant"]
    facts = facts_of(*zip(roles, messages, strict=True))
    assert facts.get("shipping_cost") == cost, facts


@pytest.mark.parametrize(
    "messages",
    [
        [("assistant", "ขอที่อยู่และรหัสด้วยค่ะ"), ("user", "99 ถนนนิมมานเหมินท์ เชียงใหม่ ไปรษณีย์ 50200")],
        [("assistant", "ไปรษณีย์อะไรคะ"), ("user", "50200 ค่ะ")],
        [("user", "เลขไปรษณีย์ 50200 นะคะ")],
    ],
)
def test_the_thai_post_before_five_digits_is_a_postcode(messages: list[tuple[str, str]]) -> None:
    assert facts_of(*messages).get("postcode") == "50200"


def test_a_thai_weekday_after_an_hour_is_the_whole_day() -> None:
    facts = facts_of(("user", "ขอนัดรับของ 10.30 วันศุกร์นี้ครับ"))
    assert "วันศุกร์นี้" in facts.values(), facts
