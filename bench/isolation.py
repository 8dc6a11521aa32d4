"""Tenant isolation benchmark: does account A flooding the gateway slow account B's context?

    python -m bench.isolation [--seconds S] [--flood-clients C] [--flood-rate R]
                              [--fetch-rate F] [--rate-limit L] [--burst N]

One machine, one RabbitMQ, a real ``memq gateway`` and ``memq worker`` (all
queues, SQLite), like ``tests/e2e``. Account B fetches its session's context
(``GET /v1/sessions/{id}/context``) at a steady ``--fetch-rate`` per second,
one request at a time, and its latencies are recorded:

1. **baseline** — B alone;
2. **A at its limit** — A sends exactly its rate limit: what the limit lets
   through, so what a flood's excess adds can be told apart from it;
3. **A floods at a pace** — at the same time, a separate process sends
   ``--flood-rate`` requests/s in all (default 10 × the rate limit) from C
   keep-alive connections: context fetches of A's own session (the same
   request-reply path and ``context`` worker pool as B), then
   ``POST …/messages`` (the ``ingest`` pool);
4. **A floods flat out** — the same, each connection sending its next request
   as soon as the last is answered.

The phases run with the default rate limit (MEMQ_RATE_LIMIT_PER_SECOND,
MEMQ_RATE_LIMIT_BURST), then again with the limit off (``0``), to show what the
limit buys. Both clients are minimal raw HTTP clients, so the flood is limited
by the gateway rather than by the flooding process's own CPU.

Caveat: on a small machine the flooding process itself competes for the CPU
with the gateway and the worker; the printed CPU count says how many cores
all of it shared.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.support.http import RawHttpClient
from bench.support.processes import MemqProcess, free_port, wait_until_ready
from bench.support.rabbit import amqp_url_for_tests, check_reachable, delete_queues
from bench.support.stats import percentile
from runtime.settings import Settings

KEY_A, ACCOUNT_A = "bench-key-a-0123456789", "acct-a"
KEY_B, ACCOUNT_B = "bench-key-b-9876543210", "acct-b"
#: What B measures: the context fetch every chat channel makes before each LLM call.
B_FETCH = "/v1/sessions/b-session/context"


@dataclass
class Phase:
    name: str
    latencies_ms: list[float]
    b_errors: int
    flood: dict[str, Any] | None

    @property
    def p50(self) -> float:
        return percentile(self.latencies_ms, 50)

    @property
    def p99(self) -> float:
        return percentile(self.latencies_ms, 99)


class Deployment:
    def __init__(self, amqp_url: str, workdir: Path, rate_limit: float, burst: int | None) -> None:
        self.amqp_url = amqp_url
        self.prefix = f"memqbench-{uuid.uuid4().hex[:8]}"
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            "MEMQ_AMQP_URL": amqp_url,
            "MEMQ_QUEUE_PREFIX": self.prefix,
            "MEMQ_DATA_DIR": str(workdir / self.prefix),
            "MEMQ_API_KEYS": f"{KEY_A}:{ACCOUNT_A},{KEY_B}:{ACCOUNT_B}",
            "MEMQ_PORT": str(self.port),
            "MEMQ_LOG_LEVEL": "WARNING",
            "MEMQ_WORKER_METRICS_PORT": "0",
        }
        self.env["MEMQ_RATE_LIMIT_PER_SECOND"] = f"{rate_limit:g}"
        if burst is not None:
            self.env["MEMQ_RATE_LIMIT_BURST"] = str(burst)
        self.gateway = MemqProcess(["gateway"], self.env, workdir / f"{self.prefix}-gateway.log")
        self.worker = MemqProcess(
            ["worker", "--threads", "8"], self.env, workdir / f"{self.prefix}-worker.log"
        )

    def __enter__(self) -> Deployment:
        self.gateway.start()
        self.worker.start()
        wait_until_ready(self.base_url, self.gateway, timeout=60)
        return self

    def __exit__(self, *_: object) -> None:
        for process in (self.worker, self.gateway):
            process.stop()
        delete_queues(self.amqp_url, self.prefix)


def seed(base_url: str) -> None:
    """A session for each account with a few messages, stored before measuring."""
    for key, session in ((KEY_A, "a-session"), (KEY_B, "b-session")):
        with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {key}"}) as c:
            for i in range(5):
                c.post(
                    f"/v1/sessions/{session}/messages",
                    json={"message_id": f"seed-{i}", "role": "user", "content": f"seed {i}"},
                ).raise_for_status()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                response = c.get(f"/v1/sessions/{session}")
                if response.status_code == 200 and response.json()["message_count"] == 5:
                    break
                time.sleep(0.2)
            else:
                raise RuntimeError(f"{session} was not stored")


async def _measure_b(base_url: str, seconds: float, rate: float) -> tuple[list[float], int]:
    """B's context fetches at a steady rate, one at a time, timed by a raw client."""
    latencies: list[float] = []
    errors = 0
    client = RawHttpClient(base_url, {"Authorization": f"Bearer {KEY_B}"})
    try:
        await client.get(B_FETCH)  # warm the connection
        start = time.perf_counter()
        next_at = start
        while time.perf_counter() - start < seconds:
            sent = time.perf_counter()
            status, _ = await client.get(B_FETCH)
            if status == 200:
                latencies.append((time.perf_counter() - sent) * 1000)
            else:
                errors += 1
            next_at += 1.0 / rate
            await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
    finally:
        await client.close()
    return latencies, errors


def measure_b(base_url: str, seconds: float, rate: float) -> tuple[list[float], int]:
    return asyncio.run(_measure_b(base_url, seconds, rate))


async def _flood(
    base_url: str, mode: str, clients: int, seconds: float, rate: float
) -> dict[str, Any]:
    """A's flood from ``clients`` keep-alive connections: as fast as they go (``rate`` 0),
    or ``rate`` requests/s in all. A raw client, so that the flood is limited by the
    gateway rather than by the flooding process's own CPU."""
    statuses: Counter[int] = Counter()
    deadline = time.monotonic() + seconds
    headers = {"Authorization": f"Bearer {KEY_A}", "Content-Type": "application/json"}
    sent = 0
    started = time.monotonic()

    async def one(worker: int) -> None:
        nonlocal sent
        client = RawHttpClient(base_url, headers)
        try:
            while time.monotonic() < deadline:
                index = sent
                sent += 1
                if rate > 0:
                    await asyncio.sleep(max(0.0, started + index / rate - time.monotonic()))
                try:
                    if mode == "reads":
                        status, _ = await client.get("/v1/sessions/a-session/context")
                    else:
                        body = json.dumps({"role": "user", "content": f"flood {worker}-{index}"})
                        status = await client.post("/v1/sessions/a-flood/messages", body.encode())
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    status = 0
                    await client.close()
                statuses[status] += 1
        finally:
            await client.close()

    await asyncio.gather(*(one(i) for i in range(clients)))
    took = time.monotonic() - started
    total = sum(statuses.values())
    return {
        "mode": mode,
        "requests": total,
        "per_second": round(total / took, 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def start_flooder(
    base_url: str, mode: str, clients: int, seconds: float, rate: float
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.isolation",
            "--flooder",
            mode,
            "--base-url",
            base_url,
            "--flood-clients",
            str(clients),
            "--seconds",
            str(seconds),
            "--flood-rate",
            str(rate),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


def run_phase(
    deployment: Deployment,
    name: str,
    mode: str | None,
    args: argparse.Namespace,
    flood_rate: float = 0,
) -> Phase:
    flooder = None
    if mode is not None:
        # The flood runs a little longer than B's measurement, on both sides of it.
        flooder = start_flooder(
            deployment.base_url, mode, args.flood_clients, args.seconds + 2, flood_rate
        )
        time.sleep(1.0)
    latencies, errors = measure_b(deployment.base_url, args.seconds, args.fetch_rate)
    flood = None
    if flooder is not None:
        out, _ = flooder.communicate(timeout=args.seconds + 60)
        flood = json.loads(out.strip().splitlines()[-1])
    phase = Phase(name, latencies, errors, flood)
    print(
        f"  {name:<34} B p50 {phase.p50:7.2f} ms  p99 {phase.p99:7.2f} ms  "
        f"({len(latencies)} fetches, {errors} errors)"
        + (f"  A: {flood['per_second']}/s {flood['statuses']}" if flood else ""),
        flush=True,
    )
    return phase


def report(phases: list[Phase]) -> None:
    base = phases[0]
    print()
    print("| phase | B p50 ms | B p99 ms | p50 ratio | p99 ratio | A req/s | A statuses |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for phase in phases:
        flood = phase.flood or {}
        print(
            f"| {phase.name} | {phase.p50:.2f} | {phase.p99:.2f} | "
            f"{phase.p50 / base.p50:.2f} | {phase.p99 / base.p99:.2f} | "
            f"{flood.get('per_second', '-')} | {flood.get('statuses', '-')} |"
        )


def main() -> None:
    defaults = Settings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="measurement per phase")
    parser.add_argument("--flood-clients", type=int, default=32, help="A's concurrent clients")
    parser.add_argument("--fetch-rate", type=float, default=50.0, help="B's fetches per second")
    parser.add_argument(
        "--flood-rate",
        type=float,
        default=0,
        help="A's requests/s in all for the paced flood phases (0 = 10 x the rate limit)",
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=defaults.rate_limit_per_second,
        help="MEMQ_RATE_LIMIT_PER_SECOND of the limited gateway (default: memq's default)",
    )
    parser.add_argument(
        "--burst",
        type=int,
        default=defaults.rate_limit_burst,
        help="MEMQ_RATE_LIMIT_BURST of the limited gateway (default: memq's default)",
    )
    parser.add_argument("--skip-unlimited", action="store_true", help="only the limited gateway")
    parser.add_argument("--flooder", choices=["reads", "writes"], help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.flooder:
        result = asyncio.run(
            _flood(args.base_url, args.flooder, args.flood_clients, args.seconds, args.flood_rate)
        )
        print(json.dumps(result))
        return

    amqp_url = amqp_url_for_tests()
    check_reachable(amqp_url)
    print(
        f"memq isolation bench: {os.cpu_count()} CPUs, python {sys.version.split()[0]}, "
        f"{args.seconds:g}s per phase, B at {args.fetch_rate:g} fetches/s, "
        f"A with {args.flood_clients} clients",
        flush=True,
    )
    phases: list[Phase] = []
    limits: list[tuple[str, float, int | None]] = [
        (f"limit {args.rate_limit:g}/s burst {args.burst}", args.rate_limit, args.burst)
    ]
    if not args.skip_unlimited:
        limits.append(("no limit", 0, None))
    with tempfile.TemporaryDirectory(prefix="memq-isolation-") as tmp:
        for label, rate_limit, burst in limits:
            with Deployment(amqp_url, Path(tmp), rate_limit, burst) as deployment:
                seed(deployment.base_url)
                print(f"gateway with {label}:", flush=True)
                if not phases:
                    phases.append(run_phase(deployment, "baseline (B alone)", None, args))
                paced = args.flood_rate or 10 * (rate_limit or args.rate_limit)
                if rate_limit:
                    # A within its limit: the load the limit lets through, to tell
                    # apart what the flood's excess costs B.
                    for mode in ("reads", "writes"):
                        name = f"A at its limit, {mode} at {rate_limit:g}/s"
                        phases.append(run_phase(deployment, name, mode, args, rate_limit))
                for mode in ("reads", "writes"):
                    name = f"A floods {mode} at {paced:g}/s, {label}"
                    phases.append(run_phase(deployment, name, mode, args, paced))
                for mode in ("reads", "writes"):
                    name = f"A floods {mode} flat out, {label}"
                    phases.append(run_phase(deployment, name, mode, args))
    report(phases)
    for phase in phases:
        flood = phase.flood
        if flood and "no limit" not in phase.name and "429" not in flood["statuses"]:
            print(
                f"\nnote: in '{phase.name}' A never reached the limit ({flood['per_second']}/s): "
                "this machine could not serve A faster, so the limit never acted; a lower "
                "--rate-limit shows it acting."
            )
    print(
        "\nB's fetch: GET /v1/sessions/{id}/context (request-reply to the context pool), "
        f"{statistics.mean(len(p.latencies_ms) for p in phases):.0f} fetches per phase on average."
    )


if __name__ == "__main__":
    main()
