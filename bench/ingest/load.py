"""The load an ingest run offers: which messages, and the clients that send them (HTTP
one at a time or in batches, or straight to RabbitMQ for the no-op actor)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aio_pika
import dramatiq
import httpx

from bench.support.http import RawHttpClient
from bench.support.progress import Progress
from schemas.messages import MessageEvent

API_KEY, ACCOUNT = "bench-key-0123456789abcdef", "bench"

CONTENT = (
    "Hi, I'd like the Nanopresso in dark grey. What does it cost with the case, is the "
    "warranty two years, and can you deliver to Isfahan before Friday? Order #{i} for {s}."
)


@dataclass(frozen=True)
class Planned:
    session_id: str
    message_id: str
    body: bytes


def plan_messages(tag: str, count: int, sessions: int) -> list[Planned]:
    plan = []
    for i in range(count):
        session = f"bench-s{i % sessions:05d}"
        body = {
            "message_id": f"{tag}-{i:07d}",
            "role": "user" if (i // sessions) % 2 == 0 else "assistant",
            "content": CONTENT.format(i=i, s=session),
            "user_id": f"u{i % sessions:05d}",
            "channel": "web",
        }
        plan.append(Planned(session, body["message_id"], json.dumps(body).encode()))
    return plan


@dataclass
class Sent:
    started: float
    finished: float
    status: int  # 0 = no answer (connection error or timeout)


def status_counts(sent: list[Sent | None]) -> dict[int, int]:
    return dict(Counter(s.status if s is not None else 0 for s in sent))


async def pace(t0: float, index: int, rate: float) -> None:
    """Wait until message ``index`` is due at ``rate`` messages/s from ``t0`` (0 = now)."""
    if rate > 0:
        delay = t0 + index / rate - time.time()
        if delay > 0:
            await asyncio.sleep(delay)


async def post_messages(
    base_url: str,
    plan: list[Planned],
    concurrency: int,
    rate: float,
    progress: Progress,
    client_kind: str = "raw",
) -> list[Sent | None]:
    """C keep-alive HTTP clients POST the plan; returns (start, end, status) per message.

    With ``httpx`` each client has its own ``AsyncClient`` with one connection:
    one client with a pool of C connections costs several times more CPU per
    request, since httpcore checks every pooled connection on each request.
    """
    results: list[Sent | None] = [None] * len(plan)
    next_index = 0
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
    t0 = time.time()

    async def one_client() -> None:
        nonlocal next_index
        raw: RawHttpClient | None = None
        client: httpx.AsyncClient | None = None
        if client_kind == "raw":
            raw = RawHttpClient(base_url, headers)
        else:
            client = httpx.AsyncClient(
                base_url=base_url,
                headers=headers,
                timeout=30,
                limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            )
        try:
            while next_index < len(plan):
                index = next_index
                next_index += 1
                await pace(t0, index, rate)
                item = plan[index]
                path = f"/v1/sessions/{item.session_id}/messages"
                started = time.time()
                try:
                    if raw is not None:
                        status = await asyncio.wait_for(raw.post(path, item.body), 30)
                    else:
                        assert client is not None
                        status = (await client.post(path, content=item.body)).status_code
                except (
                    httpx.HTTPError,
                    OSError,
                    TimeoutError,
                    asyncio.IncompleteReadError,
                    ValueError,
                ):
                    status = 0
                    if raw is not None:
                        await raw.close()
                results[index] = Sent(started, time.time(), status)
                progress.sent += 1
        finally:
            if raw is not None:
                await raw.close()
            if client is not None:
                await client.aclose()

    await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return results


async def post_batches(
    base_url: str, plan: list[Planned], concurrency: int, batch: int, progress: Progress
) -> list[Sent | None]:
    """C raw clients POST the plan to ``/v1/messages``, ``batch`` messages a request."""
    results: list[Sent | None] = [None] * len(plan)
    chunks = [range(i, min(i + batch, len(plan))) for i in range(0, len(plan), batch)]
    next_chunk = 0
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}

    async def one_client() -> None:
        nonlocal next_chunk
        raw = RawHttpClient(base_url, headers)
        try:
            while next_chunk < len(chunks):
                chunk = chunks[next_chunk]
                next_chunk += 1
                items = [
                    {**json.loads(plan[i].body), "session_id": plan[i].session_id} for i in chunk
                ]
                body = json.dumps({"messages": items}).encode()
                started = time.time()
                try:
                    status = await asyncio.wait_for(raw.post("/v1/messages", body), 30)
                except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                    status = 0
                    await raw.close()
                for i in chunk:
                    results[i] = Sent(started, time.time(), status)
                progress.sent += len(chunk)
        finally:
            await raw.close()

    await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return results


async def publish_direct(
    url: str,
    queue: str,
    bodies: list[tuple[str, bytes]],
    concurrency: int,
    rate: float,
    progress: Progress,
) -> dict[str, float]:
    """Publish persistent messages with publisher confirms, C in flight; message_id → start."""
    started: dict[str, float] = {}
    connection = await aio_pika.connect_robust(url)
    try:
        channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
        next_index = 0
        t0 = time.time()

        async def one_publisher() -> None:
            nonlocal next_index
            while next_index < len(bodies):
                index = next_index
                next_index += 1
                await pace(t0, index, rate)
                message_id, body = bodies[index]
                started[message_id] = time.time()
                await channel.default_exchange.publish(
                    aio_pika.Message(
                        body=body,
                        content_type="application/json",
                        message_id=message_id,
                        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                    ),
                    routing_key=queue,
                    mandatory=True,
                    timeout=10,
                )
                progress.sent += 1

        await asyncio.gather(*(one_publisher() for _ in range(concurrency)))
    finally:
        await connection.close()
    return started


def noop_bodies(queue: str, plan: list[Planned]) -> list[tuple[str, bytes]]:
    """The same events the gateway would publish, addressed to the no-op actor."""
    from bench.noop_worker import ACTOR_NAME

    bodies = []
    for seq, item in enumerate(plan, start=1):
        fields = json.loads(item.body)
        event = MessageEvent(
            account_id=ACCOUNT,
            session_id=item.session_id,
            seq=seq,
            accepted_at=datetime.now(UTC),
            **fields,
        )
        message: dramatiq.Message[Any] = dramatiq.Message(
            queue_name=queue,
            actor_name=ACTOR_NAME,
            args=(),
            kwargs={"event": event.model_dump(mode="json")},
            options={},
            message_id=str(uuid.uuid4()),
            message_timestamp=int(time.time() * 1000),
        )
        bodies.append((item.message_id, message.encode()))
    return bodies
