"""The LLM usage collector: the engines' Claude traffic as Prometheus counters."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

from domain.memory.chain import EngineChain


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
