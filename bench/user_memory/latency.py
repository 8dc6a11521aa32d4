"""What recalling a user's memory costs the context path, for users with 1 and 100 past
conversations.

    python -m bench.user_memory.latency [--requests 400] [--messages 30] [--http]

In process: the context actor's own work (``build_context`` over a SQLite
store: the reads and the assembly), for the same 30-message session of a
returning user, with the user memory recalled and without (``recall_user_memory=False``:
what the context was before), requests interleaved so both see the same
machine. ``--http`` also measures what a channel sees: GET …/context over HTTP
→ gateway → RabbitMQ → context worker → SQLite, one client, for the returning
user's session and for the same 30 messages in a session without a user id,
in alternating blocks of 20 requests. Run on a quiet machine:
``flock /tmp/memq-bench.lock python -m bench.user_memory.latency --http``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.support.stats import percentile
from bench.user_memory.returning import ACCOUNT, Conversations
from domain.context.service import build_context
from runtime.settings import Settings
from schemas.context import ContextReply
from store.backends.sqlite import SqliteStore

PAST_TURNS = [
    ("user", "Hi, my name is Sara Ahmadi and my order number is ORD-{n}."),
    ("assistant", "Thanks Sara, order ORD-{n} ships to 12 Elm Street, Springfield on Friday."),
    ("user", "Please text me at 555-0142 when it leaves the warehouse."),
    ("assistant", "Will do: a text to 555-0142 when ORD-{n} is dispatched."),
]


def timed(call: object, repeats: int) -> list[float]:
    assert callable(call)
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def run(past: int, requests: int, messages: int) -> tuple[list[float], list[float], int]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        store = SqliteStore(Path(tmp) / "latency.sqlite3")
        try:
            talks = Conversations(store, settings)
            start = datetime.now(UTC) - timedelta(days=past + 1)
            for n in range(past):
                turns = [(role, text.format(n=40_000 + n)) for role, text in PAST_TURNS]
                at = start + timedelta(days=n)
                talks.publish(f"past-{n}", "u1", turns, at)
                talks.end(f"past-{n}", at + timedelta(hours=1))
            current = [
                ("user" if i % 2 == 0 else "assistant", f"Message {i} about order ORD-{40_000 + i}")
                for i in range(messages)
            ]
            talks.publish("now", "u1", current, datetime.now(UTC) - timedelta(minutes=5))

            def context(recall_user_memory: bool) -> ContextReply:
                return build_context(
                    store.memory,
                    settings,
                    ACCOUNT,
                    "now",
                    budget=None,
                    fmt="text",
                    recall_user_memory=recall_user_memory,
                )

            def with_memory() -> None:
                context(True)

            def without() -> None:
                context(False)

            shown = context(True).user_memory
            timed(with_memory, 50)  # warm both paths
            timed(without, 50)
            on: list[float] = []
            off: list[float] = []
            for _ in range(requests // 10):
                on += timed(with_memory, 10)
                off += timed(without, 10)
            assert shown is not None
            return on, off, len(shown.conversations)
        finally:
            store.close()


def seed(data: Path, pasts: tuple[int, ...], messages: int) -> None:
    """Returning users ``u<past>`` with their sessions ``now-<past>``, and ``anon-<past>``
    with the same messages and no user, in the SQLite file the worker reads."""
    settings = Settings(data_dir=data)
    store = SqliteStore(settings.sqlite_path)
    try:
        talks = Conversations(store, settings)
        for past in pasts:
            start = datetime.now(UTC) - timedelta(days=past + 1)
            for n in range(past):
                turns = [(role, text.format(n=40_000 + n)) for role, text in PAST_TURNS]
                at = start + timedelta(days=n)
                talks.publish(f"p{past}-{n}", f"u{past}", turns, at)
                talks.end(f"p{past}-{n}", at + timedelta(hours=1))
            current = [
                ("user" if i % 2 == 0 else "assistant", f"Message {i} about order ORD-{40_000 + i}")
                for i in range(messages)
            ]
            at = datetime.now(UTC) - timedelta(minutes=5)
            talks.publish(f"now-{past}", f"u{past}", current, at)
            talks.publish(f"anon-{past}", None, current, at)
    finally:
        store.close()


def http_rows(pasts: tuple[int, ...], requests: int, messages: int) -> list[str]:
    import asyncio
    import uuid

    from bench.context import context_deployment, http_latencies
    from bench.support.rabbit import amqp_url_for_tests

    amqp_url = amqp_url_for_tests()
    prefix = f"bench-um-{uuid.uuid4().hex[:8]}"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        seed(data, pasts, messages)
        deployment = context_deployment(
            amqp_url, prefix, data, f"bench-key:{ACCOUNT}", 8, Path(tmp)
        )
        with deployment as base_url:
            for past in pasts:
                on: list[float] = []
                off: list[float] = []
                for _ in range(requests // 20):
                    on += asyncio.run(http_latencies(base_url, f"now-{past}", 1, 20))
                    off += asyncio.run(http_latencies(base_url, f"anon-{past}", 1, 20))
                rows.append(row(past, "HTTP", on, off))
    return rows


def row(past: int, where: str, on: list[float], off: list[float]) -> str:
    p50 = (percentile(off, 50), percentile(on, 50))
    p99 = (percentile(off, 99), percentile(on, 99))
    return (
        f"| {where} | {past} | {p50[0]:.2f} | {p50[1]:.2f} | {p50[1] / p50[0]:.2f}x "
        f"| {p99[0]:.2f} | {p99[1]:.2f} | {p99[1] / p99[0]:.2f}x |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--messages", type=int, default=30)
    parser.add_argument("--http", action="store_true", help="also over HTTP and RabbitMQ")
    args = parser.parse_args()
    pasts = (1, 100)
    rows = []
    for past in pasts:
        on, off, shown = run(past, args.requests, args.messages)
        rows.append(row(past, f"in process ({shown} shown)", on, off))
    if args.http:
        rows += http_rows(pasts, args.requests, args.messages)
    print(
        "| path | past conversations | without p50 ms | with p50 ms | ratio p50 "
        "| without p99 ms | with p99 ms | ratio p99 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for line in rows:
        print(line)


if __name__ == "__main__":
    main()
