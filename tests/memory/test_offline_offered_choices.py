"""Slots the assistant offers side by side ("9am and 2pm", «ساعت ۹ صبح و ساعت ۱۴»,
«10 โมง กับ 14:00 น.») or as "A or B" are no fact until the customer takes one; the one
taken is, and an offer of one slot alone is the fact at once."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("offer", "undecided"),
    [
        ("For the appointment we have two slots: 9am and 2pm.", "let me check with my wife"),
        ("Pickup slots tomorrow are 9:00 and 14:00.", "I'll get back to you"),
        ("نوبت ساعت ۹ صبح و ساعت ۱۴ خالیه.", "باید با همسرم چک کنم"),
        ("นัดตรวจได้ 9 โมงกับ 10 โมงครึ่งค่ะ", "ขอเช็คก่อนนะคะ"),
        ("รอบรับรถว่าง 9:00 น. กับ 14:00 น. ค่ะ", "ขอเช็คก่อนนะคะ"),
    ],
)
def test_slots_offered_side_by_side_are_no_time_yet(offer: str, undecided: str) -> None:
    facts = facts_of(("assistant", offer), ("user", undecided))
    assert not {key for key in facts if key.endswith("_time")}, facts


@pytest.mark.parametrize(
    ("offer", "taken", "key", "time"),
    [
        ("For pickup we have 9am or 2pm tomorrow.", "9am works", "pickup_time", "9am"),
        (
            "For the appointment we have two slots: 9am and 2pm.",
            "2pm please",
            "appointment_time",
            "2pm",
        ),
        ("نوبت ساعت ۹ صبح و ساعت ۱۴ خالیه.", "ساعت ۱۴ لطفا", "appointment_time", "ساعت ۱۴"),
        ("นัดได้ 10 โมง หรือ 14:00 น. ค่ะ", "14:00 น. ค่ะ", "appointment_time", "14:00 น."),
    ],
)
def test_the_slot_the_customer_takes_is_the_time(
    offer: str, taken: str, key: str, time: str
) -> None:
    assert facts_of(("assistant", offer), ("user", taken))[key] == time


@pytest.mark.parametrize(
    ("offer", "key", "time"),
    [
        ("We can do the appointment at 9am.", "appointment_time", "9am"),
        ("نوبت ساعت ۹ صبح خالیه.", "appointment_time", "ساعت ۹ صبح"),
        ("นัดได้ 10 โมงค่ะ", "appointment_time", "10 โมง"),
    ],
)
def test_a_single_slot_offered_is_the_time(offer: str, key: str, time: str) -> None:
    assert facts_of(("assistant", offer))[key] == time


def test_times_each_of_its_own_subject_are_no_offer() -> None:
    """Two times with more than "and" between them are each a subject's ("delivery at 9am
    and the assembly at 2pm"), not two slots offered."""
    facts = facts_of(("assistant", "Your delivery is at 9am and the assembly at 2pm."))
    assert facts.get("delivery_time") == "9am"


@pytest.mark.parametrize(
    ("window", "key"),
    [
        ("Your delivery will arrive between 3 May and 5 May.", "delivery_date"),
        ("ارسال بین ۳ خرداد و ۵ خرداد انجام میشه.", "delivery_date"),
        ("ارسال بین ساعت ۹ و ساعت ۱۳ انجام میشه.", "delivery_time"),
        ("จะส่งของระหว่างวันที่ 3 พ.ค. กับ 5 พ.ค. ค่ะ", "delivery_date"),
        ("ส่งของช่วง 9 โมงกับ 13:00 น. นะคะ", "delivery_time"),
    ],
)
def test_a_window_between_two_values_is_no_choice(window: str, key: str) -> None:
    """ "between 3 May and 5 May", «بین … و …», «ระหว่าง/ช่วง … กับ …»: one window, no offer
    of two slots, so the delivery keeps a date or time."""
    assert key in facts_of(("assistant", window)), window
