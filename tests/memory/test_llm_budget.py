"""What the memory's LLM calls cost, counted and bounded (issue 12, item 3).

The memory service over a real SQLite store, Claude being the real ``anthropic`` client
against the loopback Messages API server: the tokens of each response's ``usage`` are
recorded per session and per account and UTC day; past an account's daily token budget
its memory is written by the offline engine, marked, until the next UTC day (the clock
is injected); another account's spending never counts. The store half runs on MongoDB
too: ``tests/contract/test_llm_usage_contract.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from actors.metrics.llm_usage import LLMUsageCollector
from domain.memory.budget import BUDGET_REASON, DailyTokenBudget
from domain.memory.chain import EngineChain
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from runtime.settings import AccountOverrides, Settings
from schemas.analytics_model import LLMTokens
from schemas.memory_model import EngineFallback
from schemas.messages import MessageEvent
from store.backends.sqlite import SqliteStore
from tests.memory.test_memory_service import (
    ACCOUNT,
    SESSION,
    T0,
    claude_settings,
    publish,
)
from tests.support.fake_anthropic import FakeAnthropic, Reply, text_reply, tool_reply

#: Per fold: a summary (100 in + 20 out) and the facts (150 in + 40 out): 310 tokens.
FOLD_TOKENS = 310
#: Crossed by the second fold of a day.
DAILY_BUDGET = 400
DAY1_NOON = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
DAY2 = datetime(2026, 12, 5, 0, 0, 1, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def claude(body: dict[str, Any]) -> Reply:
    """Answers every call as Claude would: a summary, or the facts tool's call."""
    if body.get("tools"):
        return tool_reply("record_facts", {"facts": []})
    return text_reply("Orders A-1000 onwards, each paid and shipping.")


@pytest.fixture
def answering() -> Iterator[FakeAnthropic]:
    fake = FakeAnthropic.start(claude)
    yield fake
    fake.close()


def with_budget(fake: FakeAnthropic, **budgets: int) -> Settings:
    overrides = {acct: AccountOverrides(llm_daily_tokens=n) for acct, n in budgets.items()}
    return claude_settings(fake).model_copy(update={"account_overrides": overrides})


def service(
    store: SqliteStore, settings: Settings, clock: Clock, engines: EngineChain | None = None
) -> MemoryService:
    budget = DailyTokenBudget(store.lifecycle, settings.llm_daily_tokens_for)
    return MemoryService(
        store.memory, engines or build_engines(settings), settings, budget=budget, clock=clock
    )


def test_tokens_are_recorded_per_session_and_per_account_day(
    store: SqliteStore, answering: FakeAnthropic
) -> None:
    # Given Claude and no budget, two sessions of the account with a fold due each
    settings = claude_settings(answering)
    clock = Clock(DAY1_NOON)
    memory = service(store, settings, clock)
    publish(store, 0, 10)  # 5 past the window: one fold
    publish(store, 100, 20, session="other")  # 15 past it: folds of 10 and 5
    # When their memory jobs run
    memory.update(ACCOUNT, SESSION)
    memory.update(ACCOUNT, "other")
    # Then each session has what its calls' usage said, and the account the sum, today
    one_fold = LLMTokens(input_tokens=250, output_tokens=60, calls=2)
    assert store.lifecycle.session_llm_usage(ACCOUNT, SESSION) == one_fold
    assert store.lifecycle.session_llm_usage(ACCOUNT, "other") == one_fold + one_fold
    today = store.lifecycle.account_llm_usage(ACCOUNT, DAY1_NOON.date())
    assert today == LLMTokens(input_tokens=750, output_tokens=180, calls=6)
    assert store.lifecycle.account_llm_usage(ACCOUNT, date(2026, 12, 5)) == LLMTokens()
    assert len(answering.requests) == 6


def test_past_the_daily_budget_the_offline_engine_writes_marked_until_the_next_utc_day(
    store: SqliteStore, answering: FakeAnthropic
) -> None:
    # Given a daily budget that two folds' tokens cross, and three folds due
    settings = with_budget(answering, **{ACCOUNT: DAILY_BUDGET})
    clock = Clock(DAY1_NOON)
    engines = build_engines(settings)
    registry = CollectorRegistry()
    registry.register(LLMUsageCollector(engines))
    memory = service(store, settings, clock, engines)
    publish(store, 0, 30)  # 25 past the window: folds of 10, 10 and 5
    # When the memory job runs
    outcome = memory.update(ACCOUNT, SESSION)
    # Then Claude did the first two folds: the third, past the budget, was offline
    assert (outcome.folds, outcome.budget_fallbacks) == (3, 1)
    assert len(answering.requests) == 4
    state = store.memory.load_memory(ACCOUNT, SESSION)
    assert state.recent is not None
    assert (state.recent.engine, state.recent.engine_reason) == ("offline", BUDGET_REASON)
    # And the state says so until the next UTC midnight, as GET .../memory shows it
    until = datetime(2026, 12, 5, tzinfo=UTC)
    assert state.engine_fallback == EngineFallback(reason=BUDGET_REASON, until=until)
    assert memory.fallback_in_force(state) == state.engine_fallback
    assert registry.get_sample_value("memq_llm_budget_fallbacks_total") == 1
    # And facts the offline engine set meanwhile are marked, Claude's (none here) not
    assert state.facts and all(f.engine_reason == BUDGET_REASON for f in state.facts)
    # And the spending stops at what Claude spent
    assert store.lifecycle.account_llm_usage(ACCOUNT, DAY1_NOON.date()).total == 2 * FOLD_TOKENS

    # When more messages come the same day
    publish(store, 30, 5)
    memory.update(ACCOUNT, SESSION)
    # Then the job knows the budget is spent before any call
    assert len(answering.requests) == 4
    assert registry.get_sample_value("memq_llm_budget_fallbacks_total") == 2

    # When the next UTC day comes, and with it the next job
    clock.now = DAY2
    assert memory.fallback_in_force(store.memory.load_memory(ACCOUNT, SESSION)) is None
    publish(store, 35, 5)
    memory.update(ACCOUNT, SESSION)
    # Then Claude folds again, redoes what the offline engine wrote, and the mark is gone
    state = store.memory.load_memory(ACCOUNT, SESSION)
    assert state.engine_fallback is None
    assert {t.engine for t in state.tiers()} == {"claude:" + settings.llm_model}
    assert all(t.engine_reason is None for t in state.tiers())
    assert store.lifecycle.account_llm_usage(ACCOUNT, DAY2.date()).calls >= 3
    assert registry.get_sample_value("memq_llm_budget_fallbacks_total") == 2


def test_one_accounts_spending_never_counts_against_anothers_budget(
    store: SqliteStore, answering: FakeAnthropic
) -> None:
    # Given two accounts with the same budget, and account A's spent
    settings = with_budget(answering, **{ACCOUNT: FOLD_TOKENS, "acct-b": FOLD_TOKENS})
    memory = service(store, settings, Clock(DAY1_NOON))
    publish(store, 0, 10)
    memory.update(ACCOUNT, SESSION)
    assert store.lifecycle.account_llm_usage(ACCOUNT).total == FOLD_TOKENS
    # When account B's session of the same id has a fold due
    publish_for(store, "acct-b", 10)
    outcome = memory.update("acct-b", SESSION)
    # Then B's fold had Claude, and B's figures are B's own
    assert outcome.budget_fallbacks == 0
    state_b = store.memory.load_memory("acct-b", SESSION)
    assert state_b.engine_fallback is None
    assert state_b.recent is not None and state_b.recent.engine.startswith("claude:")
    assert store.lifecycle.account_llm_usage("acct-b").total == FOLD_TOKENS
    assert store.lifecycle.session_llm_usage("acct-b", SESSION).total == FOLD_TOKENS
    assert store.lifecycle.account_llm_usage(ACCOUNT).total == FOLD_TOKENS


def test_without_claude_a_budget_changes_nothing(store: SqliteStore) -> None:
    # Given the offline engine only, and a budget of 1 token
    settings = Settings(account_overrides={ACCOUNT: AccountOverrides(llm_daily_tokens=1)})
    memory = service(store, settings, Clock(DAY1_NOON))
    publish(store, 0, 10)
    # When the job folds, Then nothing is spent, nothing is marked
    assert memory.update(ACCOUNT, SESSION).budget_fallbacks == 0
    state = store.memory.load_memory(ACCOUNT, SESSION)
    assert state.engine_fallback is None and state.recent is not None
    assert state.recent.engine_reason is None
    assert store.lifecycle.account_llm_usage(ACCOUNT) == LLMTokens()


def publish_for(store: SqliteStore, account: str, count: int) -> None:
    """``publish``'s conversation, in another account (ids are per account)."""

    for i in range(count):
        event = MessageEvent(
            account_id=account,
            session_id=SESSION,
            message_id=f"m{i:04d}",
            role="user" if i % 2 == 0 else "assistant",
            content=f"My order number is B-{2000 + i} and I paid ${i}.50.",
            seq=1_000_000 + i,
            accepted_at=T0 + timedelta(seconds=i),
        )
        store.sessions.append_message(event, delivery_id=f"{account}-d{i}")
