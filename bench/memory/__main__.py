"""Memory under load with a slow LLM: is ingest slowed, how far does memory lag, what it costs.

    flock /tmp/memq-bench.lock .venv/bin/python -m bench.memory [--sessions S]
        [--messages M] [--memory-threads N] [--latency 1.5] [--rate-limited 0.05]
        [--overloaded 0.01] [--engine claude|offline] [--repeat 2] [--drain-timeout 600]

Run from the repository root against the local RabbitMQ (``MEMQ_TEST_AMQP_URL`` for
another). The real Claude engine (the ``anthropic`` SDK) talks to the tests' loopback
Messages API server, answering every call after ``--latency`` seconds, with that share
of 429s and 529s (the SDK retries them, ``MEMQ_LLM_MAX_RETRIES``=2). Workers are the
real ``memq worker`` processes over one SQLite file: an ingest pool (1 process × 8
threads) and a memory pool (1 process × N threads).

1. **ingest alone**: M messages over S sessions (round robin, 50 to an
   ``ingest_batch`` job, as the gateway's group commit sends them) are queued, then
   the ingest pool drains them with no memory pool running: msgs/s from the first
   stored row to the last. Each session gets M/S messages; its memory jobs wait on
   the memory queue, whose depth says how many were published (at most one per
   session, plus the user memory's merge jobs: one per 25 messages of a session).
2. **rounds** (``--repeat``, 2): the memory pool starts on the backlog, M more
   messages are queued and drained (ingest *with* memory load); the memory pool
   stops, M more are drained (ingest *without*). The ratio is of the medians: the
   same sessions, alternating, so a neighbour's load on a shared machine shows as
   spread between rounds rather than as a ratio.
3. **drain**: the memory pool alone until every session is within one fold
   interval of its messages and the memory queue is empty (``--drain-timeout``).

Memory lag (per session: messages past the verbatim window not folded yet, and the
age of the oldest of them) is read from the SQLite file every 2 s while the memory
is behind; p50/p99 across sessions are printed for the worst reading and after the
drain. Cost: LLM calls (answered 200) and tokens the server billed, per 100 and per
message stored; memory jobs run (``memq_memory_jobs_total`` but ``busy``), per 100
messages.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from dramatiq import Message
from prometheus_client.parser import text_string_to_metric_families

from bench.memory.conversation import FOLD_EVERY, LINES, SAMPLE_EVERY_S, VERBATIM
from bench.memory.deployment import confirming_channel, send_batches
from bench.memory.lag import LagSample, print_lag, sample_lag, stored_count
from bench.memory.slow_llm import Served, start_slow_llm
from bench.support.cpu import background_load
from bench.support.processes import MemqProcess, Processes, free_port
from bench.support.progress import log
from bench.support.rabbit import (
    amqp_url_for_tests,
    check_reachable,
    declare_queues,
    delete_queues,
    queue_counts,
    wait_for_consumers,
)
from schemas.messages import MessageEvent
from schemas.routing import ActorName, QueueKind, new_message, queue_name

ACCOUNT = "bench-memory"


@dataclass
class Bench:
    args: argparse.Namespace
    amqp_url: str
    prefix: str
    tmp: Path
    procs: Processes = field(default_factory=Processes)
    env: dict[str, str] = field(default_factory=dict)
    published: int = 0
    memory_port: int = 0
    jobs: dict[str, float] = field(default_factory=dict)
    #: Gateway-style seqs (epoch microseconds), one apart: conversation order.
    seq_base: int = field(default_factory=lambda: int(time.time() * 1_000_000))

    @property
    def db(self) -> Path:
        return self.tmp / "data" / "memq.sqlite3"

    def queue(self, kind: QueueKind) -> str:
        return queue_name(self.prefix, kind)

    memory_pool: MemqProcess | None = None

    def worker(self, kind: QueueKind, threads: int, port: int) -> MemqProcess:
        env = {**self.env, "MEMQ_WORKER_METRICS_PORT": str(port)}
        process = self.procs.start_memq(
            ["worker", "--queues", kind.value, "--threads", str(threads)],
            env,
            self.tmp / f"{kind.value}.log",
        )
        wait_for_consumers(
            self.amqp_url,
            self.queue(kind),
            1,
            alive=lambda: process.proc is not None and process.proc.poll() is None,
        )
        return process

    def publish(self, count: int) -> None:
        """``count`` more messages, round robin over the sessions, in batches of 50."""
        events: list[dict[str, object]] = []
        for index in range(self.published, self.published + count):
            session, turn = index % self.args.sessions, index // self.args.sessions
            event = MessageEvent(
                account_id=ACCOUNT,
                session_id=f"s{session:05d}",
                message_id=f"m{index}",
                role="user" if turn % 2 == 0 else "assistant",
                content=LINES[turn % len(LINES)].format(n=40_000 + session),
                seq=self.seq_base + index,
                accepted_at=datetime.now(UTC),
            )
            events.append(event.model_dump(mode="json"))
        with confirming_channel(self.amqp_url) as channel:
            send_batches(channel, self.prefix, events)
        self.published += count

    def memory_depth(self) -> int:
        """Memory jobs ready in the memory queue (0 before it is declared)."""
        counts = queue_counts(self.amqp_url, self.queue(QueueKind.MEMORY))
        return 0 if counts is None else counts[0]

    def batch(self, events: list[dict[str, object]]) -> Message[object]:
        return new_message(self.prefix, ActorName.INGEST_BATCH, {"events": events})

    def drain_ingest(self, lags: list[LagSample] | None = None) -> tuple[float, int]:
        """Start an ingest pool on the queued messages, time it from the first stored row
        to the last; msgs/s and the deepest memory queue seen meanwhile."""
        before = stored_count(self.db) if self.db.exists() else 0
        ingest = self.worker(QueueKind.INGEST, 8, free_port())
        deepest, first_at, last_sample = 0, None, 0.0
        while True:
            stored = stored_count(self.db) if self.db.exists() else 0
            now = time.monotonic()
            if first_at is None and stored > before:
                first_at, first_count = now, stored
            if stored >= self.published:
                break
            if now - last_sample >= SAMPLE_EVERY_S:
                if lags is not None:
                    lags.append(sample_lag(self.db, ACCOUNT, VERBATIM))
                deepest = max(deepest, self.memory_depth())
                last_sample = now
            time.sleep(0.05)
        elapsed = time.monotonic() - (first_at or time.monotonic())
        ingest.stop()
        deepest = max(deepest, self.memory_depth())
        return (stored - first_count) / elapsed if elapsed else float("nan"), deepest

    def memory_metrics(self) -> dict[str, float]:
        text = httpx.get(f"http://127.0.0.1:{self.memory_port}/metrics", timeout=10).text
        found: dict[str, float] = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == "memq_memory_jobs_total":
                    found[sample.labels["outcome"]] = sample.value
        return found


def run(args: argparse.Namespace) -> None:
    amqp_url = amqp_url_for_tests()
    check_reachable(amqp_url)
    busy = background_load()
    log(f"machine busy before the run: {busy:.0f}% of one core (other processes)")
    tmp = Path(tempfile.mkdtemp(prefix="memq-bench-memory-"))
    bench = Bench(args, amqp_url, f"bm{uuid.uuid4().hex[:8]}", tmp)
    declare_queues(amqp_url, bench.prefix)  # as the workers will, before any publish
    server, served = start_slow_llm(args.latency, args.rate_limited, args.overloaded)
    bench.env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": bench.prefix,
        "MEMQ_DATA_DIR": str(tmp / "data"),
        "MEMQ_LOG_LEVEL": "WARNING",
        "MEMQ_MEMORY_FOLD_EVERY": str(FOLD_EVERY),
        "MEMQ_MEMORY_VERBATIM_COUNT": str(VERBATIM),
    }
    if args.engine == "claude":
        bench.env |= {
            "ANTHROPIC_API_KEY": "sk-bench-not-a-real-key",
            "MEMQ_ANTHROPIC_BASE_URL": server.base_url,
            "MEMQ_LLM_MAX_RETRIES": "2",
            "MEMQ_LLM_TIMEOUT": str(max(10, int(args.latency * 4))),
        }
    try:
        report(bench, served, phases(bench))
    finally:
        bench.procs.stop_all()
        server.close()
        with contextlib.suppress(Exception):
            delete_queues(amqp_url, bench.prefix)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


@dataclass
class Figures:
    alone_new: float = 0.0
    jobs_queued: int = 0
    loaded: list[float] = field(default_factory=list)
    alone: list[float] = field(default_factory=list)
    deepest: int = 0
    behind: list[LagSample] = field(default_factory=list)
    after: LagSample | None = None
    drained_in: float | None = None


def phases(bench: Bench) -> Figures:
    args, figures = bench.args, Figures()
    log(f"phase 1: {args.messages:,} messages over {args.sessions:,} sessions, no memory pool")
    bench.publish(args.messages)
    figures.alone_new, figures.jobs_queued = bench.drain_ingest()
    log(f"  ingest alone: {figures.alone_new:,.0f} msgs/s; jobs queued: {figures.jobs_queued:,}")
    for round_ in range(1, args.repeat + 1):
        log(f"round {round_}: memory pool ({args.memory_threads} threads, {args.engine}) on")
        start_memory_pool(bench)
        bench.publish(args.messages)
        loaded, deepest = bench.drain_ingest(figures.behind)
        figures.loaded.append(loaded)
        figures.deepest = max(figures.deepest, deepest)
        stop_memory_pool(bench)
        log(f"  ingest with memory load: {loaded:,.0f} msgs/s; deepest memory queue {deepest:,}")
        bench.publish(args.messages)
        alone, _ = bench.drain_ingest()
        figures.alone.append(alone)
        log(f"  then, memory pool stopped: {alone:,.0f} msgs/s")
    log("drain: until the memory is within one fold interval everywhere")
    start_memory_pool(bench, settle_s=0)
    started = time.monotonic()
    while time.monotonic() - started < args.drain_timeout:
        figures.after = sample_lag(bench.db, ACCOUNT, VERBATIM)
        figures.behind.append(figures.after)
        if max(figures.after.messages) < FOLD_EVERY and bench.memory_depth() == 0:
            figures.drained_in = time.monotonic() - started
            break
        time.sleep(SAMPLE_EVERY_S)
    stop_memory_pool(bench)
    return figures


def start_memory_pool(bench: Bench, settle_s: float = 3.0) -> None:
    bench.memory_port = free_port()
    bench.memory_pool = bench.worker(QueueKind.MEMORY, bench.args.memory_threads, bench.memory_port)
    time.sleep(settle_s)  # every thread in a Claude call


def stop_memory_pool(bench: Bench) -> None:
    """Stop it, adding what its jobs did to the run's totals (metrics are per process)."""
    for outcome, count in bench.memory_metrics().items():
        bench.jobs[outcome] = bench.jobs.get(outcome, 0.0) + count
    if bench.memory_pool is not None:
        bench.memory_pool.stop()


def report(bench: Bench, served: Served, figures: Figures) -> None:
    args, total, jobs = bench.args, bench.published, bench.jobs
    runs = sum(v for k, v in jobs.items() if k != "busy")
    loaded, alone = median(figures.loaded), median(figures.alone)
    print()
    print(
        f"memory bench: {args.sessions:,} sessions, {args.messages:,} messages a phase,"
        f" {total:,} in all; engine {args.engine}, LLM latency {args.latency} s,"
        f" {args.rate_limited:.0%} 429s, {args.overloaded:.0%} 529s"
    )
    print(f"  memory pool 1 × {args.memory_threads} threads; ingest pool 1 × 8 threads; SQLite")
    print(f"ingest alone, new sessions        {figures.alone_new:>10,.0f} msgs/s")
    rounds = ", ".join(f"{a:,.0f}" for a in figures.loaded)
    print(f"ingest with memory load (median)  {loaded:>10,.0f} msgs/s   rounds: {rounds}")
    rounds = ", ".join(f"{a:,.0f}" for a in figures.alone)
    print(f"ingest, memory pool stopped       {alone:>10,.0f} msgs/s   rounds: {rounds}")
    print(f"ratio (with / without memory)     {loaded / alone:>10.2f}")
    print(
        f"memory jobs queued after phase 1  {figures.jobs_queued:>10,} (sessions {args.sessions:,})"
    )
    print(f"deepest memory queue, with load   {figures.deepest:>10,}")
    print(f"memory jobs run per 100 messages  {100 * runs / total:>10.2f}   {jobs}")
    print(f"LLM calls per 100 messages        {100 * served.calls / total:>10.2f}")
    tokens = served.input_tokens + served.output_tokens
    print(
        f"LLM tokens per message            {tokens / total:>10.1f}"
        f"   (input {served.input_tokens:,}, output {served.output_tokens:,};"
        f" 429s {served.rate_limited:,}, 529s {served.overloaded:,})"
    )
    print_lag(("while behind (worst)", figures.behind), figures.after, figures.drained_in)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=20_000, help="per phase")
    parser.add_argument("--memory-threads", type=int, default=32)
    parser.add_argument("--latency", type=float, default=1.5, help="seconds per LLM call")
    parser.add_argument("--rate-limited", type=float, default=0.05, help="share of 429s")
    parser.add_argument("--overloaded", type=float, default=0.01, help="share of 529s")
    parser.add_argument("--engine", choices=("claude", "offline"), default="claude")
    parser.add_argument("--repeat", type=int, default=2, help="rounds with and without memory")
    parser.add_argument("--drain-timeout", type=float, default=600)
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
