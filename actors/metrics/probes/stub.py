"""The queue probe of Dramatiq's in-process broker (``memq serve`` without RabbitMQ)."""

from __future__ import annotations

from dramatiq.brokers.stub import StubBroker

from actors.metrics.queue_depth import QueueProbe


def stub_probe(broker: StubBroker) -> QueueProbe:
    def probe(names: list[str]) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        for name in names:
            if name.endswith(".XQ"):
                source = name.removesuffix(".XQ")
                if source in broker.queues:
                    found[name] = (len(broker.dead_letters_by_queue.get(source, [])), 0)
            elif name in broker.queues:
                found[name] = (broker.queues[name].qsize(), 0)
        return found

    return probe
