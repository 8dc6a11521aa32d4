"""domain.context.render: the Anthropic Messages shape, JSON and key names."""

from __future__ import annotations

import json

from domain.context import MIN_BUDGET, assemble, render, render_anthropic, render_json, render_text
from domain.context.render import pretty_key
from domain.tokens import estimate_tokens
from schemas.memory_model import Budgets
from schemas.memory_state import MemoryState
from schemas.messages import Role
from tests.context.factories import fact, memory, messages


def anthropic_payload(turns: list[tuple[Role, str]]) -> dict[str, object]:
    ctx = assemble(
        MemoryState(),
        messages(turns),
        total_messages=len(turns),
        budget=2000,
        budgets=Budgets(),
        verbatim_count=len(turns),
    )
    return render_anthropic(ctx)


def test_leading_assistant_turns_move_to_the_system_block() -> None:
    # Given a window that starts with the assistant's answers
    turns: list[tuple[Role, str]] = [
        ("assistant", "Our warranty is two years."),
        ("assistant", "Anything else?"),
        ("user", "No, thanks."),
    ]

    # When rendered for the Messages API
    payload = anthropic_payload(turns)

    # Then they are a transcript in system, under the text format's heading of the current
    # messages (the last 3, the user's turn included), and the first turn is the user's
    assert payload["system"] == (
        "[CURRENT MESSAGES - Last 3]\nAssistant: Our warranty is two years.\n"
        "Assistant: Anything else?"
    )
    assert payload["messages"] == [{"role": "user", "content": "No, thanks."}]


def test_system_messages_go_to_system_and_same_role_neighbours_merge() -> None:
    # Given user, system, user, assistant, assistant (with stray whitespace)
    turns: list[tuple[Role, str]] = [
        ("user", "Hi"),
        ("system", "The user is a VIP customer."),
        ("user", "  Where is my order?  "),
        ("assistant", "On its way."),
        ("assistant", "It arrives tomorrow.\n"),
    ]

    # When rendered for the Messages API
    payload = anthropic_payload(turns)

    # Then the system message is in system, and turns alternate with stripped contents
    assert payload["system"] == "[SYSTEM MESSAGES]\nSystem: The user is a VIP customer."
    assert payload["messages"] == [
        {"role": "user", "content": "Hi\n\nWhere is my order?"},
        {"role": "assistant", "content": "On its way.\n\nIt arrives tomorrow."},
    ]


def test_only_assistant_messages_leave_no_turns() -> None:
    # Given a session whose only message is the assistant's greeting
    payload = anthropic_payload([("assistant", "Welcome! How can I help?")])

    # Then messages is empty (the caller appends the user's new turn) and system holds it
    assert payload["messages"] == []
    assert "Assistant: Welcome! How can I help?" in str(payload["system"])


def test_json_is_serializable_and_counts_the_text_layout() -> None:
    # Given a session with a tier, a fact and messages
    state = memory(
        recent="User asked about the warranty.",
        spans=(0, 0, 10),
        facts=[fact("warranty", "2 years")],
    )
    pending = messages([("user", "Thanks!")], first_position=11)
    ctx = assemble(state, pending, total_messages=11, budget=MIN_BUDGET * 4, budgets=Budgets())

    # When rendered as JSON
    data = render_json(ctx)

    # Then it round-trips through json, and its estimate is the text layout's
    assert json.loads(json.dumps(data)) == data
    assert data["estimated_tokens"] == estimate_tokens(render_text(ctx))
    assert data["tiers"][0]["tier"] == "recent"
    assert data["facts"][0]["key"] == "warranty"
    assert data["covered"]["recent"] == {"first_position": 1, "last_position": 10}
    assert data["covered"]["old"] is None
    assert render(ctx, "json") == data and render(ctx, "text") == render_text(ctx)


def test_json_gives_each_sections_tokens_as_the_text_lays_it_out() -> None:
    # Given a context with a summary, a fact and messages shown word for word
    state = memory(
        recent="User asked about the warranty.",
        spans=(0, 0, 10),
        facts=[fact("warranty", "2 years")],
    )
    pending = messages([("user", "Thanks!"), ("assistant", "You are welcome.")], 11)
    ctx = assemble(state, pending, total_messages=12, budget=MIN_BUDGET * 4, budgets=Budgets())

    # When rendered as JSON
    sections = render_json(ctx)["section_tokens"]

    # Then each section present is counted as the text shows it, and only those
    text_sections = render_text(ctx).split("\n\n")
    assert list(sections) == ["recent", "facts", "verbatim"]
    assert list(sections.values()) == [estimate_tokens(part) for part in text_sections]


def test_pretty_key() -> None:
    assert pretty_key("order_id") == "Order id"
    assert pretty_key("payment-method") == "Payment method"
    assert pretty_key("قیمت") == "قیمت"
