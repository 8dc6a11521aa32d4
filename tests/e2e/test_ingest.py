"""Ingest end to end: HTTP → gateway → RabbitMQ → ingest worker → store, and back."""

from __future__ import annotations

import concurrent.futures
import json
import uuid

import pika
import pytest

from bench.support.processes import wait_for
from bench.support.rabbit import queue_depth
from schemas.routing import QueueKind, queue_name
from tests.e2e.conftest import KEY_A, KEY_B, Stack

pytestmark = pytest.mark.e2e


def post(stack: Stack, session_id: str, body: dict[str, object], key: str = KEY_A) -> object:
    with stack.client(key) as client:
        return client.post(f"/v1/sessions/{session_id}/messages", json=body)


def test_a_published_message_is_stored_and_read_back(shared_stack: Stack) -> None:
    # Given a new session id
    session_id = f"s-{uuid.uuid4().hex[:8]}"
    # When a conversation is published
    turns = [
        ("user", "Hi, I want the Nanopresso"),
        ("assistant", "It costs 8,249,000 Toman"),
        ("user", "What about warranty?"),
    ]
    with shared_stack.client() as client:
        for index, (role, content) in enumerate(turns):
            response = client.post(
                f"/v1/sessions/{session_id}/messages",
                json={
                    "message_id": f"m{index}",
                    "role": role,
                    "content": content,
                    "user_id": "u1",
                    "channel": "web",
                },
            )
            assert response.status_code == 202, response.text
            assert response.json()["message_id"] == f"m{index}"
            assert response.json()["generated_id"] is False
    # Then it is stored in order, and the session keeps its counters
    shared_stack.wait_for_count(session_id, 3)
    stored = shared_stack.stored_messages(session_id)
    assert [(m["role"], m["content"]) for m in stored] == turns
    with shared_stack.client() as client:
        session = client.get(f"/v1/sessions/{session_id}").json()
    assert session["message_count"] == 3
    assert session["status"] == "active"
    assert session["user_id"] == "u1" and session["channel"] == "web"
    assert session["title"] == "Hi, I want the Nanopresso"
    assert session["last_prompt"] == "What about warranty?"


def test_a_message_without_id_gets_one_generated(shared_stack: Stack) -> None:
    response = post(shared_stack, "s-gen", {"role": "user", "content": "hello"})
    assert response.status_code == 202  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["generated_id"] is True and body["message_id"]
    shared_stack.wait_for_count("s-gen", 1)
    assert shared_stack.stored_messages("s-gen")[0]["message_id"] == body["message_id"]


def test_duplicates_are_stored_once(shared_stack: Stack) -> None:
    # Given one message id, published again and again, some of them concurrently
    body = {"message_id": "dup-1", "role": "user", "content": "only once please"}
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(
            pool.map(lambda _: post(shared_stack, "s-dup", body).status_code, range(12))
        )  # type: ignore[attr-defined]
    assert statuses == [202] * 12
    post(shared_stack, "s-dup", {"message_id": "after", "role": "user", "content": "marker"})
    # Then it is stored exactly once and counted once
    shared_stack.wait_for_count("s-dup", 2)
    stored = shared_stack.stored_messages("s-dup")
    assert [m["message_id"] for m in stored] == ["dup-1", "after"]
    with shared_stack.client() as client:
        assert client.get("/v1/sessions/s-dup").json()["message_count"] == 2


def test_requests_without_a_valid_key_are_401(shared_stack: Stack) -> None:
    with shared_stack.client("not-a-key") as client:
        assert client.get("/v1/sessions").status_code == 401
        response = client.post("/v1/sessions/x/messages", json={"role": "user", "content": "hi"})
        assert response.status_code == 401
        assert "unknown API key" in response.json()["error"]["detail"]
    with shared_stack.client() as client:
        response = client.get("/v1/sessions", headers={"Authorization": ""})
        assert response.status_code == 401
        assert "Bearer" in response.json()["error"]["detail"]


def test_another_accounts_session_looks_missing(shared_stack: Stack) -> None:
    # Given account A's session
    post(shared_stack, "shared-id", {"message_id": "a1", "role": "user", "content": "A's secret"})
    shared_stack.wait_for_count("shared-id", 1)
    with shared_stack.client(KEY_B) as b:
        # When account B reads it, every read is the same 404 as a missing session
        missing = b.get("/v1/sessions/never-existed")
        assert missing.status_code == 404
        for path in ("/v1/sessions/shared-id", "/v1/sessions/shared-id/messages"):
            response = b.get(path)
            assert response.status_code == 404
            assert response.json()["error"]["code"] == missing.json()["error"]["code"]
        assert b.patch("/v1/sessions/shared-id", json={"title": "x"}).status_code == 404
        assert b.post("/v1/sessions/shared-id/end").status_code == 404
        assert b.delete("/v1/sessions/shared-id").status_code == 404
        assert b.get("/v1/sessions").json()["sessions"] == []
        # And B publishing to the same id (and message id) makes B's own session
        assert (
            b.post(
                "/v1/sessions/shared-id/messages",
                json={"message_id": "a1", "role": "user", "content": "B's"},
            ).status_code
            == 202
        )
    wait_for(lambda: len(shared_stack.stored_messages("shared-id", KEY_B)) == 1)
    assert [m["content"] for m in shared_stack.stored_messages("shared-id", KEY_B)] == ["B's"]
    assert [m["content"] for m in shared_stack.stored_messages("shared-id", KEY_A)] == [
        "A's secret"
    ]


def test_oversized_content_is_413_and_nothing_is_stored(shared_stack: Stack) -> None:
    response = post(shared_stack, "s-big", {"role": "user", "content": "x" * (32 * 1024 + 1)})
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert "MEMQ_MAX_MESSAGE_BYTES" in response.json()["error"]["detail"]  # type: ignore[attr-defined]
    assert (
        post(shared_stack, "s-big", {"role": "user", "content": "x" * (32 * 1024)}).status_code
        == 202
    )  # type: ignore[attr-defined]
    shared_stack.wait_for_count("s-big", 1)
    assert len(shared_stack.stored_messages("s-big")) == 1


@pytest.mark.parametrize(
    ("path", "body", "fragment"),
    [
        ("/v1/sessions/s-bad/messages", {"role": "robot", "content": "hi"}, "role"),
        ("/v1/sessions/s-bad/messages", {"role": "user", "content": ""}, "content"),
        ("/v1/sessions/s-bad/messages", {"role": "user", "content": "   "}, "content"),
        ("/v1/sessions/s-bad/messages", {"role": "user"}, "content"),
        (
            "/v1/sessions/s-bad/messages",
            {"role": "user", "content": "hi", "colour": 1},
            "unknown field",
        ),
        (
            "/v1/sessions/s-bad/messages",
            {"role": "user", "content": "hi", "message_id": "a b"},
            "message_id",
        ),
        (
            "/v1/sessions/s-bad/messages",
            {"role": "user", "content": "hi", "sent_at": "yesterday"},
            "sent_at",
        ),
        (
            "/v1/sessions/" + "x" * 129 + "/messages",
            {"role": "user", "content": "hi"},
            "session_id",
        ),
        ("/v1/sessions/bad%20id/messages", {"role": "user", "content": "hi"}, "session_id"),
    ],
)
def test_bad_input_is_422_with_a_reason(
    shared_stack: Stack, path: str, body: dict[str, object], fragment: str
) -> None:
    with shared_stack.client() as client:
        response = client.post(path, json=body)
    assert response.status_code == 422, response.text
    assert fragment in response.json()["error"]["detail"]


def test_malformed_json_is_422_and_nothing_is_stored(shared_stack: Stack) -> None:
    with shared_stack.client() as client:
        response = client.post(
            "/v1/sessions/s-json/messages",
            content=b'{"role": "user", "content": ',
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 422
        assert "malformed JSON" in response.json()["error"]["detail"]
        assert client.get("/v1/sessions/s-json").status_code == 404


def test_order_is_the_gateways_even_with_many_worker_threads(stack: Stack) -> None:
    # Given 2 worker processes × 4 threads (plus the default one) all on one session
    stack.start_worker("--queues", "ingest", "--processes", "2", "--threads", "4")
    # When 150 messages are published one after another
    sent = [f"turn {i}" for i in range(150)]
    with stack.client() as client:
        for i, content in enumerate(sent):
            role = "user" if i % 2 == 0 else "assistant"
            response = client.post(
                "/v1/sessions/s-order/messages",
                json={"message_id": f"o{i}", "role": role, "content": content},
            )
            assert response.status_code == 202
    # Then they come back in the order the gateway accepted them
    stack.wait_for_count("s-order", 150)
    stored = stack.stored_messages("s-order")
    assert [m["content"] for m in stored] == sent
    seqs = [m["seq"] for m in stored]
    assert seqs == sorted(seqs) and len(set(seqs)) == 150


def test_worker_killed_mid_batch_loses_and_duplicates_nothing(stack: Stack) -> None:
    # Given a slow-ish stream of accepted messages and a worker processing them
    total = 240

    def publish(i: int) -> int:
        body = {"message_id": f"k{i}", "role": "user", "content": f"message {i}"}
        return post(stack, "s-kill", body).status_code  # type: ignore[attr-defined,no-any-return]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        first = list(pool.map(publish, range(total // 2)))
        # When the worker is SIGKILLed mid-batch (some stored, some in flight)
        wait_for(lambda: len(stack.stored_messages("s-kill")) >= 20, timeout=60, interval=0.05)
        stack.workers[0].kill()
        rest = list(pool.map(publish, range(total // 2, total)))
    assert first + rest == [202] * total
    # and a new worker starts, and a client retries a few already-accepted messages
    for i in range(0, total, 40):
        assert publish(i) == 202
    stack.start_worker("--threads", "4")
    # Then every accepted message is stored exactly once, and counted once
    stack.wait_for_count("s-kill", total, timeout=90)
    stored = stack.stored_messages("s-kill")
    assert sorted(m["message_id"] for m in stored) == sorted(f"k{i}" for i in range(total))
    with stack.client() as client:
        assert client.get("/v1/sessions/s-kill").json()["message_count"] == total


def test_a_malformed_queue_message_is_dead_lettered_and_blocks_nothing(
    stack: Stack, amqp_url: str, queue_prefix: str
) -> None:
    # Given garbage and a well-formed envelope with an invalid event on the ingest queue
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    envelope = {
        "queue_name": ingest,
        "actor_name": "ingest_message",
        "args": [],
        "kwargs": {"event": {"role": "user"}},
        "options": {},
        "message_id": str(uuid.uuid4()),
        "message_timestamp": 0,
    }
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    channel = connection.channel()
    for body in (b"\x00not json", json.dumps(envelope).encode()):
        channel.basic_publish("", ingest, body, pika.BasicProperties(delivery_mode=2))
    connection.close()
    # When a valid message follows
    assert post(stack, "s-after", {"role": "user", "content": "still works"}).status_code == 202  # type: ignore[attr-defined]
    # Then it is stored, and both bad messages sit in the dead-letter queue
    stack.wait_for_count("s-after", 1)
    wait_for(lambda: queue_depth(amqp_url, f"{ingest}.XQ") == 2, timeout=30)
