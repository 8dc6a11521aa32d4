"""A detail of an earlier conversation is shown with only its sentences that state its
values, and the question right before one: the words around them ("Let me check the
schedule.", "Thanks for waiting!") take the room of other details' values. A detail
with no sentence stating a value is shown whole. English, Persian, Thai."""

from __future__ import annotations

import pytest

from domain.user_memory.detail_sentences import unlabelled
from domain.user_memory.recall import recall
from domain.user_memory.recall_details import DETAILS_HEADING
from schemas.user_memory import UserDetail, UserMemoryState
from tests.user_memory.conversations import T0

CASES = {
    "en": (
        "User: are we still on for the 7 April visit? Assistant: Let me check the schedule. "
        "Yes, 7 April at 9am is booked. Thanks for waiting!",
        ["7 April at 9am"],
        "Yes, 7 April at 9am is booked.",
    ),
    "fa": (
        "User: نوبت من کی هست؟ Assistant: یه لحظه صبر کنید. نوبت شما دوشنبه ۱۴ آبان ساعت ۶ "
        "عصره. ممنون از صبرتون!",
        ["دوشنبه ۱۴ آبان"],
        "نوبت شما دوشنبه ۱۴ آبان ساعت ۶ عصره.",
    ),
    "th": (
        "User: ขอเลื่อนนัดได้ไหมคะ Assistant: ได้ค่ะ นัดใหม่ ศุกร์ 10:00-12:00 นะคะ User: ขอบคุณค่ะ",
        ["ศุกร์ 10:00-12:00"],
        "ขอเลื่อนนัดได้ไหมคะ ได้ค่ะ นัดใหม่ ศุกร์ 10:00-12:00 นะคะ",
    ),
}


def detail_lines(text: str, values: list[str]) -> list[str]:
    detail = UserDetail(session_id="s1", observed_at=T0, position=3, text=text, values=values)
    shown = recall(UserMemoryState(details=[detail]), "", 1000, current_session="now")
    lines = shown.text.splitlines()
    return lines[lines.index(DETAILS_HEADING) + 1 :]


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_shows_the_sentences_stating_its_values(language: str) -> None:
    text, values, line = CASES[language]
    assert detail_lines(text, values) == [line]


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_with_no_sentence_stating_a_value_is_shown_whole(language: str) -> None:
    text, _, _ = CASES[language]
    assert detail_lines(text, ["not in it"]) == [unlabelled(text)]


TWO_SPEAKERS = {
    "en": ("Assistant: Which day suits you? User: Tuesday 3 June works.", "Tuesday 3 June"),
    "fa": ("Assistant: کدوم روز براتون خوبه؟ User: دوشنبه ۱۴ آبان خوبه.", "دوشنبه ۱۴ آبان"),
    "th": ("Assistant: สะดวกวันไหนคะ User: ศุกร์ 10:00-12:00 ค่ะ", "ศุกร์ 10:00-12:00"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_details_line_has_no_bullet_nor_speaker_labels(language: str) -> None:
    # The heading sets the details apart, and "User:"/"Assistant:" took about a tenth of
    # the details' room at a returning user's first message: the words say who spoke.
    text, value = TWO_SPEAKERS[language]
    (line,) = detail_lines(text, [value])
    assert value in line
    assert not line.startswith("- ")
    assert "User:" not in line and "Assistant:" not in line
