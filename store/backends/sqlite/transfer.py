"""The embedded adapter's import part (``domain.ports.transfer``).

One ``BEGIN IMMEDIATE`` transaction: session row, message rows (indexed for
search like ``append_message`` does), memory row; nothing is left behind
when any check fails.
"""

from __future__ import annotations

import json
from datetime import datetime

from domain.ports.transfer import IMPORT_DELIVERY, TransferStore, message_id_taken
from schemas.errors import Conflict
from schemas.sessions import Session
from schemas.transfer import SessionDocument
from store.backends._common import memory_document, to_micros
from store.backends._transfer import counters, imported_memory
from store.backends.sqlite.database import SqliteDatabase
from store.backends.sqlite.search import index_message


class SqliteTransfer(TransferStore):
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    def import_session(
        self, account_id: str, session_id: str, doc: SessionDocument, now: datetime
    ) -> Session:
        spec, count = doc.session, counters(doc)
        created = to_micros(spec.created_at)
        last_at = None if count.last_message_at is None else to_micros(count.last_message_at)
        with self.db.write() as conn:
            self.db.purge_if_past_retention(conn, account_id, session_id)
            taken = conn.execute(
                "SELECT 1 FROM sessions WHERE account_id = ? AND session_id = ?",
                (account_id, session_id),
            ).fetchone()
            if taken is not None:
                raise Conflict(f"session {session_id} already exists")
            ids = json.dumps([m.message_id for m in doc.messages])
            clash = conn.execute(
                "SELECT message_id FROM messages WHERE account_id = ?"
                " AND message_id IN (SELECT value FROM json_each(?)) LIMIT 1",
                (account_id, ids),
            ).fetchone()
            if clash is not None:
                raise Conflict(message_id_taken(clash[0]))
            conn.execute(
                "INSERT INTO sessions (account_id, session_id, user_id, channel, persona,"
                " title, title_seq, metadata, status, ended_reason, created_at, updated_at,"
                " last_message_at, ended_at, message_count, last_prompt, last_prompt_seq,"
                " last_activity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    account_id,
                    session_id,
                    spec.user_id,
                    spec.channel,
                    spec.persona,
                    count.title,
                    count.title_seq,
                    json.dumps(spec.metadata),
                    spec.status,
                    spec.ended_reason,
                    created,
                    max(to_micros(now), created),
                    last_at,
                    None if spec.ended_at is None else to_micros(spec.ended_at),
                    count.message_count,
                    count.last_prompt,
                    count.last_prompt_seq,
                    created if last_at is None else last_at,
                ),
            )
            folded = doc.memory.folded_count
            for position, message in enumerate(doc.messages):
                cursor = conn.execute(
                    "INSERT INTO messages (account_id, message_id, session_id, role, content,"
                    " seq, accepted_at, sent_at, user_id, channel, metadata, delivery_id, folded)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        account_id,
                        message.message_id,
                        session_id,
                        message.role,
                        message.content,
                        message.seq,
                        to_micros(message.accepted_at),
                        None if message.sent_at is None else to_micros(message.sent_at),
                        message.user_id,
                        message.channel,
                        None if message.metadata is None else json.dumps(message.metadata),
                        IMPORT_DELIVERY,
                        int(position < folded),
                    ),
                )
                assert cursor.lastrowid is not None
                index_message(conn, cursor.lastrowid, account_id, message.content)
            memory = imported_memory(doc, now)
            if memory is not None:
                conn.execute(
                    "INSERT INTO memory (account_id, session_id, state, version)"
                    " VALUES (?, ?, ?, 1)",
                    (account_id, session_id, json.dumps(memory_document(memory, 1))),
                )
            return self.db.session(conn, account_id, session_id)
