"""MongoDB as a cluster would use it: majority concerns, and the shard key on every hot query.

The commands memq sends are recorded with PyMongo's command monitoring on the
mongoeco server, while the hot paths run: ingest (single and batch, a
duplicate, the same id sent to another session, a redelivery, a claim left by a
crash), the memory worker's fold, the context read and a session's messages.
Each command's filter (or inserted documents) on a sharded collection must name
every field of that collection's shard key by equality (``account_id`` and
``session_id`` for the per-session collections, ``account_id`` and
``message_id`` for the claims), so that mongos routes it to one shard; each
write must ask for ``w: majority`` and each read for majority read concern
(``memq.stores.mongo_client``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pymongo import monitoring

from domain.ports.llm_usage import LLMTokens
from memq.stores import mongo_client
from schemas.memory_state import MemoryState
from schemas.messages import MessageEvent
from store.backends.mongo import MongoStore
from store.backends.mongo.message_ids import claim
from store.backends.mongo.shard_keys import SHARD_KEYS

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


def names_the_key(selector: dict[str, Any], fields: list[str]) -> bool:
    """Equality on every shard key field, at the top level or in one ``$and`` branch."""

    def equal(value: object) -> bool:
        return isinstance(value, str) or (isinstance(value, dict) and set(value) == {"$eq"})

    if all(equal(selector.get(field)) for field in fields):
        return True
    return any(names_the_key(part, fields) for part in selector.get("$and", []))


def test_the_key_check_catches_a_scatter_query() -> None:
    session_key = list(SHARD_KEYS["messages"])
    assert names_the_key({"account_id": A, "session_id": "s1", "seq": {"$gt": 1}}, session_key)
    assert names_the_key({"$and": [{"account_id": A, "session_id": {"$eq": "s"}}]}, session_key)
    assert not names_the_key({"account_id": A, "message_id": "m1"}, session_key)
    assert not names_the_key({"account_id": A, "session_id": {"$in": ["s1"]}}, session_key)
    assert not names_the_key({"account_id": A, "session_id": "s1"}, list(SHARD_KEYS["message_ids"]))


def run_the_hot_paths(store: MongoStore) -> None:
    sessions, memory = store.sessions, store.memory
    # ingest: new messages, a batch, a duplicate publish, a redelivery
    for n in range(1, 8):
        sessions.append_message(event(n), f"d{n}")
    sessions.append_messages([(event(n), f"d{n}") for n in range(8, 11)])
    sessions.append_message(event(3), "d-dup")
    sessions.append_message(event(4), "d4")
    sessions.append_message(event(5, session="s2").model_copy(update={"message_id": "s1-m5"}), "x")
    # a crash left a claim without its message: the redelivery completes the store
    assert claim(store.db.message_ids, event(11), T0).created
    sessions.append_message(event(11), "d11")
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
    memory.context_snapshot(A, "s1", recent_limit=5, user_memory=True)
    sessions.get_session(A, "s1")
    sessions.list_messages(A, "s1", limit=50)
    sessions.messages_after(A, "s1", None, limit=50)
    # the memory worker's LLM spending, and a user memory's merge and recall
    store.lifecycle.record_llm_usage(A, "s1", T0.date(), LLMTokens(input_tokens=9, calls=1))
    store.lifecycle.session_llm_usage(A, "s1")
    users = store.user_memory
    assert users.acquire_user_memory_lease(A, "u1", "", "w1", now + timedelta(seconds=30), now)
    found = users.load_user_memory(A, "u1", "")
    assert users.save_user_memory(A, "u1", "", found, "w1")
    users.release_user_memory_lease(A, "u1", "", "w1")


def test_every_hot_query_names_the_shard_key(recorded: tuple[MongoStore, Recorder]) -> None:
    store, recorder = recorded
    # When the hot paths run
    run_the_hot_paths(store)
    # Then every command on a sharded collection names that collection's shard key
    seen: dict[str, int] = {}
    scatter: list[str] = []
    for command in recorder.commands:
        name = next(iter(command))
        if name not in WRITES | READS or command[name] not in SHARD_KEYS:
            continue
        collection = command[name]
        seen[collection] = seen.get(collection, 0) + 1
        for selector in filters_of(command):
            if not names_the_key(selector, list(SHARD_KEYS[collection])):
                scatter.append(f"{name} {collection}: {sorted(selector)}")
    # the hot paths did reach every collection
    assert set(SHARD_KEYS) - {"analytics"} <= set(seen), seen
    assert sum(seen.values()) >= 30
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
