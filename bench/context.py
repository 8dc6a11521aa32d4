"""Context benchmark: GET /v1/sessions/{id}/context over HTTP → gateway → RabbitMQ →
context actor → store, beside the bare RabbitMQ request-reply round trip, in one run.

    python -m bench.context [--requests N] [--threads T]

Sessions of 10, 1,000 and 10,000 messages are seeded straight into the SQLite
store the worker reads. The 10-message session's memory is folded by the real
memory service; the larger ones get tiers written by the real offline engine
(over a sample of their messages: folding 10,000 messages one batch at a time
is the memory pool's job, not this benchmark's) that cover every folded
message, which are marked folded, so the context actor sees exactly the state
it would in production. Latency is measured by the client, per request.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aio_pika
import httpx

from memq.memory.engines import EngineChain
from memq.memory.folding import merge_facts, transcript
from memq.memory.model import TierName, TierSummary
from memq.memory.offline.engine import OfflineEngine
from memq.memory.service import MemoryService
from memq.settings import Settings
from memq.tokens import estimate_tokens
from schemas.messages import MessageEvent, Role
from store.backends.sqlite import SqliteStore
from tests.support.processes import MemqProcess, free_port, wait_until_ready
from tests.support.rabbit import amqp_url_for_tests, delete_queues

KEY, ACCOUNT = "bench-key", "bench"
SIZES = (10, 1_000, 10_000)
LINES: list[tuple[Role, str]] = [
    ("user", "Hi, I am Sara from Shiraz. I want the Nanopresso coffee maker."),
    ("assistant", "The Nanopresso costs 8,249,000 Toman and has a 2 years warranty."),
    ("user", "Can I pay by subscription? My order number is A-{i}."),
    ("assistant", "Yes, subscription works. Order A-{i} ships in 3 days."),
    ("user", "سلام، گارانتی چند ساله است؟"),
]


def log(text: str) -> None:
    print(text, flush=True)


def seed(store: SqliteStore, session_id: str, count: int) -> None:
    start = datetime.now(UTC) - timedelta(hours=1)
    for i in range(count):
        role, content = LINES[i % len(LINES)]
        event = MessageEvent(
            account_id=ACCOUNT,
            session_id=session_id,
            message_id=f"{session_id}-{i}",
            role=role,
            content=content.format(i=i),
            seq=1_000_000 + i,
            accepted_at=start + timedelta(milliseconds=i),
        )
        store.append_message(event, delivery_id=event.message_id)
        if count >= 1000 and i % 2000 == 0:
            log(f"  seeding {session_id}: {i}/{count}")


def write_memory(store: SqliteStore, session_id: str, count: int, settings: Settings) -> None:
    """Tiers over messages 1..count-5 written by the real offline engine."""
    if count <= 100:
        MemoryService(store, EngineChain(fallback=OfflineEngine()), settings).update(
            ACCOUNT, session_id
        )
        return
    engine, budgets, now = OfflineEngine(), settings.budgets_for(ACCOUNT), datetime.now(UTC)
    folded = count - settings.memory_verbatim_count
    spans = {
        TierName.OLD: (1, folded - 50),
        TierName.MID: (folded - 49, folded - 15),
        TierName.RECENT: (folded - 14, folded),
    }
    messages = store.messages_between(ACCOUNT, session_id, 0, 10**18, limit=count)
    tiers = {}
    for tier, (first, last) in spans.items():
        sample = messages[last - 10 : last]
        text = engine.fold(None, transcript(sample, last - 9), budgets.for_tier(tier))
        tiers[tier.value] = TierSummary(
            tier=tier,
            text=text,
            first_position=first,
            last_position=last,
            first_seq=messages[first - 1].seq,
            last_seq=messages[last - 1].seq,
            token_estimate=estimate_tokens(text),
            engine="offline",
            updated_at=now,
        )
    facts = engine.extract_facts(transcript(messages[:10], 1), [])
    owner = uuid.uuid4().hex
    assert store.acquire_memory_lease(ACCOUNT, session_id, owner, now + timedelta(minutes=5), now)
    state = store.load_memory(ACCOUNT, session_id).model_copy(
        update={
            **tiers,
            "folded_count": folded,
            "facts": merge_facts([], facts, now),
            "last_fold_ids": [m.message_id for m in messages[:folded]],
            "updated_at": now,
        }
    )
    assert store.save_memory(ACCOUNT, session_id, state, owner)
    store.release_memory_lease(ACCOUNT, session_id, owner)


async def http_latencies(base_url: str, session_id: str, clients: int, total: int) -> list[float]:
    headers = {"Authorization": f"Bearer {KEY}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    latencies: list[float] = []
    async with httpx.AsyncClient(
        base_url=base_url, headers=headers, limits=limits, timeout=30
    ) as c:
        for _ in range(clients * 2):  # warm connections and caches
            (await c.get(f"/v1/sessions/{session_id}/context")).raise_for_status()
        remaining = total

        async def client() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                started = time.perf_counter()
                response = await c.get(f"/v1/sessions/{session_id}/context")
                latencies.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()

        await asyncio.gather(*(client() for _ in range(clients)))
    return latencies


async def bare_round_trips(amqp_url: str, clients: int, total: int) -> list[float]:
    """The floor: publish a request with a confirm, a consumer replies, await it."""
    connection = await aio_pika.connect_robust(amqp_url)
    async with connection:
        server = await connection.channel()
        queue = await server.declare_queue(f"bench-rr-{uuid.uuid4().hex[:8]}", auto_delete=True)

        async def respond(message: aio_pika.abc.AbstractIncomingMessage) -> None:
            await server.default_exchange.publish(
                aio_pika.Message(message.body, correlation_id=message.correlation_id),
                routing_key=message.reply_to or "",
            )

        await queue.consume(respond, no_ack=True)
        client = await connection.channel(publisher_confirms=True)
        replies = await client.declare_queue(exclusive=True, auto_delete=True)
        pending: dict[str, asyncio.Future[None]] = {}

        async def on_reply(message: aio_pika.abc.AbstractIncomingMessage) -> None:
            future = pending.pop(message.correlation_id or "", None)
            if future is not None:
                future.set_result(None)

        await replies.consume(on_reply, no_ack=True)
        latencies: list[float] = []
        remaining = total

        async def requester() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                cid = uuid.uuid4().hex
                pending[cid] = asyncio.get_running_loop().create_future()
                started = time.perf_counter()
                await client.default_exchange.publish(
                    aio_pika.Message(b"{}", correlation_id=cid, reply_to=replies.name),
                    routing_key=queue.name,
                )
                await pending[cid] if cid in pending else None
                latencies.append((time.perf_counter() - started) * 1000)

        await asyncio.gather(*(requester() for _ in range(clients)))
    return latencies


def summary(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per configuration")
    parser.add_argument("--threads", type=int, default=8, help="context worker threads")
    args = parser.parse_args()
    amqp_url = amqp_url_for_tests()
    prefix = f"bench-ctx-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        settings = Settings(data_dir=data)
        store = SqliteStore(settings.sqlite_path)
        log("seeding sessions of " + ", ".join(map(str, SIZES)) + " messages")
        for size in SIZES:
            seed(store, f"s{size}", size)
            write_memory(store, f"s{size}", size, settings)
        store.close()
        port = free_port()
        env = {
            "MEMQ_AMQP_URL": amqp_url,
            "MEMQ_QUEUE_PREFIX": prefix,
            "MEMQ_DATA_DIR": str(data),
            "MEMQ_API_KEYS": f"{KEY}:{ACCOUNT}",
            "MEMQ_PORT": str(port),
            "MEMQ_LOG_LEVEL": "WARNING",
            "MEMQ_RATE_LIMIT_PER_SECOND": "0",
            "MEMQ_WORKER_METRICS_PORT": "0",
        }
        gateway = MemqProcess(["gateway"], env, Path(tmp) / "gateway.log").start()
        worker = MemqProcess(
            ["worker", "--queues", "context", "--threads", str(args.threads)],
            env,
            Path(tmp) / "worker.log",
        ).start()
        rows: list[tuple[str, int, float, float, float]] = []
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_until_ready(base_url, gateway)
            for clients in (1, 16):
                started = time.perf_counter()
                bare = asyncio.run(bare_round_trips(amqp_url, clients, args.requests))
                p50, p99 = summary(bare)
                rows.append(
                    (
                        "bare RabbitMQ request-reply",
                        clients,
                        p50,
                        p99,
                        len(bare) / (time.perf_counter() - started),
                    )
                )
                for size in SIZES:
                    log(f"measuring {size}-message session at {clients} client(s)")
                    started = time.perf_counter()
                    latencies = asyncio.run(
                        http_latencies(base_url, f"s{size}", clients, args.requests)
                    )
                    p50, p99 = summary(latencies)
                    rows.append(
                        (
                            f"context, {size:,} messages",
                            clients,
                            p50,
                            p99,
                            len(latencies) / (time.perf_counter() - started),
                        )
                    )
        finally:
            worker.stop()
            gateway.stop()
            delete_queues(amqp_url, prefix)
    print()
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{args.requests} requests per row, context worker threads {args.threads}"
    )
    print(f"{'path':<32} {'clients':>7} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8}")
    for name, clients, p50, p99, rate in rows:
        print(f"{name:<32} {clients:>7} {p50:>8.2f} {p99:>8.2f} {rate:>8.0f}")
    by = {(name, clients): p50 for name, clients, p50, _, _ in rows}
    for clients in (1, 16):
        ratio = by[("context, 10,000 messages", clients)] / by[("context, 10 messages", clients)]
        print(f"p50 10,000-message / 10-message session at {clients} client(s): {ratio:.2f}x")


if __name__ == "__main__":
    main()
