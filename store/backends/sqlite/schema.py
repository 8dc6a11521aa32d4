"""Creating or upgrading the tables of every part, once, at open."""

from __future__ import annotations

import sqlite3

from schemas.errors import StoreUnavailable
from store.backends.sqlite.database import FOLDING_SCHEMA, SCHEMA, SqliteDatabase, rollback
from store.backends.sqlite.lifecycle import LIFECYCLE_SCHEMA
from store.backends.sqlite.llm_usage import LLM_USAGE_SCHEMA
from store.backends.sqlite.search import create_search_schema
from store.backends.sqlite.user_memory import USER_MEMORY_SCHEMA


def create_schema(db: SqliteDatabase) -> None:
    # Idempotent, and serialised by the write lock when processes start together.
    with db.connection() as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA:
                conn.execute(statement)
            _upgrade(conn)
            for statement in FOLDING_SCHEMA:
                conn.execute(statement)
            for statement in LIFECYCLE_SCHEMA:
                conn.execute(statement)
            for statement in LLM_USAGE_SCHEMA:
                conn.execute(statement)
            for statement in USER_MEMORY_SCHEMA:
                conn.execute(statement)
            create_search_schema(conn)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            rollback(conn)
            raise StoreUnavailable(f"sqlite: {exc}") from exc


def _upgrade(conn: sqlite3.Connection) -> None:
    """Columns added since version 1 (a ``CREATE TABLE IF NOT EXISTS`` keeps old tables)."""
    columns = {row["name"] for row in conn.execute("PRAGMA table_info(messages)")}
    if "folded" not in columns:  # a version 1 file
        conn.execute("ALTER TABLE messages ADD COLUMN folded INTEGER NOT NULL DEFAULT 0")
    session_columns = {row["name"] for row in conn.execute("PRAGMA table_info(sessions)")}
    if "deleted_at" not in session_columns:  # a file before version 5
        conn.execute("ALTER TABLE sessions ADD COLUMN deleted_at INTEGER")
    if "memory_pending_at" not in session_columns:  # a file before version 6
        conn.execute("ALTER TABLE sessions ADD COLUMN memory_pending_at INTEGER")
    if "persona" not in session_columns:  # a file before version 7
        conn.execute("ALTER TABLE sessions ADD COLUMN persona TEXT")
        conn.execute(_PERSONA_FROM_METADATA)
    # After the column exists (the tables above may be older than it).
    conn.execute(
        "CREATE INDEX IF NOT EXISTS sessions_by_persona"
        " ON sessions (account_id, persona, last_activity DESC, session_id)"
    )


#: Before version 7 a persona was ``metadata.persona``: copy each valid one into
#: the column, so the persona filter finds those sessions too.
_PERSONA_FROM_METADATA = """
UPDATE sessions SET persona = json_extract(metadata, '$.persona')
WHERE persona IS NULL AND json_type(metadata, '$.persona') = 'text'
  AND length(json_extract(metadata, '$.persona')) BETWEEN 1 AND 64
  AND (json_extract(metadata, '$.persona')) NOT GLOB '*[^A-Za-z0-9._:-]*'
"""
