"""What recalling a user's memory costs the context path, for users with 1 and 100 past
conversations.

    python -m bench.user_memory.latency [--requests 400] [--messages 30]

The context actor's own work (``build_context`` over a SQLite store: the
reads and the assembly), for the same 30-message session of a returning user,
with the user memory recalled and without (``users=None``: what the context
was before), requests interleaved so both see the same machine. The HTTP,
gateway and RabbitMQ round trip around it (about 2.4 ms p50 on the
benchmark VM, ``bench.context``) is the same for both, so the ratio printed
here is an upper bound of the ratio a channel sees. Run on a quiet machine:
``flock /tmp/memq-bench.lock python -m bench.user_memory.latency``.
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
from domain.user_memory.lookup import UserMemoryReader
from runtime.settings import Settings
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
            reader = UserMemoryReader(store.sessions, store.user_memory)

            def with_memory() -> None:
                build_context(
                    store.memory, settings, ACCOUNT, "now", budget=None, fmt="text", users=reader
                )

            def without() -> None:
                build_context(store.memory, settings, ACCOUNT, "now", budget=None, fmt="text")

            shown = build_context(
                store.memory, settings, ACCOUNT, "now", budget=None, fmt="text", users=reader
            ).user_memory
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--messages", type=int, default=30)
    args = parser.parse_args()
    print(
        "| past conversations | shown | without p50 ms | with p50 ms | ratio p50 "
        "| without p99 ms | with p99 ms | ratio p99 |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for past in (1, 100):
        on, off, shown = run(past, args.requests, args.messages)
        p50 = (percentile(off, 50), percentile(on, 50))
        p99 = (percentile(off, 99), percentile(on, 99))
        print(
            f"| {past} | {shown} | {p50[0]:.2f} | {p50[1]:.2f} | {p50[1] / p50[0]:.2f}x "
            f"| {p99[0]:.2f} | {p99[1]:.2f} | {p99[1] / p99[0]:.2f}x |"
        )


if __name__ == "__main__":
    main()
