"""A detail that keeps only a customer's bare answer is shown as "topic: answer", the
topic in the question's words (``domain.context.answer_lines``), in English, Persian and
Thai; more budget never shows less."""

from __future__ import annotations

import pytest

from domain.context import AssembledContext, assemble
from domain.context.answer_lines import answer_line
from domain.tokens import token_weight
from schemas.memory_model import Budgets, Detail
from schemas.messages import Role
from tests.context.checks import all_formats
from tests.context.factories import detail, memory, messages

COLOUR = detail(
    10,
    "Assistant: What colour would you like for the gift box?\nUser: Burgundy",
    ["Burgundy"],
    "answer",
    last=11,
)
BOX = detail(20, "Assistant: جعبه رو چه رنگی میخواید؟\nUser: زرشکی", ["زرشکی"], "answer", last=21)
THAI = detail(30, "Assistant: ต้องการกล่องสีอะไรคะ\nUser: สีแดง", ["สีแดง"], "answer", last=31)
RIBBON = detail(50, "Assistant: روبان چه رنگی باشه؟\nUser: طلایی", ["طلایی"], "answer", last=51)
RING = detail(60, "Assistant: انگشتر دوم چه رنگی؟\nUser: نقره‌ای", ["نقره‌ای"], "answer", last=61)
FATHER = detail(70, "Assistant: ของคุณพ่อไซส์อะไรคะ\nUser: ไซส์ XL", ["ไซส์ XL"], "answer", last=71)
PAY = detail(40, "Assistant: จะชำระเงินยังไงคะ\nUser: โอนเข้าบัญชี", ["โอนเข้าบัญชี"], "answer", last=41)


@pytest.mark.parametrize(
    ("stored", "line"),
    [
        (COLOUR, "colour for gift box: Burgundy"),
        (BOX, "رنگ جعبه: زرشکی"),
        (THAI, "กล่องสี: สีแดง"),
        (PAY, "ชำระเงิน: โอนเข้าบัญชี"),
        # the item it is of stays, so two colours can be told apart
        (RIBBON, "رنگ روبان: طلایی"),
        (RING, "رنگ انگشتر دوم: نقره‌ای"),
        # «ของ» is a word of its own, not «ขอ» and a stray letter
        (FATHER, "ของคุณพ่อไซส์: ไซส์ XL"),
    ],
)
def test_a_bare_answer_is_its_topic_and_the_answer(stored: Detail, line: str) -> None:
    assert answer_line(stored) == line
    assert token_weight(line) < token_weight(stored.text)


@pytest.mark.parametrize(
    "stored",
    [
        # a question that names nothing of its own: its words are needed
        detail(
            10,
            "Assistant: Which one would you like?\nUser: the navy one",
            ["the navy one"],
            "answer",
        ),
        detail(10, "Assistant: چی بنویسم؟\nUser: بچه کوچیک داریم", ["بچه کوچیک داریم"], "answer"),
        # an answer beside another value, and a detail of another kind
        Detail(
            first_position=10,
            last_position=11,
            text="Assistant: What colour for the box?\nUser: navy, email sara@example.com",
            values=["navy", "sara@example.com"],
            kinds=["answer", "email"],
        ),
        detail(10, "Assistant: ขอเบอร์โทรครับ\nUser: 081-234-5678", ["081-234-5678"], "phone"),
    ],
)
def test_any_other_detail_keeps_its_compact_form(stored: Detail) -> None:
    assert answer_line(stored) is None


_RECENT: list[tuple[Role, str]] = [
    ("user" if i % 2 else "assistant", f"Message {i}: thanks, that all sounds fine. " * 4)
    for i in range(10)
]
_OTHERS = [
    detail(50, "User: My email is dan@example.com", ["dan@example.com"], "email"),
    detail(60, "Assistant: Your courtesy car is YD68 PWE.", ["YD68"], "identifier"),
]


def _context(budget: int) -> AssembledContext:
    state = memory(recent="User: Thanks for the help so far.", spans=(45, 80, 90))
    state = state.model_copy(update={"details": [COLOUR, BOX, THAI, PAY, *_OTHERS]})
    return assemble(
        state,
        messages(_RECENT, first_position=91),
        total_messages=100,
        budget=budget,
        budgets=Budgets(),
        verbatim_count=5,
    )


def test_the_context_shows_bare_answers_as_topic_lines() -> None:
    shown = [d.text for d in _context(1200).details]
    assert "colour for gift box: Burgundy" in shown
    assert "رنگ جعبه: زرشکی" in shown
    assert "กล่องสี: สีแดง" in shown
    assert "User: My email is dan@example.com" in shown


def test_more_budget_never_shows_less_and_every_format_holds_it() -> None:
    before: AssembledContext | None = None
    for budget in range(300, 2000, 20):
        ctx = _context(budget)
        assert max(all_formats(ctx).values()) <= budget
        if before is not None:
            assert {d.text for d in before.details} <= {d.text for d in ctx.details}
            assert {m.position for m in before.verbatim} <= {m.position for m in ctx.verbatim}
        before = ctx
