"""``store.lifecycle.account_analytics`` against every adapter: per-day sums over the
account's flushed sessions, the window, the latest low-confidence queries, tenancy.

The domain on top (days filled, percentiles) is tested through the same stores.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.analytics.account import account_analytics, percentile
from domain.analytics.service import AnalyticsService
from domain.ports.store import Store
from runtime.settings import Settings
from schemas.analytics_model import LATENCY_BUCKETS
from schemas.errors import InvalidInput
from schemas.messages import MessageEvent, Role

A, B = "acct-a", "acct-b"
NOW = datetime.now(UTC).replace(microsecond=0)
MIDNIGHT = NOW.replace(hour=0, minute=0, second=0)
#: Three days ago and yesterday, at 10:00 UTC; and a day outside a 30-day window.
DAY1 = MIDNIGHT - timedelta(days=3) + timedelta(hours=10)
DAY2 = MIDNIGHT - timedelta(days=1) + timedelta(hours=10)
OLD = MIDNIGHT - timedelta(days=40) + timedelta(hours=10)
SINCE = MIDNIGHT - timedelta(days=29)
SEQ = iter(range(1, 10_000))


def say(
    store: Store,
    session: str,
    role: Role,
    at: datetime,
    *,
    account: str = A,
    confidence: float | None = None,
    latency_ms: float | None = None,
) -> None:
    metadata: dict[str, Any] = {}
    if confidence is not None:
        metadata["confidence"] = confidence
    if latency_ms is not None:
        metadata["latency_ms"] = latency_ms
    n = next(SEQ)
    event = MessageEvent(
        account_id=account,
        session_id=session,
        message_id=f"{session}-m{n}",
        role=role,
        content=f"{role} {session} question {n}",
        seq=int(at.timestamp() * 1_000_000) + n,
        accepted_at=at + timedelta(seconds=n),
        user_id="u1",
        channel="web",
        metadata=metadata or None,
    )
    store.sessions.append_message(event, f"d-{account}-{event.message_id}")


def flush(store: Store, account: str, *sessions: str) -> None:
    flusher = AnalyticsService(store, Settings())
    for session in sessions:
        flusher.flush(account, session)


@pytest.fixture
def conversations(store: Store) -> Store:
    # s1 spans two days, s2 one; s3 is older than the window; account B shares the ids.
    say(store, "s1", "user", DAY1)
    say(store, "s1", "assistant", DAY1, confidence=0.2, latency_ms=120)
    say(store, "s1", "user", DAY2)
    say(store, "s1", "assistant", DAY2, confidence=0.9, latency_ms=40)
    say(store, "s2", "user", DAY2)
    say(store, "s2", "assistant", DAY2, confidence=0.1, latency_ms=2500)
    say(store, "s3", "user", OLD)
    say(store, "s3", "assistant", OLD, confidence=0.05, latency_ms=100)
    say(store, "s1", "user", DAY2, account=B)
    say(store, "s1", "assistant", DAY2, account=B, confidence=0.0, latency_ms=10)
    flush(store, A, "s1", "s2", "s3")
    flush(store, B, "s1")
    return store


def test_days_sum_messages_sessions_and_response_times_in_the_window(conversations: Store) -> None:
    figures = conversations.lifecycle.account_analytics(A, since=SINCE, low_confidence=10)
    assert [(d.day, d.messages, d.sessions) for d in figures.days] == [
        (DAY1.date().isoformat(), 2, 1),
        (DAY2.date().isoformat(), 4, 2),
    ]
    day1, day2 = figures.days
    assert len(day1.latency) == LATENCY_BUCKETS
    # 120 ms is in the (100, 200] bucket; 40 in the first; 2500 in (2000, 3000].
    assert [i for i, n in enumerate(day1.latency) for _ in range(n)] == [2]
    assert [i for i, n in enumerate(day2.latency) for _ in range(n)] == [0, 9]


def test_low_confidence_queries_are_the_latest_in_the_window_with_their_question(
    conversations: Store,
) -> None:
    figures = conversations.lifecycle.account_analytics(A, since=SINCE, low_confidence=10)
    found = [(q.session_id, q.confidence) for q in figures.low_confidence]
    # 0.9 is not low; s3's is older than the window; B's is another account's.
    assert found == [("s2", 0.1), ("s1", 0.2)]
    assert figures.low_confidence[0].question is not None
    assert figures.low_confidence[0].question.startswith("user s2 question")
    latest = conversations.lifecycle.account_analytics(A, since=SINCE, low_confidence=1)
    assert [q.session_id for q in latest.low_confidence] == ["s2"]
    with pytest.raises(InvalidInput):
        conversations.lifecycle.account_analytics(A, since=SINCE, low_confidence=0)


def test_a_wider_window_takes_older_sessions_in(conversations: Store) -> None:
    wide = conversations.lifecycle.account_analytics(
        A, since=MIDNIGHT - timedelta(days=60), low_confidence=10
    )
    assert wide.days[0].day == OLD.date().isoformat()
    assert [q.session_id for q in wide.low_confidence][-1] == "s3"


def test_nothing_crosses_accounts(conversations: Store) -> None:
    other = conversations.lifecycle.account_analytics(B, since=SINCE, low_confidence=10)
    assert [(d.messages, d.sessions) for d in other.days] == [(2, 1)]
    assert [(q.session_id, q.confidence) for q in other.low_confidence] == [("s1", 0.0)]
    empty = conversations.lifecycle.account_analytics("acct-none", since=SINCE, low_confidence=5)
    assert (empty.days, empty.low_confidence) == ([], [])


def test_unflushed_messages_are_not_counted_until_flushed(conversations: Store) -> None:
    say(conversations, "s2", "user", DAY2)
    before = conversations.lifecycle.account_analytics(A, since=SINCE, low_confidence=10)
    assert before.days[-1].messages == 4
    flush(conversations, A, "s2")
    after = conversations.lifecycle.account_analytics(A, since=SINCE, low_confidence=10)
    assert after.days[-1].messages == 5


def test_the_account_view_fills_every_day_and_reads_percentiles(conversations: Store) -> None:
    view = account_analytics(
        conversations,
        A,
        days=30,
        now=NOW,
        kb_top=5,
        low_confidence=10,
        threshold=0.5,
    )
    assert len(view.per_day) == 30
    assert view.since == SINCE.date().isoformat()
    assert view.per_day[-1].day == NOW.date().isoformat()
    assert sum(d.messages for d in view.per_day) == view.messages == 6
    assert view.response_times.answers == 3
    # 40, 120, 2500 ms: the median is in (100, 200], p90 and p99 in (2000, 3000]
    assert (view.response_times.p50_ms, view.response_times.p90_ms) == (200, 3000)
    assert view.response_times.p99_ms == 3000


def test_percentile_of_an_empty_or_overflowing_histogram() -> None:
    assert percentile([0] * LATENCY_BUCKETS, 0.5) is None
    slow = [0] * LATENCY_BUCKETS
    slow[-1] = 3
    assert percentile(slow, 0.5) is None
    one = [0] * LATENCY_BUCKETS
    one[0] = 1
    assert percentile(one, 0.99) == 50
