"""memq.context.assemble: sections, budgets and drop order, in the three formats."""

from __future__ import annotations

import json
from typing import Any

import pytest

from memq.context import (
    MIN_BUDGET,
    assemble,
    render_anthropic,
    render_json,
    render_text,
)
from memq.errors import InvalidInput
from memq.memory.model import Budgets
from memq.memory.state import MemoryState
from memq.tokens import ELLIPSIS, estimate_tokens
from schemas.messages import Role
from tests.context.checks import all_formats, assert_valid_anthropic
from tests.context.factories import fact, memory, messages

SEED_000_CONTEXT = """\
[EARLY CONVERSATION - Messages 1-45]
User initiated contact asking about coffee makers. Discussed various
models and features. Expressed interest in portable options for travel.

[MID CONVERSATION - Messages 46-80]
Focused on Nanopresso model. Compared with Minipresso. Discussed warranty
(2 years), payment methods, and shipping options. User showed strong interest
in subscription model.

[RECENT MESSAGES - Messages 81-95]
User asked for installation guide. We provided step-by-step instructions.
User confirmed successful setup and asked follow-up questions about maintenance.

[KEY FACTS]
• Product: Nanopresso coffee maker
• Price: 8,249,000 Toman
• Warranty: 2 years
• Payment: Subscription model preferred
• Status: Delivered and installed

[CURRENT MESSAGES - Last 5]
User: چطوری هستید؟
AI: سلام! خوبم ممنون. چطور می‌تونم کمکتون کنم؟
User: سوال دارم درباره گارانتی
AI: حتماً! محصولات ما دارای 2 سال گارانتی هستند.
User: عالیه، ممنون"""


def seed_000_memory() -> MemoryState:
    sections = SEED_000_CONTEXT.split("\n\n")
    bodies = [section.split("\n", 1)[1] for section in sections[:3]]
    return memory(
        old=bodies[0],
        mid=bodies[1],
        recent=bodies[2],
        facts=[
            # most recently updated first in the output: the seed's order
            fact("product", "Nanopresso coffee maker", minutes_ago=1),
            fact("price", "8,249,000 Toman", minutes_ago=2),
            fact("warranty", "2 years", minutes_ago=3),
            fact("payment", "Subscription model preferred", minutes_ago=4),
            fact("status", "Delivered and installed", minutes_ago=5),
        ],
    )


PERSIAN_TURNS: list[tuple[Role, str]] = [
    ("user", "چطوری هستید؟"),
    ("assistant", "سلام! خوبم ممنون. چطور می‌تونم کمکتون کنم؟"),
    ("user", "سوال دارم درباره گارانتی"),
    ("assistant", "حتماً! محصولات ما دارای 2 سال گارانتی هستند."),
    ("user", "عالیه، ممنون"),
]
ENGLISH_TURNS: list[tuple[Role, str]] = [
    ("user", "Hi, is the Nanopresso still on sale?"),
    ("assistant", "Yes, it costs 8,249,000 Toman with a two-year warranty."),
    ("user", "Can I pay by subscription?"),
    ("assistant", "Sure, monthly subscription is available."),
    ("user", "Great, please send order A-1234 to Tehran."),
]
THAI_TURNS: list[tuple[Role, str]] = [
    ("user", "สวัสดีครับ เครื่องชงกาแฟแบบพกพาราคาเท่าไหร่ครับ"),
    ("assistant", "ราคา 2,490 บาทครับ รับประกันสองปี"),
    ("user", "จัดส่งไปเชียงใหม่ได้ไหมครับ"),
    ("assistant", "ได้ครับ ส่งฟรีภายในสามวัน"),
    ("user", "ขอบคุณครับ สั่งเลยครับ"),
]
LANGUAGES: dict[str, dict[str, Any]] = {
    "english": {
        "turns": ENGLISH_TURNS,
        "tiers": (
            "User asked about portable coffee makers for travel.",
            "Compared Nanopresso and Minipresso; warranty two years.",
            "User asked about payment by subscription.",
        ),
        "facts": [("product", "Nanopresso"), ("order_id", "A-1234"), ("city", "Tehran")],
    },
    "persian": {
        "turns": PERSIAN_TURNS,
        "tiers": (
            "کاربر درباره قهوه‌ساز قابل حمل برای سفر پرسید.",
            "نانوپرسو و مینی‌پرسو مقایسه شدند؛ گارانتی دو سال است.",
            "کاربر درباره پرداخت اشتراکی سوال کرد.",
        ),
        "facts": [("محصول", "نانوپرسو"), ("قیمت", "۸٬۲۴۹٬۰۰۰ تومان"), ("گارانتی", "دو سال")],
    },
    "thai": {
        "turns": THAI_TURNS,
        "tiers": (
            "ลูกค้าถามเรื่องเครื่องชงกาแฟแบบพกพาสำหรับเดินทาง",
            "เปรียบเทียบรุ่นต่าง ๆ รับประกันสองปี",
            "ลูกค้าถามเรื่องการจัดส่งไปเชียงใหม่",
        ),
        "facts": [("สินค้า", "เครื่องชงกาแฟ"), ("ราคา", "2,490 บาท"), ("เมือง", "เชียงใหม่")],
    },
}


def full_memory(language: str) -> MemoryState:
    spec = LANGUAGES[language]
    old, mid, recent = spec["tiers"]
    facts = [fact(key, value, minutes_ago=i) for i, (key, value) in enumerate(spec["facts"])]
    return memory(old=old, mid=mid, recent=recent, facts=facts)


# -- seed 000's layout -----------------------------------------------------------------


def test_text_layout_is_seed_000_exactly() -> None:
    # Given seed 000's tiers, key facts and last five (Persian) messages
    state = seed_000_memory()
    pending = messages(PERSIAN_TURNS, first_position=96)

    # When the context is assembled with the default budgets and room to spare
    ctx = assemble(state, pending, total_messages=100, budget=4000, budgets=Budgets())

    # Then the text is seed 000's example, headings, ranges and bullets included
    assert render_text(ctx) == SEED_000_CONTEXT
    assert ctx.dropped == []
    assert ctx.estimated_tokens["text"] == estimate_tokens(SEED_000_CONTEXT)


# -- a session with no summaries yet ---------------------------------------------------


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_session_without_summaries_in_every_format(language: str) -> None:
    # Given a young session: three messages, nothing folded, no facts
    turns = LANGUAGES[language]["turns"][:3]
    pending = messages(turns)

    # When its context is assembled
    ctx = assemble(MemoryState(), pending, total_messages=3, budget=500, budgets=Budgets())

    # Then only the current messages appear, in every format
    text = render_text(ctx)
    assert text.startswith("[CURRENT MESSAGES - Last 3]\nUser: ")
    assert "[KEY FACTS]" not in text and "CONVERSATION" not in text
    data = render_json(ctx)
    assert data["tiers"] == [] and data["facts"] == [] and data["unfolded"] == []
    assert [m["content"] for m in data["verbatim"]] == [content for _, content in turns]
    assert data["covered"]["verbatim"] == {"first_position": 1, "last_position": 3}
    payload = render_anthropic(ctx)
    assert payload["system"] == ""
    assert [t["content"] for t in payload["messages"]] == [content for _, content in turns]
    assert_valid_anthropic(payload)
    assert all_formats(ctx) == ctx.estimated_tokens
    json.dumps(data)  # JSON-ready as is


# -- all tiers and facts, three languages ----------------------------------------------


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_all_tiers_and_facts_in_every_format(language: str) -> None:
    # Given a long session: three tiers, key facts and the last five messages
    state = full_memory(language)
    pending = messages(LANGUAGES[language]["turns"], first_position=96)

    # When its context is assembled with room to spare
    ctx = assemble(state, pending, total_messages=100, budget=3000, budgets=Budgets())

    # Then every section is there, with its range, in every format
    text = render_text(ctx)
    headings = [line for line in text.splitlines() if line.startswith("[")]
    assert headings == [
        "[EARLY CONVERSATION - Messages 1-45]",
        "[MID CONVERSATION - Messages 46-80]",
        "[RECENT MESSAGES - Messages 81-95]",
        "[KEY FACTS]",
        "[CURRENT MESSAGES - Last 5]",
    ]
    for _, value in LANGUAGES[language]["facts"]:
        assert value in text
    data = render_json(ctx)
    assert [t["tier"] for t in data["tiers"]] == ["old", "mid", "recent"]
    assert data["covered"]["mid"] == {"first_position": 46, "last_position": 80}
    assert [m["position"] for m in data["verbatim"]] == [96, 97, 98, 99, 100]
    assert data["freshness"] == {
        "last_message_id": "m100",
        "last_message_seq": 1100,
        "pending_unfolded": 0,
    }
    payload = render_anthropic(ctx)
    assert "[EARLY CONVERSATION - Messages 1-45]" in payload["system"]
    assert "[KEY FACTS]" in payload["system"]
    assert len(payload["messages"]) == 5
    assert_valid_anthropic(payload)
    assert all_formats(ctx) == ctx.estimated_tokens
    assert max(ctx.estimated_tokens.values()) <= 3000


# -- the overall budget ----------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_min_budget_keeps_the_newest_message_in_every_format(language: str) -> None:
    # Given a long session whose memory is far over MIN_BUDGET
    state = full_memory(language)
    pending = messages(LANGUAGES[language]["turns"], first_position=96)

    # When the context is asked for within MIN_BUDGET tokens
    ctx = assemble(state, pending, total_messages=100, budget=MIN_BUDGET, budgets=Budgets())

    # Then every format is within it, the newest message is there, and summaries went first
    assert max(all_formats(ctx).values()) <= MIN_BUDGET
    assert ctx.verbatim[-1].message_id == "m100"
    kinds = [item.kind for item in ctx.dropped]
    assert kinds[:2] == ["tier:old", "tier:mid"]
    assert_valid_anthropic(render_anthropic(ctx))


def test_large_budget_drops_nothing() -> None:
    # Given seed 000's session with unfolded messages waiting for the next fold
    state = seed_000_memory()
    pending = messages(ENGLISH_TURNS + PERSIAN_TURNS, first_position=96)

    # When the context is asked for within a large budget
    ctx = assemble(state, pending, total_messages=105, budget=100_000, budgets=Budgets())

    # Then nothing is dropped, and the unfolded messages appear under their own heading
    assert ctx.dropped == []
    text = render_text(ctx)
    assert "[UNSUMMARIZED MESSAGES - Messages 96-100]\nUser: Hi, is the Nanopresso" in text
    assert text.index("[KEY FACTS]") < text.index("[UNSUMMARIZED") < text.index("[CURRENT")
    assert [m.position for m in ctx.unfolded] == [96, 97, 98, 99, 100]
    assert ctx.freshness.pending_unfolded == 5
    assert "[UNSUMMARIZED MESSAGES - Messages 96-100]" in render_anthropic(ctx)["system"]


def test_shrinking_drops_old_then_mid_then_unfolded_oldest_first() -> None:
    # Given seed 000's session with five unfolded messages
    state = seed_000_memory()
    pending = messages(ENGLISH_TURNS + PERSIAN_TURNS, first_position=96)
    full = assemble(state, pending, total_messages=105, budget=100_000, budgets=Budgets())
    need = max(full.estimated_tokens.values())

    # When the budget is a little short of the whole context
    ctx = assemble(state, pending, total_messages=105, budget=need - 100, budgets=Budgets())

    # Then old and mid went first, then the oldest unfolded messages; recent and facts stay
    kinds = [item.kind for item in ctx.dropped]
    assert kinds[:2] == ["tier:old", "tier:mid"]
    assert all(kind.startswith("message:") for kind in kinds[2:])
    dropped_ids = kinds[2:]
    kept = [m.message_id for m in ctx.unfolded]
    assert dropped_ids + [f"message:{i}" for i in kept] == [f"message:m{p}" for p in range(96, 101)]
    assert [t.tier.value for t in ctx.tiers] == ["recent"]
    assert len(ctx.facts) == 5
    assert max(ctx.estimated_tokens.values()) <= need - 100


def test_facts_go_least_recently_updated_first() -> None:
    # Given a session with only facts and messages
    state = memory(facts=[fact(f"key_{i}", f"value number {i}", minutes_ago=i) for i in range(8)])
    pending = messages(ENGLISH_TURNS)

    # When the budget holds the messages and only some facts
    ctx = assemble(state, pending, total_messages=5, budget=110, budgets=Budgets())

    # Then the kept facts are the most recently updated, and the dropped ones the oldest
    kept = [f.key for f in ctx.facts]
    assert kept == [f"key_{i}" for i in range(len(kept))]
    assert 0 < len(kept) < 8
    assert [item.kind for item in ctx.dropped] == [
        f"fact:key_{i}" for i in range(7, len(kept) - 1, -1)
    ]


def test_newest_message_alone_over_budget_is_cut_with_an_ellipsis() -> None:
    # Given a newest message far longer than any budget
    long_text = " ".join(["The warranty covers the pump and the seals for two years."] * 80)
    pending = messages([("assistant", "How can I help?"), ("user", long_text)])

    # When the context is asked for within MIN_BUDGET
    ctx = assemble(MemoryState(), pending, total_messages=2, budget=MIN_BUDGET, budgets=Budgets())

    # Then the newest message is kept, cut, ending "…", and the cut is recorded
    newest = ctx.verbatim[-1]
    assert newest.message_id == "m2" and newest.truncated
    assert newest.content.endswith(ELLIPSIS)
    assert long_text.startswith(newest.content[:-1])
    assert [item.kind for item in ctx.dropped] == ["message:m1", "truncated:m2"]
    assert max(all_formats(ctx).values()) <= MIN_BUDGET


def test_verbatim_budget_pushes_older_window_messages_to_unfolded() -> None:
    # Given five messages and a verbatim budget that holds about two of them
    pending = messages(ENGLISH_TURNS)
    budgets = Budgets(verbatim=30)

    # When the context is assembled with room overall
    ctx = assemble(MemoryState(), pending, total_messages=5, budget=1000, budgets=budgets)

    # Then the newest fit the verbatim section, the others are shown as unfolded, none is lost
    verbatim_lines = "\n".join(f"x: {m.content}" for m in ctx.verbatim)
    assert estimate_tokens(verbatim_lines) <= 30
    assert [m.position for m in ctx.unfolded + ctx.verbatim] == [1, 2, 3, 4, 5]
    assert ctx.unfolded and ctx.dropped == []


def test_pending_capped_by_the_caller_is_reported() -> None:
    # Given 30 unfolded messages of which the caller passes only the newest 8
    turns: list[tuple[Role, str]] = [("user", f"message {i}") for i in range(8)]
    pending = messages(turns, first_position=23)

    # When the context is assembled
    ctx = assemble(MemoryState(), pending, total_messages=30, budget=1000, budgets=Budgets())

    # Then positions count from the end and the missing span is reported
    assert [m.position for m in ctx.unfolded] == [23, 24, 25]
    assert ctx.verbatim[-1].position == 30
    assert ctx.dropped[0].kind == "messages:not_provided"
    assert "1-22" in ctx.dropped[0].detail
    assert ctx.freshness.pending_unfolded == 25


def test_facts_show_the_latest_value_per_key_most_recent_first() -> None:
    # Given a fact stored twice for one key, and another fact
    state = memory(
        facts=[
            fact("price", "8,000,000 Toman", minutes_ago=30),
            fact("order_id", "A-1", minutes_ago=10),
            fact("price", "8,249,000 Toman", minutes_ago=5),
        ]
    )

    # When the context is assembled
    ctx = assemble(
        state, messages(ENGLISH_TURNS[:1]), total_messages=1, budget=500, budgets=Budgets()
    )

    # Then each key appears once, with its latest value, newest first, prettified in text
    assert [(f.key, f.value) for f in ctx.facts] == [
        ("price", "8,249,000 Toman"),
        ("order_id", "A-1"),
    ]
    assert "[KEY FACTS]\n• Price: 8,249,000 Toman\n• Order id: A-1" in render_text(ctx)


def test_no_messages_at_all() -> None:
    # Given a session with nothing pending (nothing stored yet)
    # When its context is assembled
    ctx = assemble(MemoryState(), [], total_messages=0, budget=MIN_BUDGET, budgets=Budgets())

    # Then every format is empty but valid
    assert render_text(ctx) == ""
    assert render_anthropic(ctx) == {"system": "", "messages": []}
    assert ctx.freshness.last_message_id is None
    assert ctx.estimated_tokens == {"text": 0, "json": 0, "anthropic": 0}


@pytest.mark.parametrize("budget", [0, 1, MIN_BUDGET - 1])
def test_budget_below_minimum_is_invalid_input(budget: int) -> None:
    # Given a budget below MIN_BUDGET / When assembling / Then InvalidInput names the minimum
    with pytest.raises(InvalidInput, match=f"at least {MIN_BUDGET} tokens"):
        assemble(
            MemoryState(),
            messages(ENGLISH_TURNS),
            total_messages=5,
            budget=budget,
            budgets=Budgets(),
        )


def test_fewer_total_messages_than_pending_is_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="total_messages"):
        assemble(
            MemoryState(), messages(ENGLISH_TURNS), total_messages=3, budget=500, budgets=Budgets()
        )
