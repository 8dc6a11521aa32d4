"""A noted code (a code with no subject, kept under "reference", "reference_2" … with the
words that lead to it) of an earlier conversation is another thing than a later
conversation's code under the same numbered key: it is shown on its own line, under its
own conversation's day and named by its own words, never appended to the later code as
its earlier value. English, Persian, Thai."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.user_memory.merge import merge_fact
from domain.user_memory.recall import recall
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import T0

CASES = {
    "en": (
        "your quote reference is BS-Q-20417",
        "That's for the Kia Niro, registration KM22 XTP",
        "your quote reference is: BS-Q-20417",
        "Kia Niro, registration: KM22 XTP",
    ),
    "fa": (
        "شماره پیگیری شما TK-44719 هست",
        "کد رهگیری مرسوله ۸۸۲۱۴۵ است",
        "شماره پیگیری شما: TK-44719",
        "کد رهگیری مرسوله: ۸۸۲۱۴۵",
    ),
    "th": (
        "จองให้แล้วค่ะ เลขใบงานคือ JOB-67-0413",
        "มารับเครื่องแล้ว เลขใบรับ TH4701FX2293",
        "จองให้แล้วค่ะ เลขใบงานคือ: JOB-67-0413",
        "มารับเครื่องแล้ว เลขใบรับ: TH4701FX2293",
    ),
}


def shown_lines(earlier: str, later: str) -> list[str]:
    facts: list[UserFact] = []
    facts = merge_fact(facts, "reference", earlier, "s1", T0)
    facts = merge_fact(facts, "reference", later, "s2", T0 + timedelta(days=7))
    shown = recall(UserMemoryState(facts=facts), "", 1000, current_session="now")
    return shown.text.splitlines()


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_an_earlier_conversations_noted_code_is_its_own_line_under_its_day(
    language: str,
) -> None:
    earlier, later, earlier_line, later_line = CASES[language]
    lines = shown_lines(earlier, later)
    assert lines[1:] == [
        f"Said on {(T0 + timedelta(days=7)).date().isoformat()}:",
        later_line,
        f"Said on {T0.date().isoformat()}:",
        earlier_line,
    ]
    assert not any("(earlier conversations:" in line for line in lines)


def test_a_noted_code_said_again_in_a_later_conversation_is_one_line() -> None:
    earlier, _, _, _ = CASES["en"]
    lines = shown_lines(earlier, earlier)
    assert [line for line in lines if "BS-Q-20417" in line] == [CASES["en"][2]]
