"""A write-ahead journal for the in-process broker.

Dramatiq's in-process broker keeps its queues in memory. In the embedded
default the gateway writes each accepted message here before answering 202,
the worker erases it once the message is stored (or dead-lettered), and
``memq serve`` replays what is left at start-up. So a crash or a restart
between "accepted" and "stored" loses nothing; the store's idempotency makes
a replayed duplicate harmless.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware


class Journal:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a 202 promises the message survives power loss, as a confirm does.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS pending (message_id TEXT PRIMARY KEY, body BLOB NOT NULL)"
        )
        self._lock = threading.Lock()

    def record(self, message: dramatiq.Message[Any]) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO pending (message_id, body) VALUES (?, ?)",
                (message.message_id, message.encode()),
            )

    def erase(self, message_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM pending WHERE message_id = ?", (message_id,))

    def pending(self) -> list[dramatiq.Message[Any]]:
        with self._lock:
            rows = self._db.execute("SELECT body FROM pending ORDER BY rowid").fetchall()
        return [dramatiq.Message.decode(body) for (body,) in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()


class JournalMiddleware(Middleware):
    """Erases a journalled message once it needs no further processing."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        # A failure that Retries will re-enqueue keeps its entry; the copy it
        # enqueues has the same message id.
        if exception is None or getattr(message, "failed", False):
            self.journal.erase(message.message_id)

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        self.journal.erase(message.message_id)
