"""domain.context.assemble: sections, the order of priority and the budget, in the three formats."""

from __future__ import annotations

import json
from typing import Any

import pytest

from domain.context import (
    MIN_BUDGET,
    assemble,
    render_anthropic,
    render_json,
    render_text,
)
from domain.tokens import ELLIPSIS, estimate_tokens
from schemas.errors import InvalidInput
from schemas.memory_model import Budgets, FactValue
from schemas.memory_state import MemoryState
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
Assistant: سلام! خوبم ممنون. چطور می‌تونم کمکتون کنم؟
User: سوال دارم درباره گارانتی
Assistant: حتماً! محصولات ما دارای 2 سال گارانتی هستند.
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
    recent = messages(PERSIAN_TURNS, first_position=96)

    # When the context is assembled at the default budget, 1,200 tokens
    ctx = assemble(state, recent, total_messages=100, budget=1200, budgets=Budgets())

    # Then the text is seed 000's example, headings, ranges, bullets and labels included
    assert render_text(ctx) == SEED_000_CONTEXT
    assert ctx.dropped == []
    assert ctx.estimated_tokens["text"] == estimate_tokens(SEED_000_CONTEXT)


def test_one_voice_the_same_labels_and_headings_in_every_format() -> None:
    # Given seed 000's session
    ctx = assemble(
        seed_000_memory(),
        messages(PERSIAN_TURNS, first_position=96),
        total_messages=100,
        budget=1200,
        budgets=Budgets(),
    )

    # Then the text format labels every turn "User:" or "Assistant:", like the summaries
    text = render_text(ctx)
    assert "AI:" not in text
    assert text.count("Assistant:") == 2
    # and the Anthropic format's system block carries the same sections under the same
    # headings as the text, word for word
    payload = render_anthropic(ctx)
    assert payload["system"] == text.split("\n\n[CURRENT MESSAGES")[0]
    # and JSON the same sections as data
    data = render_json(ctx)
    assert [t["label"] for t in data["tiers"]] == [
        "EARLY CONVERSATION",
        "MID CONVERSATION",
        "RECENT MESSAGES",
    ]


# -- a session with no summaries yet ---------------------------------------------------


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_session_without_summaries_in_every_format(language: str) -> None:
    # Given a young session: three messages, nothing folded, no facts
    turns = LANGUAGES[language]["turns"][:3]
    recent = messages(turns)

    # When its context is assembled
    ctx = assemble(MemoryState(), recent, total_messages=3, budget=500, budgets=Budgets())

    # Then only the current messages appear, in every format
    text = render_text(ctx)
    assert text.startswith("[CURRENT MESSAGES - Last 3]\nUser: ")
    assert "[KEY FACTS]" not in text and "CONVERSATION" not in text
    data = render_json(ctx)
    assert data["tiers"] == [] and data["facts"] == []
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
    # Given a long session: three tiers, key facts and the last five messages read
    state = full_memory(language)
    recent = messages(LANGUAGES[language]["turns"], first_position=96)

    # When its context is assembled with room to spare
    ctx = assemble(state, recent, total_messages=100, budget=3000, budgets=Budgets())

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
        "pending_since": None,
        "pending_age_seconds": 0.0,
    }
    payload = render_anthropic(ctx)
    assert "[EARLY CONVERSATION - Messages 1-45]" in payload["system"]
    assert "[KEY FACTS]" in payload["system"]
    assert len(payload["messages"]) == 5
    assert_valid_anthropic(payload)
    assert all_formats(ctx) == ctx.estimated_tokens
    assert max(ctx.estimated_tokens.values()) <= 3000


# -- the budget, used in full ------------------------------------------------------------

SUPPORT_CHAT: list[tuple[Role, str]] = [
    ("user", "Hi, this is Sara. My desk order hasn't arrived."),
    ("assistant", "Sorry to hear that, Sara. Could you share your order number?"),
    ("user", "Sure, it's ORD-48213."),
    ("assistant", "Thanks. I see it shipped on Monday to 12 Elm Street."),
    ("user", "Oh, I moved last week. My new address is 7 Zand Boulevard, Shiraz."),
    ("assistant", "Updated: it will go to 7 Zand Boulevard. Delivery is on 14 November."),
    ("user", "Can you leave it with the doorman?"),
    ("assistant", "Of course, I've added that note for the driver."),
    ("user", "And I have a coupon, SPRING15."),
    ("assistant", "Applied. Your new total is $84.00 instead of $96.00."),
    ("user", "Great, thanks a lot!"),
    ("assistant", "You're welcome. Anything else?"),
    ("user", "No, that's all."),
]


def test_when_the_history_fits_the_context_is_the_history_word_for_word() -> None:
    # Given a 13-message chat already folded into a summary and facts
    state = memory(
        recent="User: My desk order hasn't arrived.\nAssistant: It shipped on Monday.",
        spans=(0, 0, 8),
        facts=[fact("order_id", "ORD-48213"), fact("delivery_address", "7 Zand Boulevard")],
    )
    recent = messages(SUPPORT_CHAT)

    # When the context is asked for with room for all of it
    ctx = assemble(state, recent, total_messages=13, budget=600, budgets=Budgets())

    # Then every message is shown as written, the summary of messages shown is left out,
    # and the key facts stay
    assert [m.content for m in ctx.verbatim] == [content for _, content in SUPPORT_CHAT]
    assert ctx.tiers == []
    assert [f.key for f in ctx.facts] == ["order_id", "delivery_address"]
    assert render_text(ctx).startswith("[KEY FACTS]")


def test_leftover_budget_goes_to_more_messages_word_for_word() -> None:
    # Given a long session: summaries of messages 1-95 and the newest 60 messages read
    state = full_memory("english")
    turns: list[tuple[Role, str]] = [
        (
            "user" if i % 2 else "assistant",
            f"Message {i}: about the order, its delivery and the desk.",
        )
        for i in range(41, 101)
    ]
    recent = messages(turns, first_position=41)
    sizes = {}
    for budget in (300, 600, 900, 1200):
        ctx = assemble(state, recent, total_messages=100, budget=budget, budgets=Budgets())
        sizes[budget] = len(ctx.verbatim)
        # Then the budget is used: what is left is less than the next message would cost
        used = max(ctx.estimated_tokens.values())
        assert budget - used < 25 or len(ctx.verbatim) == len(recent)
    # and more budget shows more messages, the window and beyond it
    assert sizes[300] < sizes[600] < sizes[900] <= sizes[1200]
    assert sizes[1200] > 5


def test_a_summary_whose_messages_are_all_shown_costs_nothing() -> None:
    # Given summaries of messages 1-95 and all 100 messages read
    state = full_memory("english")
    turns = [("user" if i % 2 else "assistant", f"Short line {i}.") for i in range(1, 101)]
    recent = messages(turns)

    # When the budget fits every message
    ctx = assemble(state, recent, total_messages=100, budget=4000, budgets=Budgets())

    # Then no summary is shown: its messages are, word for word
    assert ctx.tiers == []
    assert len(ctx.verbatim) == 100
    assert not [d for d in ctx.dropped if d.kind.startswith("tier")]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_min_budget_keeps_the_newest_message_in_every_format(language: str) -> None:
    # Given a long session whose memory is far over MIN_BUDGET
    state = full_memory(language)
    recent = messages(LANGUAGES[language]["turns"], first_position=96)

    # When the context is asked for within MIN_BUDGET tokens
    ctx = assemble(state, recent, total_messages=100, budget=MIN_BUDGET, budgets=Budgets())

    # Then every format is within it, the newest message is there, summaries went
    kinds = {item.kind for item in ctx.dropped}
    assert max(all_formats(ctx).values()) <= MIN_BUDGET
    assert ctx.verbatim[-1].message_id == "m100"
    assert {"tier:old", "tier:mid", "tier:recent"} <= kinds
    assert_valid_anthropic(render_anthropic(ctx))


def test_facts_come_before_the_summaries_and_the_window_before_older_messages() -> None:
    # Given seed 000's session and a budget that holds part of it
    state = seed_000_memory()
    recent = messages(PERSIAN_TURNS, first_position=96)

    # When the context is assembled at a budget below what all of it needs
    ctx = assemble(state, recent, total_messages=100, budget=260, budgets=Budgets())

    # Then the newest messages and the facts are there, and the oldest summary is the one
    # cut: only what is left of the budget goes to it
    assert len(ctx.facts) == 5
    assert len(ctx.verbatim) == 5
    texts = {t.tier.value: t.text for t in ctx.tiers}
    whole = {t.tier.value: t.text.strip() for t in state.tiers()}
    assert texts["recent"] == whole["recent"] and texts["mid"] == whole["mid"]
    assert "old" not in texts or texts["old"].endswith(ELLIPSIS)
    assert any(d.kind in ("tier:old", "tier_truncated:old") for d in ctx.dropped)


def test_the_first_summary_that_does_not_fit_is_shortened_into_what_is_left() -> None:
    # Given a recent summary far longer than what is left after the facts and messages
    long_summary = " ".join(f"Point {i} about the Nanopresso order." for i in range(40))
    state = memory(recent=long_summary, spans=(0, 0, 95))
    recent = messages(ENGLISH_TURNS, first_position=96)

    # When the context is assembled with room for a part of it
    ctx = assemble(state, recent, total_messages=100, budget=200, budgets=Budgets(recent=1000))

    # Then the summary is shown cut at a word with an ellipsis, and said to be cut
    assert ctx.tiers and ctx.tiers[0].text.endswith(ELLIPSIS)
    assert any(d.kind == "tier_truncated:recent" for d in ctx.dropped)
    assert max(ctx.estimated_tokens.values()) <= 200


def test_newest_message_alone_over_budget_is_cut_with_an_ellipsis() -> None:
    # Given a newest message far longer than the budget
    recent = messages([("user", "word " * 2000)])

    # When assembled at MIN_BUDGET
    ctx = assemble(MemoryState(), recent, total_messages=1, budget=MIN_BUDGET, budgets=Budgets())

    # Then it is cut, ends with an ellipsis and is listed as truncated
    newest = ctx.verbatim[-1]
    assert newest.truncated and newest.content.endswith(ELLIPSIS)
    assert any(d.kind == "truncated:m1" for d in ctx.dropped)
    assert max(all_formats(ctx).values()) <= MIN_BUDGET


def test_messages_not_summarized_yet_and_not_shown_are_reported() -> None:
    # Given a memory that lags: 60 messages past its summaries, the newest 10 read
    state = full_memory("english")
    turns = [("user", f"Backlog message {i} with some words in it.") for i in range(146, 156)]
    recent = messages(turns, first_position=146)

    # When assembled at a small budget
    ctx = assemble(state, recent, total_messages=155, budget=150, budgets=Budgets())

    # Then the messages neither summarized nor shown are named by position, and the ones
    # not read at all too
    kinds = [d.kind for d in ctx.dropped]
    assert "messages:not_provided" in kinds
    first_shown = ctx.verbatim[0].position
    assert f"messages:146-{first_shown - 1}" in kinds


def test_a_summary_that_quotes_a_replaced_value_says_so() -> None:
    # Given a summary written before the customer moved, and the address fact since updated
    moved = fact("delivery_address", "7 Zand Boulevard").model_copy(
        update={
            "history": [
                FactValue(
                    value="12 Elm Street",
                    source_message_id="m4",
                    updated_at=fact("x", "y").updated_at,
                )
            ]
        }
    )
    state = memory(recent="Assistant: It shipped on Monday to 12 Elm Street.", facts=[moved])
    recent = messages(ENGLISH_TURNS, first_position=96)

    # When the context is assembled
    ctx = assemble(state, recent, total_messages=100, budget=1200, budgets=Budgets())

    # Then the old address never reads as current: the summary marks it replaced
    assert "12 Elm Street (replaced by 7 Zand Boulevard)" in ctx.tiers[0].text
    assert "• Delivery address: 7 Zand Boulevard" in render_text(ctx)


def test_facts_show_the_latest_value_per_key_most_recent_first() -> None:
    # Given facts stored in any order, one key twice
    state = memory(
        facts=[
            fact("price", "old price", minutes_ago=30),
            fact("product", "Nanopresso", minutes_ago=20),
            fact("price", "new price", minutes_ago=10),
        ]
    )

    # When assembled
    ctx = assemble(state, [], total_messages=0, budget=500, budgets=Budgets())

    # Then each key once, its latest value, most recently updated first
    assert [(f.key, f.value) for f in ctx.facts] == [
        ("price", "new price"),
        ("product", "Nanopresso"),
    ]


def test_no_messages_at_all() -> None:
    ctx = assemble(MemoryState(), [], total_messages=0, budget=MIN_BUDGET, budgets=Budgets())
    assert render_text(ctx) == ""
    assert ctx.verbatim == [] and ctx.dropped == []
    assert render_anthropic(ctx) == {"system": "", "messages": []}


@pytest.mark.parametrize("budget", [0, 1, MIN_BUDGET - 1])
def test_budget_below_minimum_is_invalid_input(budget: int) -> None:
    with pytest.raises(InvalidInput, match=f"at least {MIN_BUDGET}"):
        assemble(MemoryState(), [], total_messages=0, budget=budget, budgets=Budgets())


def test_fewer_total_messages_than_read_is_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="less than the messages passed"):
        assemble(
            MemoryState(),
            messages(ENGLISH_TURNS),
            total_messages=2,
            budget=500,
            budgets=Budgets(),
        )


def test_a_summary_quoting_a_value_named_as_old_marks_it() -> None:
    # Given a summary of the hinge quote, and "instead of $189.00" said since
    state = memory(
        recent="Assistant: A hinge replacement is $189.00, parts and labor.",
        spans=(0, 0, 95),
    ).model_copy(update={"replaced_values": ["$189.00"]})
    recent = messages(ENGLISH_TURNS, first_position=96)

    # When the context is assembled
    ctx = assemble(state, recent, total_messages=100, budget=1200, budgets=Budgets())

    # Then the summary says the quoted value is no longer current
    assert "$189.00 (replaced)" in ctx.tiers[0].text
