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
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import aio_pika

from bench.support.http import RawHttpClient
from bench.support.processes import MemqProcess, free_port, wait_until_ready
from bench.support.progress import log
from bench.support.rabbit import amqp_url_for_tests, delete_queues
from domain.memory.chain import EngineChain
from domain.memory.folding import merge_facts, transcript
from domain.memory.offline.engine import OfflineEngine
from domain.memory.service import MAX_BATCH_FACTOR, MemoryService
from domain.tokens import estimate_tokens
from runtime.settings import Settings
from schemas.memory_model import TierName, TierSummary
from schemas.messages import MessageEvent, Role
from store.backends.sqlite import SqliteStore

KEY, ACCOUNT = "bench-key", "bench"
SIZES = (10, 1_000, 10_000)
LINES: list[tuple[Role, str]] = [
    ("user", "Hi, I am Sara from Shiraz. I want the Nanopresso coffee maker."),
    ("assistant", "The Nanopresso costs 8,249,000 Toman and has a 2 years warranty."),
    ("user", "Can I pay by subscription? My order number is A-{i}."),
    ("assistant", "Yes, subscription works. Order A-{i} ships in 3 days."),
    ("user", "سلام، گارانتی چند ساله است؟"),
]


def seed(store: SqliteStore, session_id: str, count: int, user_id: str | None = None) -> None:
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
            user_id=user_id,
        )
        store.sessions.append_message(event, delivery_id=event.message_id)
        if count >= 1000 and i % 2000 == 0:
            log(f"  seeding {session_id}: {i}/{count}")


def write_memory(store: SqliteStore, session_id: str, count: int, settings: Settings) -> None:
    """Tiers over messages 1..count-5 written by the real offline engine."""
    if count <= 100:
        MemoryService(store.memory, EngineChain(fallback=OfflineEngine()), settings).update(
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
    messages = store.memory.messages_between(ACCOUNT, session_id, 0, 10**18, limit=count)
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
    assert store.memory.acquire_memory_lease(
        ACCOUNT, session_id, owner, now + timedelta(minutes=5), now
    )
    state = store.memory.load_memory(ACCOUNT, session_id).model_copy(
        update={
            **tiers,
            "folded_count": folded,
            "facts": merge_facts([], facts, now),
            "last_fold_ids": [m.message_id for m in messages[:folded]],
            "updated_at": now,
        }
    )
    assert store.memory.save_memory(ACCOUNT, session_id, state, owner)  # marks them all folded
    # As the memory pool leaves it: last_fold_ids names only the last fold's
    # messages (a fold takes at most fold_every × MAX_BATCH_FACTOR of them).
    last_fold = settings.memory_fold_every * MAX_BATCH_FACTOR
    state = store.memory.load_memory(ACCOUNT, session_id)
    state = state.model_copy(update={"last_fold_ids": state.last_fold_ids[-last_fold:]})
    assert store.memory.save_memory(ACCOUNT, session_id, state, owner)
    store.memory.release_memory_lease(ACCOUNT, session_id, owner)


async def http_latencies(
    base_url: str, session_id: str, clients: int, total: int, rate: float = 0
) -> list[float]:
    """Per-request latency in ms from ``clients`` keep-alive connections.

    ``rate`` 0: closed loop, each client sends its next request when the last
    is answered (throughput at saturation, latency = clients / throughput).
    ``rate`` > 0: open loop at that many requests/s in all; a request is timed
    from when it was due, so a request delayed behind busy clients counts
    its wait (no coordinated omission).
    """
    headers = {"Authorization": f"Bearer {KEY}"}
    path = f"/v1/sessions/{session_id}/context"
    latencies: list[float] = []
    connections = [RawHttpClient(base_url, headers) for _ in range(clients)]
    for connection in connections * 2:  # warm connections and caches
        status, body = await connection.get(path)
        if status != 200:
            raise SystemExit(f"GET {path} answered {status}: {body[:300]!r}")
    next_index = 0
    t0 = time.perf_counter()

    async def client(connection: RawHttpClient) -> None:
        nonlocal next_index
        while next_index < total:
            index = next_index
            next_index += 1
            due = t0 + index / rate if rate > 0 else time.perf_counter()
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            status, body = await connection.get(path)
            latencies.append((time.perf_counter() - due) * 1000)
            if status != 200:
                raise SystemExit(f"GET {path} answered {status}: {body[:300]!r}")

    try:
        await asyncio.gather(*(client(connection) for connection in connections))
    finally:
        for connection in connections:
            await connection.close()
    return latencies


async def bare_round_trips(amqp_url: str, clients: int, total: int, rate: float = 0) -> list[float]:
    """The floor: publish a request with a confirm, a consumer replies, await it (closed loop)."""
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


@dataclass
class Row:
    name: str
    clients: int
    offered: float  # requests/s in all; 0 = closed loop
    p50: float
    p99: float
    rate: float


Driver = Callable[[int, int, float], Coroutine[Any, Any, list[float]]]


@contextmanager
def context_deployment(
    amqp_url: str, prefix: str, data: Path, api_keys: str, threads: int, log_dir: Path
) -> Iterator[str]:
    """A gateway and a context pool over RabbitMQ on ``data``: yields the gateway's base
    URL; stops both and deletes the run's queues after."""
    port = free_port()
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": prefix,
        "MEMQ_DATA_DIR": str(data),
        "MEMQ_API_KEYS": api_keys,
        "MEMQ_PORT": str(port),
        "MEMQ_LOG_LEVEL": "WARNING",
        "MEMQ_RATE_LIMIT_PER_SECOND": "0",
        "MEMQ_WORKER_METRICS_PORT": "0",
    }
    gateway = MemqProcess(["gateway"], env, log_dir / "gateway.log").start()
    worker = MemqProcess(
        ["worker", "--queues", "context", "--threads", str(threads)],
        env,
        log_dir / "worker.log",
    ).start()
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_ready(base_url, gateway)
        yield base_url
    finally:
        worker.stop()
        gateway.stop()
        delete_queues(amqp_url, prefix)


def measure(name: str, clients: int, offered: float, driver: Driver, total: int) -> Row:
    started = time.perf_counter()
    latencies = asyncio.run(driver(clients, total, offered))
    elapsed = time.perf_counter() - started
    p50, p99 = summary(latencies)
    return Row(name, clients, offered, p50, p99, len(latencies) / elapsed)


def summary(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per configuration")
    parser.add_argument("--threads", type=int, default=8, help="context worker threads")
    parser.add_argument(
        "--open-rate",
        type=float,
        default=0,
        help="requests/s offered by the 16 open-loop clients (0 = half the closed-loop rate)",
    )
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
        rows: list[Row] = []
        deployment = context_deployment(
            amqp_url, prefix, data, f"{KEY}:{ACCOUNT}", args.threads, Path(tmp)
        )
        with deployment as base_url:
            for clients in (1, 16):
                rows.append(
                    measure(
                        "bare RabbitMQ request-reply",
                        clients,
                        0,
                        partial(bare_round_trips, amqp_url),
                        args.requests,
                    )
                )
                for size in SIZES:
                    log(f"measuring {size}-message session at {clients} client(s), closed loop")
                    rows.append(
                        measure(
                            f"context, {size:,} messages",
                            clients,
                            0,
                            partial(http_latencies, base_url, f"s{size}"),
                            args.requests,
                        )
                    )
            saturated = next(
                row.rate for row in rows if row.clients == 16 and "context" in row.name
            )
            offered = args.open_rate or round(saturated / 2)
            for size in SIZES:
                log(f"measuring {size}-message session at 16 clients, {offered} requests/s offered")
                rows.append(
                    measure(
                        f"context, {size:,} messages",
                        16,
                        offered,
                        partial(http_latencies, base_url, f"s{size}"),
                        args.requests,
                    )
                )
    print()
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{args.requests} requests per row, context worker threads {args.threads}"
    )
    print(f"{'path':<32} {'clients':>7} {'offered':>10} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8}")
    for row in rows:
        offered_text = f"{row.offered:.0f}/s" if row.offered else "closed"
        print(
            f"{row.name:<32} {row.clients:>7} {offered_text:>10} {row.p50:>8.2f} "
            f"{row.p99:>8.2f} {row.rate:>8.0f}"
        )
    by = {(row.name, row.clients, row.offered > 0): row.p50 for row in rows}
    for clients, open_loop in ((1, False), (16, False), (16, True)):
        big = by[("context, 10,000 messages", clients, open_loop)]
        ratio = big / by[("context, 10 messages", clients, open_loop)]
        mode = "open loop" if open_loop else "closed loop"
        print(f"p50 10,000-message / 10-message session, {clients} client(s), {mode}: {ratio:.2f}x")
    print(
        "closed loop: each client sends its next request as soon as the last is answered, so "
        "p50 ≈ clients / throughput; open loop: requests are due at the offered rate and timed "
        "from when they were due"
    )


if __name__ == "__main__":
    main()
