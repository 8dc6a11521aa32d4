"""The LLM usage collector: the engines' Claude traffic as Prometheus counters."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

from domain.memory.chain import EngineChain


class LLMUsageCollector(Collector):
    """Reads the engines' usage counters at scrape time, one series per engine
    (``claude:<model>``); without Claude one series of zeros for the offline engine."""

    def __init__(self, engines: EngineChain) -> None:
        self._engines = engines

    def _usage(self) -> dict[str, dict[str, int]]:
        per_engine: dict[str, dict[str, int]] = {}
        for engine in (self._engines.primary, self._engines.fallback):
            usage = getattr(engine, "usage", None)
            snapshot = getattr(usage, "snapshot", None)
            if engine is not None and callable(snapshot):
                totals = per_engine.setdefault(engine.name, {})
                for key, value in snapshot().items():
                    totals[key] = totals.get(key, 0) + int(value)
        return per_engine or {self._engines.fallback.name: {}}

    def collect(self) -> Iterable[Metric]:
        per_engine = self._usage()
        calls = CounterMetricFamily(
            "memq_llm_calls",
            "Successful LLM (Claude) calls per engine; SDK retries not counted",
            labels=["engine"],
        )
        tokens = CounterMetricFamily(
            "memq_llm_tokens", "LLM tokens per engine and kind", labels=["engine", "kind"]
        )
        errors = CounterMetricFamily(
            "memq_llm_errors",
            "LLM calls that failed after the SDK's retries (transient: the offline engine "
            "took over; permanent: bad request or unusable answer)",
            labels=["engine", "kind"],
        )
        for engine, usage in sorted(per_engine.items()):
            calls.add_metric([engine], usage.get("calls", 0))
            for kind, key in (
                ("input", "input_tokens"),
                ("output", "output_tokens"),
                ("cache_read", "cache_read_input_tokens"),
                ("cache_creation", "cache_creation_input_tokens"),
            ):
                tokens.add_metric([engine, kind], usage.get(key, 0))
            errors.add_metric([engine, "transient"], usage.get("transient_errors", 0))
            errors.add_metric([engine, "permanent"], usage.get("permanent_errors", 0))
        fallbacks = CounterMetricFamily(
            "memq_llm_budget_fallbacks",
            "Memory folds the offline engine did in Claude's place because the account's "
            "daily token budget was reached (MEMQ_ACCOUNT_OVERRIDES llm_daily_tokens)",
        )
        fallbacks.add_metric([], self._engines.budget_fallbacks.value)
        yield calls
        yield tokens
        yield errors
        yield fallbacks
