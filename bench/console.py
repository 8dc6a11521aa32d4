"""Console benchmark: p50/p99 of each console page, for a session of 10,000 messages.

    flock /tmp/memq-bench.lock python -m bench.console [--requests N] [--only TEXT]

An embedded ``memq serve`` (in-process broker, SQLite: the default deployment)
over a store seeded with a 10,000-message session of one user (tiers written by
the real offline engine over it, as ``bench.context`` does) and 200 short
sessions beside it, every session's analytics flushed (what the analytics page
sums). One signed-in client asks each page ``--requests`` times in a row, after a
warm-up; latency is measured by the client, per request.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import httpx

from bench.context import ACCOUNT, KEY, seed, write_memory
from bench.support.machine import machine_info
from bench.support.processes import MemqProcess, free_port, wait_until_ready
from bench.support.progress import log
from bench.support.rabbit import amqp_url_for_tests
from bench.support.stats import percentile
from domain.analytics.service import AnalyticsService
from runtime.settings import Settings
from store.backends.sqlite import SqliteStore

LONG, USER, SIZE = "s-long", "u-bench", 10_000
SHORT_SESSIONS = 200
WARM_UP = 5


def pages(before: int) -> list[tuple[str, str]]:
    return [
        ("sessions list", "/console/sessions"),
        ("sessions list, one user", f"/console/sessions?user_id={USER}"),
        ("sessions list, text search", "/console/sessions?q=Nanopresso"),
        ("session page (newest 50 messages, memory, preview)", f"/console/sessions/{LONG}"),
        ("session page, older messages", f"/console/sessions/{LONG}?before={before}"),
        ("context preview, 500 tokens, text", f"/console/sessions/{LONG}/context?budget=500"),
        (
            "context preview, 4,000 tokens, json",
            f"/console/sessions/{LONG}/context?budget=4000&format=json",
        ),
        ("user page", f"/console/users/{USER}"),
        ("analytics", "/console/analytics"),
        ("operations", "/console/operations"),
    ]


def measure(client: httpx.Client, path: str, requests: int) -> tuple[float, float]:
    for _ in range(WARM_UP):
        client.get(path).raise_for_status()
    took = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        took.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return percentile(took, 50), percentile(took, 99)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--only", default="", help="measure only the pages whose name has TEXT")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        settings = Settings(data_dir=data)
        store = SqliteStore(settings.sqlite_path)
        log(f"seeding a {SIZE:,}-message session and {SHORT_SESSIONS} short ones")
        seed(store, LONG, SIZE, user_id=USER)
        write_memory(store, LONG, SIZE, settings)
        for index in range(SHORT_SESSIONS):
            seed(store, f"s-short-{index:03d}", 4, user_id=f"u-{index % 40}")
        log("flushing every session's analytics")
        flusher = AnalyticsService(store, settings, max_batches=SIZE)
        for session_id in [LONG, *(f"s-short-{index:03d}" for index in range(SHORT_SESSIONS))]:
            flusher.flush(ACCOUNT, session_id)
        store.close()
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEMQ_")}
        env.update(
            MEMQ_DATA_DIR=str(data),
            MEMQ_API_KEYS=f"{KEY}:{ACCOUNT}",
            MEMQ_PORT=str(port),
            MEMQ_LOG_LEVEL="WARNING",
            MEMQ_RATE_LIMIT_PER_SECOND="0",
        )
        server = MemqProcess(["serve"], env, Path(tmp) / "serve.log").start()
        rows = []
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_until_ready(base_url, server)
            with httpx.Client(base_url=base_url, timeout=30) as client:
                client.post("/console/sign-in", data={"api_key": KEY})
                newest = client.get(
                    f"/v1/sessions/{LONG}/messages",
                    params={"limit": 1, "before": 10**12},
                    headers={"Authorization": f"Bearer {KEY}"},
                )
                newest.raise_for_status()
                middle = newest.json()["messages"][0]["seq"] - SIZE // 2
                for name, path in pages(middle):
                    if args.only not in name:
                        continue
                    log(f"measuring {name}")
                    rows.append((name, *measure(client, path, args.requests)))
        finally:
            server.stop()
    print()
    print(f"Console pages, {args.requests} requests each, one client, embedded `memq serve`:")
    for line in machine_info(amqp_url_for_tests()):
        print(f"  {line}")
    print()
    print("| page | p50 ms | p99 ms |")
    print("|---|---:|---:|")
    for name, p50, p99 in rows:
        print(f"| {name} | {p50:.1f} | {p99:.1f} |")


if __name__ == "__main__":
    main()
