"""The metrics of one process's workers: the middleware and the collectors, installed."""

from __future__ import annotations

from collections.abc import Iterable

import dramatiq
from prometheus_client import CollectorRegistry

from actors.metrics.llm_usage import LLMUsageCollector
from actors.metrics.middleware import MetricsMiddleware, WorkerMetrics
from actors.metrics.queue_depth import QueueDepthCollector, QueueProbe, memq_queue_names
from domain.memory.chain import EngineChain
from schemas.routing import QueueKind


def install_worker_metrics(
    broker: dramatiq.Broker,
    registry: CollectorRegistry,
    *,
    engines: EngineChain,
    queue_prefix: str,
    queue_probe: QueueProbe | None,
    queue_kinds: Iterable[QueueKind] = tuple(QueueKind),
) -> WorkerMetrics:
    """Add the middleware and collectors; ``queue_probe`` None = no queue depths here,
    else those of ``queue_kinds`` (the pool's own queues)."""
    metrics = WorkerMetrics(registry)
    broker.add_middleware(MetricsMiddleware(metrics))
    registry.register(LLMUsageCollector(engines))
    if queue_probe is not None:
        names = memq_queue_names(queue_prefix, queue_kinds)
        registry.register(QueueDepthCollector(names, queue_probe))
    return metrics
