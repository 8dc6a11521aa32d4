"""The RabbitMQ the tests use: MEMQ_TEST_AMQP_URL, else the local server."""

from __future__ import annotations

import os

import pika
from pika.exceptions import AMQPError

from schemas.queues import dead_letter_queue, delay_queue
from schemas.routing import QueueKind, queue_name

DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672/"


def amqp_url_for_tests() -> str:
    return os.environ.get("MEMQ_TEST_AMQP_URL", DEFAULT_URL)


def check_reachable(url: str) -> None:
    """Fail loudly: in CI a missing broker fails the run, it never skips."""
    try:
        pika.BlockingConnection(pika.URLParameters(url)).close()
    except AMQPError as exc:
        raise RuntimeError(
            f"RabbitMQ is not reachable at {url} ({exc!r}); start it with "
            "`rabbitmq-server -detached` or set MEMQ_TEST_AMQP_URL"
        ) from exc


def delete_queues(url: str, prefix: str) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        for kind in QueueKind:
            name = queue_name(prefix, kind)
            for queue in (name, delay_queue(name), dead_letter_queue(name)):
                channel.queue_delete(queue)
    finally:
        connection.close()


def queue_depth(url: str, queue: str) -> int:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        declared = connection.channel().queue_declare(queue, passive=True)
        return int(declared.method.message_count)
    finally:
        connection.close()
