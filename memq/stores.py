"""Pick and open the store the settings describe: MongoDB when a URL is set, else SQLite."""

from __future__ import annotations

import logging
from datetime import timedelta

from pymongo import MongoClient

from domain.ports.store import Store
from runtime.settings import Settings, redact_url
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore

log = logging.getLogger(__name__)

#: Fail fast when MongoDB is down: callers turn StoreUnavailable into a retry.
SERVER_SELECTION_TIMEOUT_MS = 5000


def open_store(settings: Settings) -> Store:
    retention = timedelta(days=settings.retention_days)
    if settings.mongodb_url is None:
        return SqliteStore(settings.sqlite_path, retention=retention)
    client: MongoClient[dict[str, object]] = MongoClient(
        str(settings.mongodb_url),
        serverSelectionTimeoutMS=SERVER_SELECTION_TIMEOUT_MS,
        appname="memq",
    )
    store = MongoStore(client, settings.mongodb_database, owns_client=True, retention=retention)
    try:
        store.ensure_indexes()
    except BaseException:
        store.close()
        raise
    log.info(
        "mongo store opened at %s, database %s",
        redact_url(settings.mongodb_url),
        settings.mongodb_database,
    )
    return store
