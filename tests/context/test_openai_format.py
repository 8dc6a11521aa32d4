"""``format=openai``: Chat Completions ``messages``, checked by the ``openai`` SDK itself.

The SDK's request types (``ChatCompletionMessageParam``) validate every
rendering of random multilingual sessions, and the real ``openai`` client
sends a context with the channel's own instructions to a loopback server,
which sees them as Chat Completions expects: instructions kept, memory after
them, system messages first, then alternating turns ending with the user.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import openai
from hypothesis import given, settings
from hypothesis import strategies as st
from openai.types.chat import ChatCompletionMessageParam
from pydantic import TypeAdapter

from domain.context import render_anthropic, render_openai
from schemas.memory_model import Budgets, TierName
from schemas.memory_state import MemoryState
from tests.context.factories import fact, messages, tier
from tests.context.test_context_properties import Scenario, scenarios
from tests.support.scripted_http import Answer, scripted_server

CHAT_MESSAGES = TypeAdapter(list[ChatCompletionMessageParam])
INSTRUCTIONS = "You are the support assistant of Nanopresso Ltd. Answer briefly."

COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1767261600,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "It ships on Friday."},
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
}


def assert_chat_completions_shape(chat: list[dict[str, Any]]) -> None:
    CHAT_MESSAGES.validate_python(chat)
    roles = [m["role"] for m in chat]
    systems = [role == "system" for role in roles]
    assert systems == sorted(systems, reverse=True), roles  # system messages first
    assert roles.count("system") <= 1
    turns = [m for m in chat if m["role"] != "system"]
    assert {m["role"] for m in turns} <= {"user", "assistant"}
    for before, after in pairwise(turns):
        assert before["role"] != after["role"], roles
    for message in chat:
        assert set(message) == {"role", "content"}
        assert message["content"].strip() != ""
    for turn in turns:
        assert turn["content"].strip() == turn["content"]


@settings(max_examples=80, deadline=None)
@given(scenarios(), st.integers(64, 3000))
def test_every_rendering_is_a_valid_chat_completions_request(
    scenario: Scenario, budget: int
) -> None:
    # Given a random session's context at a random budget
    ctx = scenario.assemble(budget)
    # When it is rendered for OpenAI
    chat = render_openai(ctx)
    # Then the SDK's types accept it, system first, turns alternating
    assert_chat_completions_shape(chat)
    # and it holds exactly what the Anthropic rendering holds
    anthropic = render_anthropic(ctx)
    system = [m["content"] for m in chat if m["role"] == "system"]
    assert system == ([anthropic["system"]] if anthropic["system"] else [])
    assert [m for m in chat if m["role"] != "system"] == anthropic["messages"]
    assert ctx.estimated_tokens["openai"] == ctx.estimated_tokens["anthropic"] <= budget


def test_the_openai_client_sends_instructions_then_memory_then_the_turns() -> None:
    # Given a session with a summary, a fact and its last turns
    state = MemoryState(
        folded_count=4,
        facts=[fact("order_id", "ORD-48213")],
        recent=tier(TierName.RECENT, "Sara asked about her Nanopresso order.", 1, 4),
    )
    recent = messages(
        [("user", "When does it ship?"), ("assistant", "Let me check."), ("user", "Thanks")],
        first_position=5,
    )
    ctx = Scenario(state, recent, 7, Budgets(), 5).assemble(2000)
    chat = render_openai(ctx)
    assert chat[0]["role"] == "system" and "ORD-48213" in chat[0]["content"]
    # When a channel calls Chat Completions with its instructions and the context
    with scripted_server([], default=Answer(200, COMPLETION)) as server:
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-test", max_retries=0)
        sent: list[Any] = [{"role": "system", "content": INSTRUCTIONS}, *chat]
        if sent[-1]["role"] != "user":
            sent.append({"role": "user", "content": "When does it ship?"})
        completion = client.chat.completions.create(model="gpt-4o-mini", messages=sent)
        body = server.requests[-1].json()
    # Then the request carried the instructions, then the memory, then the turns
    assert completion.choices[0].message.content == "It ships on Friday."
    assert body["messages"][0] == {"role": "system", "content": INSTRUCTIONS}
    assert body["messages"][1:] == chat
    assert_chat_completions_shape(body["messages"][1:])
    assert body["messages"][-1] == {"role": "user", "content": "Thanks"}
