"""The embedded adapter's user-memory part: one row per (account, user, persona).

``user_memory`` holds the ``UserMemoryState`` as JSON with its compare-and-set
``version`` and the merge lease. A merge costs four statements whatever the
user's history: take the lease, read, compare-and-set, release.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from domain.ports.user_memory import UserMemoryStore
from schemas.user_memory import UserMemoryState
from store.backends._common import to_micros
from store.backends._parsed_memory import ParsedMemories
from store.backends.sqlite.database import SqliteDatabase

USER_MEMORY_SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS user_memory (
    account_id  TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    persona     TEXT    NOT NULL,
    state       TEXT,
    version     INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until INTEGER,
    PRIMARY KEY (account_id, user_id, persona)
)""",
)


def user_memory_document(state: UserMemoryState, version: int) -> str:
    return json.dumps(state.model_copy(update={"version": version}).model_dump(mode="json"))


def user_memory_state(document: bytes, version: int) -> UserMemoryState:
    return UserMemoryState.model_validate({**json.loads(document), "version": version})


class SqliteUserMemory(UserMemoryStore):
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self._parsed = ParsedMemories()

    def load_user_memory(self, account_id: str, user_id: str, persona: str) -> UserMemoryState:
        with self.db.read() as conn:
            return self.read_in(conn, account_id, user_id, persona)

    def read_in(
        self, conn: sqlite3.Connection, account_id: str, user_id: str, persona: str
    ) -> UserMemoryState:
        """``load_user_memory`` within the caller's transaction (the context snapshot's)."""
        # As bytes: compared with the last one parsed, not decoded, when unchanged.
        row = conn.execute(
            "SELECT CAST(state AS BLOB) AS state, version FROM user_memory"
            " WHERE account_id = ? AND user_id = ? AND persona = ?",
            (account_id, user_id, persona),
        ).fetchone()
        if row is None:
            return UserMemoryState()
        version = row["version"]
        if row["state"] is None:
            return UserMemoryState(version=version)
        document = row["state"]
        return self._parsed.get(
            (account_id, user_id, persona),
            version,
            document,
            lambda: user_memory_state(document, version),
        )

    def acquire_user_memory_lease(
        self,
        account_id: str,
        user_id: str,
        persona: str,
        owner: str,
        until: datetime,
        now: datetime,
    ) -> bool:
        with self.db.write() as conn:
            taken = conn.execute(
                "INSERT INTO user_memory (account_id, user_id, persona, lease_owner, lease_until)"
                " VALUES (:account_id, :user_id, :persona, :owner, :until)"
                " ON CONFLICT (account_id, user_id, persona) DO UPDATE SET"
                " lease_owner = excluded.lease_owner, lease_until = excluded.lease_until"
                " WHERE lease_owner IS NULL OR lease_owner = :owner OR lease_until < :now"
                " RETURNING 1",
                {
                    "account_id": account_id,
                    "user_id": user_id,
                    "persona": persona,
                    "owner": owner,
                    "until": to_micros(until),
                    "now": to_micros(now),
                },
            ).fetchone()
        return taken is not None

    def release_user_memory_lease(
        self, account_id: str, user_id: str, persona: str, owner: str
    ) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE user_memory SET lease_owner = NULL, lease_until = NULL"
                " WHERE account_id = ? AND user_id = ? AND persona = ? AND lease_owner = ?",
                (account_id, user_id, persona, owner),
            )

    def save_user_memory(
        self,
        account_id: str,
        user_id: str,
        persona: str,
        state: UserMemoryState,
        owner: str | None,
    ) -> bool:
        version = state.version + 1
        args = {
            "account_id": account_id,
            "user_id": user_id,
            "persona": persona,
            "state": user_memory_document(state, version),
            "version": version,
            "expected": state.version,
            "owner": owner,
        }
        with self.db.write() as conn:
            if owner is not None:
                # The lease row exists (acquire created it): a plain guarded update.
                saved = conn.execute(
                    "UPDATE user_memory SET state = :state, version = :version"
                    " WHERE account_id = :account_id AND user_id = :user_id"
                    " AND persona = :persona AND version = :expected AND lease_owner = :owner",
                    args,
                ).rowcount
                return bool(saved)
            saved_row = conn.execute(
                "INSERT INTO user_memory (account_id, user_id, persona, state, version)"
                " SELECT :account_id, :user_id, :persona, :state, :version WHERE :expected = 0"
                " ON CONFLICT (account_id, user_id, persona) DO UPDATE SET"
                " state = excluded.state, version = excluded.version"
                " WHERE user_memory.version = :expected"
                " RETURNING 1",
                args,
            ).fetchone()
            if saved_row is not None:
                return True
            if state.version == 0:
                return False
            return bool(
                conn.execute(
                    "UPDATE user_memory SET state = :state, version = :version"
                    " WHERE account_id = :account_id AND user_id = :user_id"
                    " AND persona = :persona AND version = :expected",
                    args,
                ).rowcount
            )

    def user_memory_personas(self, account_id: str, user_id: str) -> list[str]:
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT persona FROM user_memory WHERE account_id = ? AND user_id = ?"
                " AND state IS NOT NULL ORDER BY persona",
                (account_id, user_id),
            ).fetchall()
        return [row["persona"] for row in rows]

    def delete_user_memories(self, account_id: str, user_id: str) -> int:
        with self.db.write() as conn:
            # Lease-only rows go too (a merge holding one then fails its save), uncounted.
            (stored,) = conn.execute(
                "SELECT count(*) FROM user_memory WHERE account_id = ? AND user_id = ?"
                " AND state IS NOT NULL",
                (account_id, user_id),
            ).fetchone()
            conn.execute(
                "DELETE FROM user_memory WHERE account_id = ? AND user_id = ?",
                (account_id, user_id),
            )
        return int(stored)
