"""The maintenance actors on Dramatiq's in-process broker over a SQLite store.

Ticks fan out one job per session in bounded pages; expiry finalizes (final
summary, analytics flush); a flush tick finalizes a session whose finalize job
was lost; retention purges ended sessions and old tombstones; a second tick
changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dramatiq
import pytest

from actors.broker import build_broker
from actors.deps import Deps
from actors.registry import register_actors
from memq.stores import open_store
from runtime.inproc import InProcessReplies
from runtime.settings import AccountOverrides, Settings
from schemas.messages import MessageEvent, Role
from schemas.routing import ActorName, new_message

NOW = datetime.now(UTC).replace(microsecond=0)
A, SLOW = "acct-a", "acct-slow"


@dataclass
class Workers:
    deps: Deps
    broker: dramatiq.Broker

    def send(self, actor: ActorName, **kwargs: Any) -> None:
        self.broker.enqueue(new_message(self.deps.settings.queue_prefix, actor, kwargs))

    def tick(self, kind: str, at: datetime = NOW) -> None:
        self.send(ActorName.MAINTENANCE_TICK, kind=kind, at=at.isoformat())
        self.settle()

    def settle(self) -> None:
        """Until no queue holds or processes anything: jobs enqueue jobs on other queues."""
        for _ in range(20):
            queues = sorted(self.broker.get_declared_queues())
            for queue in queues:
                self.broker.join(queue, fail_fast=True)  # type: ignore[call-arg]
            if not any(self.broker.queues[q].unfinished_tasks for q in queues):  # type: ignore[attr-defined]
                return
        raise AssertionError("queues did not settle")


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    settings = Settings(
        data_dir=tmp_path,
        maintenance_batch=2,  # pages of two: the continuation ticks are exercised
        account_overrides={SLOW: AccountOverrides(session_idle_timeout=3 * 86_400)},
    )
    broker = build_broker(settings, InProcessReplies())
    store = open_store(settings)
    deps = Deps(settings=settings, store=store, broker=broker)
    register_actors(broker, deps)
    worker = dramatiq.Worker(broker, worker_threads=2, worker_timeout=50)
    worker.start()
    try:
        yield Workers(deps, broker)
    finally:
        worker.stop()
        broker.close()
        store.close()


def message(
    n: int,
    session: str,
    *,
    account: str = A,
    role: Role = "user",
    at: datetime,
    metadata: dict[str, Any] | None = None,
) -> MessageEvent:
    return MessageEvent(
        account_id=account,
        session_id=session,
        message_id=f"{session}-{n}",
        role=role,
        content=f"{role} says {n}",
        seq=int(at.timestamp() * 1_000_000) + n,
        accepted_at=at + timedelta(seconds=n),
        user_id="u1",
        metadata=metadata,
    )


def converse(workers: Workers, session: str, at: datetime, account: str = A) -> None:
    for n in range(1, 8):
        role: Role = "user" if n % 2 else "assistant"
        meta = {"confidence": 0.4, "sources": ["kb-1"]} if role == "assistant" else None
        workers.deps.store.sessions.append_message(
            message(n, session, account=account, role=role, at=at, metadata=meta), f"d-{n}"
        )


def test_an_expiry_tick_ends_idle_sessions_and_finalizes_them(workers: Workers) -> None:
    # Given five sessions idle for 2 hours, one of an account with a 3-day timeout,
    # and one active a minute ago
    store = workers.deps.store
    for session in ("s1", "s2", "s3", "s4", "s5"):
        converse(workers, session, NOW - timedelta(hours=2))
    converse(workers, "patient", NOW - timedelta(hours=2), account=SLOW)
    converse(workers, "chatting", NOW - timedelta(minutes=1))
    # When an expiry tick runs (pages of two)
    workers.tick("expire")
    # Then every idle session is ended as idle, finalized: summary folded to the
    # verbatim window, analytics flushed
    for session in ("s1", "s2", "s3", "s4", "s5"):
        ended = store.sessions.get_session(A, session)
        assert (ended.status, ended.ended_reason) == ("ended", "idle"), session
        assert store.lifecycle.session_analytics(A, session).messages == 7
        assert store.lifecycle.session_analytics(A, session).low_confidence_count == 3
        assert store.memory.load_memory(A, session).folded_count == 2  # 7 - the 5 verbatim
    # And the others are left alone
    assert store.sessions.get_session(SLOW, "patient").status == "active"
    assert store.sessions.get_session(A, "chatting").status == "active"
    # And a second tick (a second scheduler) changes nothing
    before = [store.lifecycle.session_analytics(A, s) for s in ("s1", "s5")]
    workers.tick("expire")
    assert [store.lifecycle.session_analytics(A, s) for s in ("s1", "s5")] == before
    assert store.lifecycle.user_activity(A, "u1").sessions == 5


def test_a_flush_tick_flushes_long_active_sessions(workers: Workers) -> None:
    store = workers.deps.store
    converse(workers, "long", NOW - timedelta(seconds=30))
    converse(workers, "quiet", NOW - timedelta(hours=1))
    workers.tick("flush")
    assert store.lifecycle.session_analytics(A, "long").messages == 7
    assert store.sessions.get_session(A, "long").status == "active"
    assert store.lifecycle.session_analytics(A, "quiet").messages == 0  # not recently active


def test_ending_a_session_finalizes_it_off_the_request_path(workers: Workers) -> None:
    store = workers.deps.store
    converse(workers, "s1", NOW - timedelta(minutes=5))
    workers.send(ActorName.END_SESSION, account_id=A, session_id="s1", reason="resolved")
    workers.settle()
    assert store.sessions.get_session(A, "s1").ended_reason == "resolved"
    assert (
        store.lifecycle.session_analytics(A, "s1").ended_at
        == store.sessions.get_session(A, "s1").ended_at
    )
    assert store.memory.load_memory(A, "s1").folded_count == 2


def test_a_flush_tick_finalizes_a_session_whose_finalize_job_was_lost(workers: Workers) -> None:
    # Given a session ended 30 s ago through the store alone: the end's finalize job
    # was never enqueued (the worker died after the commit); and one ended yesterday
    store = workers.deps.store
    converse(workers, "lost", NOW - timedelta(minutes=5))
    store.sessions.end_session(A, "lost", "resolved", NOW - timedelta(seconds=30))
    converse(workers, "old", NOW - timedelta(days=1))
    store.sessions.end_session(A, "old", "resolved", NOW - timedelta(days=1))
    assert store.memory.load_memory(A, "lost").folded_count == 0
    # When the next flush tick runs
    workers.tick("flush")
    # Then the session gets its final fold and its final flush, end included
    assert store.memory.load_memory(A, "lost").folded_count == 2  # 7 - the 5 verbatim
    analytics = store.lifecycle.session_analytics(A, "lost")
    assert analytics.messages == 7
    assert analytics.ended_at == store.sessions.get_session(A, "lost").ended_at
    # And a session that ended before the flush window is not looked at again
    assert store.lifecycle.session_analytics(A, "old").messages == 0
    # And a second tick (the next one, still within the window) changes nothing
    memory = store.memory.load_memory(A, "lost")
    workers.tick("flush")
    assert store.lifecycle.session_analytics(A, "lost") == analytics
    assert store.memory.load_memory(A, "lost").folded_count == memory.folded_count


def test_a_flush_continuation_does_not_fold_again(workers: Workers) -> None:
    # Given an ended session whose finalize job was lost
    store = workers.deps.store
    converse(workers, "lost", NOW - timedelta(minutes=5))
    store.sessions.end_session(A, "lost", "resolved", NOW - timedelta(seconds=30))
    # When a flush job that no tick sent runs for it (a continuation of a long flush)
    workers.send(ActorName.FLUSH_ANALYTICS, account_id=A, session_id="lost")
    workers.settle()
    # Then it flushes, and leaves the final fold to the tick: one per tick, not per page
    assert store.lifecycle.session_analytics(A, "lost").messages == 7
    assert store.memory.load_memory(A, "lost").folded_count == 0


def test_a_retention_tick_purges_sessions_ended_long_ago(workers: Workers) -> None:
    store = workers.deps.store
    for session in ("old1", "old2", "old3"):
        converse(workers, session, NOW - timedelta(days=40))
        store.sessions.end_session(A, session, "idle", NOW - timedelta(days=29))
    converse(workers, "recent", NOW - timedelta(days=2))
    store.sessions.end_session(A, "recent", "idle", NOW - timedelta(days=1))
    # When a retention tick runs two days later than now
    workers.tick("retention", at=NOW + timedelta(days=2))
    # Then the sessions ended more than 30 days before it are gone; the recent one stays
    assert [s.session_id for s in store.sessions.list_sessions(A)[0]] == ["recent"]
    assert (
        store.lifecycle.ended_sessions(ended_before=NOW, limit=10).sessions[0].session_id
        == "recent"
    )


def test_a_retention_tick_removes_tombstones_deleted_long_ago(workers: Workers) -> None:
    # Given an ended session and three deleted ones (pages of two: the tick's two
    # scans share pages), all deleted or ended today
    store = workers.deps.store
    converse(workers, "ended", NOW - timedelta(hours=1))
    store.sessions.end_session(A, "ended", "resolved", NOW - timedelta(minutes=30))
    for session in ("gone1", "gone2", "gone3"):
        converse(workers, session, NOW - timedelta(hours=1))
        store.sessions.delete_session(A, session)
    # When a retention tick runs two days later, Then the tombstones stay
    workers.tick("retention", at=NOW + timedelta(days=2))
    assert store.sessions.append_message(message(9, "gone1", at=NOW), "d-9").dropped_deleted
    # When one runs 31 days later
    workers.tick("retention", at=NOW + timedelta(days=31))
    # Then the ended session is purged and the tombstones are gone: each id is free
    assert store.sessions.list_sessions(A)[0] == []
    later = NOW + timedelta(days=31, seconds=1)
    assert store.lifecycle.deleted_sessions(deleted_before=later, limit=10).sessions == []
    for session in ("gone1", "gone2", "gone3"):
        assert store.sessions.append_message(message(9, session, at=NOW), "d-9").message_count == 1
