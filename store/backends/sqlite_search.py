"""The SQLite adapter's search part (``store.search``), mixed into ``SqliteStore``.

``messages_fts`` is an FTS5 table whose rowid is ``messages.id``, with two
columns: ``scope`` (one token, the hex of the account id, so a MATCH is
narrowed to one account inside the index) and ``terms`` (the message's terms
from ``memq.search.tokenize``, space-joined; FTS5's ``unicode61`` tokenizer
then just splits on the spaces). ``append_message`` indexes a stored message in
its own transaction (``index_message``); a trigger removes the row whenever
its message is deleted (session delete, retention purge), so the index never
outlives the message. A file from before schema version 4 is back-filled when
the table is created.

Ranking is ``bm25`` over ``terms`` (``scope`` weighs 0), higher score first.
"""

from __future__ import annotations

import abc
import sqlite3
from contextlib import AbstractContextManager
from typing import Any

from memq.errors import InvalidInput
from memq.search.snippet import snippet
from memq.search.tokenize import query_terms, term_string
from store.backends._common import check_limit, from_micros
from store.search import MAX_SEARCH_LIMIT, SearchHit, SearchStore

_CREATE_FTS = (
    "CREATE VIRTUAL TABLE messages_fts USING fts5("
    "scope, terms, tokenize = 'unicode61 remove_diacritics 0')"
)
_DELETE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.id;
END"""


def scope_token(account_id: str) -> str:
    return account_id.encode().hex()


def create_search_schema(conn: sqlite3.Connection) -> None:
    """Inside ``SqliteStore``'s schema transaction, after ``messages`` exists."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages_fts'"
    ).fetchone()
    if exists is None:
        conn.execute(_CREATE_FTS)
        rows = conn.execute("SELECT id, account_id, content FROM messages").fetchall()
        for row in rows:  # back-fill a file written before search existed
            index_message(conn, row[0], row[1], row[2])
    conn.execute(_DELETE_TRIGGER)


def index_message(conn: sqlite3.Connection, rowid: int, account_id: str, content: str) -> None:
    conn.execute(
        "INSERT INTO messages_fts (rowid, scope, terms) VALUES (?, ?, ?)",
        (rowid, scope_token(account_id), term_string(content)),
    )


def _match(account_id: str, terms: list[str]) -> str:
    quoted = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
    return f'scope : "{scope_token(account_id)}" AND terms : ({quoted})'


class SqliteSearch(SearchStore):
    """Needs the host's read transaction, retention cutoff and visibility check."""

    @abc.abstractmethod
    def _read(self) -> AbstractContextManager[sqlite3.Connection]: ...

    @abc.abstractmethod
    def _cutoff(self) -> int: ...

    @abc.abstractmethod
    def _require_session(
        self, conn: sqlite3.Connection, account_id: str, session_id: str
    ) -> None: ...

    def search_messages(
        self,
        account_id: str,
        query: str,
        *,
        session_id: str | None = None,
        user_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        check_limit(limit)
        if limit > MAX_SEARCH_LIMIT:
            raise InvalidInput(f"limit must be at most {MAX_SEARCH_LIMIT}")
        terms = query_terms(query)
        where = [
            "messages_fts MATCH ?",
            "m.account_id = ?",
            "s.deleted = 0",
            "(s.status != 'ended' OR s.ended_at >= ?)",
        ]
        args: list[Any] = [_match(account_id, terms), account_id, self._cutoff()]
        if session_id is not None:
            where.append("m.session_id = ?")
            args.append(session_id)
        if user_id is not None:
            where.append("s.user_id = ?")
            args.append(user_id)
        with self._read() as conn:
            if session_id is not None:
                self._require_session(conn, account_id, session_id)
            if not terms:
                return []
            rows = conn.execute(
                "SELECT m.session_id, m.message_id, m.role, m.seq, m.content, m.accepted_at,"
                " m.user_id, -bm25(messages_fts, 0.0, 1.0) AS score"
                " FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid"
                " JOIN sessions s ON s.account_id = m.account_id AND s.session_id = m.session_id"
                f" WHERE {' AND '.join(where)}"
                " ORDER BY score DESC, m.accepted_at DESC, m.message_id LIMIT ?",
                (*args, limit),
            ).fetchall()
        return [
            SearchHit(
                session_id=row["session_id"],
                message_id=row["message_id"],
                role=row["role"],
                seq=row["seq"],
                score=round(float(row["score"]), 6),
                snippet=snippet(row["content"], terms),
                accepted_at=from_micros(row["accepted_at"]),
                user_id=row["user_id"],
            )
            for row in rows
        ]
