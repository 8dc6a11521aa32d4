"""Queue depths, consumers and the age of the oldest ready message, as Prometheus gauges.

Read through a ``QueueProbe`` (``actors.metrics.probes``): queue names in,
``{name: QueueReading}`` out for the queues that exist. The collector asks it
at most every ``QUEUE_DEPTH_TTL_S`` seconds, whatever the scrape rate.

Who reports what: process 0 of each ``memq worker`` reports the queues *its
pool consumes* (main, .DQ, .XQ), never the others'. Every reporter of a queue
reads the same broker value, so aggregate with ``max by (queue)``, never a
sum: replicas of a pool all report their queue (docs/operations.md).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from pika.exceptions import AMQPError
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from schemas.queues import dead_letter_queue, delay_queue
from schemas.routing import QueueKind, queue_name

logger = logging.getLogger("memq.metrics")

#: How long a queue depth reading is reused (seconds).
QUEUE_DEPTH_TTL_S = 5.0


class QueueReading(NamedTuple):
    messages: int
    consumers: int
    #: Seconds since the oldest ready message was published; None when none is ready
    #: (or for delay and dead-letter queues, where the age says nothing about lag).
    oldest_age_s: float | None = None


QueueProbe = Callable[[list[str]], dict[str, QueueReading]]


def memq_queue_names(prefix: str, kinds: Iterable[QueueKind] = tuple(QueueKind)) -> list[str]:
    """The main, delay and dead-letter queues of ``kinds``."""
    names = []
    for kind in kinds:
        name = queue_name(prefix, kind)
        names += [name, delay_queue(name), dead_letter_queue(name)]
    return names


def is_main_queue(name: str) -> bool:
    return not name.endswith((".DQ", ".XQ"))


class QueueDepthCollector(Collector):
    def __init__(
        self, names: list[str], probe: QueueProbe, ttl_s: float = QUEUE_DEPTH_TTL_S
    ) -> None:
        self._names = names
        self._probe = probe
        self._ttl_s = ttl_s
        self._lock = threading.Lock()
        self._cached: dict[str, QueueReading] = {}
        self._at = -float("inf")

    def _read(self) -> dict[str, QueueReading]:
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
        readings = self._read()
        messages = GaugeMetricFamily(
            "memq_queue_messages",
            "Messages ready in a memq queue (.DQ = delayed retries, .XQ = dead letters); "
            "reported by each pool for its own queues: aggregate with max by (queue)",
            labels=["queue"],
        )
        consumers = GaugeMetricFamily(
            "memq_queue_consumers",
            "Consumers on a memq queue; aggregate with max by (queue)",
            labels=["queue"],
        )
        age = GaugeMetricFamily(
            "memq_queue_oldest_message_age_seconds",
            "Seconds since the oldest ready message of a main queue was published "
            "(0 when none is ready); aggregate with max by (queue)",
            labels=["queue"],
        )
        for name, reading in sorted(readings.items()):
            messages.add_metric([name], reading.messages)
            consumers.add_metric([name], reading.consumers)
            if is_main_queue(name):
                age.add_metric([name], reading.oldest_age_s or 0.0)
        yield messages
        yield consumers
        yield age
