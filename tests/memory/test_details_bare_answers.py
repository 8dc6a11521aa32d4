"""A customer's bare answer to a what- or which-question is a detail of its own, kind
"answer", kept apart from the clauses the customer goes on to state: a context shows it
only in the room the other details leave (``replaced_details.share_order``), and the
detail of the next clause keeps the size it had."""

from __future__ import annotations

import pytest

from domain.memory.offline.what_questions import names_nothing
from tests.memory.details_support import asked_and_answered


@pytest.mark.parametrize(
    ("question", "answer", "value", "then"),
    [
        (
            "What colour would you like for the gift box?",
            "Burgundy. Please leave it with the neighbour if I'm out.",
            "Burgundy",
            "Please leave it with the neighbour if I'm out",
        ),
        (
            "Which pharmacy should we send it to?",
            "walgreens downtown. And please call me before you ship it.",
            "walgreens downtown",
            "please call me before you ship it",
        ),
        (
            "جعبه رو چه رنگی میخواید؟",
            "زرشکی. لطفا قبل از ارسال زنگ بزنید.",
            "زرشکی",
            "لطفا قبل از ارسال زنگ بزنید",
        ),
        (
            "ออกใบกำกับในนามอะไรครับ",
            "ร้านเจ๊ะหลงการเกษตรค่ะ ช่วยส่งก่อนเที่ยงด้วยนะคะ",
            "ร้านเจ๊ะหลงการเกษตร",
            "ช่วยส่งก่อนเที่ยงด้วยนะคะ",
        ),
    ],
)
def test_a_bare_answer_is_kept_apart_from_the_request_after_it(
    question: str, answer: str, value: str, then: str
) -> None:
    found = asked_and_answered(question, answer)
    assert found == [([value], ["answer"]), ([then], ["instruction"])]


@pytest.mark.parametrize(
    ("question", "answer", "value"),
    [
        ("What colour would you like?", "the navy one", "the navy one"),
        ("สีอะไรดีคะ", "สีดำค่ะ", "สีดำ"),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی", "زرشکی"),
        # near misses of courtesy: the thing asked, said with thanks or a please
        ("What colour would you like?", "navy thanks", "navy thanks"),
        ("Which pharmacy should we use?", "walgreens please", "walgreens please"),
        ("جعبه رو چه رنگی میخواید؟", "زرشکی، ممنون", "زرشکی، ممنون"),
        ("ต้องการสีอะไรคะ", "สีดำ ขอบคุณค่ะ", "สีดำ ขอบคุณ"),
    ],
)
def test_a_lone_bare_answer_is_one_answer_detail(question: str, answer: str, value: str) -> None:
    assert asked_and_answered(question, answer) == [([value], ["answer"])]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Would you like it gift wrapped?", "yes please"),  # a yes/no question
        ("Which one would you like?", "ok thanks"),
        ("จะรับสีไหนดีคะ", "อะไรก็ได้ค่ะ"),  # no preference
        ("کدوم رنگ رو میخواید؟", "فرقی نمیکنه"),
        # courtesy only: thanks, an acknowledgement, "no worries"
        ("What seems to be the problem?", "no worries"),
        ("Which one would you like?", "thanks so much!"),
        ("What name should go on the card?", "no problem at all"),
        ("جعبه رو چه رنگی میخواید؟", "خواهش میکنم"),
        ("کدوم مدل رو میپسندید؟", "مرسی، مشکلی نیست"),
        ("ต้องการสีอะไรคะ", "ไม่เป็นไรค่ะ"),
        ("ออกใบกำกับในนามอะไรครับ", "ขอบคุณครับ"),
    ],
)
def test_a_reply_that_names_nothing_keeps_no_answer(question: str, answer: str) -> None:
    assert all("answer" not in kinds for _, kinds in asked_and_answered(question, answer))


def test_two_requests_in_a_row_are_still_one_detail() -> None:
    """Near miss: only a bare answer is kept apart; clauses of other kinds join as before."""
    found = asked_and_answered(
        "Anything else for the delivery?",
        "Please leave it with the neighbour. And please call me before you come.",
    )
    assert [kinds for _, kinds in found] == [["instruction", "instruction"]]


@pytest.mark.parametrize(
    "reply",
    [
        "no worries",
        "no problem at all",
        "خواهش می\u200cکنم",
        "مرسی، مشکلی نیست",
        "باشه مرسی",
        "ไม่เป็นไรค่ะ",
        "ได้เลยค่ะ ขอบคุณค่ะ",
    ],
)
def test_a_reply_of_courtesy_names_nothing(reply: str) -> None:
    assert names_nothing(reply)


@pytest.mark.parametrize(
    "reply",
    ["navy thanks", "the right one", "زرشکی، ممنون", "مدل ونیزی لطفا", "สีดำ ขอบคุณค่ะ"],
)
def test_a_thing_said_with_courtesy_is_named(reply: str) -> None:
    assert not names_nothing(reply)
