"""The embedded adapter: one SQLite file, its six parts over one database handle."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from domain.ports.store import Store
from store.backends.sqlite.database import SqliteDatabase
from store.backends.sqlite.lifecycle import SqliteLifecycle
from store.backends.sqlite.memory import SqliteMemory
from store.backends.sqlite.schema import create_schema
from store.backends.sqlite.search import SqliteSearch
from store.backends.sqlite.sessions import SqliteSessions
from store.backends.sqlite.transfer import SqliteTransfer
from store.backends.sqlite.user_memory import SqliteUserMemory

log = logging.getLogger("memq.store.sqlite")


class SqliteStore(Store):
    def __init__(
        self,
        path: Path,
        *,
        retention: timedelta | None = None,
        trace: Callable[[str], None] | None = None,
    ) -> None:
        self.db = SqliteDatabase(path, retention=retention, trace=trace)
        self.sessions = SqliteSessions(self.db)
        self.user_memory = SqliteUserMemory(self.db)
        self.memory = SqliteMemory(self.db, self.user_memory)
        self.lifecycle = SqliteLifecycle(self.db)
        self.search = SqliteSearch(self.db)
        self.transfer = SqliteTransfer(self.db)
        try:
            create_schema(self.db)
            self.search.reindex_if_stale()
        except BaseException:
            self.close()
            raise
        log.info("sqlite store opened at %s", self.db.path)

    def ping(self) -> None:
        self.db.ping()

    def close(self) -> None:
        self.db.close()
