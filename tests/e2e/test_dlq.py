"""Dead letters end to end: `memq dlq list | replay | drop` over the local RabbitMQ."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pika
import pytest

from bench.support.processes import wait_for
from bench.support.rabbit import declare_queues, publish, queue_depth
from memq.dlq import DeadLetters, Outcome
from memq.dlq_letter import DeadLetter
from schemas.messages import MessageEvent
from schemas.queues import dead_letter_queue
from schemas.routing import ActorName, QueueKind, new_message, queue_name
from tests.e2e.conftest import ACCOUNT_A, Stack, running_stack
from tests.support.queues import layout

pytestmark = pytest.mark.e2e


def memq_dlq(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memq.cli", "dlq", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def event_json(session_id: str, message_id: str, content: str) -> dict[str, Any]:
    event = MessageEvent(
        account_id=ACCOUNT_A,
        session_id=session_id,
        message_id=message_id,
        role="user",
        content=content,
        seq=int(datetime.now(UTC).timestamp() * 1_000_000),
        accepted_at=datetime.now(UTC),
    )
    return event.model_dump(mode="json")


def ingest_envelope(prefix: str, session_id: str, message_id: str, content: str) -> Any:
    event = event_json(session_id, message_id, content)
    return new_message(prefix, ActorName.INGEST_MESSAGE, {"event": event})


def test_list_replay_and_drop(stack: Stack, amqp_url: str, queue_prefix: str) -> None:
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    xq = dead_letter_queue(ingest)
    secret = f"SECRET-{uuid.uuid4().hex}"
    # Given a garbage body and an invalid event, dead-lettered by the worker
    invalid = {
        "queue_name": ingest,
        "actor_name": "ingest_message",
        "args": [],
        "kwargs": {"event": {"role": "user", "content": secret}},
        "options": {},
        "message_id": str(uuid.uuid4()),
        "message_timestamp": 0,
    }
    publish(amqp_url, ingest, b"\x00not json")
    publish(amqp_url, ingest, json.dumps(invalid).encode())
    wait_for(lambda: queue_depth(amqp_url, xq) == 2, timeout=30)
    # and a valid ingest message sitting in the dead-letter queue, as Dramatiq leaves it
    valid = ingest_envelope(queue_prefix, "s-dlq", "m-dlq", f"valid {secret}")
    publish(amqp_url, xq, valid.encode())

    # When they are listed
    listed = memq_dlq(stack.env, "list", "--queue", "ingest", "--json")
    assert listed.returncode == 0, listed.stderr
    entries = {e["id"]: e for e in map(json.loads, listed.stdout.splitlines())}
    # Then all three show, with ids, actor, reason and a summary, and no content
    assert len(entries) == 3
    assert secret not in listed.stdout
    assert entries[invalid["message_id"]]["reason"] == "rejected"
    assert entries[invalid["message_id"]]["actor"] == "ingest_message"
    shown = entries[valid.message_id]
    assert shown["summary"]["session_id"] == "s-dlq" and shown["summary"]["message_id"] == "m-dlq"
    assert shown["summary"]["content_bytes"] == len(f"valid {secret}")
    garbage = next(e for e in entries.values() if e["kind"] == "undecodable")
    assert garbage["id"].startswith("body-")
    # And listing consumed nothing; the text form says as much; --show-body shows content
    assert queue_depth(amqp_url, xq) == 3
    text = memq_dlq(stack.env, "list", "--queue", "ingest")
    assert valid.message_id in text.stdout and "3 dead letter(s) shown" in text.stderr
    assert secret in memq_dlq(stack.env, "list", "--show-body").stdout

    # When the valid one is replayed by id
    replayed = memq_dlq(stack.env, "replay", "--queue", "ingest", "--id", valid.message_id)
    assert replayed.returncode == 0, replayed.stderr
    assert f"replayed {valid.message_id}" in replayed.stdout
    # Then it is stored, and only the other two remain
    stack.wait_for_count("s-dlq", 1)
    assert [m["message_id"] for m in stack.stored_messages("s-dlq")] == ["m-dlq"]
    assert queue_depth(amqp_url, xq) == 2

    # When everything is replayed: the invalid one fails again and comes back,
    # the undecodable one is left where it is
    everything = memq_dlq(stack.env, "replay", "--all")
    assert everything.returncode == 0, everything.stderr
    assert "undecodable" in everything.stderr
    wait_for(lambda: queue_depth(amqp_url, xq) == 2, timeout=30)
    again = {
        e["id"]: e
        for e in map(json.loads, memq_dlq(stack.env, "list", "--json").stdout.splitlines())
    }
    assert again[invalid["message_id"]]["replays"] == 1

    # When the garbage is dropped, and an unknown id is asked for
    assert memq_dlq(stack.env, "drop", "--id", garbage["id"]).returncode == 0
    assert queue_depth(amqp_url, xq) == 1
    missing = memq_dlq(stack.env, "replay", "--id", "no-such-id")
    assert missing.returncode == 1 and "not found: no-such-id" in missing.stderr
    assert memq_dlq(stack.env, "replay").returncode != 0  # neither --id nor --all


def test_a_dead_lettered_batch_is_listed_by_its_event_ids(amqp_url: str, queue_prefix: str) -> None:
    env = {"MEMQ_AMQP_URL": amqp_url, "MEMQ_QUEUE_PREFIX": queue_prefix}
    xq = dead_letter_queue(queue_name(queue_prefix, QueueKind.INGEST))
    declare_queues(amqp_url, queue_prefix)
    assert DeadLetters(amqp_url, layout(queue_prefix)).list() == []
    secret = f"SECRET-{uuid.uuid4().hex}"
    # Given a batch in the dead-letter queue, as Dramatiq leaves it (e.g. once a
    # store outage outlasted its retries), with a malformed event and a stray entry
    events: list[Any] = [
        event_json("s-b1", "m-b1", f"first {secret}"),
        {**event_json("s-b2", "m-b2", "second"), "role": "robot"},
        f"stray {secret}",
    ]
    batch = new_message(queue_prefix, ActorName.INGEST_BATCH, {"events": events})
    publish(amqp_url, xq, batch.encode())

    # When it is listed
    listed = memq_dlq(env, "list", "--queue", "ingest", "--json")
    assert listed.returncode == 0, listed.stderr
    (entry,) = map(json.loads, listed.stdout.splitlines())
    # Then it shows how many events it carries and whose they are, without content
    assert entry["id"] == batch.message_id and entry["actor"] == "ingest_batch"
    assert entry["summary"] == {
        "events": 3,
        "content_bytes": len(f"first {secret}") + len("second"),
        "event_ids": [
            {"account_id": ACCOUNT_A, "session_id": "s-b1", "message_id": "m-b1"},
            {"account_id": ACCOUNT_A, "session_id": "s-b2", "message_id": "m-b2"},
            {},
        ],
    }
    assert secret not in listed.stdout
    # And the text form gives each event a line of its own
    text = memq_dlq(env, "list", "--queue", "ingest").stdout
    assert secret not in text
    assert "    events=3 content_bytes=" in text
    assert f'      account_id="{ACCOUNT_A}" session_id="s-b2" message_id="m-b2"\n' in text
    assert "      (no ids)" in text
    assert queue_depth(amqp_url, xq) == 1


class CrashBeforeAck(DeadLetters):
    """Dies after RabbitMQ confirmed the replayed copy, before acking the dead letter."""

    def _replay_one(
        self, channel: Any, tag: int, letter: DeadLetter, main: str, outcome: Outcome
    ) -> None:
        def crash(*_: object, **__: object) -> None:
            raise RuntimeError("killed between publish and ack")

        channel.basic_ack = crash
        super()._replay_one(channel, tag, letter, main, outcome)


def test_a_replay_that_dies_midway_loses_nothing(amqp_url: str, queue_prefix: str) -> None:
    # Given a dead-lettered ingest message and no worker
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    xq = dead_letter_queue(ingest)
    dlq = DeadLetters(amqp_url, layout(queue_prefix))
    declare_queues(amqp_url, queue_prefix)
    assert dlq.list() == []
    message = ingest_envelope(queue_prefix, "s-crash", "m-crash", "hello")
    publish(amqp_url, xq, message.encode())
    # When the replay dies after the publish was confirmed, before the ack
    with pytest.raises(RuntimeError):
        CrashBeforeAck(amqp_url, layout(queue_prefix)).replay(ids={message.message_id})
    # Then the message is in both queues: never in neither
    assert queue_depth(amqp_url, ingest) == 1
    assert queue_depth(amqp_url, xq) == 1
    # And a second replay moves the copy (ingest dedupes the double on message_id)
    outcome = dlq.replay([QueueKind.INGEST], {message.message_id})
    assert outcome.replayed == [message.message_id]
    assert queue_depth(amqp_url, ingest) == 2 and queue_depth(amqp_url, xq) == 0
    # And the replayed copy has a fresh retry budget and keeps its Dramatiq id
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        _method, _props, body = connection.channel().basic_get(ingest, auto_ack=True)
    finally:
        connection.close()
    assert body is not None
    copy = json.loads(body)
    assert copy["message_id"] == message.message_id and copy["queue_name"] == ingest
    assert "retries" not in copy["options"] and copy["options"]["memq_replays"] == 1


@pytest.fixture
def strict_stack(amqp_url: str, queue_prefix: str, tmp_path: Path) -> Iterator[Stack]:
    limits = {"MEMQ_MAX_MESSAGES_PER_SESSION": "1", "MEMQ_MAX_MESSAGE_BYTES": "100"}
    with running_stack(amqp_url, queue_prefix, tmp_path, **limits) as deployment:
        yield deployment


def test_a_message_refused_at_once_is_listed_with_its_error(
    strict_stack: Stack, amqp_url: str, queue_prefix: str
) -> None:
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    xq = dead_letter_queue(ingest)
    secret = f"SECRET-{uuid.uuid4().hex}"
    # Given four messages a direct producer published, each refused on its first try:
    # a schema error, content over MEMQ_MAX_MESSAGE_BYTES, a session already full,
    # and kwargs Dramatiq cannot call the actor with
    schema_error = ingest_envelope(queue_prefix, "s-err", "m-role", secret)
    schema_error.kwargs["event"]["role"] = "robot"
    oversized = ingest_envelope(queue_prefix, "s-err", "m-big", secret * 10)
    first = ingest_envelope(queue_prefix, "s-full", "m-first", "fills the session")
    over_cap = ingest_envelope(queue_prefix, "s-full", "m-over", secret)
    no_kwargs = json.loads(ingest_envelope(queue_prefix, "s-err", "m-null", secret).encode())
    no_kwargs["kwargs"] = None
    publish(amqp_url, ingest, first.encode())
    strict_stack.wait_for_count("s-full", 1)
    for body in (schema_error.encode(), oversized.encode(), over_cap.encode()):
        publish(amqp_url, ingest, body)
    publish(amqp_url, ingest, json.dumps(no_kwargs).encode())
    wait_for(lambda: queue_depth(amqp_url, xq) == 4, timeout=30)

    # When they are listed
    listed = memq_dlq(strict_stack.env, "list", "--queue", "ingest", "--json")
    assert listed.returncode == 0, listed.stderr
    entries = {e["id"]: e for e in map(json.loads, listed.stdout.splitlines())}
    # Then each says why it was refused, without its content, on its first attempt
    assert secret not in listed.stdout
    errors = {
        message_id: (entries[message_id]["error"], entries[message_id]["detail"])
        for message_id in entries
    }
    assert errors[schema_error.message_id][0] == "InvalidInput"
    assert "role" in errors[schema_error.message_id][1]
    assert errors[oversized.message_id][0] == "InvalidInput"
    assert "MEMQ_MAX_MESSAGE_BYTES" in errors[oversized.message_id][1]
    assert errors[over_cap.message_id][0] == "SessionFull"
    assert "MEMQ_MAX_MESSAGES_PER_SESSION" in errors[over_cap.message_id][1]
    assert errors[no_kwargs["message_id"]][0] == "MalformedEnvelope"
    assert "kwargs" in errors[no_kwargs["message_id"]][1]
    for entry in entries.values():
        assert entry["retries"] in (None, 0)
        assert entry["reason"] == "rejected" and entry["dead_lettered_at"] is not None
    # And the text listing shows the error and its detail
    text = memq_dlq(strict_stack.env, "list", "--queue", "ingest").stdout
    assert "error=SessionFull" in text and "MEMQ_MAX_MESSAGES_PER_SESSION" in text
    assert secret not in text

    # When the refused message is replayed while its session is still full
    replayed = memq_dlq(strict_stack.env, "replay", "--id", over_cap.message_id)
    assert replayed.returncode == 0, replayed.stderr
    wait_for(lambda: queue_depth(amqp_url, xq) == 4, timeout=30)
    again = {
        e["id"]: e
        for e in map(json.loads, memq_dlq(strict_stack.env, "list", "--json").stdout.splitlines())
    }
    # Then it comes back with the same reason, once
    assert again[over_cap.message_id]["replays"] == 1
    assert again[over_cap.message_id]["error"] == "SessionFull"


def test_a_mistyped_prefix_declares_nothing_and_says_so(amqp_url: str, queue_prefix: str) -> None:
    # Given a broker on which no deployment uses this prefix (issue 14, point 5)
    env = {"MEMQ_AMQP_URL": amqp_url, "MEMQ_QUEUE_PREFIX": queue_prefix}
    # When each dlq command runs with it
    for args in (["list"], ["replay", "--all"], ["drop", "--all"]):
        result = memq_dlq(env, *args)
        # Then it fails in one line naming the prefix, without "0 dead letter(s)"
        assert result.returncode == 2, result
        assert result.stderr.count("\n") == 1 and "MEMQ_QUEUE_PREFIX" in result.stderr
        assert queue_prefix in result.stderr and "dead letter(s)" not in result.stderr
    # And no queue was created on the broker
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        for kind in QueueKind:
            channel = connection.channel()
            with pytest.raises(pika.exceptions.ChannelClosedByBroker):
                channel.queue_declare(
                    dead_letter_queue(queue_name(queue_prefix, kind)), passive=True
                )
    finally:
        connection.close()
