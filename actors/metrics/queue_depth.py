"""Queue depths as Prometheus gauges, read through a ``QueueProbe`` (``actors.metrics.probes``).

A probe is a function: queue names in, ``{name: (messages ready, consumers)}``
out for the queues that exist. The collector asks it at most every
``QUEUE_DEPTH_TTL_S`` seconds, whatever the scrape rate.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

from pika.exceptions import AMQPError
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from schemas.queues import dead_letter_queue, delay_queue
from schemas.routing import QueueKind, queue_name

logger = logging.getLogger("memq.metrics")

#: How long a queue depth reading is reused (seconds).
QUEUE_DEPTH_TTL_S = 5.0

QueueProbe = Callable[[list[str]], dict[str, tuple[int, int]]]


def memq_queue_names(prefix: str) -> list[str]:
    names = []
    for kind in QueueKind:
        name = queue_name(prefix, kind)
        names += [name, delay_queue(name), dead_letter_queue(name)]
    return names


class QueueDepthCollector(Collector):
    def __init__(
        self, names: list[str], probe: QueueProbe, ttl_s: float = QUEUE_DEPTH_TTL_S
    ) -> None:
        self._names = names
        self._probe = probe
        self._ttl_s = ttl_s
        self._lock = threading.Lock()
        self._cached: dict[str, tuple[int, int]] = {}
        self._at = -float("inf")

    def _read(self) -> dict[str, tuple[int, int]]:
        with self._lock:
            if time.monotonic() - self._at >= self._ttl_s:
                try:
                    self._cached = self._probe(self._names)
                except (AMQPError, OSError) as exc:
                    logger.warning("queue depths unavailable (%s)", type(exc).__name__)
                    self._cached = {}
                self._at = time.monotonic()
            return dict(self._cached)

    def collect(self) -> Iterator[Metric]:
        depths = self._read()
        messages = GaugeMetricFamily(
            "memq_queue_messages",
            "Messages ready in a memq queue (.DQ = delayed retries, .XQ = dead letters)",
            labels=["queue"],
        )
        consumers = GaugeMetricFamily(
            "memq_queue_consumers", "Consumers on a memq queue", labels=["queue"]
        )
        for name, (count, consumer_count) in sorted(depths.items()):
            messages.add_metric([name], count)
            consumers.add_metric([name], consumer_count)
        yield messages
        yield consumers
