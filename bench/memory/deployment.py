"""The deployment a memory load bench runs on: workers over RabbitMQ, a store (SQLite or
MongoDB, read from outside by a probe), and a publisher of ``ingest_batch`` jobs."""

from __future__ import annotations

import argparse
import contextlib
import shutil
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

from bench.memory.conversation import BATCH, FOLD_EVERY, LINES, VERBATIM
from bench.memory.probe import MongoProbe, SqliteProbe, StoreProbe
from bench.support.mongo import mongodb_url
from bench.support.processes import MemqProcess, Processes, free_port
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

    def worker(self, kind: QueueKind, threads: int, nice: int = 0) -> Pool:
        port = free_port()
        process = self.procs.start_memq(
            ["worker", "--queues", kind.value, "--threads", str(threads)],
            {
                **self.env,
                "MEMQ_WORKER_METRICS_PORT": str(port),
                "MEMQ_WORKER_NICE": str(nice),
            },
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
        """``count`` more messages over ``sessions`` (``send_batches``)."""
        send_batches(channel, self.prefix, list(self.events(sessions, count)))

    def channel(self) -> contextlib.AbstractContextManager[Channel]:
        return confirming_channel(self.amqp_url)


@contextlib.contextmanager
def confirming_channel(amqp_url: str) -> Iterator[Channel]:
    """A channel whose publishes the broker confirms. The queues must exist: declared by
    ``bench.support.rabbit.declare_queues`` with the workers' arguments, as a producer
    that is not memq finds them (a dramatiq broker here would declare them otherwise)."""
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        yield channel
    finally:
        connection.close()


def send_batches(channel: Channel, prefix: str, events: list[dict[str, object]]) -> None:
    """``events`` in ``ingest_batch`` jobs of up to 50, as the gateway's group commit
    sends them, each confirmed."""
    queue = queue_name(prefix, QueueKind.INGEST)
    for start in range(0, len(events), BATCH):
        job = new_message(prefix, ActorName.INGEST_BATCH, {"events": events[start : start + BATCH]})
        channel.basic_publish("", queue, job.encode(), PERSISTENT)


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
