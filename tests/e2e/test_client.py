"""The Python client against a real deployment: gateway and worker over the local RabbitMQ."""

from __future__ import annotations

import asyncio
import runpy
from pathlib import Path

import pytest

from bench.support.processes import wait_for
from memq_client import (
    AsyncMemqClient,
    BatchMessage,
    InvalidRequest,
    MemqClient,
    NotFound,
    RetryPolicy,
    Unauthorized,
    claude_messages,
)
from tests.e2e.conftest import KEY_A, KEY_B, Stack, running_stack
from tests.support.fake_anthropic import FakeAnthropic, text_reply
from tests.support.scripted_http import Answer, Forward, scripted_server

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]

FAST = RetryPolicy(max_attempts=4, deadline=20, backoff=0.05, max_backoff=0.2)


def test_sync_client_publishes_and_reads_the_context(stack: Stack) -> None:
    with MemqClient(stack.base_url, KEY_A, retry=FAST) as memq:
        # Given a conversation published by a channel
        turns = [
            ("user", "Hi, I'm Sara and I want the Nanopresso."),
            ("assistant", "The Nanopresso costs $89.99 with a 2 years warranty."),
            ("user", "Great, does it come in red?"),
        ]
        accepted = [
            memq.publish("cli-s1", role, text, user_id="u-sara", channel="web")  # type: ignore[arg-type]
            for role, text in turns
        ]
        assert all(not a.generated_id and a.session_id == "cli-s1" for a in accepted)
        assert [a.seq for a in accepted] == sorted(a.seq for a in accepted)
        wait_for(lambda: len(memq.messages("cli-s1").messages) == 3, timeout=30)

        # When it asks for the context in each format
        ctx = memq.context("cli-s1")
        text = memq.context("cli-s1", format="text", budget=500)
        data = memq.context("cli-s1", format="json")

        # Then the anthropic one is ready for the Messages API
        assert ctx.format == "anthropic" and ctx.estimated_tokens <= ctx.budget
        assert [t["role"] for t in ctx.messages or []] == ["user", "assistant", "user"]
        assert ctx.freshness["last_message_id"] == accepted[-1].message_id
        last_id = accepted[-1].message_id
        assert claude_messages(ctx, turns[-1][1], message_id=last_id) == ctx.messages
        assert text.text is not None and "[CURRENT MESSAGES - Last 3]" in text.text
        assert text.budget == 500
        assert data.context is not None and len(data.context["verbatim"]) == 3

        # And the session reads agree
        session = memq.get_session("cli-s1")
        assert (session.message_count, session.user_id, session.channel) == (3, "u-sara", "web")
        listed = memq.list_sessions(user_id="u-sara")
        assert [s.session_id for s in listed.sessions] == ["cli-s1"]
        assert memq.memory("cli-s1").unfolded_messages == 3
        assert memq.end_session("cli-s1", reason="resolved").status == "ended"
        assert memq.list_sessions(active=True).sessions == []

        # And the gateway's errors arrive typed
        with pytest.raises(NotFound) as missing:
            memq.context("cli-missing")
        assert (missing.value.status, missing.value.code) == (404, "not_found")
        with pytest.raises(InvalidRequest) as small:
            memq.context("cli-s1", budget=10)
        assert small.value.status == 422 and "budget" in small.value.detail
    with (
        MemqClient(stack.base_url, "not-a-key", retry=FAST) as stranger,
        pytest.raises(Unauthorized),
    ):
        stranger.context("cli-s1")
    with MemqClient(stack.base_url, KEY_B, retry=FAST) as other, pytest.raises(NotFound):
        other.context("cli-s1")


def test_async_client_publishes_and_reads_the_context(shared_stack: Stack) -> None:
    async def conversation() -> None:
        async with AsyncMemqClient(shared_stack.base_url, KEY_A, retry=FAST) as memq:
            await asyncio.gather(
                *(memq.publish(f"cli-a{i}", "user", f"question {i}") for i in range(5))
            )
            for i in range(5):
                while not (await memq.messages(f"cli-a{i}")).messages:
                    await asyncio.sleep(0.1)
            contexts = await asyncio.gather(*(memq.context(f"cli-a{i}") for i in range(5)))
            for i, ctx in enumerate(contexts):
                assert ctx.messages == [{"role": "user", "content": f"question {i}"}]
            created = await memq.create_session("u-1", title="support", channel="voice")
            assert (await memq.get_session(created.session_id)).title == "support"
            await memq.delete_session(created.session_id)
            with pytest.raises(NotFound):
                await memq.get_session(created.session_id)

    asyncio.run(asyncio.wait_for(conversation(), 60))


def test_retries_through_a_proxy_in_front_of_the_real_gateway(shared_stack: Stack) -> None:
    # Given a proxy in front of the real gateway that loses the first answer
    # (the gateway accepted the message; the channel saw a 503)
    lost = Forward(instead=Answer(503, {"error": {"code": "unavailable", "detail": "lost"}}))
    with scripted_server([lost], Forward(), upstream=shared_stack.base_url) as proxy:
        with MemqClient(proxy.url, KEY_A, retry=FAST) as memq:
            # When the channel publishes without choosing a message id
            accepted = memq.publish("cli-lost", "user", "only once, please")
        # Then the client retried with the same id
        posts = [r.json() for r in proxy.requests]
        assert len(posts) == 2 and posts[0] == posts[1]
        assert posts[0]["message_id"] == accepted.message_id
    # And memq stored the message once
    shared_stack.wait_for_count("cli-lost", 1)
    with MemqClient(shared_stack.base_url, KEY_A) as memq:
        wait_for(lambda: memq.get_session("cli-lost").message_count == 1, timeout=10)
        messages = memq.messages("cli-lost").messages
    assert [m.message_id for m in messages] == [accepted.message_id]

    # And a 404 from the real gateway is raised at once, never retried
    with (
        scripted_server([], Forward(), upstream=shared_stack.base_url) as proxy,
        MemqClient(proxy.url, KEY_A, retry=FAST) as memq,
    ):
        with pytest.raises(NotFound):
            memq.get_session("cli-nowhere")
        with pytest.raises(NotFound):
            memq.context("cli-nowhere")
    assert proxy.statuses == [404, 404]


def test_publish_many_stores_a_batch_once_though_its_answer_was_lost(shared_stack: Stack) -> None:
    # Given a proxy in front of the real gateway that loses the first answer
    lost = Forward(instead=Answer(503, {"error": {"code": "unavailable", "detail": "lost"}}))
    batch: list[BatchMessage] = [
        {"session_id": "cli-b1", "role": "user", "content": "Hi", "message_id": "wa:1"},
        {"session_id": "cli-b2", "role": "user", "content": "Hello", "user_id": "u-2"},
        {"session_id": "cli-b1", "role": "assistant", "content": "Hi! How can I help?"},
        {"session_id": "cli-b1", "role": "user", "content": "Is it red?", "channel": "web"},
    ]
    with scripted_server([lost], Forward(), upstream=shared_stack.base_url) as proxy:
        with MemqClient(proxy.url, KEY_A, retry=FAST) as memq:
            # When a channel publishes a batch over two sessions, mostly without ids
            accepted = memq.publish_many(batch)
        # Then the client retried the same batch, with the same generated ids
        posts = [r.json() for r in proxy.requests]
        assert len(posts) == 2 and posts[0] == posts[1]
    assert [a.session_id for a in accepted] == [m["session_id"] for m in batch]
    assert accepted[0].message_id == "wa:1" and not any(a.generated_id for a in accepted)
    # And memq stored each message once, in the order of the batch
    shared_stack.wait_for_count("cli-b1", 3)
    shared_stack.wait_for_count("cli-b2", 1)
    with MemqClient(shared_stack.base_url, KEY_A, retry=FAST) as memq:
        wait_for(lambda: memq.get_session("cli-b1").message_count == 3, timeout=10)
        stored = [m.message_id for m in memq.messages("cli-b1").messages]
        assert stored == [a.message_id for a in accepted if a.session_id == "cli-b1"]
        assert memq.get_session("cli-b2").user_id == "u-2"

        # And a message the gateway refuses (too large) refuses the whole batch, by index
        too_big: list[BatchMessage] = [
            {"session_id": "cli-b2", "role": "user", "content": "fine"},
            {"session_id": "cli-b2", "role": "user", "content": "x" * 40_000},
        ]
        with pytest.raises(InvalidRequest) as refused:
            memq.publish_many(too_big)
        assert refused.value.status == 413 and "messages[1]" in refused.value.detail
        # (a marker published after it arrives alone: nothing of the batch was queued)
        memq.publish("cli-b2", "user", "marker", message_id="cli-b2-marker")
        shared_stack.wait_for_count("cli-b2", 2)
        assert [m.message_id for m in memq.messages("cli-b2").messages] == [
            accepted[1].message_id,
            "cli-b2-marker",
        ]


def test_async_publish_many(shared_stack: Stack) -> None:
    async def publish() -> list[str]:
        async with AsyncMemqClient(shared_stack.base_url, KEY_A, retry=FAST) as memq:
            accepted = await memq.publish_many(
                [{"session_id": "cli-ab", "role": "user", "content": f"q{n}"} for n in range(5)]
            )
        return [a.message_id for a in accepted]

    message_ids = asyncio.run(asyncio.wait_for(publish(), 30))
    shared_stack.wait_for_count("cli-ab", 5)
    assert [m["message_id"] for m in shared_stack.stored_messages("cli-ab")] == message_ids


def test_the_real_rate_limit_is_waited_out(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    # Given a gateway that allows one request per second per account and answers
    # 429 at once (by default it would pace the second request instead)
    limits = {
        "MEMQ_RATE_LIMIT_PER_SECOND": "1",
        "MEMQ_RATE_LIMIT_BURST": "1",
        "MEMQ_RATE_LIMIT_MAX_WAIT": "0",
    }
    with (
        running_stack(amqp_url, queue_prefix, tmp_path, **limits) as stack,
        scripted_server([], Forward(), upstream=stack.base_url) as proxy,
        MemqClient(proxy.url, KEY_A, retry=FAST) as memq,
    ):
        # When the channel publishes twice in a row
        memq.publish("cli-rl", "user", "one")
        memq.publish("cli-rl", "user", "two")
        # Then the second was answered 429 with Retry-After, waited, and accepted
        assert proxy.statuses == [202, 429, 202]
    assert proxy.requests[1].json() == proxy.requests[2].json()


def documented_example() -> str:
    """The first Python block of docs/client.md: the chat turn the README points to."""
    text = (ROOT / "docs" / "client.md").read_text(encoding="utf-8")
    return text.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_documented_chat_turn_runs(
    stack: Stack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the example from docs/client.md, a real memq and a fake Claude
    fake = FakeAnthropic.start()
    monkeypatch.setenv("MEMQ_URL", stack.base_url)
    monkeypatch.setenv("MEMQ_API_KEY", KEY_A)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", fake.base_url)
    script = tmp_path / "channel.py"
    script.write_text(documented_example(), encoding="utf-8")
    example = runpy.run_path(str(script))
    try:
        # When a user talks to the channel for two turns
        fake.enqueue(text_reply("Hi Sara! The Nanopresso is $89.99.", model="claude-sonnet-4-6"))
        first = example["answer"]("doc-s1", "u-sara", "Hi, I'm Sara. Price of the Nanopresso?")
        wait_for(lambda: len(stack.stored_messages("doc-s1")) == 2, timeout=30, interval=0.2)
        fake.enqueue(text_reply("It has a 2 years warranty."))
        example["answer"](
            "doc-s1", "u-sara", "And the warranty?", sources=["kb-warranty"], confidence=0.9
        )
    finally:
        example["memq"].close()
        fake.close()
    # Then Claude saw memq's context with the new user turn last
    assert first == "Hi Sara! The Nanopresso is $89.99."
    second_call = fake.requests[1].json
    assert second_call["system"].startswith("You are Nanopresso's support assistant.")
    assert second_call["messages"] == [
        {"role": "user", "content": "Hi, I'm Sara. Price of the Nanopresso?"},
        {"role": "assistant", "content": "Hi Sara! The Nanopresso is $89.99."},
        {"role": "user", "content": "And the warranty?"},
    ]
    # And memq remembered both answers with their metadata
    wait_for(lambda: len(stack.stored_messages("doc-s1")) == 4, timeout=30, interval=0.2)
    answer = stack.stored_messages("doc-s1")[-1]
    assert answer["role"] == "assistant"
    metadata = answer["metadata"]
    assert isinstance(metadata, dict)
    assert metadata["sources"] == ["kb-warranty"] and metadata["confidence"] == 0.9
    assert metadata["tokens"] == {"input": 100, "output": 20}
    assert metadata["model"] == "claude-sonnet-4-6" and metadata["latency_ms"] >= 0
