"""The two ends of a span of time are two subjects, in English, Persian and Thai (false
replacements in fact histories): a lease's, a course's or a contract's start and end, a
move-in and a move-out, never one key that the other replaces, nor a viewing or a
delivery day on record that either one replaces."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_date_slots import values_by_key


@pytest.mark.parametrize(
    ("known", "message", "start", "end"),
    [
        (
            [("appointment_date", "Saturday 8 February at 2pm")],
            "The lease starts on 1 March and ends on 28 February 2027.",
            "1 March",
            "28 February 2027",
        ),
        (
            [("appointment_date", "شنبه ۸ بهمن ساعت ۲")],
            "تاریخ شروع قرارداد ۱ مهر و تاریخ پایان ۳۱ شهریور",
            "۱ مهر",
            "۳۱ شهریور",
        ),
        (
            [("appointment_date", "วันเสาร์ที่ 8 ก.พ. 14:00 น.")],
            "สัญญาเริ่ม 1 พ.ย. 2567 สิ้นสุด 31 ต.ค. 2568 ครับ",
            "1 พ.ย. 2567",
            "31 ต.ค. 2568",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_start_and_an_end_are_two_days_and_leave_the_viewing(
    known: list[tuple[str, str]], message: str, start: str, end: str
) -> None:
    facts = values_by_key(known, ("assistant", message))
    assert facts.get("start_date") == start
    assert facts.get("end_date") == end
    assert "appointment_date" not in facts


@pytest.mark.parametrize(
    ("message", "move_in", "move_out"),
    [
        ("Move-in date is 1 March; move-out is 28 Feb.", "1 March", "28 Feb"),
        ("ย้ายเข้า 1 มี.ค. ย้ายออก 28 ก.พ. ค่ะ", "1 มี.ค.", "28 ก.พ."),
    ],
    ids=["en", "th"],
)
def test_a_move_out_never_replaces_the_move_in(message: str, move_in: str, move_out: str) -> None:
    known = [("appointment_date", "Saturday 8 February at 2pm")]
    facts = values_by_key(known, ("assistant", message))
    assert facts.get("move_in_date") == move_in
    assert facts.get("move_out_date") == move_out
    assert "appointment_date" not in facts


@pytest.mark.parametrize(
    ("message", "start", "end"),
    [
        (
            "Done, it now starts on 15 November 2024, until 14 November 2025.",
            "15 November 2024",
            "14 November 2025",
        ),
        ("باشه، شروع قرارداد ۱۵ آبان، تا ۱۴ آبان سال بعد", "۱۵ آبان", "۱۴ آبان"),
        (
            "ได้ครับ เลื่อนเป็นเริ่ม 15 พ.ย. 2567 ถึง 14 พ.ย. 2568 ครับ",
            "15 พ.ย. 2567",
            "14 พ.ย. 2568",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_the_day_after_until_ends_the_span_it_does_not_start_it_again(
    message: str, start: str, end: str
) -> None:
    facts = values_by_key(
        [("start_date", "1 November"), ("end_date", "31 October")], ("assistant", message)
    )
    assert facts.get("start_date") == start
    assert facts.get("end_date", "").startswith(end)


def test_to_start_with_asks_for_no_start_day() -> None:
    facts = values_by_key(
        [],
        ("assistant", "Could I take your name to start with?"),
        ("user", "Hannah Whitlock"),
        ("assistant", "Lovely to meet you, Hannah. Do you have a date in mind?"),
        ("user", "We were hoping for Saturday 12 September."),
    )
    assert "start_date" not in facts


@pytest.mark.parametrize(
    ("pairs", "start"),
    [
        (
            [("user", "When can you start?"), ("assistant", "From 10 December works.")],
            "10 December",
        ),
        (
            [("user", "کی میتونید شروع کنید؟"), ("assistant", "از ۱۰ آذر میتونیم، شنبه‌ست.")],
            "۱۰ آذر",
        ),
        (
            [("user", "เริ่มงานได้วันไหนคะ"), ("assistant", "ตั้งแต่ 10 ธ.ค. ได้ครับ")],
            "10 ธ.ค.",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_day_from_which_the_asked_start_is_given_is_the_start(
    pairs: list[tuple[str, str]], start: str
) -> None:
    assert values_by_key([], *pairs).get("start_date") == start


def test_a_start_or_end_word_right_before_its_day_outranks_a_cue_after_it() -> None:
    """«สิ้นสุด 31 ต.ค. 2568 … ส่งให้อ่าน»: the end word is the day's label; sending the
    contract to read names no delivery day."""
    facts = values_by_key(
        [],
        (
            "assistant",
            "ได้ครับ สัญญาเริ่ม 1 พ.ย. 2567 สิ้นสุด 31 ต.ค. 2568 ครับ เดี๋ยวผมร่างสัญญาส่งให้อ่านก่อนทางอีเมลนะครับ",
        ),
    )
    assert facts.get("end_date") == "31 ต.ค. 2568"
    assert "delivery_date" not in facts


def test_a_start_said_before_a_full_slot_of_another_sentence_is_kept() -> None:
    facts = values_by_key([], ("assistant", "คลาส Movers รอบใหม่จะเริ่ม 16 พ.ย. ค่ะ รอบต้นเดือนเต็มแล้วค่ะ"))
    assert facts.get("start_date") == "16 พ.ย."
