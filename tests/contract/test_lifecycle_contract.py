"""The ``LifecycleStore`` part of the store port, run against every adapter.

See ``store/lifecycle.py``.

Analytics buffer and flush (compare-and-set, replay, crash between write and
mark), account-wide analytics reads, idle expiry, resume, the flush window's
ended sessions, retention (ended sessions, tombstones) and its read filter.
Times are relative to the real clock because retention is.
Mongo writes stay at a few dozen per test: the emulator is slow.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient, monitoring
from pymongo.errors import AutoReconnect

from domain.analytics.service import AnalyticsService
from domain.ports.lifecycle import AnalyticsBatch
from domain.ports.sessions import AppendResult
from domain.ports.store import Store
from runtime.settings import Settings
from schemas.analytics_model import SessionAnalytics
from schemas.errors import InvalidInput, NotFound, StoreUnavailable
from schemas.messages import MessageEvent, Role
from schemas.sessions import SessionCreate, SessionPatch
from store.backends._common import to_micros
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore

A, B = "acct-a", "acct-b"
#: Whole seconds: MongoDB keeps milliseconds.
NOW = datetime.now(UTC).replace(microsecond=0)
T0 = NOW - timedelta(hours=2)
SEQ0 = int(T0.timestamp() * 1_000_000)
RETENTION = timedelta(days=30)
OWNER = "worker-1"


def event(
    n: int,
    *,
    account: str = A,
    session: str = "s1",
    role: Role = "user",
    user_id: str | None = "u1",
    metadata: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> MessageEvent:
    """The n-th message of a conversation: seq and accepted_at grow with n."""
    return MessageEvent(
        account_id=account,
        session_id=session,
        message_id=f"{session}-m{n}",
        role=role,
        content=f"{role} message number {n}",
        seq=SEQ0 + n,
        accepted_at=at or T0 + timedelta(seconds=n),
        user_id=user_id,
        channel="web",
        metadata=metadata,
    )


def answer(n: int, confidence: float, *sources: str, **kw: Any) -> MessageEvent:
    return event(
        n, role="assistant", metadata={"confidence": confidence, "sources": list(sources)}, **kw
    )


def append(store: Store, ev: MessageEvent, delivery_id: str | None = None) -> AppendResult:
    return store.sessions.append_message(ev, delivery_id or f"d-{ev.account_id}-{ev.message_id}")


def counted(batch: AnalyticsBatch, *, now: datetime = NOW) -> SessionAnalytics:
    """The simplest fold a flush could save: messages counted, user copied."""
    return batch.analytics.model_copy(
        update={
            "messages": batch.analytics.messages + len(batch.messages),
            "user_id": batch.session.user_id,
            "flushed_at": now,
        }
    )


def flush_once(store: Store, account: str = A, session: str = "s1", limit: int = 100) -> int:
    """One batch read, folded and saved; how many messages it covered."""
    batch = store.lifecycle.analytics_batch(account, session, limit=limit)
    assert store.lifecycle.save_analytics(account, batch, counted(batch))
    return len(batch.messages)


def service(store: Store, **settings: Any) -> AnalyticsService:
    return AnalyticsService(store, Settings(**settings))


def keys(page: Any) -> list[tuple[str, str]]:
    return [(k.account_id, k.session_id) for k in page.sessions]


def raw_count(store: Store, table: str, account: str, session: str) -> int:
    """Rows physically left in the database, read behind the port on purpose."""
    if isinstance(store, MongoStore):
        collection = {"messages": store.db.messages, "analytics": store.db.analytics}[table]
        return collection.count_documents({"account_id": account, "session_id": session})
    assert isinstance(store, SqliteStore)
    with sqlite3.connect(store.db.path) as conn:
        row = conn.execute(
            f"SELECT count(*) FROM {table} WHERE account_id = ? AND session_id = ?",
            (account, session),
        ).fetchone()
    conn.close()
    return int(row[0])


def without_retention(store: Store) -> Store:
    """The same database seen by a store without retention: what was written before
    the session passed retention (its final flush) is written through this."""
    if isinstance(store, MongoStore):
        return MongoStore(store.db.client, store.db.sessions.database.name)
    assert isinstance(store, SqliteStore)
    return SqliteStore(store.db.path)


#: Long before the retention cutoff: messages of sessions that ended 31+ days ago.
LONG_AGO = NOW - timedelta(days=32)


@pytest.fixture(params=["sqlite", "mongo"])
def retained(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store with a 30-day retention, like ``open_store`` builds it."""
    if request.param == "sqlite":
        store: Store = SqliteStore(tmp_path / "retained.sqlite3", retention=RETENTION)
        yield store
        store.close()
        return
    client: MongoClient[Any] = request.getfixturevalue("mongo_client")
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    mongo = MongoStore(client, database, retention=RETENTION)
    mongo.ensure_indexes()
    try:
        yield mongo
    finally:
        client.drop_database(database)


# -- the analytics buffer ------------------------------------------------------------


def test_a_never_flushed_session_buffers_every_message(store: Store) -> None:
    # Given a conversation nobody flushed
    for n in (1, 2, 3):
        append(store, event(n))
    # When its analytics are read
    batch = store.lifecycle.analytics_batch(A, "s1", limit=10)
    # Then they are empty, and every message waits in the buffer, in order
    assert batch.analytics == SessionAnalytics()
    assert store.lifecycle.session_analytics(A, "s1") == SessionAnalytics()
    assert [m.message_id for m in batch.messages] == ["s1-m1", "s1-m2", "s1-m3"]
    assert batch.session.session_id == "s1" and batch.session.user_id == "u1"


def test_a_saved_batch_is_covered_and_the_version_moves_on(store: Store) -> None:
    # Given a session with three messages
    for n in (1, 2, 3):
        append(store, event(n))
    # When a batch of two is read and saved
    batch = store.lifecycle.analytics_batch(A, "s1", limit=2)
    assert [m.message_id for m in batch.messages] == ["s1-m1", "s1-m2"]
    assert store.lifecycle.save_analytics(A, batch, counted(batch))
    # Then the figures are stored with version 1, and only the third message is left
    stored = store.lifecycle.session_analytics(A, "s1")
    assert (stored.version, stored.messages, stored.user_id) == (1, 2, "u1")
    assert stored.flushed_at == NOW
    rest = store.lifecycle.analytics_batch(A, "s1", limit=10)
    assert [m.message_id for m in rest.messages] == ["s1-m3"]
    assert rest.analytics == stored
    # And once that is saved too, nothing is left
    assert store.lifecycle.save_analytics(A, rest, counted(rest))
    assert store.lifecycle.analytics_batch(A, "s1", limit=10).messages == []
    assert store.lifecycle.session_analytics(A, "s1").messages == 3


def test_a_replayed_save_after_a_crash_before_ack_changes_nothing(store: Store) -> None:
    # Given a flush that saved its batch, then died before its job was acked
    for n in (1, 2):
        append(store, event(n))
    batch = store.lifecycle.analytics_batch(A, "s1", limit=10)
    assert store.lifecycle.save_analytics(A, batch, counted(batch))
    # When the redelivered job replays the very same step
    assert not store.lifecycle.save_analytics(A, batch, counted(batch))
    # or starts over from the store
    assert flush_once(store) == 0
    # Then every message is counted exactly once
    assert store.lifecycle.session_analytics(A, "s1").messages == 2
    assert (
        store.lifecycle.session_analytics(A, "s1").version == 2
    )  # the empty step saved, version 1 -> 2


def test_two_flushes_racing_count_each_message_once(store: Store) -> None:
    # Given two flushes of the same session that read the same state
    for n in (1, 2):
        append(store, event(n))
    first = store.lifecycle.analytics_batch(A, "s1", limit=10)
    second = store.lifecycle.analytics_batch(A, "s1", limit=10)
    # When both save
    saved = [store.lifecycle.save_analytics(A, b, counted(b)) for b in (first, second)]
    # Then exactly one wins
    assert saved == [True, False]
    assert store.lifecycle.session_analytics(A, "s1").messages == 2


def test_a_message_stored_late_below_flushed_seqs_is_flushed_next(store: Store) -> None:
    # Given messages 2 and 3 flushed while message 1 was still in the queue
    append(store, event(2))
    append(store, event(3))
    assert flush_once(store) == 2
    # When message 1 (a lower seq) is stored late
    append(store, event(1))
    # Then the next batch takes it, and it is counted once
    batch = store.lifecycle.analytics_batch(A, "s1", limit=10)
    assert [m.message_id for m in batch.messages] == ["s1-m1"]
    assert store.lifecycle.save_analytics(A, batch, counted(batch))
    assert store.lifecycle.session_analytics(A, "s1").messages == 3
    assert store.lifecycle.analytics_batch(A, "s1", limit=10).messages == []


def test_mongo_crash_between_figures_and_marks_never_counts_twice(
    mongo_store: MongoStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a save whose figures are written, then the worker dies before the
    # messages are marked (the only window MongoDB has; SQLite commits both at once)
    for n in (1, 2):
        append(mongo_store, event(n))
    batch = mongo_store.lifecycle.analytics_batch(A, "s1", limit=10)
    marks = mongo_store.db.messages.update_many

    def crash(*args: Any, **kwargs: Any) -> Any:
        raise AutoReconnect("connection lost")

    monkeypatch.setattr(mongo_store.db.messages, "update_many", crash)
    with pytest.raises(StoreUnavailable):
        mongo_store.lifecycle.save_analytics(A, batch, counted(batch))
    monkeypatch.setattr(mongo_store.db.messages, "update_many", marks)
    # When a new message arrives and the flush is redelivered, twice
    append(mongo_store, event(3))
    assert [
        m.message_id for m in mongo_store.lifecycle.analytics_batch(A, "s1", limit=10).messages
    ] == ["s1-m3"]
    assert flush_once(mongo_store) == 1
    assert flush_once(mongo_store) == 0
    # Then each message is counted once, and all are marked
    assert mongo_store.lifecycle.session_analytics(A, "s1").messages == 3
    assert mongo_store.db.messages.count_documents({"analyzed": True}) == 3


def test_mongo_a_message_flushed_before_its_counters_is_counted_once(
    mongo_store: MongoStore,
) -> None:
    # Given an ingest that inserted message 2 and died before counting it
    append(mongo_store, event(1))
    assert mongo_store.sessions._store_message(event(2), "delivery-2")
    # When a flush runs, then the delivery is redelivered, then the flush again
    assert flush_once(mongo_store) == 2
    append(mongo_store, event(2), "delivery-2")
    assert flush_once(mongo_store) == 0
    # Then the message is counted once by the session and once by the analytics
    assert mongo_store.sessions.get_session(A, "s1").message_count == 2
    assert mongo_store.lifecycle.session_analytics(A, "s1").messages == 2


def test_saving_for_a_deleted_session_fails_and_leaves_nothing(store: Store) -> None:
    # Given a batch read just before the session was deleted
    append(store, event(1))
    batch = store.lifecycle.analytics_batch(A, "s1", limit=10)
    store.sessions.delete_session(A, "s1")
    # When the flush saves, Then nothing is stored
    assert not store.lifecycle.save_analytics(A, batch, counted(batch))
    assert raw_count(store, "analytics", A, "s1") == 0
    with pytest.raises(NotFound):
        store.lifecycle.analytics_batch(A, "s1", limit=10)


def test_deleting_a_session_removes_its_analytics(store: Store) -> None:
    append(store, event(1))
    flush_once(store)
    assert raw_count(store, "analytics", A, "s1") == 1
    store.sessions.delete_session(A, "s1")
    assert raw_count(store, "analytics", A, "s1") == 0
    with pytest.raises(NotFound):
        store.lifecycle.session_analytics(A, "s1")


def test_analytics_of_a_missing_or_foreign_session_are_not_found(store: Store) -> None:
    append(store, event(1))
    flush_once(store)
    for account, session in ((B, "s1"), (A, "nope")):
        with pytest.raises(NotFound):
            store.lifecycle.session_analytics(account, session)
        with pytest.raises(NotFound):
            store.lifecycle.analytics_batch(account, session, limit=5)


# -- the flush, end to end over the port: figures checked by hand --------------------


def test_flush_figures_match_a_hand_computed_conversation(store: Store) -> None:
    # Given a conversation whose answers carry metadata
    conversation = [
        event(1),
        answer(2, 0.9, "kb-1", "kb-2"),
        event(3),
        answer(4, 0.3, "kb-1"),
        event(5),
        event(6, role="assistant", metadata={"sources": ["kb-3"], "tokens": 7}),
        event(7),
        answer(8, 0.45),
    ]
    for ev in conversation:
        append(store, ev)
    # When it is flushed in batches of three
    outcome = service(store, analytics_flush_batch=3).flush(A, "s1")
    # Then (by hand): 8 messages, 4 user; 4 answers, 3 scored
    # confidence avg (0.9 + 0.3 + 0.45) / 3 = 0.55, min 0.3; low (< 0.5): m4 and m8,
    # answering the user messages 3 and 7; kb-1 twice, kb-2 and kb-3 once
    assert (outcome.messages, outcome.more) == (8, False)
    figures = store.lifecycle.session_analytics(A, "s1")
    assert (figures.messages, figures.user_messages, figures.queries_answered) == (8, 4, 4)
    assert figures.scored_answers == 3
    assert figures.average_confidence == pytest.approx(0.55)
    assert figures.min_confidence == pytest.approx(0.3)
    assert figures.low_confidence_count == 2
    assert [(q.message_id, q.question_message_id, q.question) for q in figures.low_confidence] == [
        ("s1-m4", "s1-m3", "user message number 3"),
        ("s1-m8", "s1-m7", "user message number 7"),
    ]
    assert [(s.entry_id, s.count) for s in figures.sources] == [
        ("kb-1", 2),
        ("kb-2", 1),
        ("kb-3", 1),
    ]
    assert figures.sources[0].last_used == T0 + timedelta(seconds=4)
    assert figures.tokens == 7
    assert (figures.first_message_at, figures.last_message_at) == (
        T0 + timedelta(seconds=1),
        T0 + timedelta(seconds=8),
    )
    # And flushing again changes nothing
    again = service(store, analytics_flush_batch=3).flush(A, "s1")
    assert again.messages == 0
    assert store.lifecycle.session_analytics(A, "s1") == figures


def test_user_activity_and_kb_usage_sum_the_flushed_sessions(store: Store) -> None:
    # Given u1's two sessions and u2's one, flushed, and one message of u1's left buffered
    for ev in (
        event(1, session="s1"),
        answer(2, 0.8, "kb-1", session="s1"),
        event(3, session="s2"),
        answer(4, 0.4, "kb-1", "kb-2", session="s2"),
        event(5, session="s3", user_id="u2"),
        answer(6, 1.0, "kb-2", session="s3", user_id="u2"),
    ):
        append(store, ev)
    flusher = service(store)
    for session in ("s1", "s2", "s3"):
        flusher.flush(A, session)
    append(store, event(7, session="s1"))
    # And account B with the same user and entry ids
    append(store, answer(1, 0.1, "kb-1", account=B))
    flusher.flush(B, "s1")
    # When the account-wide figures are read
    activity = store.lifecycle.user_activity(A, "u1")
    usage = store.lifecycle.kb_usage(A, top=10)
    # Then they sum what was flushed in this account only
    assert (activity.sessions, activity.messages, activity.user_messages) == (2, 4, 2)
    assert activity.queries_answered == 2
    assert activity.average_confidence == pytest.approx(0.6)
    assert activity.last_active == T0 + timedelta(seconds=4)
    assert [(u.entry_id, u.count, u.sessions) for u in usage] == [
        ("kb-1", 2, 2),
        ("kb-2", 2, 2),
    ]
    assert usage[1].last_used == T0 + timedelta(seconds=6)
    assert store.lifecycle.user_activity(A, "nobody").sessions == 0
    assert store.lifecycle.user_activity(B, "u1").queries_answered == 1
    assert [(u.entry_id, u.count) for u in store.lifecycle.kb_usage(B, top=10)] == [("kb-1", 1)]


def test_kb_usage_is_most_used_first_then_by_id_and_limited(store: Store) -> None:
    append(store, answer(1, 0.9, "b", "a", "c"))
    append(store, answer(2, 0.9, "c"))
    service(store).flush(A, "s1")
    assert [(u.entry_id, u.count) for u in store.lifecycle.kb_usage(A, top=2)] == [
        ("c", 2),
        ("a", 1),
    ]
    with pytest.raises(InvalidInput):
        store.lifecycle.kb_usage(A, top=0)


def test_account_stats_count_sessions_active_ended_and_messages(store: Store) -> None:
    for ev in (event(1), event(2), event(1, session="s2"), event(1, account=B)):
        append(store, ev)
    store.sessions.create_session(A, "empty", SessionCreate(user_id="u1"), NOW)
    store.sessions.end_session(A, "s2", "resolved", NOW)
    stats = store.lifecycle.account_stats(A)
    assert (stats.sessions, stats.active_sessions, stats.ended_sessions) == (3, 2, 1)
    assert stats.messages == 3
    assert store.lifecycle.account_stats("acct-none").sessions == 0


# -- idle expiry -----------------------------------------------------------------------


def test_idle_sessions_are_the_active_ones_idle_before_the_cutoff(store: Store) -> None:
    # Given sessions last active at 1, 2, 3 s (two accounts), one ended, one deleted
    append(store, event(1, session="old"))
    append(store, event(2, session="mid", account=B))
    append(store, event(3, session="new"))
    append(store, event(1, session="ended"))
    store.sessions.end_session(A, "ended", "resolved", NOW)
    append(store, event(1, session="gone"))
    store.sessions.delete_session(A, "gone")
    cutoff = T0 + timedelta(seconds=2, milliseconds=500)
    # When the idle ones are scanned
    page = store.lifecycle.idle_sessions(idle_before=cutoff, limit=10)
    # Then only active, idle, undeleted sessions come back, oldest activity first
    assert keys(page) == [(A, "old"), (B, "mid")] and page.next_cursor is None
    # And the scan can be narrowed to one account, or leave accounts out
    assert keys(store.lifecycle.idle_sessions(idle_before=cutoff, limit=10, account_id=B)) == [
        (B, "mid")
    ]
    assert keys(
        store.lifecycle.idle_sessions(idle_before=cutoff, limit=10, exclude_accounts=[A])
    ) == [(B, "mid")]


def test_scans_page_with_a_cursor(store: Store) -> None:
    for n, session in enumerate(("a", "b", "c", "d", "e"), start=1):
        append(store, event(n, session=session))
    seen: list[str] = []
    cursor = None
    while True:
        page = store.lifecycle.idle_sessions(idle_before=NOW, limit=2, cursor=cursor)
        seen += [k.session_id for k in page.sessions]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ["a", "b", "c", "d", "e"]
    recent = store.lifecycle.recently_active_sessions(since=T0 + timedelta(seconds=4), limit=1)
    assert keys(recent) == [(A, "d")] and recent.next_cursor is not None
    rest = store.lifecycle.recently_active_sessions(
        since=T0 + timedelta(seconds=4), limit=1, cursor=recent.next_cursor
    )
    assert keys(rest) == [(A, "e")] and rest.next_cursor is None
    with pytest.raises(InvalidInput):
        store.lifecycle.idle_sessions(idle_before=NOW, limit=2, cursor="garbage")


def test_expiry_ends_only_a_session_that_is_still_idle(store: Store) -> None:
    # Given a session last active at 1 s, and one that got a message at 5 s
    append(store, event(1, session="quiet"))
    append(store, event(1, session="busy"))
    append(store, event(5, session="busy"))
    idle_before = T0 + timedelta(seconds=3)
    # When both are expired (the scan saw both as idle a moment ago)
    quiet = store.lifecycle.expire_session(
        A, "quiet", idle_before=idle_before, reason="idle", now=NOW
    )
    busy = store.lifecycle.expire_session(
        A, "busy", idle_before=idle_before, reason="idle", now=NOW
    )
    # Then only the quiet one ends, with the reason
    assert (quiet.status, quiet.ended_reason, quiet.ended_at) == ("ended", "idle", NOW)
    assert busy.status == "active"
    # And expiring again keeps the first end; a missing session is NotFound
    later = NOW + timedelta(minutes=1)
    again = store.lifecycle.expire_session(A, "quiet", idle_before=later, reason="other", now=later)
    assert (again.ended_reason, again.ended_at) == ("idle", NOW)
    with pytest.raises(NotFound):
        store.lifecycle.expire_session(B, "quiet", idle_before=later, reason="idle", now=later)


def test_a_message_after_expiry_resumes_the_session(store: Store) -> None:
    # Given a session of u1 ended as idle, and another of u1 more recent
    append(store, event(1, session="older"))
    store.lifecycle.expire_session(A, "older", idle_before=NOW, reason="idle", now=NOW)
    append(store, event(2, session="newer"))
    # When the user comes back to the older one
    append(store, event(3, session="older"))
    # Then it is active again, counts both messages and leads the user's history
    resumed = store.sessions.get_session(A, "older")
    assert (resumed.status, resumed.ended_reason, resumed.message_count) == ("active", None, 2)
    history, _ = store.sessions.list_sessions(A, user_id="u1")
    assert [s.session_id for s in history] == ["older", "newer"]
    assert keys(
        store.lifecycle.recently_active_sessions(since=T0 + timedelta(seconds=3), limit=5)
    ) == [(A, "older")]


def test_recently_ended_sessions_are_those_ended_since_the_window_start(store: Store) -> None:
    # Given sessions ended 3 h, 2 min and 1 min ago (two accounts), one active,
    # and one ended a minute ago then deleted
    for session, account, ago in (
        ("long-ago", A, timedelta(hours=3)),
        ("b-recent", B, timedelta(minutes=2)),
        ("recent", A, timedelta(minutes=1)),
        ("gone", A, timedelta(minutes=1)),
    ):
        append(store, event(1, session=session, account=account))
        store.sessions.end_session(account, session, "resolved", NOW - ago)
    store.sessions.delete_session(A, "gone")
    append(store, event(1, session="open"))
    since = NOW - timedelta(minutes=5)
    # When the flush window's ended sessions are scanned, a page of one at a time
    first = store.lifecycle.recently_ended_sessions(since=since, limit=1)
    rest = store.lifecycle.recently_ended_sessions(since=since, limit=1, cursor=first.next_cursor)
    # Then only the undeleted sessions ended since then come back, earliest end first
    assert keys(first) == [(B, "b-recent")] and first.next_cursor is not None
    assert keys(rest) == [(A, "recent")] and rest.next_cursor is None
    # And a session reopened by a message is active again, not ended
    append(store, event(2, session="recent"))
    assert keys(store.lifecycle.recently_ended_sessions(since=since, limit=5)) == [(B, "b-recent")]


# -- retention -----------------------------------------------------------------------


def test_purge_removes_an_ended_session_with_everything_and_no_tombstone(store: Store) -> None:
    # Given an ended session with messages, memory and analytics; and an active one
    append(store, event(1, session="done"))
    append(store, answer(2, 0.9, "kb-1", session="done"))
    assert store.memory.acquire_memory_lease(A, "done", OWNER, NOW + timedelta(minutes=1), NOW)
    service(store).flush(A, "done")
    store.sessions.end_session(A, "done", "resolved", NOW - timedelta(days=2))
    append(store, event(3, session="open"))
    cutoff = NOW - timedelta(days=1)
    # When retention scans and purges
    page = store.lifecycle.ended_sessions(ended_before=cutoff, limit=10)
    assert keys(page) == [(A, "done")]
    assert (
        store.lifecycle.ended_sessions(ended_before=cutoff, limit=10, account_id=B).sessions == []
    )
    result = store.lifecycle.purge_session(A, "done", ended_before=cutoff)
    # Then everything of it is gone, and it is no longer counted anywhere
    assert result is not None and (result.session_id, result.messages) == ("done", 2)
    assert raw_count(store, "messages", A, "done") == 0
    assert raw_count(store, "analytics", A, "done") == 0
    with pytest.raises(NotFound):
        store.sessions.get_session(A, "done")
    assert store.lifecycle.kb_usage(A, top=5) == []
    assert store.lifecycle.purge_session(A, "done", ended_before=cutoff) is None
    assert store.lifecycle.purge_session(A, "open", ended_before=NOW) is None  # not ended
    # And with no tombstone, a new message starts a new session under the same id
    assert append(store, event(4, session="done")).message_count == 1
    assert store.sessions.get_session(A, "done").status == "active"


def test_purge_leaves_a_session_reopened_meanwhile(store: Store) -> None:
    append(store, event(1))
    store.sessions.end_session(A, "s1", "idle", NOW - timedelta(days=2))
    assert keys(store.lifecycle.ended_sessions(ended_before=NOW, limit=5)) == [(A, "s1")]
    append(store, event(2))  # the user came back after the scan
    assert store.lifecycle.purge_session(A, "s1", ended_before=NOW) is None
    assert store.sessions.get_session(A, "s1").message_count == 2


def test_a_tombstone_is_removed_once_deleted_before_the_cutoff(store: Store) -> None:
    # Given a deleted session (its tombstone drops messages and holds its id), an
    # ended session and an active one
    append(store, event(1, session="gone"))
    store.sessions.delete_session(A, "gone")
    assert append(store, event(2, session="gone")).dropped_deleted
    append(store, event(1, session="done"))
    store.sessions.end_session(A, "done", "resolved", NOW - timedelta(days=2))
    append(store, event(1, session="open"))
    later = datetime.now(UTC) + timedelta(seconds=1)
    # When the tombstones are scanned and purged with a cutoff before the deletion
    before_deletion = NOW - timedelta(minutes=1)
    assert store.lifecycle.deleted_sessions(deleted_before=before_deletion, limit=5).sessions == []
    assert store.lifecycle.purge_tombstone(A, "gone", deleted_before=before_deletion) is None
    # Then it stays
    assert append(store, event(3, session="gone")).dropped_deleted
    # When the cutoff is after the deletion, Then only the tombstone is scanned and removed
    assert keys(store.lifecycle.deleted_sessions(deleted_before=later, limit=5)) == [(A, "gone")]
    for live in ("done", "open"):
        assert store.lifecycle.purge_tombstone(A, live, deleted_before=later) is None
    result = store.lifecycle.purge_tombstone(A, "gone", deleted_before=later)
    assert result is not None and (result.session_id, result.messages) == ("gone", 0)
    assert store.lifecycle.deleted_sessions(deleted_before=later, limit=5).sessions == []
    assert store.lifecycle.purge_tombstone(A, "gone", deleted_before=later) is None
    assert store.sessions.get_session(A, "done").status == "ended"
    # And the id is free: a message starts a new session, as after a purge
    assert append(store, event(4, session="gone")).message_count == 1
    assert [m.message_id for m in store.sessions.list_messages(A, "gone", limit=5)] == ["gone-m4"]


def test_tombstones_page_with_a_cursor_across_accounts(store: Store) -> None:
    for session, account in (("t1", A), ("t2", B), ("t3", A)):
        store.sessions.create_session(account, session, SessionCreate(user_id="u1"), NOW)
        store.sessions.delete_session(account, session)
    later = datetime.now(UTC) + timedelta(seconds=1)
    seen: list[tuple[str, str]] = []
    cursor = None
    while True:
        page = store.lifecycle.deleted_sessions(deleted_before=later, limit=2, cursor=cursor)
        seen += keys(page)
        cursor = page.next_cursor
        if cursor is None:
            break
    # Each once (MongoDB keeps milliseconds: two deletions may tie, then by id)
    assert sorted(seen) == [(A, "t1"), (A, "t3"), (B, "t2")]


def test_sqlite_tombstones_from_before_the_deletion_time_count_from_the_migration(
    tmp_path: Path,
) -> None:
    # Given a schema version 4 file: a tombstone without a deletion time
    path = tmp_path / "v4.sqlite3"
    old = SqliteStore(path)
    append(old, event(1, session="gone"))
    old.sessions.delete_session(A, "gone")
    old.close()
    updated = NOW - timedelta(days=40)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX sessions_by_deletion")
        conn.execute("ALTER TABLE sessions DROP COLUMN deleted_at")
        conn.execute("UPDATE sessions SET updated_at = ?", (to_micros(updated),))
        conn.execute("PRAGMA user_version = 4")
    conn.close()
    # When the store opens it
    migrated = datetime.now(UTC)
    store = SqliteStore(path)
    try:
        # Then the tombstone counts as deleted when the migration first saw it, not at
        # its last update (which may be long before the deletion): never removed early
        cutoff = updated + timedelta(days=1)
        assert store.lifecycle.deleted_sessions(deleted_before=cutoff, limit=5).sessions == []
        assert store.lifecycle.purge_tombstone(A, "gone", deleted_before=cutoff) is None
        later = migrated + timedelta(minutes=1)
        assert keys(store.lifecycle.deleted_sessions(deleted_before=later, limit=5)) == [
            (A, "gone")
        ]
        assert store.lifecycle.purge_tombstone(A, "gone", deleted_before=later) is not None
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 5
    conn.close()


def test_mongo_purging_a_tombstone_removes_what_a_cut_short_delete_left(
    mongo_store: MongoStore,
) -> None:
    # Given a delete that wrote its tombstone and died before deleting the messages
    store = mongo_store
    deleted_at = NOW - timedelta(days=31)
    before = deleted_at - timedelta(hours=1)
    append(store, event(1, session="gone", at=before))
    append(store, event(2, session="gone", at=before + timedelta(seconds=1)))
    key = {"account_id": A, "session_id": "gone"}
    store.db.sessions.replace_one(key, {**key, "deleted": True, "deleted_at": deleted_at})
    # When retention removes the tombstone
    result = store.lifecycle.purge_tombstone(A, "gone", deleted_before=NOW - RETENTION)
    # Then the messages left behind go with it, and do not resurface in a new session
    assert result is not None and result.messages == 2
    assert raw_count(store, "messages", A, "gone") == 0
    assert append(store, event(3, session="gone")).message_count == 1
    assert [m.message_id for m in store.sessions.list_messages(A, "gone", limit=5)] == ["gone-m3"]


def test_nothing_past_retention_is_returned_before_the_sweep(retained: Store) -> None:
    # Given a session ended 31 days ago (the sweep has not run), flushed, and a recent one
    store = retained
    append(store, event(1, session="old", at=LONG_AGO))
    append(store, answer(2, 0.2, "kb-old", session="old", at=LONG_AGO))
    back_then = without_retention(store)
    back_then.sessions.end_session(A, "old", "idle", NOW - timedelta(days=31))
    service(back_then).flush(A, "old")  # its final flush, when it ended
    assert back_then.lifecycle.session_analytics(A, "old").ended_at == NOW - timedelta(days=31)
    assert back_then.lifecycle.kb_usage(A, top=5) != []
    append(store, event(3, session="recent"))
    store.sessions.end_session(A, "recent", "idle", NOW - timedelta(days=29))
    # When any read asks for it, Then it is as good as deleted
    for read in (
        lambda: store.sessions.get_session(A, "old"),
        lambda: store.sessions.list_messages(A, "old", limit=5),
        lambda: store.memory.load_memory(A, "old"),
        lambda: store.lifecycle.session_analytics(A, "old"),
        lambda: store.lifecycle.analytics_batch(A, "old", limit=5),
        lambda: store.sessions.update_session(A, "old", SessionPatch(title="x"), NOW),
        lambda: store.sessions.end_session(A, "old", "again", NOW),
        lambda: store.sessions.delete_session(A, "old"),
    ):
        with pytest.raises(NotFound):
            read()
    assert [s.session_id for s in store.sessions.list_sessions(A)[0]] == ["recent"]
    assert store.lifecycle.account_stats(A).sessions == 1
    assert store.lifecycle.user_activity(A, "u1").sessions == 0  # "recent" was never flushed
    assert store.lifecycle.kb_usage(A, top=5) == []
    assert store.sessions.get_session(A, "recent").status == "ended"  # 29 days: still kept


def test_a_message_for_a_session_past_retention_starts_a_new_one(retained: Store) -> None:
    # Given a session past retention, not yet swept
    store = retained
    append(store, event(1, at=LONG_AGO))
    append(store, event(2, at=LONG_AGO))
    without_retention(store).sessions.end_session(A, "s1", "idle", NOW - timedelta(days=31))
    # When its user writes again
    result = append(store, event(3, at=NOW))
    # Then a new session starts: the old messages are gone, not resumed
    assert result.message_count == 1
    assert [m.message_id for m in store.sessions.list_messages(A, "s1", limit=10)] == ["s1-m3"]
    assert store.sessions.get_session(A, "s1").status == "active"
    # And creating over one past retention works too
    append(store, event(1, session="s9", at=LONG_AGO))
    without_retention(store).sessions.end_session(A, "s9", "idle", NOW - timedelta(days=31))
    created = store.sessions.create_session(A, "s9", SessionCreate(user_id="u1"), NOW)
    assert created.message_count == 0
    assert store.sessions.list_messages(A, "s9", limit=5) == []


# -- index use -------------------------------------------------------------------------


def test_sqlite_scans_use_the_status_indexes(sqlite_store: SqliteStore) -> None:
    plans = []
    with sqlite3.connect(sqlite_store.db.path) as conn:
        for query in (
            "SELECT account_id, session_id, last_activity FROM sessions WHERE status = 'active'"
            " AND deleted = 0 AND last_activity < 5 ORDER BY last_activity, account_id,"
            " session_id LIMIT 3",
            "SELECT account_id, session_id, ended_at FROM sessions WHERE status = 'ended'"
            " AND deleted = 0 AND ended_at < 5 AND (ended_at, account_id, session_id)"
            " > (1, 'a', 'b') ORDER BY ended_at, account_id, session_id LIMIT 3",
            "SELECT account_id, session_id, ended_at FROM sessions WHERE status = 'ended'"
            " AND deleted = 0 AND ended_at >= 5 ORDER BY ended_at, account_id, session_id"
            " LIMIT 3",
            "SELECT account_id, session_id, deleted_at FROM sessions WHERE deleted = 1"
            " AND deleted_at < 5 AND (deleted_at, account_id, session_id) > (1, 'a', 'b')"
            " ORDER BY deleted_at, account_id, session_id LIMIT 3",
        ):
            rows = conn.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()
            plans.append(" | ".join(row[-1] for row in rows))
    conn.close()
    assert "sessions_by_status" in plans[0]
    assert "sessions_by_end" in plans[1] and "sessions_by_end" in plans[2]
    assert "sessions_by_deletion" in plans[3]
    assert not any("TEMP B-TREE" in plan for plan in plans), plans


def test_mongo_lifecycle_indexes(mongo_store: MongoStore) -> None:
    sessions = mongo_store.db.sessions.index_information()
    assert [f for f, _ in sessions["sessions_by_status"]["key"]][:2] == ["status", "last_activity"]
    assert [f for f, _ in sessions["sessions_by_end"]["key"]][:2] == ["status", "ended_at"]
    by_deletion = sessions["sessions_by_deletion"]
    assert [f for f, _ in by_deletion["key"]][:1] == ["deleted_at"]
    assert dict(by_deletion["partialFilterExpression"]) == {"deleted": True}
    assert mongo_store.db.analytics.index_information()["analytics_once"]["unique"] is True
    assert "messages_by_analyzed" in mongo_store.db.messages.index_information()


class _Commands(monitoring.CommandListener):
    """Records the name of every command a client sends: one per round trip."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.names.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


def test_mongo_round_trips_with_retention_on(mongodb_url: str) -> None:
    # Given a MongoStore with retention whose client records its commands
    commands = _Commands()
    client: MongoClient[Any] = MongoClient(mongodb_url, event_listeners=[commands])
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    store = MongoStore(client, database, retention=RETENTION)

    def trips(operation: Any, *args: Any, **kwargs: Any) -> list[str]:
        commands.names.clear()
        operation(*args, **kwargs)
        return list(commands.names)

    try:
        store.ensure_indexes()
        # Then ingest still takes a claim, an insert and one counting update per message
        assert trips(append, store, event(1)) == ["insert", "insert", "findAndModify"]
        assert trips(append, store, event(2)) == ["insert", "insert", "findAndModify"]
        # And a flush step reads three times and writes twice (thrice the first time)
        batch = store.lifecycle.analytics_batch(A, "s1", limit=1)
        assert trips(store.lifecycle.analytics_batch, A, "s1", limit=1) == ["find", "find", "find"]
        assert trips(store.lifecycle.save_analytics, A, batch, counted(batch)) == [
            "update",
            "find",
            "update",
        ]
        batch = store.lifecycle.analytics_batch(A, "s1", limit=1)
        assert trips(store.lifecycle.save_analytics, A, batch, counted(batch)) == [
            "update",
            "update",
        ]
    finally:
        client.drop_database(database)
        client.close()
