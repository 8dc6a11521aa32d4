"""How stale a context is: messages not folded yet past the verbatim window, and the age
of the oldest of them, in the context's ``freshness`` and the memory service's lag.

Over a real SQLite store and the memory service with the offline engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from domain.context.service import build_context
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from runtime.settings import Settings
from schemas.messages import MessageEvent
from store.backends.sqlite import SqliteStore

ACCOUNT, OTHER, SESSION = "acct", "other", "sess"
#: Messages accepted about an hour before the tests run, one a second.
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
SETTINGS = Settings()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore(tmp_path / "memq.sqlite3")
    yield opened
    opened.close()


def publish(store: SqliteStore, first: int, last: int, account: str = ACCOUNT) -> None:
    for n in range(first, last + 1):
        event = MessageEvent(
            account_id=account,
            session_id=SESSION,
            message_id=f"{account}-m{n}",
            role="user" if n % 2 else "assistant",
            content=f"Message {n}: my order is A-{1000 + n}.",
            seq=1_000_000 + n,
            accepted_at=T0 + timedelta(seconds=n),
        )
        store.sessions.append_message(event, f"d-{account}-{n}")


def moment(value: object) -> datetime:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def freshness(store: SqliteStore, budget: int | None = None) -> dict[str, object]:
    reply = build_context(store.memory, SETTINGS, ACCOUNT, SESSION, budget=budget, fmt="json")
    assert reply.context is not None and reply.context["freshness"] == reply.freshness
    return reply.freshness


def test_a_backlog_says_how_many_messages_wait_and_since_when(store: SqliteStore) -> None:
    # Given 40 messages and no memory job run yet (another account's older backlog too)
    publish(store, 1, 3, account=OTHER)
    publish(store, 1, 40)
    # When the context is read, with the default budget and with a small one that
    # reads fewer messages than wait
    for budget in (None, 64):
        fresh = freshness(store, budget)
        # Then 35 messages wait past the 5-message window, the oldest accepted at T0+1s,
        # about an hour ago
        assert fresh["pending_unfolded"] == 35
        assert moment(fresh["pending_since"]) == T0 + timedelta(seconds=1)
        age = fresh["pending_age_seconds"]
        expected = (datetime.now(UTC) - (T0 + timedelta(seconds=1))).total_seconds()
        assert isinstance(age, float) and expected - 5 < age <= expected + 0.01


def test_the_memory_service_measures_the_same_lag_and_none_once_folded(
    store: SqliteStore,
) -> None:
    service = MemoryService(store.memory, build_engines(SETTINGS), SETTINGS)
    publish(store, 1, 40)
    now = datetime.now(UTC)
    lag = service.lag(ACCOUNT, SESSION, now)
    assert (lag.messages, lag.oldest_at) == (35, T0 + timedelta(seconds=1))
    assert lag.seconds == round((now - lag.oldest_at).total_seconds(), 3)
    # When the memory job has run: everything past the window is folded
    outcome = service.update(ACCOUNT, SESSION)
    assert outcome.lag is not None and outcome.lag.messages == 35
    # Then nothing waits, in the service's lag and in the context
    assert service.lag(ACCOUNT, SESSION, datetime.now(UTC)).messages == 0
    fresh = freshness(store)
    assert (fresh["pending_unfolded"], fresh["pending_since"]) == (0, None)
    assert fresh["pending_age_seconds"] == 0.0
    # And three more messages (a fold not due yet) wait, since the 36th
    publish(store, 41, 43)
    fresh = freshness(store)
    assert fresh["pending_unfolded"] == 3
    assert moment(fresh["pending_since"]) == T0 + timedelta(seconds=36)
