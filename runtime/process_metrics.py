"""A Prometheus registry with the standard process metrics, for every memq process.

memq keeps a registry per process (not prometheus_client's global one), so the
``process_*`` (CPU seconds, resident memory, open file descriptors, start
time), ``python_info`` and ``python_gc_*`` collectors, which register on the
global registry by default, are added here: dashboards and alerts can rely on
them for the gateway, every worker process and ``memq serve`` alike.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, GCCollector, PlatformCollector, ProcessCollector


def process_registry() -> CollectorRegistry:
    registry = CollectorRegistry()
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)
    return registry
