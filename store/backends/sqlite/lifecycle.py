"""The embedded adapter's session-lifecycle part (``store.lifecycle``), mixed into ``SqliteStore``.

``analytics`` holds one row per flushed session: the ``SessionAnalytics`` as
JSON, its compare-and-set ``version``, and ``through_id``, the insertion
watermark: every message of the session whose ``messages.id`` is at most
``through_id`` is covered. ``messages.id`` is the rowid, and a new row always
gets a larger one than every existing row, so messages stored late (in any
seq order) land above the watermark and are taken by the next batch. Insert
and counters commit together in ``append_message``, so a stored message is
always a counted one. A save writes the figures, the watermark and the
session's rows of ``analytics_sources`` (its knowledge-base entries, for the
account-wide ``kb_usage``) in one transaction: a flush killed before COMMIT
leaves nothing, one killed after it is already complete.

A batch reads the session's messages above the watermark through
``messages_by_session``: the session's index entries are scanned, not the
table (no extra index on ``messages``, so ingest pays nothing for analytics).

The figures per user and per entry are summed when read (``analytics_by_user``,
``analytics_sources_by_entry``). Sessions past retention are left out by the
copy of their end (``analytics.ended_at``), written by their final flush.

A tombstone (``deleted = 1``) carries its deletion time ``deleted_at``
(schema version 5; a tombstone from an older file gets its ``updated_at``),
which the retention sweep scans through the partial index ``sessions_by_deletion``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection
from datetime import datetime
from typing import Any

from domain.ports.lifecycle import AnalyticsBatch, LifecycleStore, PurgeResult, ScanPage, SessionKey
from schemas.analytics_model import (
    AccountAnalytics,
    AccountStats,
    KbEntryUsage,
    SessionAnalytics,
    UserActivity,
)
from schemas.messages import StoredMessage
from schemas.sessions import Session
from store.backends._account_analytics import LATENCY_COLUMNS, account_analytics_of
from store.backends._common import as_utc, check_limit, from_micros, to_micros
from store.backends._scan import decode_scan_cursor, encode_scan_cursor
from store.backends.sqlite.database import SqliteDatabase, message_from
from store.backends.sqlite.llm_usage import SqliteLLMUsage
from store.backends.sqlite.purge import purge_rows

log = logging.getLogger("memq.store.sqlite")


#: Run inside ``SqliteStore``'s schema transaction, after its own tables exist.
LIFECYCLE_SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS analytics (
    account_id       TEXT    NOT NULL,
    session_id       TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    through_id       INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    user_id          TEXT,
    messages         INTEGER NOT NULL,
    user_messages    INTEGER NOT NULL,
    queries_answered INTEGER NOT NULL,
    scored_answers   INTEGER NOT NULL,
    confidence_sum   REAL    NOT NULL,
    last_message_at  INTEGER,
    ended_at         INTEGER,
    PRIMARY KEY (account_id, session_id)
)""",
    "CREATE INDEX IF NOT EXISTS analytics_by_user ON analytics (account_id, user_id)",
    # The account-wide window reads: the account's sessions active since a day.
    """
CREATE INDEX IF NOT EXISTS analytics_by_activity
    ON analytics (account_id, last_message_at)""",
    """
CREATE TABLE IF NOT EXISTS analytics_sources (
    account_id TEXT    NOT NULL,
    session_id TEXT    NOT NULL,
    entry_id   TEXT    NOT NULL,
    uses       INTEGER NOT NULL,
    last_used  INTEGER NOT NULL,
    PRIMARY KEY (account_id, session_id, entry_id)
)""",
    """
CREATE INDEX IF NOT EXISTS analytics_sources_by_entry
    ON analytics_sources (account_id, entry_id)""",
    # Scans across accounts: expiry and flush (active, by activity), retention (ended, by end).
    """
CREATE INDEX IF NOT EXISTS sessions_by_status
    ON sessions (status, deleted, last_activity, account_id, session_id)""",
    """
CREATE INDEX IF NOT EXISTS sessions_by_end
    ON sessions (status, deleted, ended_at, account_id, session_id)""",
    # Tombstones by deletion time, for retention; partial: live sessions are not in it.
    """
CREATE INDEX IF NOT EXISTS sessions_by_deletion
    ON sessions (deleted_at, account_id, session_id) WHERE deleted = 1""",
    # Tombstones written before ``deleted_at`` existed (or by an older process still
    # running) count as deleted now, when first seen: their last update may be long
    # before the deletion, and removing a tombstone early frees its id too soon.
    "UPDATE sessions SET deleted_at = CAST((julianday('now') - 2440587.5) * 86400000000"
    " AS INTEGER) WHERE deleted = 1 AND deleted_at IS NULL",
)

_ANALYTICS_COLUMNS = (
    "account_id, session_id, version, through_id, state, user_id, messages, user_messages,"
    " queries_answered, scored_answers, confidence_sum, last_message_at, ended_at"
)


#: The account's sessions flushed since the window's first day and not past retention
#: (through ``analytics_by_activity``), and each one's per-day figures in the window.
_WINDOW = (
    " FROM analytics AS a, json_each(a.state, '$.days') AS d"
    " WHERE a.account_id = :account_id AND a.last_message_at >= :since"
    " AND (a.ended_at IS NULL OR a.ended_at >= :cutoff)"
)
_DAYS_QUERY = (
    "SELECT json_extract(d.value, '$.day') AS day,"
    " sum(json_extract(d.value, '$.messages')) AS messages, count(*) AS sessions, "
    + ", ".join(
        f"coalesce(sum(json_extract(d.value, '$.latency[{i}]')), 0) AS {column}"
        for i, column in enumerate(LATENCY_COLUMNS)
    )
    + _WINDOW
    + " AND json_extract(d.value, '$.day') >= :first_day GROUP BY 1 ORDER BY 1"
)
# Ordered by julianday: the stored ISO times vary in length (fractions are optional).
_LOW_CONFIDENCE_QUERY = (
    "SELECT a.session_id, q.value AS query"
    " FROM analytics AS a, json_each(a.state, '$.low_confidence') AS q"
    " WHERE a.account_id = :account_id AND a.last_message_at >= :since"
    " AND (a.ended_at IS NULL OR a.ended_at >= :cutoff)"
    " AND julianday(json_extract(q.value, '$.answered_at')) >= julianday(:first_day)"
    " ORDER BY julianday(json_extract(q.value, '$.answered_at')) DESC,"
    " a.session_id, json_extract(q.value, '$.seq') DESC LIMIT :limit"
)


class SqliteLifecycle(SqliteLLMUsage, LifecycleStore):
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    # -- analytics -------------------------------------------------------------
    def analytics_batch(self, account_id: str, session_id: str, *, limit: int) -> AnalyticsBatch:
        check_limit(limit)
        with self.db.read() as conn:
            session = self.db.session(conn, account_id, session_id)
            row = conn.execute(
                "SELECT state, version, through_id FROM analytics"
                " WHERE account_id = ? AND session_id = ?",
                (account_id, session_id),
            ).fetchone()
            analytics, through = SessionAnalytics(), 0
            if row is not None:
                analytics = _analytics(row["state"], row["version"])
                through = row["through_id"]
            rows = conn.execute(
                "SELECT id, message_id, session_id, role, content, seq, accepted_at, sent_at,"
                " user_id, channel, metadata FROM messages"
                " WHERE account_id = ? AND session_id = ? AND id > ? ORDER BY id LIMIT ?",
                (account_id, session_id, through, limit),
            ).fetchall()
        marker = max((r["id"] for r in rows), default=through)
        return AnalyticsBatch(
            session=session,
            analytics=analytics,
            messages=sorted(_messages(rows), key=lambda m: (m.seq, m.message_id)),
            marker=marker,
        )

    def save_analytics(
        self, account_id: str, batch: AnalyticsBatch, analytics: SessionAnalytics
    ) -> bool:
        session_id = batch.session.session_id
        old = batch.analytics.version
        new = old + 1
        stored = analytics.model_copy(update={"version": new})
        values = {
            "account_id": account_id,
            "session_id": session_id,
            "version": new,
            "old": old,
            "through_id": batch.marker,
            "state": stored.model_dump_json(),
            "user_id": stored.user_id,
            "messages": stored.messages,
            "user_messages": stored.user_messages,
            "queries_answered": stored.queries_answered,
            "scored_answers": stored.scored_answers,
            "confidence_sum": stored.confidence_sum,
            "last_message_at": _opt_micros(stored.last_message_at),
            "ended_at": _opt_micros(stored.ended_at),
        }
        with self.db.write() as conn:
            alive = conn.execute(
                "SELECT 1 FROM sessions WHERE account_id = ? AND session_id = ? AND deleted = 0",
                (account_id, session_id),
            ).fetchone()
            if alive is None:
                return False
            if old == 0:
                saved = conn.execute(
                    f"INSERT OR IGNORE INTO analytics ({_ANALYTICS_COLUMNS}) VALUES (:account_id,"
                    " :session_id, :version, :through_id, :state, :user_id, :messages,"
                    " :user_messages, :queries_answered, :scored_answers, :confidence_sum,"
                    " :last_message_at, :ended_at)",
                    values,
                ).rowcount
            else:
                saved = conn.execute(
                    "UPDATE analytics SET version = :version, through_id = :through_id,"
                    " state = :state, user_id = :user_id, messages = :messages,"
                    " user_messages = :user_messages, queries_answered = :queries_answered,"
                    " scored_answers = :scored_answers, confidence_sum = :confidence_sum,"
                    " last_message_at = :last_message_at, ended_at = :ended_at"
                    " WHERE account_id = :account_id AND session_id = :session_id"
                    " AND version = :old",
                    values,
                ).rowcount
            if not saved:
                return False
            conn.execute(
                "DELETE FROM analytics_sources WHERE account_id = ? AND session_id = ?",
                (account_id, session_id),
            )
            conn.executemany(
                "INSERT INTO analytics_sources (account_id, session_id, entry_id, uses, last_used)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (account_id, session_id, use.entry_id, use.count, to_micros(use.last_used))
                    for use in stored.sources
                ],
            )
        return True

    def session_analytics(self, account_id: str, session_id: str) -> SessionAnalytics:
        with self.db.read() as conn:
            self.db.session(conn, account_id, session_id)
            row = conn.execute(
                "SELECT state, version FROM analytics WHERE account_id = ? AND session_id = ?",
                (account_id, session_id),
            ).fetchone()
        return SessionAnalytics() if row is None else _analytics(row["state"], row["version"])

    def user_activity(self, account_id: str, user_id: str) -> UserActivity:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT coalesce(sum(messages > 0), 0) AS sessions,"
                " coalesce(sum(messages), 0) AS messages,"
                " coalesce(sum(user_messages), 0) AS user_messages,"
                " coalesce(sum(queries_answered), 0) AS queries_answered,"
                " coalesce(sum(scored_answers), 0) AS scored_answers,"
                " coalesce(sum(confidence_sum), 0.0) AS confidence_sum,"
                " max(last_message_at) AS last_active"
                " FROM analytics WHERE account_id = ? AND user_id = ?"
                " AND (ended_at IS NULL OR ended_at >= ?)",
                (account_id, user_id, self.db.cutoff()),
            ).fetchone()
        return UserActivity(
            user_id=user_id,
            sessions=row["sessions"],
            messages=row["messages"],
            user_messages=row["user_messages"],
            queries_answered=row["queries_answered"],
            scored_answers=row["scored_answers"],
            confidence_sum=row["confidence_sum"],
            last_active=_opt_time(row["last_active"]),
        )

    def kb_usage(self, account_id: str, *, top: int) -> list[KbEntryUsage]:
        check_limit(top)
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT s.entry_id, sum(s.uses) AS uses, count(*) AS sessions,"
                " max(s.last_used) AS last_used"
                " FROM analytics_sources AS s JOIN analytics AS a"
                " ON a.account_id = s.account_id AND a.session_id = s.session_id"
                " WHERE s.account_id = ? AND (a.ended_at IS NULL OR a.ended_at >= ?)"
                " GROUP BY s.entry_id ORDER BY uses DESC, s.entry_id LIMIT ?",
                (account_id, self.db.cutoff(), top),
            ).fetchall()
        return [
            KbEntryUsage(
                entry_id=row["entry_id"],
                count=row["uses"],
                sessions=row["sessions"],
                last_used=from_micros(row["last_used"]),
            )
            for row in rows
        ]

    def account_analytics(
        self, account_id: str, *, since: datetime, low_confidence: int
    ) -> AccountAnalytics:
        check_limit(low_confidence)
        first_day = as_utc(since).date().isoformat()
        window = {
            "account_id": account_id,
            "since": to_micros(as_utc(since).replace(hour=0, minute=0, second=0, microsecond=0)),
            "cutoff": self.db.cutoff(),
            "first_day": first_day,
            "limit": low_confidence,
        }
        with self.db.read() as conn:
            days = conn.execute(_DAYS_QUERY, window).fetchall()
            low = conn.execute(_LOW_CONFIDENCE_QUERY, window).fetchall()
        return account_analytics_of(
            days, ((row["session_id"], json.loads(row["query"])) for row in low)
        )

    def account_stats(self, account_id: str) -> AccountStats:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT count(*) AS sessions, coalesce(sum(status = 'active'), 0) AS active,"
                " coalesce(sum(message_count), 0) AS messages FROM sessions"
                " WHERE account_id = ? AND deleted = 0"
                " AND (status != 'ended' OR ended_at >= ?)",
                (account_id, self.db.cutoff()),
            ).fetchone()
        return AccountStats(
            sessions=row["sessions"],
            active_sessions=row["active"],
            ended_sessions=row["sessions"] - row["active"],
            messages=row["messages"],
        )

    # -- idle expiry -----------------------------------------------------------
    def idle_sessions(
        self,
        *,
        idle_before: datetime,
        limit: int,
        account_id: str | None = None,
        exclude_accounts: Collection[str] = (),
        cursor: str | None = None,
    ) -> ScanPage:
        where = ["status = 'active'", "deleted = 0", "last_activity < ?"]
        args: list[Any] = [to_micros(idle_before)]
        if account_id is not None:
            where.append("account_id = ?")
            args.append(account_id)
        if exclude_accounts:
            where.append("account_id NOT IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(sorted(exclude_accounts)))
        return self._scan("last_activity", where, args, limit, cursor)

    def expire_session(
        self, account_id: str, session_id: str, *, idle_before: datetime, reason: str, now: datetime
    ) -> Session:
        at = to_micros(now)
        with self.db.write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'ended', ended_reason = ?, ended_at = ?,"
                " updated_at = max(updated_at, ?) WHERE account_id = ? AND session_id = ?"
                " AND deleted = 0 AND status = 'active' AND last_activity < ?",
                (reason, at, at, account_id, session_id, to_micros(idle_before)),
            )
            return self.db.session(conn, account_id, session_id)

    def recently_active_sessions(
        self, *, since: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        where = ["status = 'active'", "deleted = 0", "last_activity >= ?"]
        return self._scan("last_activity", where, [to_micros(since)], limit, cursor)

    def recently_ended_sessions(
        self, *, since: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        where = ["status = 'ended'", "deleted = 0", "ended_at >= ?"]
        return self._scan("ended_at", where, [to_micros(since)], limit, cursor)

    # -- memory jobs -----------------------------------------------------------
    def stale_memory_marks(
        self, *, marked_before: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        where = ["memory_pending_at < ?", "deleted = 0"]
        return self._scan("memory_pending_at", where, [to_micros(marked_before)], limit, cursor)

    # -- retention -------------------------------------------------------------
    def ended_sessions(
        self,
        *,
        ended_before: datetime,
        limit: int,
        account_id: str | None = None,
        cursor: str | None = None,
    ) -> ScanPage:
        where = ["status = 'ended'", "deleted = 0", "ended_at < ?"]
        args: list[Any] = [to_micros(ended_before)]
        if account_id is not None:
            where.append("account_id = ?")
            args.append(account_id)
        return self._scan("ended_at", where, args, limit, cursor)

    def purge_session(
        self, account_id: str, session_id: str, *, ended_before: datetime
    ) -> PurgeResult | None:
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT 1 FROM sessions WHERE account_id = ? AND session_id = ? AND deleted = 0"
                " AND status = 'ended' AND ended_at < ?",
                (account_id, session_id, to_micros(ended_before)),
            ).fetchone()
            if row is None:
                return None
            purged = purge_rows(conn, account_id, session_id)
        return PurgeResult(session_id=session_id, messages=purged)

    def deleted_sessions(
        self, *, deleted_before: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        where = ["deleted = 1", "deleted_at < ?"]
        return self._scan("deleted_at", where, [to_micros(deleted_before)], limit, cursor)

    def purge_tombstone(
        self, account_id: str, session_id: str, *, deleted_before: datetime
    ) -> PurgeResult | None:
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT 1 FROM sessions WHERE account_id = ? AND session_id = ? AND deleted = 1"
                " AND deleted_at < ?",
                (account_id, session_id, to_micros(deleted_before)),
            ).fetchone()
            if row is None:
                return None
            # Normally only the row: delete_session removed the rest in its transaction.
            purged = purge_rows(conn, account_id, session_id)
        return PurgeResult(session_id=session_id, messages=purged)

    # -- helpers ---------------------------------------------------------------
    def _scan(
        self, column: str, where: list[str], args: list[Any], limit: int, cursor: str | None
    ) -> ScanPage:
        check_limit(limit)
        if cursor is not None:
            after_at, after_account, after_session = decode_scan_cursor(cursor)
            where = [*where, f"({column}, account_id, session_id) > (?, ?, ?)"]
            args = [*args, to_micros(after_at), after_account, after_session]
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT account_id, session_id, {column} AS at FROM sessions"
                f" WHERE {' AND '.join(where)}"
                f" ORDER BY {column}, account_id, session_id LIMIT ?",
                (*args, limit + 1),
            ).fetchall()
        page = rows[:limit]
        next_cursor = None
        if len(rows) > limit:
            last = page[-1]
            next_cursor = encode_scan_cursor(
                from_micros(last["at"]), last["account_id"], last["session_id"]
            )
        return ScanPage([SessionKey(r["account_id"], r["session_id"]) for r in page], next_cursor)


def _analytics(state: str, version: int) -> SessionAnalytics:
    return SessionAnalytics.model_validate({**json.loads(state), "version": version})


def _messages(rows: list[sqlite3.Row]) -> list[StoredMessage]:
    return [message_from(row) for row in rows]


def _opt_micros(moment: datetime | None) -> int | None:
    return None if moment is None else to_micros(moment)


def _opt_time(micros: int | None) -> datetime | None:
    return None if micros is None else from_micros(micros)
