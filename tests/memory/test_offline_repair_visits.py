"""A technician's visit for a repair ticket has keys of its own (``repair_visit_date``,
``repair_visit_time``, numbered like the ticket when the conversation has several), so it
no longer replaces the viewing or signing held as the appointment before the ticket; the
visit moved keeps one history. A repair conversation whose only appointment is the visit,
and an appointment with no technician or repair named, keep the appointment's key."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history

_FILLER = (("user", "ok"), ("assistant", "👍"), ("user", "thanks"), ("assistant", "🙏"))


def _with_filler(*turns: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """``turns`` with a short exchange after each: each matter is read in a fold of its own,
    as the viewing, the repair and its visit are in a real conversation (values of one fold
    are held in the order the store keeps them, not the order they were said in)."""
    return tuple(t for turn in turns for t in (turn, *_FILLER))


_VIEWING = {
    "en": ("assistant", "Your viewing appointment is Saturday 12 October at 10am."),
    "fa": ("assistant", "نوبت بازدید شما شنبه ۱۲ مهر ساعت ۱۰ ثبت شد"),
    "th": ("assistant", "ลงนัดดูห้องให้เป็นวันเสาร์ที่ 12 ต.ค. 67 เวลา 10:00 น. นะครับ"),
}
_TICKET = {
    "en": ("assistant", "I've logged a repair for the leaking tap, case number MT-24-1187."),
    "fa": ("assistant", "درخواست تعمیر شیر ثبت شد، کد پیگیری ۴۵۸۱۲"),
    "th": ("assistant", "ผมแจ้งช่างให้แล้ว เลขที่แจ้งซ่อม MT-24-1187 ครับ"),
}
_VISIT = {
    "en": ("assistant", "The technician can come on Thursday 28 November at 10am."),
    "fa": ("assistant", "نوبت تعمیرکار پنجشنبه ۲۸ آبان ساعت ۱۰ هست"),
    "th": ("assistant", "ช่างนัดเข้าซ่อมวันพฤหัสที่ 28 พ.ย. 10:00 น. ครับ"),
}
_MOVED = {
    "en": (
        "assistant",
        "Sorry, the technician is fully booked that day, he will come on Friday 29 November"
        " at 1:30pm instead.",
    ),
    "fa": ("assistant", "ببخشید نوبت تعمیرکار به جمعه ۲۹ آبان ساعت ۱۴ تغییر کرد"),
    "th": ("assistant", "ช่างแจ้งว่าวันพฤหัสคิวเต็ม ขอเลื่อนซ่อมเป็นวันศุกร์ที่ 29 พ.ย. 13:30 น. นะครับ"),
}
_DAYS = {
    "en": (
        "Saturday 12 October at 10am",
        "Thursday 28 November at 10am",
        "Friday 29 November at 1:30pm",
    ),
    "fa": ("شنبه ۱۲ مهر ساعت ۱۰", "پنجشنبه ۲۸ آبان ساعت ۱۰", "جمعه ۲۹ آبان ساعت ۱۴"),
    "th": (
        "วันเสาร์ที่ 12 ต.ค. 67 เวลา 10:00 น.",
        "วันพฤหัสที่ 28 พ.ย. 10:00 น.",
        "วันศุกร์ที่ 29 พ.ย. 13:30 น.",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_the_repair_visit_is_kept_apart_from_the_appointment_before_its_ticket(
    language: str,
) -> None:
    facts = conversation(
        *_with_filler(_VIEWING[language], _TICKET[language], _VISIT[language], _MOVED[language])
    )
    viewing, visit, moved = _DAYS[language]
    held = current(facts)
    assert held["appointment_date"] == viewing
    assert history(facts, "appointment_date") == []
    assert held["repair_visit_date"] == moved
    assert history(facts, "repair_visit_date") == [visit]


def test_each_repair_visit_is_its_tickets() -> None:
    """A second ticket's visit is numbered like the ticket: the first repair's day stays."""
    facts = conversation(
        *_with_filler(
            _VIEWING["th"],
            _TICKET["th"],
            _VISIT["th"],
            (
                "assistant",
                "รับเรื่องครับ เลขที่แจ้งซ่อม MT-24-1302 ครับ ช่างเข้าได้วันอังคารที่ 3 ธ.ค. 10:00 น. ครับ",
            ),
        )
    )
    held = current(facts)
    assert held["ticket_id_2"] == "MT-24-1302"
    assert held["repair_visit_date"] == "วันพฤหัสที่ 28 พ.ย. 10:00 น."
    assert held["repair_visit_date_2"] == "วันอังคารที่ 3 ธ.ค. 10:00 น."
    assert held["appointment_date"] == "วันเสาร์ที่ 12 ต.ค. 67 เวลา 10:00 น."
    assert history(facts, "repair_visit_date") == []


@pytest.mark.parametrize(
    ("turns", "old", "new"),
    [
        (  # a repair conversation: the visit is its only appointment, one history
            _with_filler(
                ("user", "แอร์น้ำหยดค่ะ"),
                ("assistant", "รับเรื่องแล้วค่ะ เลขที่แจ้งซ่อม SV-2411-07352 ค่ะ"),
                ("assistant", "ช่างเข้าได้วันพฤหัสบดีที่ 28 พ.ย. ค่ะ"),
                ("assistant", "ได้ค่ะ ช่างจะเข้าวันจันทร์ที่ 2 ธันวาคม แทนค่ะ"),
            ),
            "วันพฤหัสบดีที่ 28 พ.ย.",
            "วันจันทร์ที่ 2 ธันวาคม",
        ),
        (  # English: the engineer's visit is the only appointment
            _with_filler(
                ("assistant", "I've logged it, case number 448120."),
                ("assistant", "The engineer appointment is Monday 2 December."),
                ("assistant", "The engineer will now come on Tuesday 3 December instead."),
            ),
            "Monday 2 December",
            "Tuesday 3 December",
        ),
        (  # an appointment after the ticket that names no technician nor repair
            _with_filler(
                _VIEWING["en"],
                _TICKET["en"],
                ("assistant", "Your appointment to sign is Monday 14 October at 2pm."),
            ),
            "Saturday 12 October at 10am",
            "Monday 14 October at 2pm",
        ),
        (  # Thai: the signing moved after the ticket, no technician named
            _with_filler(
                _VIEWING["th"],
                _TICKET["th"],
                ("assistant", "เปลี่ยนนัดเป็นวันอาทิตย์ที่ 13 ต.ค. 67 เวลา 14:00 น. ครับ"),
            ),
            "วันเสาร์ที่ 12 ต.ค. 67 เวลา 10:00 น.",
            "วันอาทิตย์ที่ 13 ต.ค. 67 เวลา 14:00 น.",
        ),
    ],
)
def test_the_appointment_keeps_its_key_when_it_is_no_other_repairs(
    turns: tuple[tuple[str, str], ...], old: str, new: str
) -> None:
    facts = conversation(*turns)
    assert current(facts)["appointment_date"] == new
    assert history(facts, "appointment_date") == [old]
    assert not [key for key in current(facts) if key.startswith("repair_visit")]
