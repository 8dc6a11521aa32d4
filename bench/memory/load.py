"""Memory under load, issue 12 items 4 and 5, on SQLite or MongoDB.

    flock /tmp/memq-bench.lock .venv/bin/python -m bench.memory.load offered \\
        [--store sqlite|mongo] [--rate 500] [--sessions 1000] [--seconds 60] \\
        [--memory-threads 32] [--latency 1.5] [--rate-limited 0.05] [--overloaded 0.01]
    flock /tmp/memq-bench.lock .venv/bin/python -m bench.memory.load backlog \\
        [--store sqlite|mongo] [--backlog-sessions 8] [--backlog 1000] \\
        [--messages 5000] [--sessions 50] [--engine claude|offline]

Real ``memq worker`` processes over the local RabbitMQ (``MEMQ_TEST_AMQP_URL`` for
another): an ingest pool (1 process x 8 threads) and a memory pool (1 x N threads); the
real Claude engine and ``anthropic`` SDK against the tests' loopback Messages API server,
slow and with 429s and 529s (``bench.memory.slow_llm``). MongoDB is
``MEMQ_TEST_MONGODB_URL`` or else mongoeco's wire server, an emulator (about 100 writes/s
here): its figures are not MongoDB's; keep its runs small.

**offered** (item 4): messages are published at ``--rate`` msgs/s, round robin over
``--sessions`` sessions, in batches as the gateway's group commit sends them, for
``--seconds``, with the memory pool working from the start; then the pool alone until
every session is within one fold interval (time to drain). The same offered load then
runs on fresh sessions with no memory pool: ingest with memory against without (rate
stored during the window, backlog at its end, time to catch up). Printed: memory jobs
run and LLM calls per 100 messages, tokens per message, the deepest memory queue
against the sessions (at most one job each), memory lag p50/p99 in messages and seconds
during (worst reading) and after.

**backlog** (item 5): ``--backlog-sessions`` sessions get ``--backlog`` messages each
with no memory pool running (their folds wait); then ``--messages`` over ``--sessions``
new sessions are drained by the ingest pool while the memory pool works the backlog,
and as many again with no memory pool: msgs/s of each and the ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pika
from pika.adapters.blocking_connection import BlockingChannel as Channel
from prometheus_client.parser import text_string_to_metric_families

from bench.memory.conversation import BATCH, FOLD_EVERY, LINES, SAMPLE_EVERY_S, VERBATIM
from bench.memory.lag import LagSample
from bench.memory.probe import MongoProbe, SqliteProbe, StoreProbe, wait_stored
from bench.memory.slow_llm import Served, start_slow_llm
from bench.support.cpu import background_load
from bench.support.mongo import mongodb_url
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

ACCOUNT = "bench-load"
PERSISTENT = pika.BasicProperties(delivery_mode=2)
#: The offered load is published every this many seconds.
TICK_S = 0.1


@dataclass
class Deployment:
    """The workers, the queues, the store probe, and the publisher of one run."""

    amqp_url: str
    prefix: str
    tmp: Path
    env: dict[str, str]
    probe: StoreProbe
    procs: Processes = field(default_factory=Processes)
    published: int = 0
    #: Per session id: the next turn (conversation order, role, seq).
    turns: dict[str, int] = field(default_factory=dict)
    seq_base: int = field(default_factory=lambda: int(time.time() * 1_000_000))

    def queue(self, kind: QueueKind) -> str:
        return queue_name(self.prefix, kind)

    def depth(self, kind: QueueKind) -> int:
        counts = queue_counts(self.amqp_url, self.queue(kind))
        return 0 if counts is None else counts[0]

    def worker(self, kind: QueueKind, threads: int) -> Pool:
        port = free_port()
        process = self.procs.start_memq(
            ["worker", "--queues", kind.value, "--threads", str(threads)],
            {**self.env, "MEMQ_WORKER_METRICS_PORT": str(port)},
            self.tmp / f"{kind.value}-{port}.log",
        )
        wait_for_consumers(
            self.amqp_url,
            self.queue(kind),
            1,
            alive=lambda: process.proc is not None and process.proc.poll() is None,
        )
        return Pool(process, port)

    def events(self, sessions: list[str], count: int) -> Iterator[dict[str, object]]:
        """``count`` more messages, round robin over ``sessions``, each in its order."""
        for _ in range(count):
            # Round robin across calls: a tick's few messages go to the next sessions.
            session = sessions[self.published % len(sessions)]
            turn = self.turns.get(session, 0)
            self.turns[session] = turn + 1
            self.published += 1
            yield MessageEvent(
                account_id=ACCOUNT,
                session_id=session,
                message_id=f"{session}-m{turn}",
                role="user" if turn % 2 == 0 else "assistant",
                content=LINES[turn % len(LINES)].format(n=40_000 + turn),
                seq=self.seq_base + self.published,
                accepted_at=datetime.now(UTC),
            ).model_dump(mode="json")

    def publish(self, channel: Channel, sessions: list[str], count: int) -> None:
        """In ``ingest_batch`` jobs of up to 50, as the gateway's group commit sends them,
        each confirmed by the broker."""
        events = list(self.events(sessions, count))
        for start in range(0, len(events), BATCH):
            job = new_message(
                self.prefix, ActorName.INGEST_BATCH, {"events": events[start : start + BATCH]}
            )
            channel.basic_publish("", self.queue(QueueKind.INGEST), job.encode(), PERSISTENT)

    @contextlib.contextmanager
    def channel(self) -> Iterator[Channel]:
        """A confirming channel to publish on (the workers declared the queues)."""
        connection = pika.BlockingConnection(pika.URLParameters(self.amqp_url))
        try:
            channel = connection.channel()
            channel.confirm_delivery()
            yield channel
        finally:
            connection.close()


@dataclass
class Pool:
    process: MemqProcess
    metrics_port: int

    def memory_jobs(self) -> dict[str, float]:
        """``memq_memory_jobs_total`` by outcome, from the pool's own /metrics."""
        url = f"http://127.0.0.1:{self.metrics_port}/metrics"
        found: dict[str, float] = {}
        for family in text_string_to_metric_families(httpx.get(url, timeout=10).text):
            for sample in family.samples:
                if sample.name == "memq_memory_jobs_total":
                    found[sample.labels["outcome"]] = sample.value
        return found

    def stop(self) -> None:
        self.process.stop()


def session_ids(tag: str, count: int) -> list[str]:
    return [f"{tag}{i:05d}" for i in range(count)]


def lag_summary(samples: list[LagSample]) -> tuple[float, float, float, float]:
    """The worst p50 and p99 of messages and of seconds across the readings."""
    if not samples:
        return (0.0, 0.0, 0.0, 0.0)
    summaries = [s.summary() for s in samples]
    return tuple(max(s[i] for s in summaries) for i in range(4))  # type: ignore[return-value]


# -- offered ----------------------------------------------------------------------------


@dataclass
class Offered:
    """One offered-load window: what was published and stored, and what memory did."""

    published: int = 0
    stored_in_window: int = 0
    window_s: float = 0.0
    backlog_at_end: int = 0
    catch_up_s: float | None = None
    deepest_memory_queue: int = 0
    during: list[LagSample] = field(default_factory=list)
    after: LagSample | None = None
    drained_in: float | None = None
    jobs: dict[str, float] = field(default_factory=dict)
    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    @property
    def stored_rate(self) -> float:
        return self.stored_in_window / self.window_s if self.window_s else float("nan")


def offer(dep: Deployment, args: argparse.Namespace, sessions: list[str], lagging: bool) -> Offered:
    """Publish at ``args.rate`` for ``args.seconds``; sample as it goes."""
    result = Offered()
    stored_before = dep.probe.stored()
    started = time.monotonic()
    next_sample = started
    with dep.channel() as channel:
        tick = 0
        while (now := time.monotonic()) - started < args.seconds:
            due = int(args.rate * min(args.seconds, now - started + TICK_S)) - result.published
            if due > 0:
                dep.publish(channel, sessions, due)
                result.published += due
            if now >= next_sample:
                result.deepest_memory_queue = max(
                    result.deepest_memory_queue, dep.depth(QueueKind.MEMORY)
                )
                if lagging:
                    result.during.append(dep.probe.lag(ACCOUNT, VERBATIM))
                next_sample = now + SAMPLE_EVERY_S
            tick += 1
            time.sleep(max(0.0, started + tick * TICK_S - time.monotonic()))
    result.window_s = time.monotonic() - started
    stored = dep.probe.stored() - stored_before
    result.stored_in_window = stored
    result.backlog_at_end = result.published - stored
    result.catch_up_s = wait_stored(dep.probe, stored_before + result.published, timeout=600)
    return result


def run_offered(dep: Deployment, args: argparse.Namespace, served: Served) -> None:
    ingest = dep.worker(QueueKind.INGEST, 8)
    log(f"offered: {args.rate} msgs/s over {args.sessions:,} sessions for {args.seconds} s")
    memory = dep.worker(QueueKind.MEMORY, args.memory_threads)
    calls, tokens_in, tokens_out = served.calls, served.input_tokens, served.output_tokens
    loaded = offer(dep, args, session_ids("o", args.sessions), lagging=True)
    log(f"  stored {loaded.stored_rate:,.0f} msgs/s in the window; draining the memory")
    started = time.monotonic()
    while time.monotonic() - started < args.drain_timeout:
        loaded.after = dep.probe.lag(ACCOUNT, VERBATIM)
        if max(loaded.after.messages) < FOLD_EVERY and dep.depth(QueueKind.MEMORY) == 0:
            loaded.drained_in = time.monotonic() - started
            break
        time.sleep(SAMPLE_EVERY_S)
    loaded.jobs = memory.memory_jobs()
    loaded.calls = served.calls - calls
    loaded.input_tokens = served.input_tokens - tokens_in
    loaded.output_tokens = served.output_tokens - tokens_out
    memory.stop()
    log("offered again, fresh sessions, no memory pool")
    alone = offer(dep, args, session_ids("n", args.sessions), lagging=False)
    ingest.stop()
    report_offered(args, loaded, alone)


def report_offered(args: argparse.Namespace, loaded: Offered, alone: Offered) -> None:
    total = loaded.published
    runs = sum(v for k, v in loaded.jobs.items() if k != "busy")
    print()
    print(
        f"offered load: {args.rate} msgs/s over {args.sessions:,} sessions for {args.seconds} s"
        f" ({total:,} messages); store {args.store}; memory pool 1 x {args.memory_threads}"
        f" threads; LLM {args.latency} s a call, {args.rate_limited:.0%} 429s,"
        f" {args.overloaded:.0%} 529s"
    )
    for name, run in (("with the memory pool", loaded), ("without memory", alone)):
        catch_up = "not within 600 s" if run.catch_up_s is None else f"{run.catch_up_s:.1f} s"
        print(
            f"ingest {name:<22} stored {run.stored_rate:>7,.0f} msgs/s in the window;"
            f" {run.backlog_at_end:,} behind at its end, caught up {catch_up} later"
        )
    print(f"ratio (with / without memory)       {loaded.stored_rate / alone.stored_rate:>8.2f}")
    print(
        f"deepest memory queue                {loaded.deepest_memory_queue:>8,}"
        f"   (sessions {args.sessions:,}: at most one job each)"
    )
    print(f"memory jobs run per 100 messages    {100 * runs / total:>8.2f}   {loaded.jobs}")
    print(f"LLM calls per 100 messages          {100 * loaded.calls / total:>8.2f}")
    tokens = loaded.input_tokens + loaded.output_tokens
    print(
        f"LLM tokens per message              {tokens / total:>8.1f}"
        f"   (input {loaded.input_tokens:,}, output {loaded.output_tokens:,})"
    )
    after = loaded.after.summary() if loaded.after is not None else (0.0,) * 4
    for name, (m50, m99, s50, s99) in (
        ("during (worst reading)", lag_summary(loaded.during)),
        ("after the drain", after),
    ):
        print(
            f"memory lag {name:<24} p50 {m50:>5.0f} msgs {s50:>6.1f} s   "
            f"p99 {m99:>5.0f} msgs {s99:>6.1f} s"
        )
    took = loaded.drained_in
    drain = "not within the timeout" if took is None else f"{took:,.0f} s"
    print(f"time to drain, memory pool alone    {drain:>8}")


# -- backlog ----------------------------------------------------------------------------


def drain_rate(dep: Deployment, sessions: list[str], count: int) -> float:
    """Queue ``count`` messages, then time an ingest pool through them (first stored row
    to the last): msgs/s."""
    with dep.channel() as channel:
        dep.publish(channel, sessions, count)
    before = dep.probe.stored()
    ingest = dep.worker(QueueKind.INGEST, 8)
    first_at = first = None
    while (stored := dep.probe.stored()) < dep.published:
        if first_at is None and stored > before:
            first_at, first = time.monotonic(), stored
        time.sleep(0.02)
    ingest.stop()
    if first_at is None or first is None:
        return float("nan")
    return (stored - first) / (time.monotonic() - first_at)


def run_backlog(dep: Deployment, args: argparse.Namespace) -> None:
    backlog = session_ids("k", args.backlog_sessions)
    log(f"backlog: {args.backlog_sessions} sessions x {args.backlog:,} messages, no memory pool")
    drain_rate(dep, backlog, args.backlog_sessions * args.backlog)
    pending = dep.probe.lag(ACCOUNT, VERBATIM).messages
    log(f"  unfolded past the window: {sum(pending):,}; memory queue {dep.depth(QueueKind.MEMORY)}")
    with_rates, without_rates = [], []
    for round_ in range(1, args.repeat + 1):
        memory = dep.worker(QueueKind.MEMORY, args.memory_threads)
        time.sleep(1.0)  # the pool at work on the backlog
        with_rates.append(drain_rate(dep, session_ids(f"w{round_}-", args.sessions), args.messages))
        left = sum(dep.probe.lag(ACCOUNT, VERBATIM).messages)
        memory.stop()
        without_rates.append(
            drain_rate(dep, session_ids(f"x{round_}-", args.sessions), args.messages)
        )
        log(
            f"  round {round_}: ingest {with_rates[-1]:,.0f} msgs/s with the memory pool on the"
            f" backlog ({left:,} messages past the window unfolded after, every session),"
            f" {without_rates[-1]:,.0f} without"
        )
    print()
    print(
        f"backlog: {args.backlog_sessions} sessions x {args.backlog:,} unfolded messages;"
        f" ingest of {args.messages:,} messages over {args.sessions} new sessions; store"
        f" {args.store}; engine {args.engine}; memory pool 1 x {args.memory_threads} threads"
    )
    for name, rates in (("with the backlog worked", with_rates), ("no memory pool", without_rates)):
        figures = ", ".join(f"{r:,.0f}" for r in rates)
        print(
            f"ingest {name:<24} median {statistics.median(rates):>7,.0f} msgs/s   rounds: {figures}"
        )
    ratio = statistics.median(with_rates) / statistics.median(without_rates)
    print(f"ratio (with / without)              {ratio:>8.2f}")


# -- set-up -----------------------------------------------------------------------------


@contextlib.contextmanager
def deployment(args: argparse.Namespace, llm_url: str) -> Iterator[Deployment]:
    amqp_url = amqp_url_for_tests()
    check_reachable(amqp_url)
    tmp = Path(tempfile.mkdtemp(prefix="memq-bench-load-"))
    prefix = f"bl{uuid.uuid4().hex[:8]}"
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": prefix,
        "MEMQ_DATA_DIR": str(tmp / "data"),
        "MEMQ_LOG_LEVEL": "WARNING",
        "MEMQ_MEMORY_FOLD_EVERY": str(FOLD_EVERY),
        "MEMQ_MEMORY_VERBATIM_COUNT": str(VERBATIM),
        "MEMQ_MONGODB_URL": "",
    }
    if args.engine == "claude":
        env |= {
            "ANTHROPIC_API_KEY": "sk-bench-not-a-real-key",
            "MEMQ_ANTHROPIC_BASE_URL": llm_url,
            "MEMQ_LLM_MAX_RETRIES": "2",
            "MEMQ_LLM_TIMEOUT": str(max(10, int(args.latency * 4))),
        }
    with contextlib.ExitStack() as stack:
        probe: Any
        if args.store == "mongo":
            url = stack.enter_context(mongodb_url())
            env |= {"MEMQ_MONGODB_URL": url, "MEMQ_MONGODB_DATABASE": prefix}
            probe = MongoProbe(url, prefix)
            stack.callback(probe.close)
        else:
            probe = SqliteProbe(tmp / "data" / "memq.sqlite3")
        declare_queues(amqp_url, prefix)  # as the workers will, before any publish
        dep = Deployment(amqp_url, prefix, tmp, env, probe)
        try:
            yield dep
        finally:
            dep.procs.stop_all()
            with contextlib.suppress(Exception):
                delete_queues(amqp_url, prefix)
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", choices=("offered", "backlog"))
    parser.add_argument("--store", choices=("sqlite", "mongo"), default="sqlite")
    parser.add_argument("--engine", choices=("claude", "offline"), default="claude")
    parser.add_argument("--memory-threads", type=int, default=32)
    parser.add_argument("--latency", type=float, default=1.5, help="seconds per LLM call")
    parser.add_argument("--rate-limited", type=float, default=0.05, help="share of 429s")
    parser.add_argument("--overloaded", type=float, default=0.01, help="share of 529s")
    parser.add_argument("--rate", type=float, default=500, help="offered: msgs/s")
    parser.add_argument("--seconds", type=float, default=60, help="offered: for how long")
    parser.add_argument("--sessions", type=int, default=None, help="1,000 offered; 50 backlog")
    parser.add_argument("--drain-timeout", type=float, default=600)
    parser.add_argument("--backlog-sessions", type=int, default=8)
    parser.add_argument("--backlog", type=int, default=1000, help="messages per backlog session")
    parser.add_argument("--messages", type=int, default=5000, help="backlog: ingest per round")
    parser.add_argument("--repeat", type=int, default=1, help="backlog: rounds")
    args = parser.parse_args()
    if args.sessions is None:
        args.sessions = 1000 if args.scenario == "offered" else 50
    log(f"machine busy before the run: {background_load():.0f}% of one core (other processes)")
    server, served = start_slow_llm(args.latency, args.rate_limited, args.overloaded)
    try:
        with deployment(args, server.base_url) as dep:
            if args.scenario == "offered":
                run_offered(dep, args, served)
            else:
                run_backlog(dep, args)
    finally:
        server.close()


if __name__ == "__main__":
    main()
