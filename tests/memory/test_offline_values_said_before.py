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
        ("รวมยอดคืนทั้งหมด 140 บาทค่ะ", "เงินคืนออเดอร์ 140 ยังไม่เข้าบัตรเลย"),
        ("هزینه اتاق ۲۴۰ هزار تومان هست", "اتاق ۲۴۰ رو قبول دارم"),
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
