"""POST /v1/messages end to end: many messages, many sessions, one request."""

from __future__ import annotations

import concurrent.futures
import uuid
from pathlib import Path

import pytest

from bench.support.processes import wait_for
from tests.e2e.conftest import KEY_A, KEY_B, Stack, running_stack

pytestmark = pytest.mark.e2e


def _message(session_id: str, n: int) -> dict[str, object]:
    """Message ids are unique per account, not per session: these carry their session's."""
    role = "user" if n % 2 == 0 else "assistant"
    return {
        "session_id": session_id,
        "message_id": f"{session_id}:m{n}",
        "role": role,
        "content": f"turn {n}",
    }


def test_a_batch_over_two_sessions_is_stored_in_array_order(shared_stack: Stack) -> None:
    # Given a batch interleaving two new sessions
    a, b = f"a-{uuid.uuid4().hex[:6]}", f"b-{uuid.uuid4().hex[:6]}"
    batch = [_message(a if n % 3 else b, n) for n in range(12)]
    # When it is posted
    with shared_stack.client() as client:
        response = client.post("/v1/messages", json={"messages": batch})
    # Then every message is accepted, in request order
    assert response.status_code == 202, response.text
    accepted = response.json()["accepted"]
    assert [item["message_id"] for item in accepted] == [m["message_id"] for m in batch]
    assert [item["session_id"] for item in accepted] == [m["session_id"] for m in batch]
    # And each session lists its messages in the order of the array
    for session_id in (a, b):
        expected = [m["message_id"] for m in batch if m["session_id"] == session_id]
        shared_stack.wait_for_count(session_id, len(expected))
        assert [m["message_id"] for m in shared_stack.stored_messages(session_id)] == expected
    with shared_stack.client() as client:
        assert client.get(f"/v1/sessions/{b}").json()["message_count"] == 4


def test_a_batch_with_one_bad_message_is_refused_whole(shared_stack: Stack) -> None:
    session_id = f"bad-{uuid.uuid4().hex[:6]}"
    batch = [_message(session_id, 0), {**_message(session_id, 1), "role": "robot"}]
    with shared_stack.client() as client:
        refused = client.post("/v1/messages", json={"messages": batch})
        too_big = client.post(
            "/v1/messages",
            json={
                "messages": [
                    _message(session_id, 2),
                    {**_message(session_id, 3), "content": "x" * 40_000},
                ]
            },
        )
        no_session = client.post(
            "/v1/messages", json={"messages": [{"role": "user", "content": "hi"}]}
        )
        empty = client.post("/v1/messages", json={"messages": []})
        marker = client.post(
            f"/v1/sessions/{session_id}/messages",
            json={"message_id": f"{session_id}:m9", "role": "user", "content": "marker"},
        )
    assert refused.status_code == 422 and "messages" in refused.text and "1" in refused.text
    assert too_big.status_code == 413 and "messages[1]" in too_big.json()["error"]["detail"]
    assert no_session.status_code == 422 and "session_id" in no_session.text
    assert empty.status_code == 422
    assert marker.status_code == 202
    # Nothing of the refused batches was stored: only the marker arrives
    shared_stack.wait_for_count(session_id, 1)
    assert [m["message_id"] for m in shared_stack.stored_messages(session_id)] == [
        f"{session_id}:m9"
    ]


def test_batches_retried_concurrently_store_each_message_once_per_account(
    shared_stack: Stack,
) -> None:
    session_id = f"dup-{uuid.uuid4().hex[:6]}"
    batch = [_message(session_id, n) for n in range(10)]

    def post(key: str) -> int:
        with shared_stack.client(key) as client:
            return client.post("/v1/messages", json={"messages": batch}).status_code

    # Given the same batch posted 6 times at once by account A, and once by account B
    with concurrent.futures.ThreadPoolExecutor(7) as pool:
        statuses = list(pool.map(post, [KEY_A] * 6 + [KEY_B]))
    assert statuses == [202] * 7
    # Then each account holds its own copy, each message once
    for key in (KEY_A, KEY_B):
        wait_for(lambda key=key: len(shared_stack.stored_messages(session_id, key)) >= 10, 60)
        ids = [m["message_id"] for m in shared_stack.stored_messages(session_id, key)]
        assert ids == [f"{session_id}:m{n}" for n in range(10)], (key, ids)
    with shared_stack.client(KEY_A) as client:
        assert client.get(f"/v1/sessions/{session_id}").json()["message_count"] == 10


def test_a_batch_takes_one_rate_limit_token_per_message(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    with (
        running_stack(
            amqp_url,
            queue_prefix,
            tmp_path,
            MEMQ_RATE_LIMIT_PER_SECOND="0.5",
            MEMQ_RATE_LIMIT_BURST="10",
        ) as stack,
        stack.client() as client,
    ):
        session_id = "rl"
        first = client.post(
            "/v1/messages", json={"messages": [_message(session_id, n) for n in range(8)]}
        )
        second = client.post(
            "/v1/messages", json={"messages": [_message(session_id, n) for n in range(8, 12)]}
        )
    assert first.status_code == 202
    assert second.status_code == 429 and int(second.headers["retry-after"]) >= 1
