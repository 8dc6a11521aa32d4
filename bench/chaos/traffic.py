"""Chaos traffic: chat channels that keep posting while parts of memq are killed.

Each session is one channel posting its messages one after another (the next
only once the last got its 202), so the order they were accepted in is the
order they must be listed in. A channel does what a well-behaved client
does: it sends its own ``message_id``, and on a 503, 504, 429, a timeout or a
refused connection it sends the same message again, until it gets its 202.
A 4xx it cannot fix is recorded as refused (the poison it was meant to be).

Direct AMQP producers (``publish_batches``) publish ``ingest_batch`` messages
with publisher confirms; for them the confirm is the 202.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pika

#: Statuses a channel retries: the request may succeed later as it is.
RETRIED = {408, 429, 500, 502, 503, 504}
#: Seconds a channel waits before sending a refused message again.
RETRY_PAUSE = 0.2


@dataclass
class Message:
    """One chat message of the run, and what became of it."""

    account: str
    session: str
    message_id: str
    index: int  # its place in the session's conversation
    poison: bool = False
    direct: bool = False  # published straight to RabbitMQ, not posted
    sent_at: float | None = None
    accepted_at: float | None = None  # the 202 (or publisher confirm), wall clock
    refused: int | None = None  # the status of a final refusal
    attempts: int = 0

    @property
    def key(self) -> tuple[str, str]:
        return self.account, self.message_id


@dataclass
class Channel:
    """A session's messages, posted in order, with a key of its account."""

    key: str
    messages: list[Message] = field(default_factory=list)


def conversation(account: str, key: str, session: str, count: int, run: str) -> Channel:
    channel = Channel(key)
    for index in range(count):
        message_id = f"{run}-{session}-{index:05d}"
        channel.messages.append(Message(account, session, message_id, index))
    return channel


async def post_all(
    base_url: str,
    channels: Iterable[Channel],
    *,
    give_up_after: float,
    accepted: Callable[[Message], None] = lambda _: None,
    pace: float = 0.0,
) -> None:
    """Post every channel's messages, the channels concurrently; ``accepted`` is
    called after each 202. A message still refused ``give_up_after`` seconds after
    it was first sent is left unaccepted."""
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(base_url=base_url, timeout=10, limits=limits) as client:
        await asyncio.gather(
            *(_post_channel(client, ch, give_up_after, accepted, pace) for ch in channels)
        )


async def _post_channel(
    client: httpx.AsyncClient,
    channel: Channel,
    give_up_after: float,
    accepted: Callable[[Message], None],
    pace: float,
) -> None:
    headers = {"Authorization": f"Bearer {channel.key}"}
    for message in channel.messages:
        body = _body(message)
        message.sent_at = time.time()
        while time.time() - message.sent_at < give_up_after:
            message.attempts += 1
            try:
                response = await client.post(
                    f"/v1/sessions/{message.session}/messages", json=body, headers=headers
                )
            except httpx.HTTPError:
                await asyncio.sleep(RETRY_PAUSE)  # the gateway is down or restarting
                continue
            if response.status_code == 202:
                message.accepted_at = time.time()
                accepted(message)
                break
            if response.status_code not in RETRIED:
                message.refused = response.status_code
                break
            await asyncio.sleep(RETRY_PAUSE)
        if pace:
            await asyncio.sleep(pace)


def _body(message: Message) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message_id": message.message_id,
        "role": "user" if message.index % 2 == 0 else "assistant",
        "content": f"message {message.index} of {message.session}",
    }
    if message.poison:
        # What no store can keep: refused at the door, since this issue.
        body["sent_at"] = "9999-12-31T23:59:59-14:00"
    return body


def ingest_batch(prefix: str, events: list[dict[str, Any]]) -> bytes:
    """An ``ingest_batch`` message as docs/amqp.md describes it."""
    return json.dumps(
        {
            "queue_name": f"{prefix}.ingest",
            "actor_name": "ingest_batch",
            "args": [],
            "kwargs": {"events": events},
            "options": {},
            "message_id": str(uuid.uuid4()),
            "message_timestamp": int(time.time() * 1000),
        }
    ).encode()


def event_of(message: Message, seq: int) -> dict[str, Any]:
    """The message as a direct producer's event; a poison one breaks the schema."""
    event: dict[str, Any] = {
        "account_id": message.account,
        "session_id": message.session,
        "message_id": message.message_id,
        "role": "user",
        "content": f"message {message.index} of {message.session}",
        "seq": seq,
        "accepted_at": "2026-05-01T10:00:00Z",
    }
    if message.poison:
        event["role"] = "robot"
    return event


def publish_batches(
    amqp_url: str, prefix: str, batches: list[list[Message]], *, pause: float = 0.0
) -> None:
    """Publish each batch as one ``ingest_batch`` message, confirmed, in order
    (blocking: run it in a thread). The confirm time is each message's 202."""
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        for batch in batches:
            now = time.time()
            events = [event_of(m, int(now * 1_000_000) + i) for i, m in enumerate(batch)]
            for message in batch:
                message.sent_at = now
                message.attempts += 1
            channel.basic_publish(
                exchange="",
                routing_key=f"{prefix}.ingest",
                body=ingest_batch(prefix, events),
                properties=pika.BasicProperties(delivery_mode=2, content_type="application/json"),
                mandatory=True,
            )
            confirmed = time.time()
            for message in batch:
                message.accepted_at = confirmed
            if pause:
                time.sleep(pause)
    finally:
        connection.close()
