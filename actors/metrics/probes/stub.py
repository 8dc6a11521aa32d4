"""The queue probe of Dramatiq's in-process broker (``memq serve`` without RabbitMQ)."""

from __future__ import annotations

import time

import dramatiq
from dramatiq.brokers.stub import StubBroker

from actors.metrics.queue_depth import QueueProbe, QueueReading


def stub_probe(broker: StubBroker) -> QueueProbe:
    def probe(names: list[str]) -> dict[str, QueueReading]:
        found: dict[str, QueueReading] = {}
        for name in names:
            if name.endswith(".XQ"):
                source = name.removesuffix(".XQ")
                if source in broker.queues:
                    found[name] = QueueReading(len(broker.dead_letters_by_queue.get(source, [])), 0)
            elif name in broker.queues:
                queue = broker.queues[name]
                found[name] = QueueReading(queue.qsize(), 0, _head_age_s(list(queue.queue)[:1]))
        return found

    return probe


def _head_age_s(head: list[bytes]) -> float | None:
    if not head:
        return None
    published_ms = dramatiq.Message.decode(head[0]).message_timestamp
    return max(0.0, time.time() - published_ms / 1000)
