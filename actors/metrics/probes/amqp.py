"""The queue probe of a RabbitMQ deployment."""

from __future__ import annotations

import pika
from pika.exceptions import ChannelClosedByBroker

from actors.metrics.queue_depth import QueueProbe


def amqp_probe(url: str) -> QueueProbe:
    """Passive declares on a short-lived connection of its own (never the broker's)."""

    def probe(names: list[str]) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
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
                found[name] = (declared.method.message_count, declared.method.consumer_count)
        finally:
            connection.close()
        return found

    return probe
