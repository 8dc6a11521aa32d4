"""``memq worker``'s ``/metrics`` HTTP server: process i on MEMQ_WORKER_METRICS_PORT + i."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import dramatiq
from prometheus_client import CollectorRegistry, start_http_server

from actors.metrics.install import install_worker_metrics
from actors.metrics.probes.amqp import amqp_probe
from domain.memory.chain import EngineChain
from runtime.process_metrics import process_registry
from runtime.settings import Settings
from schemas.routing import QueueKind

logger = logging.getLogger("memq.metrics")


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
    broker: dramatiq.Broker,
    engines: EngineChain,
    settings: Settings,
    queues: Sequence[QueueKind],
    index: int = 0,
) -> Any:
    """``memq worker`` process ``index`` of the pool consuming ``queues``: metrics on
    MEMQ_WORKER_METRICS_PORT + index; process 0 reports the depths of ``queues`` only.

    Returns the HTTP server (``shutdown()`` it on exit), or None when off or the
    port is taken.
    """
    if settings.worker_metrics_port == 0:
        return None
    registry = process_registry()
    probe = None
    if index == 0 and settings.amqp_url is not None:
        probe = amqp_probe(str(settings.amqp_url))
    install_worker_metrics(
        broker,
        registry,
        engines=engines,
        queue_prefix=settings.queue_prefix,
        queue_probe=probe,
        queue_kinds=queues,
    )
    return serve_metrics(
        registry, settings.worker_metrics_host, settings.worker_metrics_port + index
    )
