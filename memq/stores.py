"""Pick and open the store the settings describe: MongoDB when a URL is set, else SQLite."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from pymongo import MongoClient

from domain.ports.store import Store
from runtime.settings import Settings, redact_url
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore

log = logging.getLogger(__name__)

#: Fail fast when MongoDB is down: callers turn StoreUnavailable into a retry.
SERVER_SELECTION_TIMEOUT_MS = 5000


def mongo_client(url: str, **extra: Any) -> MongoClient[dict[str, object]]:
    """A client whose every write waits for a majority and every read sees only majority data.

    The ingest worker acks a message (so RabbitMQ forgets it) once its write
    returned: with ``w="majority"`` that write survives a primary's failover,
    so the 202's promise holds on a replica set. Reads with majority read
    concern never show a write that a failover could roll back. Retryable
    writes (and reads) redo one operation once after a failover; ingest is
    idempotent anyway. ``extra``: more client options (tests add listeners).
    """
    return MongoClient(
        url,
        serverSelectionTimeoutMS=SERVER_SELECTION_TIMEOUT_MS,
        appname="memq",
        w="majority",
        retryWrites=True,
        readConcernLevel="majority",
        retryReads=True,
        **extra,
    )


def open_store(settings: Settings) -> Store:
    retention = timedelta(days=settings.retention_days)
    if settings.mongodb_url is None:
        return SqliteStore(settings.sqlite_path, retention=retention)
    client = mongo_client(str(settings.mongodb_url))
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
