"""The production adapter: MongoDB, its six parts over one database handle."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pymongo import MongoClient

from domain.ports.store import Store
from store.backends._mongo_errors import translated
from store.backends.mongo.database import MongoDatabase
from store.backends.mongo.indexes import ensure_indexes
from store.backends.mongo.lifecycle import MongoLifecycle
from store.backends.mongo.memory import MongoMemory
from store.backends.mongo.search import MongoSearch
from store.backends.mongo.sessions import MongoSessions
from store.backends.mongo.transfer import MongoTransfer
from store.backends.mongo.user_memory import MongoUserMemory


class MongoStore(Store):
    def __init__(
        self,
        client: MongoClient[Any],
        database: str,
        *,
        owns_client: bool = False,
        retention: timedelta | None = None,
    ) -> None:
        self.db = MongoDatabase(client, database, owns_client=owns_client, retention=retention)
        self.sessions = MongoSessions(self.db)
        self.user_memory = MongoUserMemory(self.db)
        self.memory = MongoMemory(self.db, self.user_memory)
        self.lifecycle = MongoLifecycle(self.db)
        self.search = MongoSearch(self.db)
        self.transfer = MongoTransfer(self.db)

    def ensure_indexes(self) -> None:
        ensure_indexes(self.db)

    @translated
    def ping(self) -> None:
        self.db.sessions.database.command("ping")

    def close(self) -> None:
        if self.db.owns_client:
            self.db.client.close()
