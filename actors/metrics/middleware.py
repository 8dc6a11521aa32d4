"""The Dramatiq middleware that counts and times what actors do (see ``actors.metrics``)."""

from __future__ import annotations

import contextvars
import threading
import time
from typing import Any

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware
from prometheus_client import CollectorRegistry, Counter, Histogram

from runtime.histograms import DURATION_BUCKETS

WAIT_BUCKETS = (0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 1800.0, 3600.0)

# An actor names what it did with each chat message; the middleware counts them
# (one per message: a batch records many).
_OUTCOMES: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "memq_ingest_outcomes", default=()
)


#: Memory lag buckets: messages (fold intervals of 5 up to a deep backlog), seconds.
LAG_MESSAGE_BUCKETS = (0, 5, 10, 15, 20, 30, 50, 100, 200, 500, 1000, 5000)
LAG_SECOND_BUCKETS = (1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600)
#: What a memory job did: folded (at least one fold), idle (nothing due), busy
#: (another job held the lease: re-sent later), handed_on (ran out of time).
MEMORY_JOB_OUTCOMES = ("folded", "idle", "busy", "handed_on")

_MEMORY: contextvars.ContextVar[tuple[str, int, float] | None] = contextvars.ContextVar(
    "memq_memory_job", default=None
)


def record_memory_job(outcome: str, lag_messages: int = 0, lag_seconds: float = 0.0) -> None:
    """Called by the memory actor: what the job did, and the session's lag when it
    started (not observed for a ``busy`` job, which measured nothing)."""
    _MEMORY.set((outcome, lag_messages, lag_seconds))


def record_ingest_outcome(outcome: str) -> None:
    """Called by the ingest actors: stored, duplicate, dropped_deleted, rejected_full
    (``domain.ingest.append_outcome``)."""
    _OUTCOMES.set((*_OUTCOMES.get(), outcome))


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
        self.memory_jobs = Counter(
            "memq_memory_jobs",
            "Memory jobs by outcome (folded, idle: nothing due, busy: another job held "
            "the session, re-sent later; handed_on: ran out of time, the rest re-sent)",
            ["outcome"],
            registry=registry,
        )
        for outcome in MEMORY_JOB_OUTCOMES:
            self.memory_jobs.labels(outcome)
        self.lag_messages = Histogram(
            "memq_memory_lag_messages",
            "Per memory job, when it started: the session's messages past the verbatim "
            "window not folded yet",
            buckets=LAG_MESSAGE_BUCKETS,
            registry=registry,
        )
        self.lag_seconds = Histogram(
            "memq_memory_lag_seconds",
            "Per memory job, when it started: age of the session's oldest message past "
            "the verbatim window not folded yet (0 when none)",
            buckets=LAG_SECOND_BUCKETS,
            registry=registry,
        )


class MetricsMiddleware(Middleware):
    def __init__(self, metrics: WorkerMetrics) -> None:
        self.metrics = metrics
        self._local = threading.local()

    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        _OUTCOMES.set(())
        _MEMORY.set(None)
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
        memory = _MEMORY.get()
        _MEMORY.set(None)
        if memory is not None:
            job, lag_messages, lag_seconds = memory
            self.metrics.memory_jobs.labels(job).inc()
            if job != "busy":
                self.metrics.lag_messages.observe(lag_messages)
                self.metrics.lag_seconds.observe(lag_seconds)

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        self._local.started = None
        self.metrics.messages.labels(message.actor_name, "skipped").inc()

    def after_nack(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        # A nack is a dead letter: RabbitMQ routes it to <queue>.XQ, the stub
        # broker to its dead_letters list.
        self.metrics.dead_lettered.labels(message.actor_name, message.queue_name).inc()
