"""The queue probe of a RabbitMQ deployment."""

from __future__ import annotations

import json
import time

import pika
from pika.adapters.blocking_connection import BlockingChannel
from pika.exceptions import ChannelClosedByBroker

from actors.metrics.queue_depth import QueueProbe, QueueReading, is_main_queue


def amqp_probe(url: str) -> QueueProbe:
    """Passive declares on a short-lived connection of its own (never the broker's),
    and a peek at the head of each main queue that has ready messages."""

    def probe(names: list[str]) -> dict[str, QueueReading]:
        found: dict[str, QueueReading] = {}
        params = pika.URLParameters(url)
        params.connection_attempts = 1
        params.socket_timeout = 2
        connection = pika.BlockingConnection(params)
        try:
            channel = connection.channel()
            for name in names:
                try:
                    declared = channel.queue_declare(name, passive=True)
                except ChannelClosedByBroker:  # 404: not declared yet
                    channel = connection.channel()
                    continue
                ready, consumers = declared.method.message_count, declared.method.consumer_count
                age = oldest_age_s(channel, name) if ready and is_main_queue(name) else None
                found[name] = QueueReading(ready, consumers, age)
        finally:
            connection.close()
        return found

    return probe


def oldest_age_s(channel: BlockingChannel, name: str) -> float | None:
    """Seconds since the head ready message was published (its Dramatiq
    ``message_timestamp``), read by taking it and handing it straight back.

    RabbitMQ tells a queue's depth but not its head's age without the
    management plugin. The message goes back to the head of the queue at once
    (and, should this connection drop first, when it closes): nothing is lost
    or reordered; it is only marked redelivered, which Dramatiq ignores.
    """
    method, _properties, body = channel.basic_get(name, auto_ack=False)
    if method is None:
        return None
    channel.basic_nack(method.delivery_tag, requeue=True)
    try:
        published_ms = json.loads(body)["message_timestamp"]
        return max(0.0, time.time() - float(published_ms) / 1000)
    except (ValueError, KeyError, TypeError):
        return None  # not a Dramatiq message: its age is unknown
