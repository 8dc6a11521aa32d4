"""Deleting what a session left in every table: for a purge past retention, a deletion, a
tombstone's removal. No part owns it: each of them may have to do it."""

from __future__ import annotations

import sqlite3

from domain.ports.sessions import DeletedSession

#: The tables that hold rows of a session besides ``messages`` and ``sessions``.
_SESSION_TABLES = ("memory", "analytics", "analytics_sources", "llm_usage")


def purge_rows(conn: sqlite3.Connection, account_id: str, session_id: str) -> int:
    """Delete everything stored for a session, its row included; the messages deleted."""
    purged = delete_contents(conn, account_id, session_id)
    conn.execute(
        "DELETE FROM sessions WHERE account_id = ? AND session_id = ?", (account_id, session_id)
    )
    return purged.messages


def delete_contents(conn: sqlite3.Connection, account_id: str, session_id: str) -> DeletedSession:
    """Delete a session's messages (their search entries with them: a trigger), memory and
    analytics, not its row; counted by kind."""
    key = (account_id, session_id)
    (indexed,) = conn.execute(
        "SELECT count(*) FROM messages_fts WHERE rowid IN"
        " (SELECT id FROM messages WHERE account_id = ? AND session_id = ?)",
        key,
    ).fetchone()
    purged = conn.execute(
        "DELETE FROM messages WHERE account_id = ? AND session_id = ?", key
    ).rowcount
    deleted = {
        table: conn.execute(
            f"DELETE FROM {table} WHERE account_id = ? AND session_id = ?", key
        ).rowcount
        for table in _SESSION_TABLES
    }
    return DeletedSession(
        messages=purged,
        memories=deleted["memory"],
        analytics_rows=deleted["analytics"] + deleted["analytics_sources"],
        search_entries=indexed,
    )
