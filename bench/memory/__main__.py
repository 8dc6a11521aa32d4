"""Memory under load with a slow LLM: is ingest slowed, how far does memory lag, what it costs.

    flock /tmp/memq-bench.lock .venv/bin/python -m bench.memory [--sessions S]
        [--messages M] [--memory-threads N] [--latency 1.5] [--rate-limited 0.05]
        [--overloaded 0.01] [--engine claude|offline] [--drain-timeout 300]

Run from the repository root against the local RabbitMQ (``MEMQ_TEST_AMQP_URL`` for
another). The real Claude engine (the ``anthropic`` SDK) talks to the tests' loopback
Messages API server, answering every call after ``--latency`` seconds, with that share
of 429s and 529s (the SDK retries them, ``MEMQ_LLM_MAX_RETRIES``=2). Workers are the
real ``memq worker`` processes over one SQLite file: an ingest pool (1 process × 8
threads) and a memory pool (1 process × N threads).

1. **ingest alone**: M messages over S sessions (round robin, 50 to an
   ``ingest_batch`` job, as the gateway's group commit sends them) are queued, then
   the ingest pool drains them with no memory pool running: msgs/s. Each session
   gets M/S messages; its memory jobs wait on the memory queue, whose depth says
   how many were published (at most one per session).
2. **ingest with memory load**: the memory pool starts on that backlog (every
   session behind by M/S − 5 messages); once it is busy, M more messages are
   queued and drained the same way: msgs/s, and the ratio to phase 1.
3. **drain**: until every session is within one fold interval of its messages and
   the memory queue is empty (or ``--drain-timeout``): the time it took.
4. **ingest alone again**: the memory pool stopped, M more messages drained as in
   phase 1, now into sessions that exist, as in phase 2: the reference of the ratio
   (phase 1 also creates the sessions).

Memory lag (per session: messages past the verbatim window not folded yet, and the
age of the oldest of them) is read from the SQLite file every 2 s during phases 2
and 3; p50/p99 across sessions are printed for the worst reading and after the drain. Cost:
LLM calls (answered 200) and tokens the server billed, per 100 and per message
stored; memory jobs run, per 100 messages, from the memory worker's metrics.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from dramatiq import Message
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from prometheus_client.parser import text_string_to_metric_families

from bench.memory.lag import LagSample, sample_lag, stored_count
from bench.memory.slow_llm import Served, start_slow_llm
from bench.support.cpu import background_load
from bench.support.processes import MemqProcess, Processes, free_port
from bench.support.progress import log
from bench.support.rabbit import (
    amqp_url_for_tests,
    check_reachable,
    delete_queues,
    queue_counts,
    wait_for_consumers,
)
from schemas.messages import MessageEvent
from schemas.routing import ActorName, QueueKind, new_message, queue_name

ACCOUNT = "bench-memory"
VERBATIM = FOLD_EVERY = 5
BATCH = 50
SAMPLE_EVERY_S = 2.0
LINES = (
    "Hi, my order ORD-{n} has not arrived yet, can you check it?",
    "Sorry about that. Order ORD-{n} left our warehouse on Monday; the courier is DPD.",
    "I paid 89.99 for it and I need it before Friday at 12 Baker Street.",
    "I have asked the courier to deliver on Thursday; you will get a text message.",
    "Thanks. If it does not come, I want a refund to my card ending 4242.",
)


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
    #: Messages the memory pool worked for (phases 1 and 2): the cost per message's base.
    costed: int = 0
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
        broker = RabbitmqBroker(url=self.amqp_url, confirm_delivery=True)
        try:
            events: list[dict[str, object]] = []
            for index in range(self.published, self.published + count):
                session, turn = index % self.args.sessions, index // self.args.sessions
                now = datetime.now(UTC)
                event = MessageEvent(
                    account_id=ACCOUNT,
                    session_id=f"s{session:05d}",
                    message_id=f"m{index}",
                    role="user" if turn % 2 == 0 else "assistant",
                    content=LINES[turn % len(LINES)].format(n=40_000 + session),
                    seq=self.seq_base + index,
                    accepted_at=now,
                )
                events.append(event.model_dump(mode="json"))
                if len(events) == BATCH:
                    broker.enqueue(
                        new_message(self.prefix, ActorName.INGEST_BATCH, {"events": events})
                    )
                    events = []
            if events:
                broker.enqueue(new_message(self.prefix, ActorName.INGEST_BATCH, {"events": events}))
        finally:
            broker.close()
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
        report(bench, served, *phases(bench))
    finally:
        bench.procs.stop_all()
        server.close()
        with contextlib.suppress(Exception):
            delete_queues(amqp_url, bench.prefix)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def phases(
    bench: Bench,
) -> tuple[float, float, int, float, int, list[LagSample], LagSample, float | None]:
    args = bench.args
    log(f"phase 1: {args.messages:,} messages over {args.sessions:,} sessions, no memory pool")
    bench.publish(args.messages)
    alone, jobs_queued = bench.drain_ingest()
    log(f"  ingest alone: {alone:,.0f} msgs/s; memory jobs queued: {jobs_queued:,}")
    log(f"phase 2: memory pool ({args.memory_threads} threads, {args.engine}) on that backlog")
    bench.memory_port = free_port()
    bench.memory_pool = bench.worker(QueueKind.MEMORY, args.memory_threads, bench.memory_port)
    time.sleep(3)  # every thread in a Claude call
    bench.publish(args.messages)
    during: list[LagSample] = []
    loaded, deepest = bench.drain_ingest(during)
    log(f"  ingest with memory load: {loaded:,.0f} msgs/s; deepest memory queue: {deepest:,}")
    log("phase 3: until the memory is within one fold interval everywhere")
    started, drained_in = time.monotonic(), None
    after = sample_lag(bench.db, ACCOUNT, VERBATIM)
    while time.monotonic() - started < args.drain_timeout:
        after = sample_lag(bench.db, ACCOUNT, VERBATIM)
        during.append(after)
        if max(after.messages) < FOLD_EVERY and bench.memory_depth() == 0:
            drained_in = time.monotonic() - started
            break
        time.sleep(SAMPLE_EVERY_S)
    log(f"  drained in {drained_in} s")
    bench.jobs, bench.costed = bench.memory_metrics(), bench.published
    bench.memory_pool.stop()
    log(f"phase 4: {args.messages:,} more messages, no memory pool")
    bench.publish(args.messages)
    again, _ = bench.drain_ingest()
    log(f"  ingest alone again: {again:,.0f} msgs/s")
    return alone, again, jobs_queued, loaded, deepest, during, after, drained_in


def report(
    bench: Bench,
    served: Served,
    alone: float,
    again: float,
    jobs_queued: int,
    loaded: float,
    deepest: int,
    during: list[LagSample],
    after: LagSample,
    drained_in: float | None,
) -> None:
    args, total = bench.args, bench.costed
    jobs = bench.jobs
    runs = sum(v for k, v in jobs.items() if k != "busy")
    worst = max(during, key=lambda s: s.summary()[1]) if during else after
    print()
    print(
        f"memory bench: {args.sessions:,} sessions, {args.messages:,} messages a phase,"
        f" engine {args.engine}"
    )
    print(
        f"  LLM latency {args.latency} s, {args.rate_limited:.0%} 429s, {args.overloaded:.0%} 529s;"
        f" memory pool 1 × {args.memory_threads} threads; ingest pool 1 × 8 threads; SQLite"
    )
    print(f"ingest alone, new sessions        {alone:>10,.0f} msgs/s")
    print(f"ingest with memory load           {loaded:>10,.0f} msgs/s")
    print(f"ingest alone, existing sessions   {again:>10,.0f} msgs/s")
    print(f"ratio (with / alone, existing)    {loaded / again:>10.2f}")
    print(f"memory jobs queued after phase 1  {jobs_queued:>10,} (sessions: {args.sessions:,})")
    print(f"deepest memory queue in phase 2   {deepest:>10,}")
    print(f"memory jobs run per 100 messages  {100 * runs / total:>10.2f}  {dict(jobs)}")
    print(f"LLM calls per 100 messages        {100 * served.calls / total:>10.2f}")
    tokens = served.input_tokens + served.output_tokens
    print(
        f"LLM tokens per message            {tokens / total:>10.1f}"
        f"  (input {served.input_tokens:,}, output {served.output_tokens:,};"
        f" 429s {served.rate_limited:,}, 529s {served.overloaded:,})"
    )
    for name, sample in (("while behind (worst)", worst), ("after the drain", after)):
        m50, m99, s50, s99 = sample.summary()
        print(
            f"memory lag {name:<22} p50 {m50:>5.0f} msgs {s50:>6.1f} s   "
            f"p99 {m99:>5.0f} msgs {s99:>6.1f} s"
        )
    drain = "not within the timeout" if drained_in is None else f"{drained_in:,.0f} s"
    print(f"time to drain after ingest        {drain:>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=20_000, help="per phase")
    parser.add_argument("--memory-threads", type=int, default=32)
    parser.add_argument("--latency", type=float, default=1.5, help="seconds per LLM call")
    parser.add_argument("--rate-limited", type=float, default=0.05, help="share of 429s")
    parser.add_argument("--overloaded", type=float, default=0.01, help="share of 529s")
    parser.add_argument("--engine", choices=("claude", "offline"), default="claude")
    parser.add_argument("--drain-timeout", type=float, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
