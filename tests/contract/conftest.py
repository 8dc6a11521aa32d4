"""Fixtures of the store contract suite: every test runs against SQLite and MongoDB.

MongoDB comes from ``MEMQ_TEST_MONGODB_URL`` when set, else mongoeco's wire
server on a loopback port (``bench.support.mongo``); testcontainers is not a
test dependency yet, so the Docker step of DESIGN.md is skipped. Each test gets
its own SQLite file or its own Mongo database, dropped afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient

from bench.support.mongo import mongodb_url as serve_mongodb_url
from domain.ports.store import Store
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore


@pytest.fixture(scope="session")
def mongodb_url() -> Iterator[str]:
    with serve_mongodb_url() as url:
        yield url


@pytest.fixture(scope="session")
def mongo_client(mongodb_url: str) -> Iterator[MongoClient[Any]]:
    client: MongoClient[Any] = MongoClient(
        mongodb_url, serverSelectionTimeoutMS=5000, appname="memq-tests"
    )
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def mongo_store(mongo_client: MongoClient[Any]) -> Iterator[MongoStore]:
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    store = MongoStore(mongo_client, database)
    store.ensure_indexes()
    try:
        yield store
    finally:
        store.close()
        mongo_client.drop_database(database)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "data" / "memq.sqlite3")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=["sqlite", "mongo"])
def store(request: pytest.FixtureRequest) -> Store:
    # Resolved lazily so `-k sqlite` never starts a MongoDB.
    backend: Store = request.getfixturevalue(f"{request.param}_store")
    return backend
