"""The embedded adapter's memory part: a session's memory state, its lease, its folding.

``memory`` holds one row per session that has a memory lease or a saved
``MemoryState`` (as JSON), with its compare-and-set ``version``; a message is
``folded`` once a saved state covers it (partial index ``messages_unfolded``).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from domain.ports.memory import ContextSnapshot, MemoryStore, SessionUser
from domain.ports.sessions import persona_from
from schemas.errors import NotFound
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage
from store.backends._common import (
    check_keep_last,
    check_limit,
    from_micros,
    memory_document,
    to_micros,
)
from store.backends.sqlite.database import (
    MESSAGE_COLUMNS,
    VISIBLE_SESSION,
    SqliteDatabase,
    memory_of,
    message_from,
    newest_messages,
)
from store.backends.sqlite.user_memory import SqliteUserMemory


class SqliteMemory(MemoryStore):
    def __init__(self, db: SqliteDatabase, users: SqliteUserMemory) -> None:
        self.db = db
        self.users = users  # the context snapshot reads the user memory through its cache

    def load_memory(self, account_id: str, session_id: str) -> MemoryState:
        with self.db.read() as conn:
            self.db.require_session(conn, account_id, session_id)
            return memory_of(conn, account_id, session_id)

    def context_snapshot(
        self, account_id: str, session_id: str, *, recent_limit: int, user_memory: bool = False
    ) -> ContextSnapshot:
        # One read transaction instead of three (five with the user memory): every
        # context request comes through here.
        check_limit(recent_limit)
        with self.db.read() as conn:
            session = conn.execute(
                "SELECT message_count, user_id, persona,"
                " CASE WHEN persona IS NULL THEN metadata END AS metadata"  # the legacy persona
                f" FROM sessions WHERE {VISIBLE_SESSION}",
                (account_id, session_id, self.db.cutoff()),
            ).fetchone()
            if session is None:
                raise NotFound(f"session {session_id} not found")
            memory = memory_of(conn, account_id, session_id)
            recent = newest_messages(conn, account_id, session_id, limit=recent_limit)
            user = None
            if user_memory and session["user_id"] is not None:
                user_id = session["user_id"]
                metadata = json.loads(session["metadata"] or "{}")
                persona = persona_from(session["persona"], metadata) or ""
                user = SessionUser(
                    user_id, persona, self.users.read_in(conn, account_id, user_id, persona)
                )
        return ContextSnapshot(
            message_count=session["message_count"], memory=memory, recent=recent, user=user
        )

    def acquire_memory_lease(
        self, account_id: str, session_id: str, owner: str, until: datetime, now: datetime
    ) -> bool:
        with self.db.write() as conn:
            if not self.db.session_exists(conn, account_id, session_id):
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
        with self.db.write() as conn:
            conn.execute(
                "UPDATE memory SET lease_owner = NULL, lease_until = NULL"
                " WHERE account_id = ? AND session_id = ? AND lease_owner = ?",
                (account_id, session_id, owner),
            )

    def take_memory_mark(self, account_id: str, session_id: str) -> datetime | None:
        key = (account_id, session_id)
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT memory_pending_at FROM sessions WHERE account_id = ? AND session_id = ?",
                key,
            ).fetchone()
            if row is None or row["memory_pending_at"] is None:
                return None
            conn.execute(
                "UPDATE sessions SET memory_pending_at = NULL"
                " WHERE account_id = ? AND session_id = ?",
                key,
            )
        return from_micros(row["memory_pending_at"])

    def mark_memory_pending(self, account_id: str, session_id: str, now: datetime) -> bool:
        with self.db.write() as conn:
            return bool(
                conn.execute(
                    f"UPDATE sessions SET memory_pending_at = ? WHERE {VISIBLE_SESSION}"
                    " AND memory_pending_at IS NULL",
                    (to_micros(now), account_id, session_id, self.db.cutoff()),
                ).rowcount
            )

    def renew_memory_mark(
        self, account_id: str, session_id: str, *, marked_before: datetime, now: datetime
    ) -> bool:
        with self.db.write() as conn:
            return bool(
                conn.execute(
                    "UPDATE sessions SET memory_pending_at = ? WHERE account_id = ?"
                    " AND session_id = ? AND deleted = 0 AND memory_pending_at < ?",
                    (to_micros(now), account_id, session_id, to_micros(marked_before)),
                ).rowcount
            )

    def oldest_unfolded_at(self, account_id: str, session_id: str) -> datetime | None:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT accepted_at FROM messages INDEXED BY messages_unfolded"
                " WHERE account_id = ? AND session_id = ? AND folded = 0"
                " ORDER BY seq, message_id LIMIT 1",
                (account_id, session_id),
            ).fetchone()
        return None if row is None else from_micros(row["accepted_at"])

    def save_memory(self, account_id: str, session_id: str, state: MemoryState, owner: str) -> bool:
        version = state.version + 1
        # Encoded before the write lock is taken: ingest waits on every write held.
        document = json.dumps(memory_document(state, version))
        folded_ids = json.dumps(state.last_fold_ids)
        with self.db.write() as conn:
            # The lease row exists (acquire created it), so the CAS is a plain update.
            saved = conn.execute(
                "UPDATE memory SET state = ?, version = ?"
                " WHERE account_id = ? AND session_id = ? AND version = ? AND lease_owner = ?",
                (
                    document,
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
                    (account_id, folded_ids, session_id),
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
        with self.db.read() as conn:
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
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE {where}"
                " ORDER BY seq, message_id LIMIT ?",
                (*args, limit),
            ).fetchall()
        return [message_from(row) for row in rows]

    def count_unfolded(self, account_id: str, session_id: str) -> int:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT count(*) FROM messages"
                " WHERE account_id = ? AND session_id = ? AND folded = 0",
                (account_id, session_id),
            ).fetchone()
        return int(row[0])

    def messages_before(
        self, account_id: str, session_id: str, seq: int, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        with self.db.read() as conn:
            return newest_messages(conn, account_id, session_id, before=seq, limit=limit)

    def messages_between(
        self, account_id: str, session_id: str, first_seq: int, last_seq: int, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE account_id = ?"
                " AND session_id = ? AND seq BETWEEN ? AND ? ORDER BY seq, message_id LIMIT ?",
                (account_id, session_id, first_seq, last_seq, limit),
            ).fetchall()
        return [message_from(row) for row in rows]
