"""The embedded adapter: one SQLite file, WAL mode, shared by threads and processes.

Connections come from a small pool (one per concurrently active thread) so
readers run in parallel under WAL. Writes take ``BEGIN IMMEDIATE``: the write
lock is taken up front, so two writers (threads or worker processes) queue on
the busy timeout instead of failing half-way with a lock upgrade error.

Times are stored as integer microseconds since the epoch (UTC). ``messages``
keeps an integer rowid so an FTS5 external-content index can be added later.

``memory`` holds one row per session that has a memory lease or a saved
``MemoryState`` (as JSON), with its compare-and-set ``version``; a message is
``folded`` once a saved state covers it (partial index ``messages_unfolded``).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from domain.ports.store import (
    AppendResult,
    ContextSnapshot,
    MessageCursor,
    Store,
    jsonable_metadata,
)
from schemas.errors import Conflict, InvalidInput, NotFound, StoreUnavailable
from schemas.memory_state import MemoryState
from schemas.messages import MessageEvent, StoredMessage
from schemas.sessions import Session, SessionCreate, SessionPatch
from store.backends._common import (
    GIVEN_TITLE_SEQ,
    NO_SEQ,
    check_keep_last,
    check_limit,
    decode_cursor,
    encode_cursor,
    from_micros,
    memory_document,
    memory_state,
    prompt_from,
    title_from,
    to_micros,
)
from store.backends.sqlite.lifecycle import (
    LIFECYCLE_SCHEMA,
    SqliteLifecycle,
    delete_analytics_rows,
)
from store.backends.sqlite.search import SqliteSearch, create_search_schema, index_message
from store.backends.sqlite.transfer import SqliteTransfer

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 10.0
SCHEMA_VERSION = 5

# Run one statement at a time inside one BEGIN IMMEDIATE (executescript would
# commit first), so the ``folded`` column can be added to a version 1 file.
_SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS sessions (
    account_id      TEXT    NOT NULL,
    session_id      TEXT    NOT NULL,
    user_id         TEXT,
    channel         TEXT,
    title           TEXT,
    title_seq       INTEGER,
    metadata        TEXT    NOT NULL DEFAULT '{}',
    status          TEXT    NOT NULL DEFAULT 'active',
    ended_reason    TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    last_message_at INTEGER,
    ended_at        INTEGER,
    message_count   INTEGER NOT NULL DEFAULT 0,
    last_prompt     TEXT,
    last_prompt_seq INTEGER,
    last_activity   INTEGER NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      INTEGER,
    PRIMARY KEY (account_id, session_id)
)""",
    """
CREATE INDEX IF NOT EXISTS sessions_by_activity
    ON sessions (account_id, last_activity DESC, session_id)""",
    """
CREATE INDEX IF NOT EXISTS sessions_by_user
    ON sessions (account_id, user_id, last_activity DESC, session_id)""",
    """
CREATE TABLE IF NOT EXISTS messages (
    id          INTEGER PRIMARY KEY,
    account_id  TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    content     TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    accepted_at INTEGER NOT NULL,
    sent_at     INTEGER,
    user_id     TEXT,
    channel     TEXT,
    metadata    TEXT,
    delivery_id TEXT    NOT NULL,
    folded      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, message_id)
)""",
    """
CREATE INDEX IF NOT EXISTS messages_by_session
    ON messages (account_id, session_id, seq, message_id)""",
    """
CREATE TABLE IF NOT EXISTS memory (
    account_id  TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    state       TEXT,
    version     INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until INTEGER,
    PRIMARY KEY (account_id, session_id)
)""",
)
#: After the ``folded`` column is sure to exist. Partial: only what is left to fold.
_FOLDING_SCHEMA = (
    """
CREATE INDEX IF NOT EXISTS messages_unfolded
    ON messages (account_id, session_id, seq, message_id) WHERE folded = 0""",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)

# Counters are computed from the old row (SQLite evaluates every SET expression
# against it), so the result does not depend on the order messages arrive in.
_UPSERT_SESSION = f"""
INSERT INTO sessions (
    account_id, session_id, user_id, channel, title, title_seq, status,
    created_at, updated_at, last_message_at, message_count, last_prompt, last_prompt_seq,
    last_activity
) VALUES (
    :account_id, :session_id, :user_id, :channel, :title, :title_seq, 'active',
    :at, :at, :at, 1, :prompt, :prompt_seq, :at
)
ON CONFLICT (account_id, session_id) DO UPDATE SET
    user_id = coalesce(user_id, excluded.user_id),
    channel = coalesce(channel, excluded.channel),
    message_count = message_count + 1,
    last_message_at = max(coalesce(last_message_at, excluded.last_message_at),
                          excluded.last_message_at),
    last_activity = max(coalesce(last_message_at, excluded.last_message_at),
                        excluded.last_message_at),
    updated_at = max(updated_at, excluded.updated_at),
    status = 'active', ended_reason = NULL, ended_at = NULL,
    title = CASE WHEN excluded.title_seq < coalesce(title_seq, {NO_SEQ})
                 THEN excluded.title ELSE title END,
    title_seq = CASE WHEN excluded.title_seq < coalesce(title_seq, {NO_SEQ})
                     THEN excluded.title_seq ELSE title_seq END,
    last_prompt = CASE WHEN excluded.last_prompt_seq > coalesce(last_prompt_seq, 0)
                       THEN excluded.last_prompt ELSE last_prompt END,
    last_prompt_seq = CASE WHEN excluded.last_prompt_seq > coalesce(last_prompt_seq, 0)
                           THEN excluded.last_prompt_seq ELSE last_prompt_seq END
RETURNING message_count
"""

_SESSION_COLUMNS = (
    "session_id, user_id, channel, title, metadata, status, ended_reason, created_at, "
    "updated_at, last_message_at, ended_at, message_count, last_prompt, last_activity"
)
#: A session as every read sees it: not deleted, not past retention (``store.lifecycle``).
#: Parameters: account_id, session_id, the retention cutoff.
_VISIBLE_SESSION = (
    "account_id = ? AND session_id = ? AND deleted = 0 AND (status != 'ended' OR ended_at >= ?)"
)
_MESSAGE_COLUMNS = (
    "message_id, session_id, role, content, seq, accepted_at, sent_at, user_id, channel, metadata"
)


class SqliteStore(SqliteLifecycle, SqliteSearch, SqliteTransfer, Store):
    def __init__(self, path: Path, *, retention: timedelta | None = None) -> None:
        self._path = Path(path)
        self._retention = retention
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._closed = False
        try:
            self._create_schema()
            self._reindex_if_stale()
        except BaseException:
            self.close()
            raise
        log.info("sqlite store opened at %s", self._path)

    def _create_schema(self) -> None:
        # Idempotent, and serialised by the write lock when processes start together.
        with self._connection() as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA:
                    conn.execute(statement)
                columns = {row["name"] for row in conn.execute("PRAGMA table_info(messages)")}
                if "folded" not in columns:  # a version 1 file
                    conn.execute(
                        "ALTER TABLE messages ADD COLUMN folded INTEGER NOT NULL DEFAULT 0"
                    )
                session_columns = {
                    row["name"] for row in conn.execute("PRAGMA table_info(sessions)")
                }
                if "deleted_at" not in session_columns:  # a file before version 5
                    conn.execute("ALTER TABLE sessions ADD COLUMN deleted_at INTEGER")
                for statement in _FOLDING_SCHEMA:
                    conn.execute(statement)
                for statement in LIFECYCLE_SCHEMA:
                    conn.execute(statement)
                create_search_schema(conn)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreUnavailable(f"sqlite: {exc}") from exc

    # -- connections -----------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN ourselves, so no implicit transactions.
        conn = sqlite3.connect(
            self._path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise StoreUnavailable("store is closed")
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            try:
                conn = self._connect()
            except sqlite3.Error as exc:
                raise StoreUnavailable(f"sqlite: {exc}") from exc
        try:
            yield conn
        finally:
            with self._lock:
                if self._closed:
                    conn.close()
                else:
                    self._idle.append(conn)

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        with self._connection() as conn:
            try:
                conn.execute(begin)
                try:
                    yield conn
                except BaseException:
                    _rollback(conn)
                    raise
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                # Locked, busy, disk full, I/O: worth retrying later.
                _rollback(conn)
                raise StoreUnavailable(f"sqlite: {exc}") from exc

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        # One snapshot for multi-statement reads (session check, then its messages).
        return self._transaction("BEGIN")

    def ping(self) -> None:
        with self._read() as conn:
            conn.execute("SELECT 1").fetchone()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    # -- messages --------------------------------------------------------------
    def append_message(
        self, event: MessageEvent, delivery_id: str, *, max_messages: int | None = None
    ) -> AppendResult:
        with _refusals_are_permanent(), self._write() as conn:
            self._purge_if_past_retention(conn, event.account_id, event.session_id)
            return self._append_in(conn, event, delivery_id, max_messages)

    def append_messages(
        self, items: Sequence[tuple[MessageEvent, str]], *, max_messages: int | None = None
    ) -> list[AppendResult]:
        # One write transaction for the whole batch: one lock, one commit (fsync).
        results: list[AppendResult] = []
        with _refusals_are_permanent(), self._write() as conn:
            purged: set[tuple[str, str]] = set()
            for event, delivery_id in items:
                session = (event.account_id, event.session_id)
                if session not in purged:
                    # Once is enough: after it the session is live (or gone) for the
                    # rest of this transaction.
                    self._purge_if_past_retention(conn, *session)
                    purged.add(session)
                results.append(self._append_in(conn, event, delivery_id, max_messages))
        return results

    def _append_in(
        self,
        conn: sqlite3.Connection,
        event: MessageEvent,
        delivery_id: str,
        max_messages: int | None,
    ) -> AppendResult:
        """One message inside the caller's write transaction (retention already purged)."""
        key = {"account_id": event.account_id, "session_id": event.session_id}
        row = conn.execute(
            "SELECT deleted, message_count FROM sessions WHERE account_id = :account_id"
            " AND session_id = :session_id",
            key,
        ).fetchone()
        if row is not None and row["deleted"]:
            log.info("dropped message %s: session %s deleted", event.message_id, event.session_id)
            return AppendResult(stored=False, dropped_deleted=True)
        if (
            max_messages is not None
            and row is not None
            and (row["message_count"] or 0) >= max_messages
            and not _older_than_newest(conn, event)
        ):
            # Messages-per-session cap, checked under the write lock. A message
            # older than the newest stored one is stored over it (no gap).
            duplicate = conn.execute(
                "SELECT 1 FROM messages WHERE account_id = ? AND message_id = ?",
                (event.account_id, event.message_id),
            ).fetchone()
            return AppendResult(stored=False, rejected_full=duplicate is None)
        cursor = conn.execute(
            "INSERT OR IGNORE INTO messages (account_id, message_id, session_id, role,"
            " content, seq, accepted_at, sent_at, user_id, channel, metadata, delivery_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.account_id,
                event.message_id,
                event.session_id,
                event.role,
                event.content,
                event.seq,
                to_micros(event.accepted_at),
                None if event.sent_at is None else to_micros(event.sent_at),
                event.user_id,
                event.channel,
                None if event.metadata is None else json.dumps(event.metadata),
                delivery_id,
            ),
        )
        if not cursor.rowcount:
            # Insert and counters commit together, so a stored message is
            # always counted: any duplicate (redelivery or re-publish) is a no-op.
            return AppendResult(stored=False)
        assert cursor.lastrowid is not None
        index_message(conn, cursor.lastrowid, event.account_id, event.content)
        is_user = event.role == "user"
        counted = conn.execute(
            _UPSERT_SESSION,
            {
                **key,
                "user_id": event.user_id,
                "channel": event.channel,
                "title": title_from(event.content) if is_user else None,
                "title_seq": event.seq if is_user else None,
                "prompt": prompt_from(event.content) if is_user else None,
                "prompt_seq": event.seq if is_user else None,
                "at": to_micros(event.accepted_at),
            },
        ).fetchone()
        return AppendResult(stored=True, message_count=counted["message_count"])

    def list_messages(
        self, account_id: str, session_id: str, *, limit: int, before: int | None = None
    ) -> list[StoredMessage]:
        check_limit(limit)
        with self._read() as conn:
            self._require_session(conn, account_id, session_id)
            return _newest_messages(
                conn,
                account_id,
                session_id,
                before=NO_SEQ if before is None else before,
                limit=limit,
            )

    def messages_after(
        self, account_id: str, session_id: str, after: MessageCursor | None, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        seq, message_id = after or (0, "")
        with self._read() as conn:
            self._require_session(conn, account_id, session_id)
            rows = conn.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE account_id = ?"
                " AND session_id = ? AND (seq, message_id) > (?, ?)"
                " ORDER BY seq, message_id LIMIT ?",
                (account_id, session_id, seq, message_id, limit),
            ).fetchall()
        return [_message(row) for row in rows]

    # -- sessions --------------------------------------------------------------
    def create_session(
        self, account_id: str, session_id: str, spec: SessionCreate, now: datetime
    ) -> Session:
        at = to_micros(now)
        try:
            with self._write() as conn:
                self._purge_if_past_retention(conn, account_id, session_id)
                conn.execute(
                    "INSERT INTO sessions (account_id, session_id, user_id, channel, title,"
                    " title_seq, metadata, created_at, updated_at, last_activity)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        account_id,
                        session_id,
                        spec.user_id,
                        spec.channel,
                        spec.title,
                        None if spec.title is None else GIVEN_TITLE_SEQ,
                        json.dumps(jsonable_metadata(spec.metadata)),
                        at,
                        at,
                        at,
                    ),
                )
                return self._session(conn, account_id, session_id)
        except sqlite3.IntegrityError:
            raise Conflict(f"session {session_id} already exists") from None

    def get_session(self, account_id: str, session_id: str) -> Session:
        with self._read() as conn:
            return self._session(conn, account_id, session_id)

    def list_sessions(
        self,
        account_id: str,
        *,
        user_id: str | None = None,
        channel: str | None = None,
        active: bool | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> tuple[list[Session], str | None]:
        check_limit(limit)
        where = ["account_id = ?", "deleted = 0", "(status != 'ended' OR ended_at >= ?)"]
        args: list[Any] = [account_id, self._cutoff()]
        if user_id is not None:
            where.append("user_id = ?")
            args.append(user_id)
        if channel is not None:
            where.append("channel = ?")
            args.append(channel)
        if active is not None:
            where.append("status = ?")
            args.append("active" if active else "ended")
        if cursor is not None:
            after_at, after_id = decode_cursor(cursor)
            micros = to_micros(after_at)
            where.append("(last_activity < ? OR (last_activity = ? AND session_id > ?))")
            args += [micros, micros, after_id]
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {' AND '.join(where)}"
                " ORDER BY last_activity DESC, session_id ASC LIMIT ?",
                (*args, limit + 1),
            ).fetchall()
        page = rows[:limit]
        next_cursor = None
        if len(rows) > limit:
            last = page[-1]
            next_cursor = encode_cursor(from_micros(last["last_activity"]), last["session_id"])
        return [_session(row) for row in page], next_cursor

    def update_session(
        self, account_id: str, session_id: str, patch: SessionPatch, now: datetime
    ) -> Session:
        sets = ["updated_at = :now"]
        fields = patch.model_dump(exclude_unset=True)
        if "title" in fields:
            # A given title (or an explicit null) is final: messages no longer set it.
            sets += ["title = :title", f"title_seq = {GIVEN_TITLE_SEQ}"]
        if "metadata" in fields:
            sets.append("metadata = :metadata")
        with self._write() as conn:
            changed = conn.execute(
                f"UPDATE sessions SET {', '.join(sets)} WHERE account_id = :account_id"
                " AND session_id = :session_id AND deleted = 0"
                " AND (status != 'ended' OR ended_at >= :cutoff)",
                {
                    "cutoff": self._cutoff(),
                    "now": to_micros(now),
                    "title": fields.get("title"),
                    "metadata": json.dumps(jsonable_metadata(fields.get("metadata"))),
                    "account_id": account_id,
                    "session_id": session_id,
                },
            ).rowcount
            if not changed:
                raise NotFound(f"session {session_id} not found")
            return self._session(conn, account_id, session_id)

    def end_session(self, account_id: str, session_id: str, reason: str, now: datetime) -> Session:
        at = to_micros(now)
        with self._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'ended', ended_reason = ?, ended_at = ?,"
                " updated_at = ? WHERE account_id = ? AND session_id = ? AND deleted = 0"
                " AND status != 'ended'",
                (reason, at, at, account_id, session_id),
            )
            return self._session(conn, account_id, session_id)

    def delete_session(self, account_id: str, session_id: str) -> None:
        with self._write() as conn:
            # The row stays as a tombstone; what it held about the conversation goes.
            changed = conn.execute(
                "UPDATE sessions SET deleted = 1, deleted_at = ?, title = NULL,"
                " last_prompt = NULL, metadata = '{}', user_id = NULL, channel = NULL"
                " WHERE account_id = ? AND session_id = ? AND deleted = 0"
                " AND (status != 'ended' OR ended_at >= ?)",
                (to_micros(datetime.now(UTC)), account_id, session_id, self._cutoff()),
            ).rowcount
            if not changed:
                raise NotFound(f"session {session_id} not found")
            purged = conn.execute(
                "DELETE FROM messages WHERE account_id = ? AND session_id = ?",
                (account_id, session_id),
            ).rowcount
            conn.execute(
                "DELETE FROM memory WHERE account_id = ? AND session_id = ?",
                (account_id, session_id),
            )
            delete_analytics_rows(conn, account_id, session_id)
        log.info("deleted session %s (%d messages)", session_id, purged)

    # -- memory ----------------------------------------------------------------
    def load_memory(self, account_id: str, session_id: str) -> MemoryState:
        with self._read() as conn:
            self._require_session(conn, account_id, session_id)
            return _memory(conn, account_id, session_id)

    def context_snapshot(
        self, account_id: str, session_id: str, *, recent_limit: int
    ) -> ContextSnapshot:
        # One read transaction instead of three: every context request comes through here.
        check_limit(recent_limit)
        with self._read() as conn:
            session = conn.execute(
                f"SELECT message_count FROM sessions WHERE {_VISIBLE_SESSION}",
                (account_id, session_id, self._cutoff()),
            ).fetchone()
            if session is None:
                raise NotFound(f"session {session_id} not found")
            memory = _memory(conn, account_id, session_id)
            recent = _newest_messages(conn, account_id, session_id, limit=recent_limit)
        return ContextSnapshot(message_count=session["message_count"], memory=memory, recent=recent)

    def acquire_memory_lease(
        self, account_id: str, session_id: str, owner: str, until: datetime, now: datetime
    ) -> bool:
        with self._write() as conn:
            if not self._session_exists(conn, account_id, session_id):
                return False
            # The write lock makes check-and-take atomic across threads and processes.
            taken = conn.execute(
                "INSERT INTO memory (account_id, session_id, lease_owner, lease_until)"
                " VALUES (:account_id, :session_id, :owner, :until)"
                " ON CONFLICT (account_id, session_id) DO UPDATE SET"
                " lease_owner = excluded.lease_owner, lease_until = excluded.lease_until"
                " WHERE lease_owner IS NULL OR lease_owner = :owner OR lease_until < :now"
                " RETURNING 1",
                {
                    "account_id": account_id,
                    "session_id": session_id,
                    "owner": owner,
                    "until": to_micros(until),
                    "now": to_micros(now),
                },
            ).fetchone()
        return taken is not None

    def release_memory_lease(self, account_id: str, session_id: str, owner: str) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE memory SET lease_owner = NULL, lease_until = NULL"
                " WHERE account_id = ? AND session_id = ? AND lease_owner = ?",
                (account_id, session_id, owner),
            )

    def save_memory(self, account_id: str, session_id: str, state: MemoryState, owner: str) -> bool:
        version = state.version + 1
        with self._write() as conn:
            # The lease row exists (acquire created it), so the CAS is a plain update.
            saved = conn.execute(
                "UPDATE memory SET state = ?, version = ?"
                " WHERE account_id = ? AND session_id = ? AND version = ? AND lease_owner = ?",
                (
                    json.dumps(memory_document(state, version)),
                    version,
                    account_id,
                    session_id,
                    state.version,
                    owner,
                ),
            ).rowcount
            if not saved:
                return False
            if state.last_fold_ids:
                conn.execute(
                    "UPDATE messages SET folded = 1 WHERE account_id = ?"
                    " AND message_id IN (SELECT value FROM json_each(?)) AND session_id = ?",
                    (account_id, json.dumps(state.last_fold_ids), session_id),
                )
        return True

    def unfolded_messages(
        self,
        account_id: str,
        session_id: str,
        *,
        keep_last: int,
        exclude_ids: list[str],
        limit: int,
    ) -> list[StoredMessage]:
        check_keep_last(keep_last)
        check_limit(limit)
        where = (
            "account_id = ? AND session_id = ? AND folded = 0"
            " AND message_id NOT IN (SELECT value FROM json_each(?))"
        )
        args: list[Any] = [account_id, session_id, json.dumps(exclude_ids)]
        with self._read() as conn:
            if keep_last:
                # The oldest message of the verbatim window: everything older may fold.
                edge = conn.execute(
                    "SELECT seq, message_id FROM messages WHERE account_id = ? AND session_id = ?"
                    " ORDER BY seq DESC, message_id DESC LIMIT 1 OFFSET ?",
                    (account_id, session_id, keep_last - 1),
                ).fetchone()
                if edge is None:
                    return []  # the whole session is inside the window
                where += " AND (seq, message_id) < (?, ?)"
                args += [edge["seq"], edge["message_id"]]
            rows = conn.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE {where}"
                " ORDER BY seq, message_id LIMIT ?",
                (*args, limit),
            ).fetchall()
        return [_message(row) for row in rows]

    def count_unfolded(self, account_id: str, session_id: str) -> int:
        with self._read() as conn:
            row = conn.execute(
                "SELECT count(*) FROM messages"
                " WHERE account_id = ? AND session_id = ? AND folded = 0",
                (account_id, session_id),
            ).fetchone()
        return int(row[0])

    def messages_between(
        self, account_id: str, session_id: str, first_seq: int, last_seq: int, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE account_id = ?"
                " AND session_id = ? AND seq BETWEEN ? AND ? ORDER BY seq, message_id LIMIT ?",
                (account_id, session_id, first_seq, last_seq, limit),
            ).fetchall()
        return [_message(row) for row in rows]

    # -- helpers ---------------------------------------------------------------
    # Visible = not deleted and not past retention (``store.lifecycle``).
    def _session_exists(self, conn: sqlite3.Connection, account_id: str, session_id: str) -> bool:
        row = conn.execute(
            f"SELECT 1 FROM sessions WHERE {_VISIBLE_SESSION}",
            (account_id, session_id, self._cutoff()),
        ).fetchone()
        return row is not None

    def _require_session(self, conn: sqlite3.Connection, account_id: str, session_id: str) -> None:
        if not self._session_exists(conn, account_id, session_id):
            raise NotFound(f"session {session_id} not found")

    def _session(self, conn: sqlite3.Connection, account_id: str, session_id: str) -> Session:
        row = conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {_VISIBLE_SESSION}",
            (account_id, session_id, self._cutoff()),
        ).fetchone()
        if row is None:
            raise NotFound(f"session {session_id} not found")
        return _session(row)


def _memory(conn: sqlite3.Connection, account_id: str, session_id: str) -> MemoryState:
    """The saved memory state, or the empty one (a lease row holds no state)."""
    row = conn.execute(
        "SELECT state, version FROM memory WHERE account_id = ? AND session_id = ?",
        (account_id, session_id),
    ).fetchone()
    if row is None or row["state"] is None:
        return MemoryState()
    return memory_state(json.loads(row["state"]), row["version"])


def _newest_messages(
    conn: sqlite3.Connection,
    account_id: str,
    session_id: str,
    *,
    after: int = 0,
    before: int = NO_SEQ,
    limit: int,
) -> list[StoredMessage]:
    """The ``limit`` messages with after < seq < before closest to ``before``, in
    conversation order."""
    rows = conn.execute(
        f"SELECT {_MESSAGE_COLUMNS} FROM messages"
        " WHERE account_id = ? AND session_id = ? AND seq > ? AND seq < ?"
        " ORDER BY seq DESC, message_id DESC LIMIT ?",
        (account_id, session_id, after, before, limit),
    ).fetchall()
    return [_message(row) for row in reversed(rows)]


def _older_than_newest(conn: sqlite3.Connection, event: MessageEvent) -> bool:
    """Whether ``event`` comes before the session's newest stored message in
    conversation order (seq, then message_id)."""
    newest = conn.execute(
        "SELECT seq, message_id FROM messages WHERE account_id = ? AND session_id = ?"
        " ORDER BY seq DESC, message_id DESC LIMIT 1",
        (event.account_id, event.session_id),
    ).fetchone()
    return newest is not None and (event.seq, event.message_id) < tuple(newest)


@contextmanager
def _refusals_are_permanent() -> Iterator[None]:
    """A value SQLite will never store (a constraint, a size, an integer over 64
    bits) is ``InvalidInput``: dead-lettered at once, never retried."""
    try:
        yield
    except (sqlite3.IntegrityError, sqlite3.DataError, OverflowError) as exc:
        raise InvalidInput(f"sqlite refused the message: {exc}") from exc


def _rollback(conn: sqlite3.Connection) -> None:
    # Some errors (SQLITE_FULL, SQLITE_IOERR) already rolled the transaction back.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _opt_time(micros: int | None) -> datetime | None:
    return None if micros is None else from_micros(micros)


def _session(row: sqlite3.Row) -> Session:
    return Session(
        session_id=row["session_id"],
        user_id=row["user_id"],
        channel=row["channel"],
        title=row["title"],
        metadata=json.loads(row["metadata"]),
        status=row["status"],
        ended_reason=row["ended_reason"],
        created_at=from_micros(row["created_at"]),
        updated_at=from_micros(row["updated_at"]),
        last_message_at=_opt_time(row["last_message_at"]),
        ended_at=_opt_time(row["ended_at"]),
        message_count=row["message_count"],
        last_prompt=row["last_prompt"],
    )


def _message(row: sqlite3.Row) -> StoredMessage:
    return StoredMessage(
        message_id=row["message_id"],
        session_id=row["session_id"],
        role=row["role"],
        content=row["content"],
        seq=row["seq"],
        accepted_at=from_micros(row["accepted_at"]),
        sent_at=_opt_time(row["sent_at"]),
        user_id=row["user_id"],
        channel=row["channel"],
        metadata=None if row["metadata"] is None else json.loads(row["metadata"]),
    )
