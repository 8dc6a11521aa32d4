"""A question and a reply that is only its value are shown as "topic: value", the topic
in the question's words (``domain.context.qa_lines`` via ``compact_detail``), in English,
Persian and Thai; any other detail keeps its form, and more budget never shows less."""

from __future__ import annotations

import pytest

from domain.context import AssembledContext, assemble
from domain.context.compact_detail import compact_detail
from domain.tokens import token_weight
from schemas.memory_model import Budgets
from schemas.messages import Role
from tests.context.checks import assert_more_budget_never_shows_less
from tests.context.factories import detail, memory, messages


@pytest.mark.parametrize(
    ("text", "values", "line"),
    [
        ("Assistant: What's the mileage?\nUser: 84,312", ["84,312"], "mileage: 84,312"),
        (
            "Assistant: Lovely, thanks Dan. What's the best phone number for updates?\n"
            "User: 503-555-0142",
            ["503-555-0142"],
            "phone number for updates: 503-555-0142",
        ),
        ("Assistant: کد پستی؟\nUser: ۱۴۳۵۶۷۸۹۱۰", ["۱۴۳۵۶۷۸۹۱۰"], "کد پستی: ۱۴۳۵۶۷۸۹۱۰"),
        (
            "Assistant: شماره تماستون؟\nUser: ۰۹۱۲۳۴۵۶۷۸۹",
            ["۰۹۱۲۳۴۵۶۷۸۹"],
            "شماره تماستون: ۰۹۱۲۳۴۵۶۷۸۹",
        ),
        ("Assistant: สะดวกกี่โมงคะ\nUser: 17:30", ["17:30"], "สะดวกกี่โมง: 17:30"),
        ("Assistant: แล้วจะเช่ากี่วันคะ\nUser: 4 วันค่ะ", ["4 วัน"], "แล้วจะเช่ากี่วัน: 4 วัน"),
    ],
)
def test_a_question_and_its_bare_value_are_one_line(
    text: str, values: list[str], line: str
) -> None:
    assert compact_detail(text, values) == line
    assert token_weight(line) < token_weight(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a question that only asks for a yes names nothing the value is of
        ("Assistant: Is that OK?\nUser: 84,312", ["84,312"]),
        ("Assistant: خوبه؟\nUser: ۸۴۳۱۲", ["۸۴۳۱۲"]),
        ("Assistant: โอเคไหมคะ\nUser: 17:30", ["17:30"]),
        # a question that names nothing of its own, or asks in English without "what"
        ("Assistant: And yours?\nUser: 07700 900481", ["07700 900481"]),
        ("Assistant: چنده؟\nUser: ۴۵۰ هزار", ["۴۵۰ هزار"]),
        ("Assistant: เท่าไหร่คะ\nUser: 450 บาท", ["450 บาท"]),
        ("Assistant: Could you also give me the serial number?\nUser: VX14-8821", ["VX14-8821"]),
        # a reply that says more than the value: a question back, a condition, a story
        ("Assistant: สะดวกกี่โมงคะ\nUser: 17:30 ได้ไหม", ["17:30"]),
        ("Assistant: What's the mileage?\nUser: 84,312 but it was 80k last week", ["84,312"]),
        ("Assistant: کد پستی؟\nUser: نمیدونم، ۱۴۳۵۶ شاید", ["۱۴۳۵۶"]),
        # not a question: the assistant states the value
        ("Assistant: Courier to Mosgiel is $15.00.\nUser: 41 Factory Road", ["41 Factory Road"]),
        # the customer asks, the assistant answers
        ("User: What's the fee?\nAssistant: £4.99", ["£4.99"]),
        # a third turn
        ("Assistant: สะดวกกี่โมงคะ\nUser: 17:30\nAssistant: ได้ค่ะ", ["17:30"]),
    ],
)
def test_any_other_detail_keeps_its_speakers(text: str, values: list[str]) -> None:
    shown = compact_detail(text, values)
    assert "User: " in shown or "Assistant: " in shown
    assert all(value in shown for value in values)


#: Small talk after the details: the newest turns the context shows whole.
_TALK: list[tuple[Role, str]] = [
    ("assistant", "Anything else I can help with? " * 6),
    ("user", "No, that's all for now, thanks. " * 6),
] * 5
_DETAILS = [
    detail(10, "Assistant: What's the mileage?\nUser: 84,312", ["84,312"], "number", last=11),
    detail(20, "Assistant: کد پستی؟\nUser: ۱۴۳۵۶۷۸۹۱۰", ["۱۴۳۵۶۷۸۹۱۰"], "identifier", last=21),
    detail(30, "Assistant: สะดวกกี่โมงคะ\nUser: 17:30", ["17:30"], "time", last=31),
    detail(40, "User: My email is dan@example.com", ["dan@example.com"], "email"),
    detail(50, "Assistant: Is that OK?\nUser: Saturday 10am", ["Saturday 10am"], "date", last=51),
]


def _context(budget: int) -> AssembledContext:
    state = memory(recent="User: Thanks.", spans=(45, 80, 90))
    with_details = state.model_copy(update={"details": _DETAILS})
    talk = messages(_TALK, first_position=91)
    return assemble(
        with_details, talk, total_messages=100, budget=budget, budgets=Budgets(), verbatim_count=4
    )


def test_the_context_shows_bare_values_as_topic_lines() -> None:
    shown = [d.text for d in _context(1200).details]
    assert "mileage: 84,312" in shown
    assert "کد پستی: ۱۴۳۵۶۷۸۹۱۰" in shown
    assert "สะดวกกี่โมง: 17:30" in shown
    assert "User: My email is dan@example.com" in shown


def test_more_budget_never_shows_less_and_every_format_holds_it() -> None:
    assert_more_budget_never_shows_less(_context)
