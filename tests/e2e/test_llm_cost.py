"""What memory costs, over HTTP (issue 12, item 3): a gateway and a worker over RabbitMQ,
the worker's Claude being the real ``anthropic`` client against the loopback Messages API.

An account with a daily token budget gets Claude until the budget is spent, then the
offline engine, and ``GET …/memory`` says so; the tokens show in the session's analytics
and the account's stats; another account's spending and budget are its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.support.processes import wait_for
from domain.memory.budget import BUDGET_REASON
from tests.e2e.conftest import ACCOUNT_A, KEY_B, Stack, running_stack
from tests.support.fake_anthropic import FakeAnthropic, Reply, text_reply, tool_reply

pytestmark = pytest.mark.e2e

#: A fold costs 310 tokens here (summary 100 + 20, facts 150 + 40): the second crosses it.
BUDGET = 400
FOLD = {"input_tokens": 250, "output_tokens": 60, "calls": 2}


def claude(body: dict[str, Any]) -> Reply:
    if body.get("tools"):
        return tool_reply("record_facts", {"facts": []})
    return text_reply("The customer asked about orders and paid for them.")


@pytest.fixture
def stack(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[Stack]:
    fake = FakeAnthropic.start(claude)
    try:
        with running_stack(
            amqp_url,
            queue_prefix,
            tmp_path,
            ANTHROPIC_API_KEY="sk-test-not-a-real-key",
            MEMQ_ANTHROPIC_BASE_URL=fake.base_url,
            MEMQ_LLM_MAX_RETRIES="0",
            MEMQ_ACCOUNT_OVERRIDES=json.dumps({ACCOUNT_A: {"llm_daily_tokens": BUDGET}}),
        ) as deployment:
            yield deployment
    finally:
        fake.close()


def converse(stack: Stack, session: str, count: int, key: str | None = None) -> None:
    with stack.client(*(() if key is None else (key,))) as client:
        for i in range(count):
            role = "user" if i % 2 == 0 else "assistant"
            body = {"message_id": f"{session}-{i}", "role": role, "content": f"Order A-{i} paid."}
            assert client.post(f"/v1/sessions/{session}/messages", json=body).status_code == 202


def get(stack: Stack, path: str, key: str | None = None) -> dict[str, Any]:
    with stack.client(*(() if key is None else (key,))) as client:
        response = client.get(path)
    response.raise_for_status()
    answer: dict[str, Any] = response.json()
    return answer


def test_past_its_daily_budget_an_account_gets_the_offline_engine_and_is_told(
    stack: Stack,
) -> None:
    # Given account A with a budget of 400 tokens a day, and 30 messages: 25 to fold
    converse(stack, "s-cost", 30)
    wait_for(
        lambda: get(stack, "/v1/sessions/s-cost/memory")["folded_messages"] == 25,
        timeout=60,
        interval=0.3,
    )
    # Then Claude did two folds, whose 620 tokens crossed the budget; the rest was offline,
    # and GET .../memory says why and until when (the next UTC midnight)
    memory = get(stack, "/v1/sessions/s-cost/memory")
    fallback = memory["engine_fallback"]
    assert fallback is not None and fallback["reason"] == BUDGET_REASON
    until = datetime.fromisoformat(fallback["until"])
    now = datetime.now(UTC)
    assert until.time().isoformat() == "00:00:00" and now < until <= now + timedelta(days=1)
    assert memory["tiers"][-1]["engine"] == "offline"
    assert memory["tiers"][-1]["engine_reason"] == BUDGET_REASON
    # And the session's analytics and the account's stats show what was spent
    two_folds = {name: 2 * n for name, n in FOLD.items()}
    assert get(stack, "/v1/analytics/sessions/s-cost")["llm_usage"] == two_folds
    usage = get(stack, "/v1/stats")["llm_usage"]
    assert (usage["today"], usage["total"]) == (two_folds, two_folds)
    assert (usage["daily_token_budget"], usage["day"]) == (BUDGET, now.date().isoformat())

    # When account B, without a budget, has a session of the same id folded
    converse(stack, "s-cost", 10, key=KEY_B)
    wait_for(
        lambda: get(stack, "/v1/sessions/s-cost/memory", KEY_B)["folded_messages"] == 5,
        timeout=60,
        interval=0.3,
    )
    # Then B had Claude, and B's figures are B's own; A's did not move
    memory_b = get(stack, "/v1/sessions/s-cost/memory", KEY_B)
    assert memory_b["engine_fallback"] is None
    assert memory_b["tiers"][0]["engine"].startswith("claude:")
    usage_b = get(stack, "/v1/stats", KEY_B)["llm_usage"]
    assert (usage_b["total"], usage_b["daily_token_budget"]) == (FOLD, None)
    assert get(stack, "/v1/stats")["llm_usage"]["total"] == two_folds
