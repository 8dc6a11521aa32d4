"""Queue metrics an autoscaler can trust, over the real RabbitMQ.

Each pool reports its own queues only (process 0 of each ``memq worker``), so
summing or taking the max over scrape targets counts every queue once per
replica; the age of the oldest ready message is read without losing or
reordering it; every process exposes the standard ``process_*`` metrics.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import httpx
import pika
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from actors.metrics.probes.amqp import amqp_probe
from actors.metrics.queue_depth import QueueDepthCollector, memq_queue_names
from bench.support.processes import MemqProcess, free_port, wait_for
from schemas.queues import main_queue_arguments
from schemas.routing import QueueKind, queue_name

pytestmark = pytest.mark.e2e

PROCESS_METRICS = {
    "process_cpu_seconds_total",
    "process_resident_memory_bytes",
    "process_open_fds",
    "process_start_time_seconds",
    "python_info",
}


def families(url: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """Sample name → its (labels, value) pairs."""
    found: dict[str, list[tuple[dict[str, str], float]]] = defaultdict(list)
    for family in text_string_to_metric_families(httpx.get(url, timeout=10).text):
        for sample in family.samples:
            found[sample.name].append((sample.labels, sample.value))
    return found


def queues_reported(url: str) -> set[str]:
    return {labels["queue"] for labels, _ in families(url).get("memq_queue_messages", [])}


def up(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def channel(amqp_url: str) -> Iterator[pika.adapters.blocking_connection.BlockingChannel]:
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        yield connection.channel()
    finally:
        connection.close()


def dramatiq_body(queue: str, published_ms: int) -> bytes:
    return json.dumps(
        {
            "queue_name": queue,
            "actor_name": "update_memory",
            "args": [],
            "kwargs": {"account_id": "a", "session_id": "s"},
            "options": {},
            "message_id": str(uuid.uuid4()),
            "message_timestamp": published_ms,
        }
    ).encode()


def test_the_oldest_ready_message_has_an_age_and_is_neither_lost_nor_moved(
    amqp_url: str, queue_prefix: str, channel: pika.adapters.blocking_connection.BlockingChannel
) -> None:
    # Given three messages on a memory queue nobody consumes, the first published 30 s ago
    memory = queue_name(queue_prefix, QueueKind.MEMORY)
    channel.queue_declare(memory, durable=True, arguments=main_queue_arguments(memory))
    now_ms = int(time.time() * 1000)
    bodies = [dramatiq_body(memory, now_ms - 30_000 + n) for n in range(3)]
    for body in bodies:
        channel.basic_publish("", memory, body)
    # When the queue metrics are collected (twice: a peeked message goes back each time)
    registry = CollectorRegistry()
    collector = QueueDepthCollector(
        memq_queue_names(queue_prefix, [QueueKind.MEMORY]), amqp_probe(amqp_url), ttl_s=0
    )
    registry.register(collector)
    for _ in range(2):
        assert registry.get_sample_value("memq_queue_messages", {"queue": memory}) == 3
        assert registry.get_sample_value("memq_queue_consumers", {"queue": memory}) == 0
        age = registry.get_sample_value("memq_queue_oldest_message_age_seconds", {"queue": memory})
        # Then the age is that of the oldest ready message
        assert age is not None and 29.0 <= age <= 60.0, age
    # And the three messages are still there, in their order
    got = []
    for _ in range(3):
        method, _properties, body = channel.basic_get(memory, auto_ack=True)
        assert method is not None
        got.append(body)
    assert got == bodies
    channel.queue_delete(memory)


def test_each_pool_reports_its_own_queues_once_and_every_process_its_process_metrics(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    ingest_port, context_port = free_port(), free_port()
    while context_port in (ingest_port, ingest_port + 1):
        context_port = free_port()
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": queue_prefix,
        "MEMQ_DATA_DIR": str(tmp_path / "data"),
        "MEMQ_MONGODB_URL": "",
    }
    # Given an ingest pool of two processes and a context pool of one, each with metrics
    pools = [
        MemqProcess(
            ["worker", "--queues", "ingest", "--processes", "2", "--threads", "1"],
            {**env, "MEMQ_WORKER_METRICS_PORT": str(ingest_port)},
            tmp_path / "ingest.log",
        ).start(),
        MemqProcess(
            ["worker", "--queues", "context", "--threads", "1"],
            {**env, "MEMQ_WORKER_METRICS_PORT": str(context_port)},
            tmp_path / "context.log",
        ).start(),
    ]
    try:
        targets = [f"http://127.0.0.1:{port}/metrics" for port in (ingest_port, ingest_port + 1)]
        context_target = f"http://127.0.0.1:{context_port}/metrics"
        for url in [*targets, context_target]:
            wait_for(lambda url=url: up(url), timeout=30)
        ingest, context = (
            queue_name(queue_prefix, k) for k in (QueueKind.INGEST, QueueKind.CONTEXT)
        )
        own = {
            ingest: {ingest, f"{ingest}.DQ", f"{ingest}.XQ"},
            context: {context, f"{context}.DQ", f"{context}.XQ"},
        }
        # Then the ingest pool's first process reports the ingest queues, its second none,
        wait_for(lambda: queues_reported(targets[0]) == own[ingest], timeout=20)
        assert queues_reported(targets[1]) == set()
        # and the context pool the context queues only, though both pools' queues exist
        wait_for(lambda: queues_reported(context_target) == own[context], timeout=20)

        # so summed over all targets each queue counts once, with its consumers
        # (once both ingest processes consume: readings are cached for 5 s)
        def consumers() -> dict[str, float]:
            found: dict[str, float] = {}
            for url in [*targets, context_target]:
                for labels, count in families(url).get("memq_queue_consumers", []):
                    found[labels["queue"]] = found.get(labels["queue"], 0) + count
            return found

        wait_for(lambda: consumers().get(ingest) == 2, timeout=30, interval=1)
        assert consumers()[context] == 1
        # And every process has the standard process metrics
        for url in [*targets, context_target]:
            assert set(families(url)) >= PROCESS_METRICS, url
    finally:
        for pool in pools:
            pool.stop()
