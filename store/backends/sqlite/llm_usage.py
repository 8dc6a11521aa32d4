"""The embedded adapter's LLM-spending part (``domain.ports.llm_usage``), mixed into
``SqliteLifecycle``.

``llm_usage`` holds a session's figures, ``llm_usage_days`` an account's per UTC day.
A record is one short write transaction of two upserts that add in SQL
(``ON CONFLICT DO UPDATE SET x = x + excluded.x``): the write lock serialises the
workers, so no increment is ever lost. A session's row goes with it (``purge``).
"""

from __future__ import annotations

import sqlite3
from datetime import date

from domain.ports.llm_usage import LLMUsageStore
from schemas.analytics_model import LLMTokens
from store.backends.sqlite.database import SqliteDatabase

#: Run inside ``SqliteStore``'s schema transaction.
LLM_USAGE_SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS llm_usage (
    account_id    TEXT    NOT NULL,
    session_id    TEXT    NOT NULL,
    input_tokens  INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    calls         INTEGER NOT NULL,
    PRIMARY KEY (account_id, session_id)
)""",
    """
CREATE TABLE IF NOT EXISTS llm_usage_days (
    account_id    TEXT    NOT NULL,
    day           TEXT    NOT NULL,
    input_tokens  INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    calls         INTEGER NOT NULL,
    PRIMARY KEY (account_id, day)
)""",
)

_ADD = (
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
    " input_tokens = input_tokens + excluded.input_tokens,"
    " output_tokens = output_tokens + excluded.output_tokens,"
    " calls = calls + excluded.calls"
)
_SUMS = (
    "SELECT coalesce(sum(input_tokens), 0) AS input_tokens,"
    " coalesce(sum(output_tokens), 0) AS output_tokens, coalesce(sum(calls), 0) AS calls"
)


class SqliteLLMUsage(LLMUsageStore):
    db: SqliteDatabase

    def record_llm_usage(
        self, account_id: str, session_id: str, day: date, spent: LLMTokens
    ) -> LLMTokens:
        counts = (spent.input_tokens, spent.output_tokens, spent.calls)
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO llm_usage (account_id, session_id, input_tokens, output_tokens,"
                " calls)" + _ADD,
                (account_id, session_id, *counts),
            )
            row = conn.execute(
                "INSERT INTO llm_usage_days (account_id, day, input_tokens, output_tokens,"
                " calls)" + _ADD + " RETURNING input_tokens, output_tokens, calls",
                (account_id, day.isoformat(), *counts),
            ).fetchone()
        return _tokens(row)

    def session_llm_usage(self, account_id: str, session_id: str) -> LLMTokens:
        with self.db.read() as conn:
            row = conn.execute(
                _SUMS + " FROM llm_usage WHERE account_id = ? AND session_id = ?",
                (account_id, session_id),
            ).fetchone()
        return _tokens(row)

    def account_llm_usage(self, account_id: str, day: date | None = None) -> LLMTokens:
        query, args = _SUMS + " FROM llm_usage_days WHERE account_id = ?", [account_id]
        if day is not None:
            query += " AND day = ?"
            args.append(day.isoformat())
        with self.db.read() as conn:
            row = conn.execute(query, args).fetchone()
        return _tokens(row)


def _tokens(row: sqlite3.Row) -> LLMTokens:
    return LLMTokens(
        input_tokens=row["input_tokens"], output_tokens=row["output_tokens"], calls=row["calls"]
    )
