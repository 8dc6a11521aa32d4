"""docs/amqp.md, followed to the letter by producers that are not memq's gateway.

One producer is hand-written pika (no memq code builds the bodies); the other
is the Node.js example in examples/node, run when node and npm are installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import pika
import pytest

from bench.support.processes import wait_for
from tests.e2e.conftest import ACCOUNT_A, ACCOUNT_B, KEY_A, KEY_B, Stack

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas" / "jsonschema"
NODE_EXAMPLE = ROOT / "examples" / "node"


def validate(instance: Any, name: str) -> None:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(instance)


def ingest_body(prefix: str, account_id: str, session_id: str, n: int) -> dict[str, Any]:
    now_us = time.time_ns() // 1000
    return {
        "queue_name": f"{prefix}.ingest",
        "actor_name": "ingest_message",
        "args": [],
        "kwargs": {
            "event": {
                "version": 1,
                "account_id": account_id,
                "session_id": session_id,
                "message_id": f"{session_id}-{n}",
                "role": "user" if n % 2 == 0 else "assistant",
                "content": f"message number {n}",
                "seq": now_us + n,
                "accepted_at": "2026-05-01T10:00:00Z",
            }
        },
        "options": {},
        "message_id": str(uuid.uuid4()),
        "message_timestamp": int(time.time() * 1000),
    }


def test_a_hand_built_producer_publishes_and_asks_for_context(stack: Stack) -> None:
    prefix = stack.env["MEMQ_QUEUE_PREFIX"]
    connection = pika.BlockingConnection(pika.URLParameters(stack.env["MEMQ_AMQP_URL"]))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        # Given three messages published as docs/amqp.md says (one of them twice)
        bodies = [ingest_body(prefix, ACCOUNT_A, "amqp-s1", n) for n in (0, 1, 2, 2)]
        for body in bodies:
            validate(body, "ingest_envelope.json")
            channel.basic_publish(
                exchange="",
                routing_key=f"{prefix}.ingest",
                body=json.dumps(body).encode(),
                properties=pika.BasicProperties(delivery_mode=2, content_type="application/json"),
                mandatory=True,
            )
        # Then memq stores each message once
        stack.wait_for_count("amqp-s1", 3)
        time.sleep(0.5)
        assert [m["message_id"] for m in stack.stored_messages("amqp-s1")] == [
            "amqp-s1-0",
            "amqp-s1-1",
            "amqp-s1-2",
        ]

        # When the producer asks for context over request-reply
        replies = channel.queue_declare("", exclusive=True, auto_delete=True).method.queue

        def ask(account_id: str, fmt: str) -> dict[str, Any]:
            correlation_id = uuid.uuid4().hex
            request = {
                "queue_name": f"{prefix}.context",
                "actor_name": "assemble_context",
                "args": [],
                "kwargs": {
                    "account_id": account_id,
                    "session_id": "amqp-s1",
                    "budget": None,
                    "format": fmt,
                },
                "options": {
                    "memq_reply_to": replies,
                    "memq_correlation_id": correlation_id,
                    "memq_deadline_ms": int(time.time() * 1000) + 5000,
                },
                "message_id": str(uuid.uuid4()),
                "message_timestamp": int(time.time() * 1000),
            }
            validate(request, "context_request.json")
            channel.basic_publish("", f"{prefix}.context", json.dumps(request).encode())
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                method, properties, body = channel.basic_get(replies, auto_ack=True)
                if method is None:
                    time.sleep(0.02)
                    continue
                reply: dict[str, Any] = json.loads(body)
                if reply["correlation_id"] == correlation_id:
                    assert properties.correlation_id == correlation_id
                    return reply
            raise AssertionError("no reply within 10 s")

        # Then the reply matches context_reply.json, in every format
        for fmt in ("anthropic", "text", "json", "openai"):
            reply = ask(ACCOUNT_A, fmt)
            validate(reply, "context_reply.json")
            assert reply["ok"] and reply["result"]["format"] == fmt
        anthropic = ask(ACCOUNT_A, "anthropic")["result"]
        assert [t["role"] for t in anthropic["messages"]] == ["user", "assistant", "user"]
        chat = ask(ACCOUNT_A, "openai")["result"]
        assert chat["messages"][-3:] == anthropic["messages"] and chat.get("system") is None
        # And another account's request gets a 404, never this account's context
        other = ask(ACCOUNT_B, "text")
        validate(other, "context_reply.json")
        assert not other["ok"] and other["error"]["status"] == 404
    finally:
        connection.close()


def _node_ready() -> str | None:
    """Why the Node example cannot run here, or None when it can."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "node and npm are not installed"
    if (NODE_EXAMPLE / "node_modules" / "amqplib").is_dir():
        return None
    result = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"],
        cwd=NODE_EXAMPLE,
        capture_output=True,
        text=True,
        timeout=180,
    )
    return None if result.returncode == 0 else f"npm ci failed: {result.stderr[-500:]}"


def test_the_node_example_publishes_and_reads_context(stack: Stack) -> None:
    reason = _node_ready()
    if reason is not None:
        pytest.skip(reason)
    env = {
        **os.environ,
        "MEMQ_AMQP_URL": stack.env["MEMQ_AMQP_URL"],
        "MEMQ_QUEUE_PREFIX": stack.env["MEMQ_QUEUE_PREFIX"],
        "MEMQ_ACCOUNT_ID": ACCOUNT_B,
    }

    def node(*args: str) -> str:
        result = subprocess.run(
            ["node", *args], cwd=NODE_EXAMPLE, env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    # Given two messages published by the Node example (the second one twice)
    first = json.loads(node("publish.mjs", "node-s1", "user", "สวัสดีครับ ผมชื่อสมชาย"))
    for _ in range(2):
        node("publish.mjs", "node-s1", "assistant", "สวัสดีค่ะ คุณสมชาย", "node-answer-1")
    # Then memq stored them once each, under the account the producer named
    wait_for(lambda: len(stack.stored_messages("node-s1", KEY_B)) == 2, timeout=30, interval=0.3)
    time.sleep(0.5)
    stored = stack.stored_messages("node-s1", KEY_B)
    assert [m["message_id"] for m in stored] == [first["message_id"], "node-answer-1"]
    assert stored[0]["seq"] == first["seq"] and stored[0]["channel"] == "node-example"
    # And the Node request-reply example reads the context back
    ctx = json.loads(node("context.mjs", "node-s1", "anthropic"))
    assert [t["content"] for t in ctx["messages"]] == ["สวัสดีครับ ผมชื่อสมชาย", "สวัสดีค่ะ คุณสมชาย"]
    assert stack.stored_messages("node-s1", KEY_A) == []
