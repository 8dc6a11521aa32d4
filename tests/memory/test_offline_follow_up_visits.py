"""The visit booked after this one («นัดครั้งถัดไป», «نوبت بعدی» after a check-up) is a
fact of its own: its day does not move the appointment the conversation is about, so a
summary quoting that appointment is not marked "(replaced by …)" with the next visit's
day. «نوبت بعدی خالی» (the next free slot) is still an offer for the appointment itself."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("text", "known", "key", "value"),
    [
        (
            "ดีใจด้วยค่ะ นัดครั้งถัดไปในระบบคือวันพุธที่ 19 มีนาคม 2568 เวลา 09.30 น.ค่ะ",
            [("appointment_date", "วันพุธที่ 18 ธันวาคม"), ("appointment_time", "13.30 น.")],
            "follow_up_date",
            "วันพุธที่ 19 มีนาคม 2568 เวลา 09.30 น.",
        ),
        (
            "นัดหน้าวันที่ 5 ม.ค. ค่ะ",
            [("appointment_date", "วันที่ 12 ธ.ค.")],
            "follow_up_date",
            "วันที่ 5 ม.ค.",
        ),
        (
            "برای گربه بالغ سالانه کافیه. نوبت بعدی میشه آبان سال بعد",
            [("appointment_date", "دوشنبه ۱۴ آبان")],
            "follow_up_date",
            "آبان سال بعد",
        ),
    ],
)
def test_the_next_visit_is_no_move_of_the_appointment(
    text: str, known: list[tuple[str, str]], key: str, value: str
) -> None:
    facts = facts_of(("assistant", text), known=known)
    assert facts.get(key) == value
    assert "appointment_date" not in facts
    assert "appointment_time" not in facts


def test_the_next_free_slot_is_still_an_offer_for_the_appointment() -> None:
    facts = facts_of(
        ("assistant", "نوبت بعدی خالی دوشنبه ۱۴ آبان هست"),
        known=[("appointment_date", "شنبه ۱۲ آبان")],
    )
    assert "follow_up_date" not in facts


@pytest.mark.parametrize(
    "text",
    [
        # «หน้า» + a place: to meet in front of it, or on site («หน้างาน»)
        "ช่างนัดหน้างานวันเสาร์ที่ 14 ธ.ค. 10:00 น. ค่ะ",
        "งั้นนัดหน้าเซเว่นวันเสาร์ที่ 14 ธ.ค. 10:00 น. นะคะ",
        "นัดหน้าคลินิกวันเสาร์ที่ 14 ธ.ค. ค่ะ",
    ],
    ids=["on-site", "seven-eleven", "clinic"],
)
def test_meeting_in_front_of_a_place_is_no_next_visit(text: str) -> None:
    facts = facts_of(("assistant", text), known=[("appointment_date", "วันศุกร์ที่ 13 ธ.ค.")])
    assert "follow_up_date" not in facts
    assert facts.get("appointment_date", "").startswith("วันเสาร์ที่ 14 ธ.ค.")


@pytest.mark.parametrize(
    "text",
    [
        "اولین نوبت بعدی که داریم شنبه ۱۴ آبان ساعت ۱۰ هست",
        "نوبت بعدی که آزاده شنبه ۱۴ آبان هست",
    ],
    ids=["first-we-have", "that-is-free"],
)
def test_the_first_slot_free_is_still_an_offer_for_the_appointment(text: str) -> None:
    facts = facts_of(("assistant", text), known=[("appointment_date", "دوشنبه ۱۲ آبان")])
    assert "follow_up_date" not in facts
