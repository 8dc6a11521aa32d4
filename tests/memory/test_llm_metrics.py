"""LLM calls, tokens and errors per engine as Prometheus counters, from real Claude traffic
(the real ``anthropic`` client against the loopback Messages API server)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry

from actors.metrics.llm_usage import LLMUsageCollector
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from runtime.settings import Settings
from store.backends.sqlite import SqliteStore
from tests.memory.test_memory_service import ACCOUNT, SESSION, claude_settings, publish
from tests.support.fake_anthropic import FakeAnthropic, overloaded_reply, text_reply, tool_reply


def test_claude_traffic_is_counted_per_engine(
    store: SqliteStore, fake_anthropic: FakeAnthropic
) -> None:
    # Given the Claude engine, and two folds due
    settings = claude_settings(fake_anthropic)
    engines = build_engines(settings)
    registry = CollectorRegistry()
    registry.register(LLMUsageCollector(engines))
    publish(store, 0, 20)  # 15 past the window: folds of 10 and 5
    # and Claude answering the first fold (summary 100+20 tokens, facts 150+40), then
    # overloaded for the second fold's summary and facts (the offline engine steps in),
    # then still overloaded for the redo of the offline tier
    fake_anthropic.enqueue(text_reply("Orders A-1000 to A-1004."))
    fake_anthropic.enqueue(tool_reply("record_facts", {"facts": []}))
    fake_anthropic.enqueue(overloaded_reply(), times=3)
    # When the memory job runs
    MemoryService(store.memory, engines, settings).update(ACCOUNT, SESSION)
    # Then the calls, tokens and errors are counted under the engine's name
    engine = f"claude:{settings.llm_model}"
    sample = registry.get_sample_value
    assert sample("memq_llm_calls_total", {"engine": engine}) == 2
    assert sample("memq_llm_tokens_total", {"engine": engine, "kind": "input"}) == 250
    assert sample("memq_llm_tokens_total", {"engine": engine, "kind": "output"}) == 60
    assert sample("memq_llm_errors_total", {"engine": engine, "kind": "transient"}) == 3
    assert sample("memq_llm_errors_total", {"engine": engine, "kind": "permanent"}) == 0


def test_without_claude_the_series_exist_at_zero() -> None:
    registry = CollectorRegistry()
    registry.register(LLMUsageCollector(build_engines(Settings())))
    assert registry.get_sample_value("memq_llm_calls_total", {"engine": "offline"}) == 0
    tokens = {"engine": "offline", "kind": "input"}
    assert registry.get_sample_value("memq_llm_tokens_total", tokens) == 0
