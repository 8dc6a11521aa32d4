"""A question that names a general topic and a specific one for a day («หมอแพรวนัดติดตาม
อาการวันไหน», "the engineer … the installation", «دکتر برای نوبت بعدی …») gets its answer
keyed by the specific one, the longest cue; a question naming one topic keys as before.
A reply to a request to move a held day (the follow-up's) that names only the doctor moves
that day, not the appointment; a request naming the appointment's day, or asking no move,
or a reply that gives the day the request named, leaves the appointment keyed."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

Messages = list[tuple[str, str]]


def _facts(messages: Messages, known: list[tuple[str, str]]) -> dict[str, str]:
    lines = [TranscriptLine(i, f"m{i}", role, text) for i, (role, text) in enumerate(messages)]
    return {fact.key: fact.value for fact in extract_facts(lines, known)}


@pytest.mark.parametrize(
    ("question", "answer", "known", "key"),
    [
        (
            "หมอแพรวนัดติดตามอาการวันไหนสะดวกคะ",
            "29 ธ.ค. ค่ะ",
            [("appointment_date", "อาทิตย์ 15 ธ.ค.")],
            "follow_up_date",
        ),
        (
            "What date works for the engineer to do the installation?",
            "Friday 12 May please",
            [("appointment_date", "Monday 1 May")],
            "installation_date",
        ),
        (
            "دکتر برای نوبت بعدی چه روزی وقت داره؟",
            "پنجشنبه ۲۴ آبان",
            [("appointment_date", "شنبه ۱۲ آبان")],
            "follow_up_date",
        ),
        # near misses: one topic named
        ("นัดวันไหนสะดวกคะ", "29 ธ.ค. ค่ะ", [], "appointment_date"),
        (
            "Which day suits you for the appointment?",
            "Friday 12 May please",
            [],
            "appointment_date",
        ),
        ("What date works for the installation?", "Friday 12 May please", [], "installation_date"),
    ],
)
def test_the_most_specific_topic_asked_keys_the_answer(
    question: str, answer: str, known: list[tuple[str, str]], key: str
) -> None:
    found = _facts([("assistant", question), ("user", answer)], known)
    assert found.get(key) == answer.removesuffix(" ค่ะ").removesuffix(" please")
    assert not any(held in found for held, _ in known)


_TH = [("follow_up_date", "วันที่ 29 ธ.ค."), ("appointment_date", "อาทิตย์ 15 ธ.ค.")]
_EN = [("follow_up_date", "Monday 29 December"), ("appointment_date", "Sunday 15 December")]
_FA = [("follow_up_date", "دوشنبه ۲۹ آذر"), ("appointment_date", "شنبه ۱۵ آذر")]


@pytest.mark.parametrize(
    ("request_", "reply", "known", "value"),
    [
        (
            "29 ธ.ค. ไม่สะดวกค่ะ ขอเลื่อนเป็นหลังปีใหม่ได้ไหมคะ",
            "ได้ค่ะ หมอแพรวเข้าวันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น. ค่ะ",
            _TH,
            "วันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น.",
        ),
        (
            "Can we move the Monday 29 December one to after New Year?",
            "Of course. Dr Patel has an appointment on Sunday 5 January.",
            _EN,
            "Sunday 5 January",
        ),
        (
            "میشه دوشنبه ۲۹ آذر رو جابجا کنیم؟",
            "بله، دکتر رضایی چهارشنبه ۸ دی وقت دارن",
            _FA,
            "چهارشنبه ۸ دی",
        ),
    ],
)
def test_a_held_day_asked_to_move_is_moved_in_the_reply(
    request_: str, reply: str, known: list[tuple[str, str]], value: str
) -> None:
    found = _facts([("user", request_), ("assistant", reply)], known)
    assert found.get("follow_up_date") == value
    assert "appointment_date" not in found


@pytest.mark.parametrize(
    ("request_", "reply", "value"),
    [
        # the appointment's own day asked to move
        (
            "อาทิตย์ 15 ธ.ค. ไม่สะดวกค่ะ ขอเลื่อนได้ไหมคะ",
            "ได้ค่ะ หมอแพรวเข้าวันอาทิตย์ 22 ธ.ค. ค่ะ",
            "วันอาทิตย์ 22 ธ.ค.",
        ),
        # the follow-up's day named, no move asked
        (
            "29 ธ.ค. ได้ค่ะ ขอบคุณค่ะ มีหมอคนอื่นไหมคะ",
            "หมอแพรวเข้าวันอาทิตย์ 5 ม.ค. 68 ค่ะ",
            "วันอาทิตย์ 5 ม.ค. 68",
        ),
    ],
)
def test_a_reply_to_no_move_of_another_day_keeps_the_appointment(
    request_: str, reply: str, value: str
) -> None:
    found = _facts([("user", request_), ("assistant", reply)], _TH)
    assert found.get("appointment_date") == value
    assert "follow_up_date" not in found


def test_a_reply_giving_the_day_the_request_named_keeps_the_appointment() -> None:
    # «بندازید چهارشنبه ۱۳ تیر» names the day wanted, another subject's held day too
    known = [("appointment_date", "سه‌شنبه ۱۲ تیر"), ("repair_date", "چهارشنبه ۱۳ تیر")]
    found = _facts(
        [
            ("user", "خب کولر رو هم بندازید چهارشنبه ۱۳ تیر"),
            ("assistant", "نوبت شما چهارشنبه ۱۳ تیر ساعت ۵ عصر ثبت شد"),
        ],
        known,
    )
    assert found.get("appointment_date") == "چهارشنبه ۱۳ تیر ساعت ۵ عصر"
    assert "repair_date" not in found
