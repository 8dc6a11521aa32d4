"""Store helpers shared by contract tests."""

from __future__ import annotations

from datetime import timedelta

from domain.ports.store import Store
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore


def with_retention(store: Store, retention: timedelta) -> Store:
    """Another store on the same data, hiding sessions ended over ``retention`` ago.
    Close it; it does not close the data (or the MongoDB client) of ``store``."""
    if isinstance(store, SqliteStore):
        return SqliteStore(store.db.path, retention=retention)
    assert isinstance(store, MongoStore)
    return MongoStore(store.db.client, store.db.messages.database.name, retention=retention)
