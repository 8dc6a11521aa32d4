"""A correction replaces the value the same message just named, in English, Persian and
Thai: "the fitting on Monday 3 June won't work … could we do Wednesday 5 June?" moves the
fitting, not a more recent date of another subject (a payment's)."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


@pytest.mark.parametrize(
    ("message", "known", "new"),
    [
        (
            "The fitting appointment on Monday 3 June won't work, my shift changed. "
            "Could we do Wednesday 5 June?",
            [("payment_date", "12 May"), ("appointment_date", "Monday 3 June")],
            "Wednesday 5 June",
        ),
        (
            "نوبت ویزیت ۱۲ خرداد دیگه نمیشه، ببخشید. ۱۵ خرداد چطوره؟",
            [("payment_date", "۲۰ اردیبهشت"), ("appointment_date", "۱۲ خرداد")],
            "۱۵ خرداد",
        ),
        (
            "นัดตรวจวันที่ 12 มิ.ย. ไม่สะดวกแล้วค่ะ ขอเปลี่ยน ขอเป็นวันที่ 14 มิ.ย. ได้ไหมคะ",
            [("payment_date", "5 มิ.ย."), ("appointment_date", "12 มิ.ย.")],
            "14 มิ.ย.",
        ),
    ],
)
def test_a_correction_replaces_the_subject_its_message_named(
    message: str, known: list[tuple[str, str]], new: str
) -> None:
    facts = extract_facts([TranscriptLine(1, "m1", "user", message)], known)
    changed = {f.key: f.value for f in facts if new in f.value}
    assert list(changed) == ["appointment_date"]


def test_a_number_said_again_keeps_its_unit_for_what_corrects_it() -> None:
    """«แก้วละ 65 ต้องเป็น 130»: 65 is the refund said again; 130 corrects the refund."""
    known = [("refund_amount", "65 บาท"), ("order_total", "347 บาท")]
    message = "ไม่ใช่ค่ะ ขาด 2 แก้ว แก้วละ 65 ต้องเป็น 130"
    facts = extract_facts([TranscriptLine(1, "m1", "user", message)], known)
    assert {f.key: f.value for f in facts} == {"refund_amount": "130"}
