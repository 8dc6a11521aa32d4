"""Logs of a real gateway and worker at DEBUG: ids in every relevant record, no content, no key."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pika
import pytest

from bench.support.processes import wait_for
from bench.support.rabbit import queue_depth
from schemas.routing import QueueKind, queue_name
from tests.e2e.conftest import ACCOUNT_A, KEY_A, KEY_B, Stack, running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture
def verbose(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[Stack]:
    with running_stack(
        amqp_url, queue_prefix, tmp_path, MEMQ_LOG_LEVEL="DEBUG", MEMQ_LOG_FORMAT="json"
    ) as deployment:
        yield deployment


def test_logs_carry_ids_and_never_content_or_keys(
    verbose: Stack, amqp_url: str, queue_prefix: str
) -> None:
    secret = f"SECRET-CONTENT-{uuid.uuid4().hex}"
    session_id = f"s-{uuid.uuid4().hex[:8]}"
    # Given a message and a read, and a well-formed but invalid message on the queue
    with verbose.client() as client:
        body = {"message_id": "m1", "role": "user", "content": f"my card: {secret}"}
        assert client.post(f"/v1/sessions/{session_id}/messages", json=body).status_code == 202
        verbose.wait_for_count(session_id, 1)
        assert client.get(f"/v1/sessions/{session_id}").status_code == 200
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    envelope = {
        "queue_name": ingest,
        "actor_name": "ingest_message",
        "args": [],
        "kwargs": {"event": {"account_id": ACCOUNT_A, "session_id": session_id, "content": secret}},
        "options": {},
        "message_id": str(uuid.uuid4()),
        "message_timestamp": 0,
    }
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    connection.channel().basic_publish("", ingest, json.dumps(envelope).encode())
    connection.close()
    wait_for(lambda: queue_depth(amqp_url, f"{ingest}.XQ") == 1, timeout=30)
    for process in [*verbose.workers, verbose.gateway]:
        process.stop()  # flush
    # Then neither the content nor an API key is in any log
    text = "\n".join(path.read_text(errors="replace") for path in verbose.logs.glob("*.log"))
    assert secret not in text
    assert KEY_A not in text and KEY_B not in text
    # And the records are JSON with the account and session of what they are about
    records = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert len(records) > 10
    about = [r for r in records if r.get("session_id") == session_id]
    assert about and all(r["account_id"] == ACCOUNT_A for r in about)
    messages = " ".join(str(r["message"]) for r in about)
    # Dramatiq's own lines name the message, not its arguments
    assert "Failed to process message ingest_message[" in messages
    assert "ingest_message[" in " ".join(str(r["message"]) for r in records)
