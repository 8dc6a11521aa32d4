"""The RabbitMQ the tests and benchmarks use (MEMQ_TEST_AMQP_URL, else the local server),
and what they ask it about their queues."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pika
from pika.exceptions import AMQPError, ChannelClosedByBroker

from runtime.queue_layout import QueueLayout
from runtime.settings import Settings
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


def publish(url: str, queue: str, body: bytes) -> None:
    """``body`` as a persistent message on ``queue``, as any producer would send it."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        connection.channel().basic_publish("", queue, body, pika.BasicProperties(delivery_mode=2))
    finally:
        connection.close()


def declare_queues(url: str, prefix: str) -> None:
    """The queues of a deployment (main, delay, dead-letter), as its workers declare them
    with the settings' queue layout."""
    layout = QueueLayout.from_settings(Settings(queue_prefix=prefix))
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        for kind in QueueKind:
            for queue, arguments in layout.declarations(kind):
                channel.queue_declare(queue, durable=True, arguments=arguments)
    finally:
        connection.close()


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


def queue_counts(url: str, queue: str) -> tuple[int, int] | None:
    """(messages ready, consumers) of a queue, or None while it is not declared."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        declared = connection.channel().queue_declare(queue, passive=True)
        return int(declared.method.message_count), int(declared.method.consumer_count)
    except ChannelClosedByBroker:
        return None
    finally:
        if connection.is_open:
            connection.close()


def wait_for_consumers(url: str, queue: str, count: int, alive: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        counts = queue_counts(url, queue)
        if counts is not None and counts[1] >= count:
            return
        if not alive():
            raise RuntimeError(f"a consumer of {queue} exited before it started consuming")
        time.sleep(0.2)
    raise RuntimeError(f"{queue} has no {count} consumer(s) after 60s")


def purge_queue(url: str, queue: str) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        connection.channel().queue_purge(queue)
    finally:
        connection.close()


def delete_named_queues(url: str, names: list[str]) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        for name in names:
            channel.queue_delete(name)
    finally:
        connection.close()


def rabbitmq_version(url: str) -> str:
    try:
        connection = pika.BlockingConnection(pika.URLParameters(url))
    except AMQPError:
        return "?"
    try:
        props = connection._impl.server_properties or {}
        version = props.get("version", b"?")
        return version.decode() if isinstance(version, bytes) else str(version)
    except AttributeError:
        return "?"
    finally:
        connection.close()
