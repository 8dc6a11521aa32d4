"""MongoDB as a cluster would use it: majority concerns, and the shard key on every hot query.

The commands memq sends are recorded with PyMongo's command monitoring on the
mongoeco server, while the hot paths run: ingest (single and batch, a
duplicate and a redelivery), the memory worker's fold, the context read and a
session's messages. Each command's filter (or inserted documents) must name
``account_id`` and ``session_id`` by equality, so that with
``{account_id: 1, session_id: "hashed"}`` as shard key mongos routes it to
one shard; each write must ask for ``w: majority`` and each read for
majority read concern (``memq.stores.mongo_client``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pymongo import monitoring

from memq.stores import mongo_client
from schemas.memory_state import MemoryState
from schemas.messages import MessageEvent
from store.backends.mongo import MongoStore
from store.backends.mongo.shard_keys import SHARD_KEYS, SHARD_READY

A = "acct-a"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
WRITES = {"insert", "update", "delete", "findAndModify"}
READS = {"find", "aggregate", "count", "distinct"}


class Recorder(monitoring.CommandListener):
    def __init__(self) -> None:
        self.commands: list[dict[str, Any]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.commands.append(dict(event.command))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


@pytest.fixture
def recorded(mongodb_url: str) -> Iterator[tuple[MongoStore, Recorder]]:
    recorder = Recorder()
    client = mongo_client(mongodb_url, event_listeners=[recorder])
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    store = MongoStore(client, database)
    try:
        store.ensure_indexes()
        recorder.commands.clear()
        yield store, recorder
    finally:
        client.drop_database(database)
        client.close()


def event(n: int, session: str = "s1") -> MessageEvent:
    return MessageEvent(
        account_id=A,
        session_id=session,
        message_id=f"{session}-m{n}",
        role="user" if n % 2 else "assistant",
        content=f"message number {n}",
        seq=1_000_000 + n,
        accepted_at=T0 + timedelta(seconds=n),
        user_id="u1",
        channel="web",
    )


def filters_of(command: dict[str, Any]) -> list[dict[str, Any]]:
    """The documents a command selects by (or inserts), one per statement."""
    name = next(iter(command))
    if name == "insert":
        return list(command["documents"])
    if name in ("update", "delete"):
        return [statement["q"] for statement in command[name + "s"]]
    if name == "findAndModify":
        return [command["query"]]
    if name in ("find", "count", "distinct"):
        return [command.get("filter", command.get("query", {}))]
    if name == "aggregate":
        first = command["pipeline"][0] if command["pipeline"] else {}
        return [first.get("$match", {})]
    return []


def names_the_session(selector: dict[str, Any]) -> bool:
    """Equality on account_id and session_id, at the top level or in every $or/$and branch."""

    def equal(value: object) -> bool:
        return isinstance(value, str) or (isinstance(value, dict) and set(value) == {"$eq"})

    if equal(selector.get("account_id")) and equal(selector.get("session_id")):
        return True
    for combinator in ("$and",):
        if any(names_the_session(part) for part in selector.get(combinator, [])):
            return True
    return False


def run_the_hot_paths(store: MongoStore) -> None:
    sessions, memory = store.sessions, store.memory
    # ingest: new messages, a batch, a duplicate publish, a redelivery
    for n in range(1, 8):
        sessions.append_message(event(n), f"d{n}")
    sessions.append_messages([(event(n), f"d{n}") for n in range(8, 11)])
    sessions.append_message(event(3), "d-dup")
    sessions.append_message(event(4), "d4")
    # memory worker: lease, load, unfolded, fold, release
    now = T0 + timedelta(minutes=5)
    assert memory.acquire_memory_lease(A, "s1", "w1", now + timedelta(seconds=30), now)
    state = memory.load_memory(A, "s1")
    unfolded = memory.unfolded_messages(A, "s1", keep_last=5, exclude_ids=[], limit=100)
    memory.count_unfolded(A, "s1")
    memory.messages_between(A, "s1", unfolded[0].seq, unfolded[-1].seq, limit=100)
    saved = MemoryState.model_validate(
        {**state.model_dump(), "last_fold_ids": [m.message_id for m in unfolded]}
    )
    assert memory.save_memory(A, "s1", saved, "w1")
    memory.release_memory_lease(A, "s1", "w1")
    # context worker and a session's reads
    memory.context_snapshot(A, "s1", recent_limit=5)
    sessions.get_session(A, "s1")
    sessions.list_messages(A, "s1", limit=50)
    sessions.messages_after(A, "s1", None, limit=50)


def test_every_hot_query_names_the_shard_key(recorded: tuple[MongoStore, Recorder]) -> None:
    store, recorder = recorded
    # When the hot paths run
    run_the_hot_paths(store)
    # Then every command on a sharded (or shard-ready) collection names the session
    collections = set(SHARD_KEYS) | set(SHARD_READY)
    seen = 0
    scatter: list[str] = []
    for command in recorder.commands:
        name = next(iter(command))
        if name not in WRITES | READS or command[name] not in collections:
            continue
        seen += 1
        for selector in filters_of(command):
            if not names_the_session(selector):
                scatter.append(f"{name} {command[name]}: {sorted(selector)}")
    assert seen >= 20  # the hot paths did reach the database
    assert scatter == []


def test_writes_wait_for_a_majority_and_reads_see_only_majority_data(
    recorded: tuple[MongoStore, Recorder],
) -> None:
    store, recorder = recorded
    run_the_hot_paths(store)
    writes = [c for c in recorder.commands if next(iter(c)) in WRITES]
    reads = [c for c in recorder.commands if next(iter(c)) in READS]
    assert writes and reads
    assert all(c.get("writeConcern", {}).get("w") == "majority" for c in writes)
    assert all(c.get("readConcern", {}).get("level") == "majority" for c in reads)
