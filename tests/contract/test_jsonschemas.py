"""The committed JSON Schemas of the AMQP contract: up to date, and true of real traffic.

The gateway runs for real (a subprocess over the local RabbitMQ) with no
worker, so what it publishes stays on the queues for the test to read.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pika
import pytest

from bench.support.processes import MemqProcess, free_port
from schemas.amqp import RequestOptions
from schemas.export import DIRECTORY, SCHEMAS, write
from schemas.messages import MAX_BATCH_EVENTS
from schemas.routing import CORRELATION_ID_OPTION, REPLY_TO_OPTION, ActorName, new_message

ROOT = Path(__file__).resolve().parents[2]
KEY, ACCOUNT = "key-schema-0123456789", "acct-schema"


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DIRECTORY / name).read_text(encoding="utf-8"))
    return loaded


def validate(instance: Any, name: str) -> None:
    validator = jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(instance)


def test_the_committed_schemas_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "schemas.export", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_check_names_a_stale_file(tmp_path: Path) -> None:
    write(tmp_path)
    (tmp_path / "context_reply.json").write_text("{}\n")
    (tmp_path / "message_event.json").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "schemas.export", "--check", "--dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "message_event.json, context_reply.json" in result.stderr
    assert "python -m schemas.export" in result.stderr


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    for name in SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(schema(name))


def test_the_request_options_are_the_ones_the_workers_read() -> None:
    fields = RequestOptions.model_fields
    assert fields["reply_to"].alias == REPLY_TO_OPTION
    assert fields["correlation_id"].alias == CORRELATION_ID_OPTION


def test_the_batch_schemas_describe_what_the_batch_actor_takes() -> None:
    # Given a batch of two events, as it travels on the queue
    event = {
        "account_id": "acme",
        "session_id": "s1",
        "message_id": "m1",
        "role": "user",
        "content": "hi",
        "seq": 1,
        "accepted_at": "2026-01-01T10:00:00Z",
    }
    kwargs = {"events": [event, {**event, "message_id": "m2", "seq": 2}]}
    message = new_message("memq", ActorName.INGEST_BATCH, kwargs)
    # Then the envelope and its kwargs match the committed schemas
    validate(json.loads(message.encode()), "ingest_batch_envelope.json")
    validate(kwargs, "message_batch.json")
    # And what the actor dead-letters, the schema rejects
    for bad in (
        {"events": []},
        {"events": [event] * (MAX_BATCH_EVENTS + 1)},
        {"events": [event], "event": event},
        {"events": [{**event, "extra": 1}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate(bad, "message_batch.json")


@pytest.fixture
def gateway_alone(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": queue_prefix,
        "MEMQ_API_KEYS": f"{KEY}:{ACCOUNT}",
        "MEMQ_PORT": str(port),
        "MEMQ_CONTEXT_TIMEOUT": "5",
    }
    process = MemqProcess(["gateway"], env, tmp_path / "gateway.log").start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or process.proc is None or process.proc.poll():
                raise RuntimeError(f"gateway did not start:\n{process.log()[-3000:]}")
            time.sleep(0.1)
        yield base_url
    finally:
        process.stop()


def take(amqp_url: str, queue: str, timeout: float = 10) -> tuple[Any, bytes]:
    """The next message on ``queue`` (its properties and body), acked."""
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            method, properties, body = channel.basic_get(queue, auto_ack=True)
            if method is not None:
                return properties, body
            time.sleep(0.05)
        raise AssertionError(f"nothing arrived on {queue} within {timeout}s")
    finally:
        connection.close()


def test_a_message_the_gateway_publishes_matches_the_schemas(
    gateway_alone: str, amqp_url: str, queue_prefix: str
) -> None:
    # Given a channel posting a message with every optional field
    body = {
        "message_id": "wa:msg.1",
        "role": "assistant",
        "content": "قیمت نانوپرسو ۸٬۲۴۹٬۰۰۰ تومان است",
        "sent_at": "2026-05-01T10:00:00+03:30",
        "user_id": "u-1",
        "channel": "whatsapp",
        "metadata": {"confidence": 0.9, "sources": ["kb-1"]},
    }
    response = httpx.post(
        f"{gateway_alone}/v1/sessions/s-schema/messages",
        json=body,
        headers={"Authorization": f"Bearer {KEY}"},
        timeout=15,
    )
    assert response.status_code == 202, response.text
    # When we read what reached the ingest queue
    properties, raw = take(amqp_url, f"{queue_prefix}.ingest")
    published = json.loads(raw)
    # Then the envelope and the event match the committed schemas
    validate(published, "ingest_envelope.json")
    validate(published["kwargs"]["event"], "message_event.json")
    assert published["kwargs"]["event"]["account_id"] == ACCOUNT
    assert properties.delivery_mode == 2


def test_the_gateways_context_request_and_a_schema_reply_round_trip(
    gateway_alone: str, amqp_url: str, queue_prefix: str
) -> None:
    # Given a channel asking for context (no worker runs: we are the worker)
    answer: dict[str, httpx.Response] = {}

    def ask() -> None:
        answer["response"] = httpx.get(
            f"{gateway_alone}/v1/sessions/s-schema/context",
            params={"format": "anthropic", "budget": 300},
            headers={"Authorization": f"Bearer {KEY}"},
            timeout=30,
        )

    asking = threading.Thread(target=ask)
    asking.start()
    # When the request reaches the context queue, it matches context_request.json
    _, raw = take(amqp_url, f"{queue_prefix}.context")
    request = json.loads(raw)
    validate(request, "context_request.json")
    assert request["kwargs"] == {
        "account_id": ACCOUNT,
        "session_id": "s-schema",
        "budget": 300,
        "format": "anthropic",
    }
    # And a reply written to context_reply.json is what the channel receives
    reply = {
        "correlation_id": request["options"]["memq_correlation_id"],
        "ok": True,
        "result": {
            "session_id": "s-schema",
            "format": "anthropic",
            "budget": 300,
            "estimated_tokens": 2,
            "system": "",
            "messages": [{"role": "user", "content": "hi"}],
        },
        "error": None,
    }
    validate(reply, "context_reply.json")
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        connection.channel().basic_publish(
            exchange="",
            routing_key=request["options"]["memq_reply_to"],
            body=json.dumps(reply).encode(),
        )
    finally:
        connection.close()
    asking.join(30)
    response = answer["response"]
    assert response.status_code == 200, response.text
    assert response.json()["messages"] == [{"role": "user", "content": "hi"}]
