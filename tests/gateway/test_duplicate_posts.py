"""A re-posted message_id says it is a duplicate, with the first seq (issue 14, point 7).

No worker consumes the stub broker: what was published stays in its queue.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from dramatiq.brokers.stub import StubBroker
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.recent_ids import RecentIds
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings
from schemas.messages import MessageEvent

KEY_A, KEY_B = "key-dup-a-0123", "key-dup-b-0123"


@pytest.fixture
def broker() -> StubBroker:
    broker = StubBroker()
    broker.declare_queue("memq.ingest")
    return broker


@pytest.fixture
def client(broker: StubBroker) -> Iterator[TestClient]:
    transport = LocalTransport(broker, InProcessReplies(), "memq")
    keys = ApiKeys({KEY_A: "acct-a", KEY_B: "acct-b"})
    with TestClient(create_app(Settings(request_timeout=1), transport, keys)) as test_client:
        yield test_client


def post(client: TestClient, session: str, message_id: str, key: str = KEY_A) -> Any:
    response = client.post(
        f"/v1/sessions/{session}/messages",
        json={"message_id": message_id, "role": "user", "content": "hello"},
        headers={"authorization": f"Bearer {key}"},
    )
    assert response.status_code == 202, response.text
    return response.json()


def published(broker: StubBroker) -> int:
    return broker.queues["memq.ingest"].qsize()


def test_a_re_post_is_answered_as_a_duplicate_and_not_published(
    client: TestClient, broker: StubBroker
) -> None:
    first = post(client, "s1", "m1")
    again = post(client, "s1", "m1")
    assert first["duplicate"] is False
    assert again["duplicate"] is True and again["seq"] == first["seq"]
    assert published(broker) == 1


def test_the_same_id_elsewhere_is_not_this_duplicate(
    client: TestClient, broker: StubBroker
) -> None:
    post(client, "s1", "m1")
    other_session = post(client, "s2", "m1")  # the worker decides, as for any clash
    other_account = post(client, "s1", "m1", key=KEY_B)
    assert not other_session["duplicate"] and not other_account["duplicate"]
    assert published(broker) == 3


def test_a_batch_marks_the_messages_it_repeats(client: TestClient, broker: StubBroker) -> None:
    first = post(client, "s1", "m1")
    response = client.post(
        "/v1/messages",
        json={
            "messages": [
                {"session_id": "s1", "message_id": "m1", "role": "user", "content": "again"},
                {"session_id": "s1", "message_id": "m2", "role": "user", "content": "new"},
            ]
        },
        headers={"authorization": f"Bearer {KEY_A}"},
    )
    assert response.status_code == 202
    repeated, new = response.json()["accepted"]
    assert repeated["duplicate"] and repeated["seq"] == first["seq"]
    assert not new["duplicate"] and new["seq"] > first["seq"]
    assert published(broker) == 2  # the single post, then the batch of one


def event(message_id: str, seq: int) -> MessageEvent:
    return MessageEvent.model_validate(
        {
            "account_id": "a",
            "session_id": "s",
            "message_id": message_id,
            "role": "user",
            "content": "x",
            "seq": seq,
            "accepted_at": "2026-01-01T00:00:00Z",
        }
    )


def test_the_memory_of_ids_is_bounded_and_keeps_the_first_seq() -> None:
    recent = RecentIds(capacity=2)
    recent.remember([event("m1", 1), event("m2", 2)])
    recent.remember([event("m1", 5)])  # a re-post published anyway keeps the first seq
    recent.remember([event("m3", 3)])  # m2 is the oldest now: forgotten
    assert recent.earlier("a", "s", "m1") == 1
    assert recent.earlier("a", "s", "m2") is None
    assert recent.earlier("a", "s", "m3") == 3
    assert recent.earlier("a", "s", None) is None
