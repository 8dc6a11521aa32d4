"""The embedded adapter's sessions part: sessions and the messages they hold."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from domain.ports.sessions import (
    AppendResult,
    DeletedSession,
    MessageCursor,
    SessionStore,
    jsonable_metadata,
    persona_from,
    stored_persona,
)
from schemas.errors import Conflict, InvalidInput, NotFound
from schemas.messages import MessageEvent, StoredMessage
from schemas.sessions import Session, SessionCreate, SessionPatch
from store.backends._common import (
    GIVEN_TITLE_SEQ,
    NO_SEQ,
    check_limit,
    decode_cursor,
    encode_cursor,
    from_micros,
    prompt_from,
    title_from,
    to_micros,
)
from store.backends.sqlite.database import (
    MESSAGE_COLUMNS,
    SESSION_COLUMNS,
    SqliteDatabase,
    message_from,
    newest_messages,
    session_from,
)
from store.backends.sqlite.purge import delete_contents
from store.backends.sqlite.search import index_message

log = logging.getLogger("memq.store.sqlite")

# Counters are computed from the old row (SQLite evaluates every SET expression
# against it), so the result does not depend on the order messages arrive in.
_UPSERT_SESSION = f"""
INSERT INTO sessions (
    account_id, session_id, user_id, channel, persona, title, title_seq, status,
    created_at, updated_at, last_message_at, message_count, last_prompt, last_prompt_seq,
    last_activity
) VALUES (
    :account_id, :session_id, :user_id, :channel, :persona, :title, :title_seq, 'active',
    :at, :at, :at, 1, :prompt, :prompt_seq, :at
)
ON CONFLICT (account_id, session_id) DO UPDATE SET
    user_id = coalesce(user_id, excluded.user_id),
    channel = coalesce(channel, excluded.channel),
    persona = coalesce(persona, excluded.persona),
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
RETURNING message_count, user_id
"""


class SqliteSessions(SessionStore):
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    def append_message(
        self,
        event: MessageEvent,
        delivery_id: str,
        *,
        max_messages: int | None = None,
        fold_every: int | None = None,
    ) -> AppendResult:
        with _refusals_are_permanent(), self.db.write() as conn:
            self.db.purge_if_past_retention(conn, event.account_id, event.session_id)
            return _append_in(conn, event, delivery_id, max_messages, fold_every)

    def append_messages(
        self,
        items: Sequence[tuple[MessageEvent, str]],
        *,
        max_messages: int | None = None,
        fold_every: int | None = None,
    ) -> list[AppendResult]:
        # One write transaction for the whole batch: one lock, one commit (fsync).
        results: list[AppendResult] = []
        with _refusals_are_permanent(), self.db.write() as conn:
            purged: set[tuple[str, str]] = set()
            for event, delivery_id in items:
                session = (event.account_id, event.session_id)
                if session not in purged:
                    # Once is enough: after it the session is live (or gone) for the
                    # rest of this transaction.
                    self.db.purge_if_past_retention(conn, *session)
                    purged.add(session)
                results.append(_append_in(conn, event, delivery_id, max_messages, fold_every))
        return results

    def list_messages(
        self, account_id: str, session_id: str, *, limit: int, before: int | None = None
    ) -> list[StoredMessage]:
        check_limit(limit)
        with self.db.read() as conn:
            self.db.require_session(conn, account_id, session_id)
            return newest_messages(
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
        with self.db.read() as conn:
            self.db.require_session(conn, account_id, session_id)
            rows = conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE account_id = ?"
                " AND session_id = ? AND (seq, message_id) > (?, ?)"
                " ORDER BY seq, message_id LIMIT ?",
                (account_id, session_id, seq, message_id, limit),
            ).fetchall()
        return [message_from(row) for row in rows]

    # -- sessions --------------------------------------------------------------
    def create_session(
        self, account_id: str, session_id: str, spec: SessionCreate, now: datetime
    ) -> Session:
        at = to_micros(now)
        try:
            with self.db.write() as conn:
                self.db.purge_if_past_retention(conn, account_id, session_id)
                conn.execute(
                    "INSERT INTO sessions (account_id, session_id, user_id, channel, persona,"
                    " title, title_seq, metadata, created_at, updated_at, last_activity)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        account_id,
                        session_id,
                        spec.user_id,
                        spec.channel,
                        persona_from(spec.persona, jsonable_metadata(spec.metadata)),
                        spec.title,
                        None if spec.title is None else GIVEN_TITLE_SEQ,
                        json.dumps(jsonable_metadata(spec.metadata)),
                        at,
                        at,
                        at,
                    ),
                )
                return self.db.session(conn, account_id, session_id)
        except sqlite3.IntegrityError:
            raise Conflict(f"session {session_id} already exists") from None

    def get_session(self, account_id: str, session_id: str) -> Session:
        with self.db.read() as conn:
            return self.db.session(conn, account_id, session_id)

    def list_sessions(
        self,
        account_id: str,
        *,
        user_id: str | None = None,
        channel: str | None = None,
        persona: str | None = None,
        active: bool | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> tuple[list[Session], str | None]:
        check_limit(limit)
        where = ["account_id = ?", "deleted = 0", "(status != 'ended' OR ended_at >= ?)"]
        args: list[Any] = [account_id, self.db.cutoff()]
        if user_id is not None:
            where.append("user_id = ?")
            args.append(user_id)
        if channel is not None:
            where.append("channel = ?")
            args.append(channel)
        if persona is not None:
            where.append("persona = ?")
            args.append(persona)
        if active is not None:
            where.append("status = ?")
            args.append("active" if active else "ended")
        if cursor is not None:
            after_at, after_id = decode_cursor(cursor)
            micros = to_micros(after_at)
            where.append("(last_activity < ? OR (last_activity = ? AND session_id > ?))")
            args += [micros, micros, after_id]
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {SESSION_COLUMNS} FROM sessions WHERE {' AND '.join(where)}"
                " ORDER BY last_activity DESC, session_id ASC LIMIT ?",
                (*args, limit + 1),
            ).fetchall()
        page = rows[:limit]
        next_cursor = None
        if len(rows) > limit:
            last = page[-1]
            next_cursor = encode_cursor(from_micros(last["last_activity"]), last["session_id"])
        return [session_from(row) for row in page], next_cursor

    def update_session(
        self, account_id: str, session_id: str, patch: SessionPatch, now: datetime
    ) -> Session:
        sets = ["updated_at = :now"]
        fields = patch.model_dump(exclude_unset=True)
        if "title" in fields:
            # A given title (or an explicit null) is final: messages no longer set it.
            sets += ["title = :title", f"title_seq = {GIVEN_TITLE_SEQ}"]
        if "persona" in fields:
            sets.append("persona = :persona")
        if "metadata" in fields:
            sets.append("metadata = :metadata")
        with self.db.write() as conn:
            changed = conn.execute(
                f"UPDATE sessions SET {', '.join(sets)} WHERE account_id = :account_id"
                " AND session_id = :session_id AND deleted = 0"
                " AND (status != 'ended' OR ended_at >= :cutoff)",
                {
                    "cutoff": self.db.cutoff(),
                    "now": to_micros(now),
                    "title": fields.get("title"),
                    "persona": stored_persona(fields.get("persona")),
                    "metadata": json.dumps(jsonable_metadata(fields.get("metadata"))),
                    "account_id": account_id,
                    "session_id": session_id,
                },
            ).rowcount
            if not changed:
                raise NotFound(f"session {session_id} not found")
            return self.db.session(conn, account_id, session_id)

    def end_session(self, account_id: str, session_id: str, reason: str, now: datetime) -> Session:
        at = to_micros(now)
        with self.db.write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'ended', ended_reason = ?, ended_at = ?,"
                " updated_at = ? WHERE account_id = ? AND session_id = ? AND deleted = 0"
                " AND status != 'ended'",
                (reason, at, at, account_id, session_id),
            )
            return self.db.session(conn, account_id, session_id)

    def delete_session(self, account_id: str, session_id: str) -> DeletedSession:
        with self.db.write() as conn:
            # The row stays as a tombstone; what it held about the conversation goes.
            changed = conn.execute(
                "UPDATE sessions SET deleted = 1, deleted_at = ?, title = NULL,"
                " last_prompt = NULL, metadata = '{}', user_id = NULL, channel = NULL"
                " WHERE account_id = ? AND session_id = ? AND deleted = 0"
                " AND (status != 'ended' OR ended_at >= ?)",
                (to_micros(datetime.now(UTC)), account_id, session_id, self.db.cutoff()),
            ).rowcount
            if not changed:
                raise NotFound(f"session {session_id} not found")
            purged = delete_contents(conn, account_id, session_id)
        log.info("deleted session %s (%d messages)", session_id, purged.messages)
        return purged


def _older_than_newest(conn: sqlite3.Connection, event: MessageEvent) -> bool:
    """Whether ``event`` comes before the session's newest stored message in
    conversation order (seq, then message_id)."""
    newest = conn.execute(
        "SELECT seq, message_id FROM messages WHERE account_id = ? AND session_id = ?"
        " ORDER BY seq DESC, message_id DESC LIMIT 1",
        (event.account_id, event.session_id),
    ).fetchone()
    return newest is not None and (event.seq, event.message_id) < tuple(newest)


def _append_in(
    conn: sqlite3.Connection,
    event: MessageEvent,
    delivery_id: str,
    max_messages: int | None,
    fold_every: int | None = None,
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
            "persona": event.persona,
            "title": title_from(event.content) if is_user else None,
            "title_seq": event.seq if is_user else None,
            "prompt": prompt_from(event.content) if is_user else None,
            "prompt_seq": event.seq if is_user else None,
            "at": to_micros(event.accepted_at),
        },
    ).fetchone()
    count = counted["message_count"]
    due = fold_every is not None and count % fold_every == 0 and _mark_memory_job(conn, event)
    return AppendResult(
        stored=True,
        message_count=count,
        has_user=counted["user_id"] is not None,
        memory_job_due=due,
    )


def _mark_memory_job(conn: sqlite3.Connection, event: MessageEvent) -> bool:
    """Mark the session as awaiting a memory job unless one is pending (same transaction
    as the count, so a committed fold count always leaves a mark behind)."""
    return bool(
        conn.execute(
            "UPDATE sessions SET memory_pending_at = ? WHERE account_id = ? AND session_id = ?"
            " AND memory_pending_at IS NULL",
            (to_micros(datetime.now(UTC)), event.account_id, event.session_id),
        ).rowcount
    )


@contextmanager
def _refusals_are_permanent() -> Iterator[None]:
    """A value SQLite will never store (a constraint, a size, an integer over 64
    bits) is ``InvalidInput``: dead-lettered at once, never retried."""
    try:
        yield
    except (sqlite3.IntegrityError, sqlite3.DataError, OverflowError) as exc:
        raise InvalidInput(f"sqlite refused the message: {exc}") from exc
