"""Session lifecycle end to end: `memq gateway`, `memq worker` and `memq scheduler` processes.

Idle expiry with a 2-second timeout, then resume; analytics checked against
hand-computed figures; a maintenance worker SIGKILLed in the middle of a flush
(batches already written, job not acked) and a new one finishing it without
counting anything twice; retention by the on-demand cleanup and by a tick;
`memq serve` running its own scheduler. Another account sees none of it.

MongoDB's own crash window (figures written, messages not yet marked) is
reproduced exactly in ``tests/contract/test_lifecycle_contract.py``.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pika
import pytest

from bench.support.processes import MemqProcess, free_port, wait_for, wait_until_ready
from schemas.routing import ActorName, new_message, queue_name
from tests.e2e.conftest import ACCOUNT_A, ACCOUNT_B, KEY_A, KEY_B, Stack

pytestmark = pytest.mark.e2e

#: Fast lifecycle: idle after 2 s, ticks every second.
FAST = {
    "MEMQ_SESSION_IDLE_TIMEOUT": "2",
    "MEMQ_MAINTENANCE_INTERVAL": "1",
    "MEMQ_ANALYTICS_FLUSH_INTERVAL": "1",
}


@contextmanager
def lifecycle_stack(
    amqp_url: str, queue_prefix: str, tmp_path: Path, *worker_args: str, **extra: str
) -> Iterator[Stack]:
    """A gateway and one worker (``worker_args``), the MEMQ_* of ``extra`` for every process."""
    port = free_port()
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": queue_prefix,
        "MEMQ_DATA_DIR": str(tmp_path / "data"),
        "MEMQ_API_KEYS": f"{KEY_A}:{ACCOUNT_A},{KEY_B}:{ACCOUNT_B}",
        "MEMQ_PORT": str(port),
        "MEMQ_LOG_LEVEL": "INFO",
        "MEMQ_WORKER_METRICS_PORT": "0",  # several workers per test
        **extra,
    }
    gateway = MemqProcess(["gateway"], env, tmp_path / "gateway.log").start()
    stack = Stack(base_url=f"http://127.0.0.1:{port}", env=env, logs=tmp_path, gateway=gateway)
    try:
        stack.start_worker(*worker_args)
        wait_until_ready(stack.base_url, gateway)
        yield stack
    finally:
        for process in [*stack.workers, gateway]:
            process.stop()


def start_scheduler(stack: Stack) -> MemqProcess:
    """`memq scheduler`, stopped with the stack's workers."""
    scheduler = MemqProcess(["scheduler"], stack.env, stack.logs / "scheduler.log").start()
    stack.workers.append(scheduler)
    return scheduler


def post(
    client: httpx.Client, session_id: str, number: int, role: str, content: str, **body: Any
) -> None:
    response = client.post(
        f"/v1/sessions/{session_id}/messages",
        json={"message_id": f"{session_id}-{number}", "role": role, "content": content, **body},
    )
    assert response.status_code == 202, response.text


def get(client: httpx.Client, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


# -- idle expiry, analytics, history, resume -------------------------------------------------

TURNS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("user", "Hi, I need the Nanopresso", None),
    (
        "assistant",
        "It costs $89.99",
        {
            "confidence": 0.92,
            "sources": ["kb-price", "kb-product"],
            "model": "claude-haiku-4-5",
            "tokens": {"input": 40, "output": 10},
            "latency_ms": 200,
        },
    ),
    ("user", "What is the warranty?", None),
    ("assistant", "Probably a year?", {"confidence": 0.35, "sources": ["kb-warranty"]}),
    ("user", "Can I return it?", None),
    (
        "assistant",
        "Within 30 days",
        {"confidence": 0.8, "sources": ["kb-returns", "kb-product"], "latency_ms": 400},
    ),
    ("user", "thanks", None),
]


def test_an_idle_session_expires_is_finalized_and_resumes(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    with lifecycle_stack(amqp_url, queue_prefix, tmp_path, "--threads", "4", **FAST) as stack:
        start_scheduler(stack)
        with stack.client() as client:
            # Given a conversation of u1 on the web, whose answers carry metadata
            for number, (role, content, metadata) in enumerate(TURNS, start=1):
                post(
                    client,
                    "web-1",
                    number,
                    role,
                    content,
                    user_id="u1",
                    channel="web",
                    metadata=metadata,
                )
            # When nobody writes for the idle timeout (2 s)
            wait_for(
                lambda: get(client, "/v1/sessions/web-1")["status"] == "ended", 20, interval=0.2
            )
            session = get(client, "/v1/sessions/web-1")
            # Then the maintenance actors ended it as idle
            assert (session["ended_reason"], session["message_count"]) == ("idle", 7)
            # And flushed its analytics: the figures we count by hand
            wait_for(
                lambda: get(client, "/v1/analytics/sessions/web-1")["messages_flushed"] == 7, 15
            )
            figures = get(client, "/v1/analytics/sessions/web-1")
            assert figures["buffered_messages"] == 0
            assert (figures["user_messages"], figures["queries_answered"]) == (4, 3)
            assert figures["average_confidence"] == pytest.approx((0.92 + 0.35 + 0.8) / 3)
            assert figures["min_confidence"] == pytest.approx(0.35)
            assert figures["low_confidence_count"] == 1
            low = figures["low_confidence_queries"]
            assert [(q["message_id"], q["question"]) for q in low] == [
                ("web-1-4", "What is the warranty?")
            ]
            assert [(s["entry_id"], s["count"]) for s in figures["sources_used"]] == [
                ("kb-product", 2),
                ("kb-price", 1),
                ("kb-returns", 1),
                ("kb-warranty", 1),
            ]
            assert figures["tokens"] == 50
            assert figures["average_latency_ms"] == pytest.approx(300)
            assert get(client, "/v1/analytics/kb", top=2)["entries"][0]["entry_id"] == "kb-product"
            activity = get(client, "/v1/analytics/users/u1")
            assert (activity["sessions"], activity["messages"], activity["queries_answered"]) == (
                1,
                7,
                3,
            )
            stats = get(client, "/v1/stats")
            assert {key: stats[key] for key in stats if key != "llm_usage"} == {
                "sessions": 1,
                "active_sessions": 0,
                "ended_sessions": 1,
                "messages": 7,
            }
            # And the offline engine cost nothing
            nothing = {"input_tokens": 0, "output_tokens": 0, "calls": 0}
            assert (stats["llm_usage"]["today"], stats["llm_usage"]["total"]) == (nothing, nothing)
            # And wrote the final summary: all but the 5 verbatim messages folded
            wait_for(lambda: get(client, "/v1/sessions/web-1/memory")["folded_messages"] == 2, 15)
            # And the session is in u1's history, with the reason; not under another channel
            history = get(client, "/v1/users/u1/sessions")["sessions"]
            assert [(s["session_id"], s["status"], s["ended_reason"]) for s in history] == [
                ("web-1", "ended", "idle")
            ]
            assert history[0]["title"] == "Hi, I need the Nanopresso"
            assert history[0]["last_prompt"] == "thanks"
            assert get(client, "/v1/users/u1/sessions", channel="whatsapp")["sessions"] == []
            # When u1 comes back to it
            post(client, "web-1", 8, "user", "One more question", user_id="u1")
            # Then it resumes: active again, with its whole history
            wait_for(
                lambda: get(client, "/v1/sessions/web-1")["message_count"] == 8, 15, interval=0.1
            )
            resumed = get(client, "/v1/users/u1/sessions")["sessions"][0]
            assert (
                resumed["session_id"] == "web-1" and resumed["last_prompt"] == "One more question"
            )
            assert resumed["status"] == "active" or resumed["ended_at"] > session["ended_at"]
            messages = get(client, "/v1/sessions/web-1/messages")["messages"]
            assert [m["content"] for m in messages][-2:] == ["thanks", "One more question"]
        # And another account sees none of it
        with stack.client(KEY_B) as other:
            assert other.get("/v1/analytics/sessions/web-1").status_code == 404
            assert get(other, "/v1/users/u1/sessions")["sessions"] == []
            assert get(other, "/v1/analytics/users/u1")["sessions"] == 0
            assert get(other, "/v1/analytics/kb")["entries"] == []
            assert get(other, "/v1/stats")["sessions"] == 0
            cleanup = other.post("/v1/admin/cleanup", params={"days": 0})
            assert cleanup.status_code == 200 and cleanup.json()["sessions_removed"] == 0
        with stack.client() as client:
            assert get(client, "/v1/sessions/web-1")["message_count"] == 8


# -- flush idempotency with a worker killed between write and ack ------------------------------


def conversation(count: int) -> list[tuple[str, str, dict[str, Any] | None]]:
    """``count`` turns; answer i has confidence 0.2 when i % 3 == 0, else 0.9, and cites
    kb-{i % 4} and kb-common."""
    turns: list[tuple[str, str, dict[str, Any] | None]] = []
    for i in range(count // 2):
        turns.append(("user", f"question {i}", None))
        confidence = 0.2 if i % 3 == 0 else 0.9
        turns.append(
            (
                "assistant",
                f"answer {i}",
                {"confidence": confidence, "sources": [f"kb-{i % 4}", "kb-common"]},
            )
        )
    return turns


def expected_figures(count: int) -> dict[str, Any]:
    answers = count // 2
    low = [i for i in range(answers) if i % 3 == 0]
    return {
        "messages_flushed": count,
        "queries_answered": answers,
        "low_confidence_count": len(low),
        "average_confidence": (0.2 * len(low) + 0.9 * (answers - len(low))) / answers,
        "sources": {"kb-common": answers}
        | {f"kb-{k}": sum(1 for i in range(answers) if i % 4 == k) for k in range(4)},
    }


def kill_mid_flush(stack: Stack, session_id: str, count: int) -> int:
    """End the session, wait for its flush to be part-way, SIGKILL the maintenance worker,
    start another; how many messages had been flushed at the kill."""
    turns = conversation(count)

    def publish(number: int) -> None:
        role, content, metadata = turns[number]
        post(client, session_id, number, role, content, user_id="u9", metadata=metadata)

    # Started now, so that it boots while the conversation is stored; nothing
    # reaches its queue before the end (no scheduler here).
    maintenance = stack.start_worker("--queues", "maintenance", "--threads", "2")
    with stack.client() as client:
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(publish, range(count)))
        stack.wait_for_count(session_id, count)
        # When the session ends, its finalization flushes one message per atomic step
        assert client.post(f"/v1/sessions/{session_id}/end").status_code == 200
        flushed = 0

        def partway() -> bool:
            nonlocal flushed
            flushed = get(client, f"/v1/analytics/sessions/{session_id}")["messages_flushed"]
            return flushed > 0

        wait_for(partway, 30, interval=0.01)
        # And the worker is SIGKILLed: its job has written batches but is not acked
        maintenance.kill()
        at_kill = get(client, f"/v1/analytics/sessions/{session_id}")["messages_flushed"]
        stack.start_worker("--queues", "maintenance", "--threads", "2")
        wait_for(
            lambda: get(client, f"/v1/analytics/sessions/{session_id}")["buffered_messages"] == 0,
            60,
            interval=0.2,
        )
    return int(at_kill)


def check_exact(stack: Stack, session_id: str, count: int) -> None:
    expected = expected_figures(count)
    with stack.client() as client:
        figures = get(client, f"/v1/analytics/sessions/{session_id}")
        assert figures["messages_flushed"] == expected["messages_flushed"]
        assert figures["queries_answered"] == expected["queries_answered"]
        assert figures["low_confidence_count"] == expected["low_confidence_count"]
        assert figures["average_confidence"] == pytest.approx(expected["average_confidence"])
        sources = {s["entry_id"]: s["count"] for s in figures["sources_used"]}
        assert sources == expected["sources"]
        kb = {e["entry_id"]: e["count"] for e in get(client, "/v1/analytics/kb", top=10)["entries"]}
        assert kb == expected["sources"]
        activity = get(client, "/v1/analytics/users/u9")
        assert (activity["sessions"], activity["messages"]) == (1, count)


def test_a_flush_killed_between_write_and_ack_counts_every_message_once(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    count = 120
    with lifecycle_stack(
        amqp_url,
        queue_prefix,
        tmp_path,
        "--queues",
        "ingest,context,memory",
        "--threads",
        "4",
        MEMQ_ANALYTICS_FLUSH_BATCH="1",
    ) as stack:
        at_kill = kill_mid_flush(stack, "s-kill", count)
        # Then the new worker finished the flush, and nothing was counted twice
        assert 0 < at_kill < count, "the kill must land in the middle of the flush"
        check_exact(stack, "s-kill", count)


# -- retention ---------------------------------------------------------------------------------


def publish_tick(amqp_url: str, prefix: str, kind: str, at: datetime) -> None:
    """What the scheduler sends, with a chosen ``at`` (a month from now)."""
    message = new_message(prefix, ActorName.MAINTENANCE_TICK, {"kind": kind, "at": at.isoformat()})
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        connection.channel().basic_publish(
            "",
            queue_name(prefix, "maintenance"),
            message.encode(),
            pika.BasicProperties(delivery_mode=2),
        )
    finally:
        connection.close()


def test_cleanup_and_the_retention_tick_remove_ended_sessions_only(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    with (
        lifecycle_stack(amqp_url, queue_prefix, tmp_path, "--threads", "4") as stack,
        stack.client() as a,
        stack.client(KEY_B) as b,
    ):
        # Given, in A, an ended session and an active one; in B, an ended one
        for client, session_id in ((a, "done"), (a, "open"), (b, "b-done")):
            post(client, session_id, 1, "user", "hello", user_id="u1")
            post(client, session_id, 2, "assistant", "hi", metadata={"sources": ["kb-1"]})
        stack.wait_for_count("done", 2)
        stack.wait_for_count("open", 2)
        wait_for(lambda: len(stack.stored_messages("b-done", KEY_B)) == 2)
        for client, session_id in ((a, "done"), (b, "b-done")):
            assert client.post(f"/v1/sessions/{session_id}/end").status_code == 200
        wait_for(lambda: get(a, "/v1/analytics/kb")["entries"] != [], 15)
        # When A cleans up every ended session of its own (days=0)
        report = a.post("/v1/admin/cleanup", params={"days": 0})
        # Then exactly A's ended session is gone, with its messages and analytics
        assert report.status_code == 200, report.text
        body = report.json()
        assert (body["sessions_removed"], body["messages_removed"]) == (1, 2)
        assert body["session_ids"] == ["done"] and body["more"] is False
        assert a.get("/v1/sessions/done").status_code == 404
        assert a.get("/v1/analytics/sessions/done").status_code == 404
        assert get(a, "/v1/analytics/kb")["entries"] == []  # "open" was never flushed
        assert get(a, "/v1/sessions/open")["status"] == "active"
        assert get(b, "/v1/sessions/b-done")["status"] == "ended"
        # And the default (MEMQ_RETENTION_DAYS=30) removes nothing that ended today
        assert a.post("/v1/admin/cleanup").json()["sessions_removed"] == 0
        # When a retention tick runs as if a month had passed
        publish_tick(amqp_url, queue_prefix, "retention", datetime.now(UTC) + timedelta(days=31))
        # Then B's ended session is purged by the maintenance worker; A's active one stays
        wait_for(lambda: b.get("/v1/sessions/b-done").status_code == 404, 15)
        assert get(a, "/v1/sessions/open")["status"] == "active"
        # And a new message under a purged id starts a new session (no tombstone)
        post(a, "done", 3, "user", "back again")
        wait_for(lambda: a.get("/v1/sessions/done").status_code == 200, 15)
        assert get(a, "/v1/sessions/done")["message_count"] == 1


# -- memq serve runs the scheduler -------------------------------------------------------------


def test_serve_runs_the_scheduler_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("MEMQ_AMQP_URL", "MEMQ_MONGODB_URL"):
        monkeypatch.delenv(name, raising=False)
    port = free_port()
    env = {
        "MEMQ_DATA_DIR": str(tmp_path / "data"),
        "MEMQ_API_KEYS": f"{KEY_A}:{ACCOUNT_A}",
        "MEMQ_WORKER_METRICS_PORT": "0",
        **FAST,
    }
    serve = MemqProcess(["serve", "--port", str(port)], env, tmp_path / "serve.log").start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base_url, serve)
        with httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {KEY_A}"}
        ) as client:
            post(client, "embedded", 1, "user", "hello", user_id="u1")
            post(client, "embedded", 2, "assistant", "hi", metadata={"confidence": 0.4})
            wait_for(
                lambda: client.get("/v1/sessions/embedded").json().get("ended_reason") == "idle",
                20,
                interval=0.2,
            )
            wait_for(
                lambda: get(client, "/v1/analytics/sessions/embedded")["messages_flushed"] == 2, 10
            )
            assert (
                get(client, "/v1/analytics/sessions/embedded")["low_confidence_queries"][0][
                    "question"
                ]
                == "hello"
            )
    finally:
        serve.stop()
