"""Quorum queues on the local broker: declared alike by every process, limited, failing over.

The single-node form of what ``python -m bench.cluster`` shows on a 3-node
cluster (a node killed -9 under load): RabbitMQ runs quorum queues on one node
too, so the declarations, the broker's own delivery limit, the start-up error
on a queue of the other type and the client-side node list are tested here
against the machine's broker, on queues of each test's own prefix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pika
import pytest
from pika.exceptions import ChannelClosedByBroker

from actors.broker import rabbitmq_broker
from bench.support.processes import MemqProcess, free_port
from runtime.queue_layout import QueueLayout
from runtime.settings import Settings
from schemas.queues import dead_letter_queue
from schemas.routing import ActorName, QueueKind, new_message, queue_name
from tests.e2e.conftest import KEY_A, running_stack


def declare(amqp_url: str, queue: str, arguments: dict[str, object]) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        connection.channel().queue_declare(queue, durable=True, arguments=arguments)
    finally:
        if connection.is_open:
            connection.close()


def test_gateway_and_worker_declare_the_same_quorum_queues(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    # Given a gateway and a worker with the default queue type, which is quorum
    with running_stack(amqp_url, queue_prefix, tmp_path) as stack:
        # When a message goes through them
        with stack.client() as client:
            response = client.post(
                "/v1/sessions/s-quorum/messages",
                json={"message_id": "m1", "role": "user", "content": "hello"},
            )
        assert response.status_code == 202, response.text
        stack.wait_for_count("s-quorum", 1)
    # Then every queue they declared is a quorum queue with memq's arguments:
    # declaring it again with them is accepted, as a classic queue is refused
    layout = QueueLayout.from_settings(Settings(amqp_url=amqp_url, queue_prefix=queue_prefix))
    for kind in QueueKind:
        for name, arguments in layout.declarations(kind):
            declare(amqp_url, name, arguments)
            with pytest.raises(ChannelClosedByBroker) as refused:
                declare(amqp_url, name, {**arguments, "x-queue-type": "classic"})
            assert refused.value.reply_code == 406
            assert "x-queue-type" in refused.value.reply_text


def test_a_message_redelivered_past_the_retry_count_is_dead_lettered_by_the_broker(
    amqp_url: str, queue_prefix: str
) -> None:
    # Given the ingest queues of a deployment allowing 2 retries
    settings = Settings(amqp_url=amqp_url, queue_prefix=queue_prefix, ingest_max_retries=2)
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    broker = rabbitmq_broker(settings)
    try:
        broker.declare_all({ingest})
        message = new_message(queue_prefix, ActorName.INGEST_MESSAGE, {"event": {}})
        broker.enqueue(message)  # persistent, confirmed
    finally:
        broker.close()
    # When consumers keep handing it back without finishing it (as a worker that
    # dies on it does), never reaching Dramatiq's retry count
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        deliveries = 0
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            method, properties, body = channel.basic_get(ingest, auto_ack=False)
            if method is None:
                if channel.queue_declare(
                    dead_letter_queue(ingest), passive=True
                ).method.message_count:
                    break
                time.sleep(0.05)
                continue
            deliveries += 1
            channel.basic_reject(method.delivery_tag, requeue=True)
        # Then RabbitMQ dead-letters it after 1 + 2 deliveries, whole, into XQ
        assert deliveries == 3
        method, properties, body = channel.basic_get(dead_letter_queue(ingest), auto_ack=True)
        assert method is not None
        assert json.loads(body)["message_id"] == message.message_id
        (death,) = properties.headers["x-death"]
        assert death["reason"] == b"delivery_limit" or death["reason"] == "delivery_limit"
    finally:
        connection.close()


def _memq(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memq.cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_queue_of_the_other_type_stops_every_process_at_start_with_the_way_out(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    # Given an ingest queue declared classic, as before memq had a queue type
    ingest = queue_name(queue_prefix, QueueKind.INGEST)
    classic = QueueLayout.from_settings(Settings(queue_prefix=queue_prefix, queue_type="classic"))
    declare(amqp_url, ingest, classic.main_arguments(ingest))
    env = {
        "MEMQ_AMQP_URL": amqp_url,
        "MEMQ_QUEUE_PREFIX": queue_prefix,
        "MEMQ_QUEUE_TYPE": "quorum",
        "MEMQ_API_KEYS": f"{KEY_A}:acct-a",
        "MEMQ_PORT": str(free_port()),
        "MEMQ_DATA_DIR": str(tmp_path / "data"),
        "MEMQ_MONGODB_URL": "",
        "MEMQ_WORKER_METRICS_PORT": "0",
    }
    # When a worker and a gateway start with quorum queues
    worker = _memq(["worker", "--queues", "ingest"], env)
    gateway = MemqProcess(["gateway"], env, tmp_path / "gateway.log").start()
    assert gateway.proc is not None
    gateway.proc.wait(60)
    # Then each stops at once, naming the queue, the setting and the migration
    assert worker.returncode != 0
    for output in (worker.stderr, gateway.log()):
        assert f"queue {ingest} already exists" in output
        assert "MEMQ_QUEUE_TYPE=quorum" in output
        assert "docs/deploy.md" in output
    assert gateway.proc.returncode != 0
    # And with MEMQ_QUEUE_TYPE=classic the same worker starts
    started = MemqProcess(
        ["worker", "--queues", "ingest"],
        {**env, "MEMQ_QUEUE_TYPE": "classic"},
        tmp_path / "classic-worker.log",
    ).start()
    try:
        time.sleep(3)
        assert started.proc is not None and started.proc.poll() is None, started.log()
    finally:
        started.stop()


def test_gateway_and_worker_fail_over_to_the_next_node_of_the_list(
    amqp_url: str, queue_prefix: str, tmp_path: Path
) -> None:
    # Given MEMQ_AMQP_URL naming a node that is down, and the live broker after it
    live = urlsplit(amqp_url)
    dead = amqp_url.replace(live.netloc.split("@")[-1], f"127.0.0.1:{free_port()}")
    with running_stack(
        dead, queue_prefix, tmp_path, MEMQ_AMQP_NODES=f"{live.hostname}:{live.port or 5672}"
    ) as stack:
        # When a message is posted
        with stack.client() as client:
            response = client.post(
                "/v1/sessions/s-failover/messages",
                json={"message_id": "m1", "role": "user", "content": "over the next node"},
            )
        # Then both found the live node: it is accepted and stored
        assert response.status_code == 202, response.text
        stack.wait_for_count("s-failover", 1)
        assert "RabbitMQ node 1 of 2 unreachable" in stack.gateway.log()
