"""Worker metrics for Prometheus: a Dramatiq middleware, collectors, and the HTTP server.

Why not ``dramatiq.middleware.prometheus.Prometheus``: it only works under the
``dramatiq`` CLI (it serves from a process the CLI forks, and needs
``prometheus_multiproc_dir`` in the environment before anything imports
``prometheus_client``), and it knows nothing of memq's outcomes (stored,
duplicate), the LLM or the queues. memq starts its own workers, so this module
does the same job in their shape.

Process model: per-process registries and ports. ``memq worker`` serves
``/metrics`` on MEMQ_WORKER_METRICS_PORT; with ``--processes N`` process i
listens on PORT+i (a restarted process takes its index's port back). No
shared multiprocess directory to clean up, and a dead process's series vanish
with it; Prometheus sums over the targets. Queue depths come from process 0
only, so they are not repeated. In ``memq serve`` everything shares the
gateway's registry and its ``GET /metrics``.

Metrics (no account or session labels):

- ``memq_worker_messages_total{actor,outcome}`` — processed: ``ok``, ``error``
  (raised; retried or dead-lettered), ``skipped`` (too old)
- ``memq_worker_dead_lettered_total{actor,queue}`` — failed for good (XQ)
- ``memq_actor_duration_seconds{actor,outcome}`` — histogram per actor; the
  context fetch is ``actor="assemble_context"``
- ``memq_message_wait_seconds{queue}`` — enqueued → started (includes backoff)
- ``memq_ingest_messages_total{outcome}`` — ``stored``, ``duplicate``,
  ``dropped_deleted`` (session deleted), ``rejected_full``
  (MEMQ_MAX_MESSAGES_PER_SESSION)
- ``memq_llm_calls_total``, ``memq_llm_tokens_total{kind}``,
  ``memq_llm_errors_total{kind}`` — Claude traffic (``ClaudeEngine.usage``)
- ``memq_queue_messages{queue}``, ``memq_queue_consumers{queue}`` — per main,
  delay (.DQ) and dead-letter (.XQ) queue, refreshed at most every few seconds
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import dramatiq
import pika
from dramatiq.broker import MessageProxy
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import Middleware
from pika.exceptions import AMQPError, ChannelClosedByBroker
from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from domain.memory.engines import EngineChain
from domain.ports.store import AppendResult
from runtime.histograms import DURATION_BUCKETS
from runtime.settings import Settings
from schemas.queues import dead_letter_queue, delay_queue
from schemas.routing import QueueKind, queue_name

logger = logging.getLogger("memq.metrics")

WAIT_BUCKETS = (0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 1800.0, 3600.0)

#: How long a queue depth reading is reused (seconds).
QUEUE_DEPTH_TTL_S = 5.0

# An actor names what it did with each chat message; the middleware counts them
# (one per message: a batch records many).
_OUTCOMES: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "memq_ingest_outcomes", default=()
)


def record_ingest_outcome(outcome: str) -> None:
    """Called by the ingest actors: stored, duplicate, dropped_deleted, rejected_full."""
    _OUTCOMES.set((*_OUTCOMES.get(), outcome))


def ingest_outcome(result: AppendResult) -> str:
    """The ``memq_ingest_messages_total`` outcome label of one append."""
    if result.stored:
        return "stored"
    if result.rejected_full:
        return "rejected_full"
    return "dropped_deleted" if result.dropped_deleted else "duplicate"


class WorkerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.messages = Counter(
            "memq_worker_messages",
            "Messages processed by actor and outcome (ok, error, skipped)",
            ["actor", "outcome"],
            registry=registry,
        )
        self.dead_lettered = Counter(
            "memq_worker_dead_lettered",
            "Messages that failed for good and went to the dead-letter queue",
            ["actor", "queue"],
            registry=registry,
        )
        self.duration = Histogram(
            "memq_actor_duration_seconds",
            "Time an actor took per message (assemble_context = the context fetch)",
            ["actor", "outcome"],
            buckets=DURATION_BUCKETS,
            registry=registry,
        )
        self.wait = Histogram(
            "memq_message_wait_seconds",
            "Time from enqueue to the start of processing (includes retry backoff)",
            ["queue"],
            buckets=WAIT_BUCKETS,
            registry=registry,
        )
        self.ingest = Counter(
            "memq_ingest_messages",
            "Ingested messages by outcome (stored, duplicate, dropped_deleted, rejected_full)",
            ["outcome"],
            registry=registry,
        )
        for outcome in ("stored", "duplicate", "dropped_deleted", "rejected_full"):
            self.ingest.labels(outcome)  # present at 0 before the first message


class MetricsMiddleware(Middleware):
    def __init__(self, metrics: WorkerMetrics) -> None:
        self.metrics = metrics
        self._local = threading.local()

    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        _OUTCOMES.set(())
        self._local.started = time.perf_counter()
        enqueued_ms = message.message_timestamp
        if isinstance(enqueued_ms, int | float) and enqueued_ms > 0:
            waited = max(0.0, time.time() - enqueued_ms / 1000)
            self.metrics.wait.labels(message.queue_name).observe(waited)

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        outcome = "ok" if exception is None else "error"
        started = getattr(self._local, "started", None)
        self._local.started = None
        if started is not None:
            elapsed = time.perf_counter() - started
            self.metrics.duration.labels(message.actor_name, outcome).observe(elapsed)
        self.metrics.messages.labels(message.actor_name, outcome).inc()
        for counted in _OUTCOMES.get():
            self.metrics.ingest.labels(counted).inc()
        _OUTCOMES.set(())

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        self._local.started = None
        self.metrics.messages.labels(message.actor_name, "skipped").inc()

    def after_nack(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        # A nack is a dead letter: RabbitMQ routes it to <queue>.XQ, the stub
        # broker to its dead_letters list.
        self.metrics.dead_lettered.labels(message.actor_name, message.queue_name).inc()


class LLMUsageCollector(Collector):
    """Reads the engines' usage counters at scrape time (zeros without Claude)."""

    def __init__(self, engines: EngineChain) -> None:
        self._engines = engines

    def _usage(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for engine in (self._engines.primary, self._engines.fallback):
            usage = getattr(engine, "usage", None)
            snapshot = getattr(usage, "snapshot", None)
            if callable(snapshot):
                for key, value in snapshot().items():
                    totals[key] = totals.get(key, 0) + int(value)
        return totals

    def collect(self) -> Iterable[Metric]:
        usage = self._usage()
        calls = CounterMetricFamily(
            "memq_llm_calls", "Successful LLM (Claude) calls; SDK retries not counted"
        )
        calls.add_metric([], usage.get("calls", 0))
        yield calls
        tokens = CounterMetricFamily("memq_llm_tokens", "LLM tokens by kind", labels=["kind"])
        for kind, key in (
            ("input", "input_tokens"),
            ("output", "output_tokens"),
            ("cache_read", "cache_read_input_tokens"),
            ("cache_creation", "cache_creation_input_tokens"),
        ):
            tokens.add_metric([kind], usage.get(key, 0))
        yield tokens
        errors = CounterMetricFamily(
            "memq_llm_errors",
            "LLM calls that failed after the SDK's retries (transient: the offline engine "
            "took over; permanent: bad request or unusable answer)",
            labels=["kind"],
        )
        errors.add_metric(["transient"], usage.get("transient_errors", 0))
        errors.add_metric(["permanent"], usage.get("permanent_errors", 0))
        yield errors


QueueProbe = Callable[[list[str]], dict[str, tuple[int, int]]]


def memq_queue_names(prefix: str) -> list[str]:
    names = []
    for kind in QueueKind:
        name = queue_name(prefix, kind)
        names += [name, delay_queue(name), dead_letter_queue(name)]
    return names


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


def install_worker_metrics(
    broker: dramatiq.Broker,
    registry: CollectorRegistry,
    *,
    engines: EngineChain,
    queue_prefix: str,
    queue_probe: QueueProbe | None,
) -> WorkerMetrics:
    """Add the middleware and collectors; ``queue_probe`` None = no queue depths here."""
    metrics = WorkerMetrics(registry)
    broker.add_middleware(MetricsMiddleware(metrics))
    registry.register(LLMUsageCollector(engines))
    if queue_probe is not None:
        registry.register(QueueDepthCollector(memq_queue_names(queue_prefix), queue_probe))
    return metrics


def serve_metrics(registry: CollectorRegistry, host: str, port: int) -> Any:
    """Serve ``/metrics`` from a daemon thread; None (and a warning) if the port is taken.

    A worker without metrics still does its job, so a bind failure is not fatal.
    """
    try:
        server, _thread = start_http_server(port, addr=host, registry=registry)
    except OSError as exc:
        logger.warning(
            "worker metrics not served: cannot listen on %s:%d (%s); set "
            "MEMQ_WORKER_METRICS_PORT to a free port or 0",
            host,
            port,
            exc.strerror or exc,
        )
        return None
    logger.info("worker metrics on http://%s:%d/metrics", host, port)
    return server


def start_worker_metrics(
    broker: dramatiq.Broker, engines: EngineChain, settings: Settings, index: int = 0
) -> Any:
    """``memq worker`` process ``index``: metrics on MEMQ_WORKER_METRICS_PORT + index.

    Returns the HTTP server (``shutdown()`` it on exit), or None when off or the
    port is taken.
    """
    if settings.worker_metrics_port == 0:
        return None
    registry = CollectorRegistry()
    probe = None
    if index == 0 and settings.amqp_url is not None:
        probe = amqp_probe(str(settings.amqp_url))
    install_worker_metrics(
        broker, registry, engines=engines, queue_prefix=settings.queue_prefix, queue_probe=probe
    )
    return serve_metrics(
        registry, settings.worker_metrics_host, settings.worker_metrics_port + index
    )
