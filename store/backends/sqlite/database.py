"""The embedded adapter's database: one SQLite file, WAL mode, shared by threads and processes.

Connections come from a small pool (one per concurrently active thread) so
readers run in parallel under WAL. Writes take ``BEGIN IMMEDIATE``: the write
lock is taken up front, so two writers (threads or worker processes) queue on
the busy timeout instead of failing half-way with a lock upgrade error.

Times are stored as integer microseconds since the epoch (UTC). ``messages``
keeps an integer rowid so the FTS5 index can point at it.

Every part of the store (``sessions``, ``memory``, ``lifecycle``, ``search``,
``transfer``) works through one ``SqliteDatabase``: its transactions, its
retention cutoff, and the reads of a session every part shares.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from domain.ports.sessions import persona_from
from schemas.errors import NotFound, StoreUnavailable
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage
from schemas.sessions import Session
from store.backends._common import NO_SEQ, from_micros, memory_state, to_micros
from store.backends._scan import retention_cutoff
from store.backends.sqlite.purge import purge_rows

log = logging.getLogger("memq.store.sqlite")

BUSY_TIMEOUT_S = 10.0
SCHEMA_VERSION = 7

SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS sessions (
    account_id      TEXT    NOT NULL,
    session_id      TEXT    NOT NULL,
    user_id         TEXT,
    channel         TEXT,
    persona         TEXT,
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
    memory_pending_at INTEGER,
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
FOLDING_SCHEMA = (
    """
CREATE INDEX IF NOT EXISTS messages_unfolded
    ON messages (account_id, session_id, seq, message_id) WHERE folded = 0""",
    # Partial: only sessions whose memory job is pending (the stale-mark scan).
    """
CREATE INDEX IF NOT EXISTS sessions_by_memory_mark
    ON sessions (memory_pending_at, account_id, session_id) WHERE memory_pending_at IS NOT NULL""",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)

SESSION_COLUMNS = (
    "session_id, user_id, channel, persona, title, metadata, status, ended_reason, created_at, "
    "updated_at, last_message_at, ended_at, message_count, last_prompt, last_activity"
)
#: A session as every read sees it: not deleted, not past retention (``store.lifecycle``).
#: Parameters: account_id, session_id, the retention cutoff.
VISIBLE_SESSION = (
    "account_id = ? AND session_id = ? AND deleted = 0 AND (status != 'ended' OR ended_at >= ?)"
)
MESSAGE_COLUMNS = (
    "message_id, session_id, role, content, seq, accepted_at, sent_at, user_id, channel, metadata"
)


#: Sessions ended before this (micros) are never past retention: no retention set.
NO_CUTOFF = -(2**63)


class SqliteDatabase:
    def __init__(
        self,
        path: Path,
        *,
        retention: timedelta | None = None,
        trace: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.retention = retention
        self.trace = trace  # sees every statement SQLite runs (benchmarks count round trips)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._closed = False

    # -- connections -----------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN ourselves, so no implicit transactions.
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if self.trace is not None:
            conn.set_trace_callback(self.trace)
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
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
        with self.connection() as conn:
            try:
                conn.execute(begin)
                try:
                    yield conn
                except BaseException:
                    rollback(conn)
                    raise
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                # Locked, busy, disk full, I/O: worth retrying later.
                rollback(conn)
                raise StoreUnavailable(f"sqlite: {exc}") from exc

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._transaction("BEGIN IMMEDIATE")

    def read(self) -> AbstractContextManager[sqlite3.Connection]:
        # One snapshot for multi-statement reads (session check, then its messages).
        return self._transaction("BEGIN")

    def ping(self) -> None:
        with self.read() as conn:
            conn.execute("SELECT 1").fetchone()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    # -- retention -------------------------------------------------------------
    def cutoff(self) -> int:
        """Sessions ended before this (micros) are past retention."""
        cutoff = retention_cutoff(self.retention)
        return NO_CUTOFF if cutoff is None else to_micros(cutoff)

    def purge_if_past_retention(
        self, conn: sqlite3.Connection, account_id: str, session_id: str
    ) -> None:
        """A session past retention that the sweep has not reached is already gone for
        readers: purge it now, so that what comes next (a message, a create) starts a
        new session, exactly as after the sweep."""
        if self.retention is None:
            return
        row = conn.execute(
            "SELECT 1 FROM sessions WHERE account_id = ? AND session_id = ? AND deleted = 0"
            " AND status = 'ended' AND ended_at < ?",
            (account_id, session_id, self.cutoff()),
        ).fetchone()
        if row is not None:
            purged = purge_rows(conn, account_id, session_id)
            log.info("purged session %s past retention (%d messages)", session_id, purged)

    # -- a session as every part reads it ---------------------------------------
    # Visible = not deleted and not past retention (``store.lifecycle``).
    def session_exists(self, conn: sqlite3.Connection, account_id: str, session_id: str) -> bool:
        row = conn.execute(
            f"SELECT 1 FROM sessions WHERE {VISIBLE_SESSION}",
            (account_id, session_id, self.cutoff()),
        ).fetchone()
        return row is not None

    def require_session(self, conn: sqlite3.Connection, account_id: str, session_id: str) -> None:
        if not self.session_exists(conn, account_id, session_id):
            raise NotFound(f"session {session_id} not found")

    def session(self, conn: sqlite3.Connection, account_id: str, session_id: str) -> Session:
        row = conn.execute(
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE {VISIBLE_SESSION}",
            (account_id, session_id, self.cutoff()),
        ).fetchone()
        if row is None:
            raise NotFound(f"session {session_id} not found")
        return session_from(row)


def memory_of(conn: sqlite3.Connection, account_id: str, session_id: str) -> MemoryState:
    """The saved memory state, or the empty one (a lease row holds no state)."""
    row = conn.execute(
        "SELECT state, version FROM memory WHERE account_id = ? AND session_id = ?",
        (account_id, session_id),
    ).fetchone()
    if row is None or row["state"] is None:
        return MemoryState()
    return memory_state(json.loads(row["state"]), row["version"])


def newest_messages(
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
        f"SELECT {MESSAGE_COLUMNS} FROM messages"
        " WHERE account_id = ? AND session_id = ? AND seq > ? AND seq < ?"
        " ORDER BY seq DESC, message_id DESC LIMIT ?",
        (account_id, session_id, after, before, limit),
    ).fetchall()
    return [message_from(row) for row in reversed(rows)]


def rollback(conn: sqlite3.Connection) -> None:
    # Some errors (SQLITE_FULL, SQLITE_IOERR) already rolled the transaction back.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _opt_time(micros: int | None) -> datetime | None:
    return None if micros is None else from_micros(micros)


def session_from(row: sqlite3.Row) -> Session:
    metadata = json.loads(row["metadata"])
    return Session(
        session_id=row["session_id"],
        user_id=row["user_id"],
        channel=row["channel"],
        persona=persona_from(row["persona"], metadata),
        title=row["title"],
        metadata=metadata,
        status=row["status"],
        ended_reason=row["ended_reason"],
        created_at=from_micros(row["created_at"]),
        updated_at=from_micros(row["updated_at"]),
        last_message_at=_opt_time(row["last_message_at"]),
        ended_at=_opt_time(row["ended_at"]),
        message_count=row["message_count"],
        last_prompt=row["last_prompt"],
    )


def message_from(row: sqlite3.Row) -> StoredMessage:
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
