"""The recent summary shows only its lines that state a value the memory holds (en, fa, th)."""

from __future__ import annotations

import pytest

from domain.context import assemble
from domain.context.render import render_text
from domain.context.value_lines import carries, lines_with_values
from schemas.memory_model import Budgets, FactValue
from tests.context.factories import NOW, detail, fact, memory, messages

_CASES = [
    (
        "User: my new number is 07700 900715\nAssistant: Great little car!\nUser: haha thanks",
        ["07700 900715"],
        "User: my new number is 07700 900715",
    ),
    (
        "User: شماره جدیدم ۰۹۱۲۳۴۵۶۷۸۹ هست\nAssistant: چه ماشین خوبی!\nUser: مرسی 😄",
        ["۰۹۱۲۳۴۵۶۷۸۹"],
        "User: شماره جدیدم ۰۹۱۲۳۴۵۶۷۸۹ هست",
    ),
    (
        "User: เบอร์ใหม่ 081-902-3365 ค่ะ\nAssistant: รถสวยมากครับ\nUser: ขอบคุณค่ะ",
        ["081-902-3365"],
        "User: เบอร์ใหม่ 081-902-3365 ค่ะ",
    ),
]


@pytest.mark.parametrize(("text", "values", "kept"), _CASES)
def test_small_talk_lines_go_and_a_line_with_a_value_stays(
    text: str, values: list[str], kept: str
) -> None:
    assert lines_with_values(text, values) == kept


def test_a_turn_on_several_lines_and_a_marked_line_stay() -> None:
    text = (
        "User: deliver to\n14 Larkspur Close\n"
        "Assistant: Lovely weather today!\n"
        "Assistant: Friday (replaced by Thursday 22nd) is booked"
    )
    assert lines_with_values(text, ["14 Larkspur Close"]) == (
        "User: deliver to\n14 Larkspur Close\n"
        "Assistant: Friday (replaced by Thursday 22nd) is booked"
    )


def test_a_value_inside_a_longer_number_or_word_is_not_stated() -> None:
    assert not carries("room 120", "12")
    assert not carries("primrose", "rose")
    assert carries("room 12, second floor", "12")


def test_without_any_value_held_the_summary_stays_whole() -> None:
    text = "User: hi there\nAssistant: hello, how can I help?"
    assert lines_with_values(text, []) == text


@pytest.mark.parametrize(
    "line",
    ["User: it's on the 3rd floor", "User: طبقه ۳ هستیم", "User: อยู่ชั้น ๓ ค่ะ"],
)
def test_a_line_with_a_number_the_memory_does_not_hold_stays(line: str) -> None:
    text = f"{line}\nAssistant: lovely!"
    assert lines_with_values(text, ["07700 900715"]) == line


def test_a_summary_in_its_own_words_stays() -> None:
    text = "User asked for an installation guide.\nWe sent step-by-step instructions."
    assert lines_with_values(text, ["07700 900715"]) == text


def _history() -> list:
    return messages([("user" if i % 2 else "assistant", f"turn {i}") for i in range(5)], 96)


@pytest.mark.parametrize(("text", "values", "kept"), _CASES)
def test_the_recent_summary_in_the_context_shows_its_lines_with_a_value(
    text: str, values: list[str], kept: str
) -> None:
    # Given a recent summary ending in small talk, its value a detail's, and a mid summary
    mid = "Assistant: glad to help\nUser: sounds good"
    state = memory(mid=mid, recent=text)
    held = [
        detail(60, f"Assistant: noted, {values[0]} it is", values, "phone"),
    ]
    state = state.model_copy(update={"details": held})
    ctx = assemble(state, _history(), total_messages=100, budget=1200, budgets=Budgets())
    tiers = {t.tier.value: t.text for t in ctx.tiers}
    # Then the recent summary is its value line alone; the mid summary keeps its small talk
    assert tiers["recent"] == kept
    assert tiers["mid"] == mid
    for line in text.split("\n"):
        assert (line in render_text(ctx)) == (line == kept)


def test_an_earlier_value_of_a_fact_counts_and_a_summary_without_any_value_is_named() -> None:
    held = fact("delivery_day", "Thursday 22nd").model_copy(
        update={"history": [FactValue(value="Friday 19th", source_message_id="m3", updated_at=NOW)]}
    )
    state = memory(recent="User: Friday 19th works\nAssistant: ok!", facts=[held])
    ctx = assemble(state, _history(), total_messages=100, budget=1200, budgets=Budgets())
    (recent,) = ctx.tiers
    assert recent.text.startswith("User: Friday 19th")
    assert "ok!" not in recent.text
    small_talk = memory(recent="User: thanks so much\nAssistant: you're welcome!", facts=[held])
    ctx = assemble(small_talk, _history(), total_messages=100, budget=1200, budgets=Budgets())
    assert not ctx.tiers
    (named,) = [d for d in ctx.dropped if d.kind == "tier:recent"]
    assert named.detail == "none of its lines states a value the memory holds"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("User: اسمش علی شریفیه", "علی شریفی"),
        ("User: رنگش مشکیه", "مشکی"),
        ("User: تحویل به تهرانه", "تهران"),
        ("User: ship it to Leeds's depot", "Leeds"),
        ("User: ส่งที่เชียงใหม่ค่ะ", "เชียงใหม่"),
    ],
)
def test_a_value_said_with_a_spoken_ending_is_stated(line: str, value: str) -> None:
    """«شریفیه», «مشکیه»: a Persian value with the spoken "is" (or "my", the object «رو»)
    is the value said, as "Leeds's" is; «علیرضا» still is no «علی»."""
    assert lines_with_values(f"{line}\nAssistant: ممنون", [value]) == line
    assert not carries("علیرضا اومد", "علی")
