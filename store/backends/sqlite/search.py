"""The SQLite adapter's search part (``store.search``), mixed into ``SqliteStore``.

``messages_fts`` is an FTS5 table whose rowid is ``messages.id``, with two
columns: ``scope`` (one token, the hex of the account id, so a MATCH is
narrowed to one account inside the index) and ``terms`` (the message's terms
from ``domain.search.tokenize``, space-joined; FTS5's ``unicode61`` tokenizer
then just splits on the spaces). ``append_message`` indexes a stored message in
its own transaction (``index_message``); a trigger removes the row whenever
its message is deleted (session delete, retention purge), so the index never
outlives the message. A file from before schema version 4 is back-filled when
the table is created.

``memq_meta`` (key → JSON value) records ``search_index_version``, the tokenizer
``INDEX_VERSION`` of the terms, and while a reindex is under way
``search_reindex``, how far it got. ``SqliteStore`` reindexes a file with an
older version when it opens it: an embedded store is small.

Ranking is ``bm25`` over ``terms`` (``scope`` weighs 0), higher score first.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

from domain.ports.search import (
    REINDEX_BATCH,
    UNRECORDED_INDEX_VERSION,
    ReindexProgress,
    SearchHit,
    SearchStore,
)
from domain.search.snippet import snippet
from domain.search.tokenize import INDEX_VERSION, query_terms, term_string
from store.backends._common import check_batch, check_search_limit, from_micros
from store.backends.sqlite.database import SqliteDatabase

log = logging.getLogger("memq.store.sqlite")

_VERSION_KEY = "search_index_version"
#: ``{"version", "after", "done"}``: the last message id reindexed, and how many were.
_REINDEX_KEY = "search_reindex"

_CREATE_FTS = (
    "CREATE VIRTUAL TABLE messages_fts USING fts5("
    "scope, terms, tokenize = 'unicode61 remove_diacritics 0')"
)
_CREATE_META = "CREATE TABLE IF NOT EXISTS memq_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_DELETE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.id;
END"""


def scope_token(account_id: str) -> str:
    return account_id.encode().hex()


def create_search_schema(conn: sqlite3.Connection) -> None:
    """Inside ``SqliteStore``'s schema transaction, after ``messages`` exists."""
    conn.execute(_CREATE_META)
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages_fts'"
    ).fetchone()
    if exists is None:
        conn.execute(_CREATE_FTS)
        rows = conn.execute("SELECT id, account_id, content FROM messages").fetchall()
        for row in rows:  # back-fill a file written before search existed
            index_message(conn, row[0], row[1], row[2])
        _set_meta(conn, _VERSION_KEY, INDEX_VERSION)  # every row was just indexed
    conn.execute(_DELETE_TRIGGER)


def index_message(conn: sqlite3.Connection, rowid: int, account_id: str, content: str) -> None:
    _insert_terms(conn, rowid, account_id, term_string(content))


def _insert_terms(conn: sqlite3.Connection, rowid: int, account_id: str, terms: str) -> None:
    conn.execute(
        "INSERT INTO messages_fts (rowid, scope, terms) VALUES (?, ?, ?)",
        (rowid, scope_token(account_id), terms),
    )


def _meta(conn: sqlite3.Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM memq_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def _set_meta(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO memq_meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )


def _resume_point(conn: sqlite3.Connection) -> tuple[int, int]:
    """(last message id done, messages done) of an unfinished reindex to this version."""
    progress = _meta(conn, _REINDEX_KEY)
    if progress is None or progress["version"] != INDEX_VERSION:
        return 0, 0
    return int(progress["after"]), int(progress["done"])


def _messages_after(conn: sqlite3.Connection, after: int, batch: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT m.id, m.account_id, m.content, f.terms FROM messages m"
        " LEFT JOIN messages_fts f ON f.rowid = m.id"
        " WHERE m.id > ? ORDER BY m.id LIMIT ?",
        (after, batch),
    ).fetchall()


def _reindex_rows(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> None:
    for row in rows:
        terms = term_string(row["content"])
        if terms != row["terms"]:  # most messages keep their terms: leave their rows be
            conn.execute("DELETE FROM messages_fts WHERE rowid = ?", (row["id"],))
            _insert_terms(conn, row["id"], row["account_id"], terms)


def _log_progress(done: int, total: int) -> None:
    if total > REINDEX_BATCH:  # a small store is done before anyone waits for a line
        log.info("search: reindexed %d of %d messages", done, total)


def _match(account_id: str, terms: list[str]) -> str:
    quoted = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
    return f'scope : "{scope_token(account_id)}" AND terms : ({quoted})'


class SqliteSearch(SearchStore):
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    def search_messages(
        self,
        account_id: str,
        query: str,
        *,
        session_id: str | None = None,
        user_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        check_search_limit(limit)
        terms = query_terms(query)
        where = [
            "messages_fts MATCH ?",
            "m.account_id = ?",
            "s.deleted = 0",
            "(s.status != 'ended' OR s.ended_at >= ?)",
        ]
        args: list[Any] = [_match(account_id, terms), account_id, self.db.cutoff()]
        if session_id is not None:
            where.append("m.session_id = ?")
            args.append(session_id)
        if user_id is not None:
            where.append("s.user_id = ?")
            args.append(user_id)
        with self.db.read() as conn:
            if session_id is not None:
                self.db.require_session(conn, account_id, session_id)
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

    def search_index_version(self) -> int:
        with self.db.read() as conn:
            return _recorded_version(conn)

    def reindex_search(
        self,
        *,
        batch: int = REINDEX_BATCH,
        progress: ReindexProgress | None = None,
        until_current: bool = False,
    ) -> int:
        """``until_current``: stop as soon as the recorded version is current (another
        process opening the same file finished the work)."""
        check_batch(batch)
        with self.db.read() as conn:
            total = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
            after, done = _resume_point(conn)
        while True:
            # One transaction per batch: other writers get the lock in between, and
            # the progress recorded with the batch is exactly what was done.
            with self.db.write() as conn:
                if until_current and _recorded_version(conn) >= INDEX_VERSION:
                    conn.execute("DELETE FROM memq_meta WHERE key = ?", (_REINDEX_KEY,))
                    return done
                rows = _messages_after(conn, after, batch)
                if not rows:
                    _set_meta(conn, _VERSION_KEY, INDEX_VERSION)
                    conn.execute("DELETE FROM memq_meta WHERE key = ?", (_REINDEX_KEY,))
                    return done
                _reindex_rows(conn, rows)
                after, done = rows[-1]["id"], done + len(rows)
                _set_meta(
                    conn, _REINDEX_KEY, {"version": INDEX_VERSION, "after": after, "done": done}
                )
            if progress is not None:
                progress(done, max(done, total))

    def reindex_if_stale(self) -> None:
        """At open: bring the terms of a file written by an older version up to date."""
        version = self.search_index_version()
        if version >= INDEX_VERSION:
            return
        log.info("search: index version %d is older than %d: reindexing", version, INDEX_VERSION)
        done = self.reindex_search(progress=_log_progress, until_current=True)
        log.info("search: %d messages reindexed, index version %d", done, INDEX_VERSION)


def _recorded_version(conn: sqlite3.Connection) -> int:
    version = _meta(conn, _VERSION_KEY)
    return UNRECORDED_INDEX_VERSION if version is None else int(version)
