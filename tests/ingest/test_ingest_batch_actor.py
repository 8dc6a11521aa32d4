"""The ``ingest_batch`` actor on Dramatiq's in-process broker over a SQLite store
(``tests.support.ingest_workers``)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.support.processes import wait_for
from domain.ingest import SPLIT_AFTER_RETRIES
from memq.stores import open_store
from schemas.errors import NotFound
from schemas.messages import MAX_BATCH_EVENTS, MessageEvent
from tests.support.ingest_workers import A, B, Workers, event, running_workers

CAP = 8
MAX_BYTES = 1000
FOLD_EVERY = 3


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    with running_workers(
        tmp_path,
        max_messages_per_session=CAP,
        memory_fold_every=FOLD_EVERY,
        # The smallest verbatim window: a job is due at 1 + every FOLD_EVERY-th message.
        memory_verbatim_count=1,
        max_message_bytes=MAX_BYTES,
    ) as running:
        yield running


def test_a_batch_is_stored(workers: Workers) -> None:
    # Given a batch mixing two sessions and two accounts, out of seq order
    batch = workers.batch(
        event(2, role="assistant"),
        event(1, session="s2"),
        event(1),
        event(3),
        event(1, account=B),
        event(4, role="assistant"),
    )
    # When a worker takes it
    workers.deliver(batch)
    # Then every message is stored once, listed in seq order, and counted
    assert workers.dead_letters() == []
    assert workers.seqs(A, "s1") == [1, 2, 3, 4]
    assert workers.seqs(A, "s2") == [1]
    assert workers.seqs(B, "s1") == [1]
    assert workers.deps.store.sessions.get_session(A, "s1").message_count == 4
    assert workers.ingested("stored") == 6
    # And s1 reached the fold threshold (3 past the 1-message window): one memory job
    assert workers.memory_jobs() == [(A, "s1")]


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda events: {"events": events, "extra": 1},
        lambda events: {"events": events * MAX_BATCH_EVENTS},
        lambda events: {"events": []},
        lambda events: {"events": {"not": "a list"}},
    ],
    ids=["extra-kwarg", "too-many", "empty", "not-a-list"],
)
def test_a_batch_of_the_wrong_shape_is_dead_lettered_whole_and_stores_nothing(
    workers: Workers, corrupt: Any
) -> None:
    # Given a batch of three good events, in an envelope of the wrong shape
    events = [event(n).model_dump(mode="json") for n in (1, 2, 3)]
    batch = workers.message(corrupt(events))
    # When a worker takes it
    workers.deliver(batch)
    # Then the whole batch is dead-lettered at once, as it was published
    [dead] = workers.dead_letters()
    assert (dead.message_id, dead.actor_name) == (batch.message_id, "ingest_batch")
    assert not dead.options.get("retries")
    # And none of its messages was stored
    with pytest.raises(NotFound):
        workers.deps.store.sessions.get_session(A, "s1")


def _blank(events: list[dict[str, Any]]) -> None:
    events[1]["content"] = "   "


def _oversized(events: list[dict[str, Any]]) -> None:
    events[1]["content"] = "x" * (MAX_BYTES + 1)


@pytest.mark.parametrize("corrupt", [_blank, _oversized], ids=["blank", "over-max-bytes"])
def test_a_bad_event_is_dead_lettered_alone_and_the_others_are_stored(
    workers: Workers, corrupt: Any
) -> None:
    # Given a batch of three events of two accounts, the second one bad
    events = [ev.model_dump(mode="json") for ev in (event(1), event(2), event(1, account=B))]
    corrupt(events)
    batch = workers.message({"events": events})
    # When a worker takes it
    workers.deliver(batch)
    # Then the good events are stored, whatever the account
    assert workers.seqs(A, "s1") == [1]
    assert workers.seqs(B, "s1") == [1]
    # And only the bad one is dead-lettered, alone, as a single-message job named
    # after its place in the batch
    [dead] = workers.dead_letters()
    assert (dead.actor_name, dead.message_id) == ("ingest_message", f"{batch.message_id}:1")
    assert dead.kwargs["event"]["message_id"] == "s1-m2"


def test_a_batch_the_store_keeps_failing_is_split_into_single_jobs(
    workers: Workers, caplog: pytest.LogCaptureFixture
) -> None:
    # Given a store that is down, and a batch already retried SPLIT_AFTER_RETRIES times
    workers.deps.store.close()
    batch = workers.batch(event(1), event(1, account=B), event(2))
    # When the worker fails it once more, then the store comes back
    with caplog.at_level(logging.WARNING, logger="memq.actors.ingest_batch"):
        workers.broker.enqueue(batch.copy(options={"retries": SPLIT_AFTER_RETRIES}))
        wait_for(lambda: "splitting a batch of 3" in caplog.text, 10, interval=0.01)
    workers.deps.store = open_store(workers.deps.settings)
    workers.broker.join(workers.ingest_queue, fail_fast=False)
    # Then every message is stored once, by single-message jobs retried on their
    # own, each delivered under its delivery id in the batch; nothing dead-lettered
    assert workers.seqs(A, "s1") == [1, 2]
    assert workers.seqs(B, "s1") == [1]
    assert workers.dead_letters() == []
    with sqlite3.connect(workers.deps.settings.sqlite_path) as db:
        deliveries = sorted(row[0] for row in db.execute("SELECT delivery_id FROM messages"))
    assert deliveries == [f"{batch.message_id}:{i}" for i in range(3)]


def refuse_in_the_store(workers: Workers, message_id: str) -> None:
    """A store that refuses one message for good, as a data error would (a real
    SQLite trigger: nothing of memq's is replaced)."""
    with sqlite3.connect(workers.deps.settings.sqlite_path) as db:
        db.execute(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON messages"
            f" WHEN NEW.message_id = '{message_id}'"
            " BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )


@pytest.mark.timeout(60)  # retried with backoff, it would take minutes
def test_an_event_the_store_refuses_splits_the_batch_at_once(workers: Workers) -> None:
    # Given a store that refuses one message of account A for good
    refuse_in_the_store(workers, "s1-m2")
    batch = workers.batch(event(1), event(2), event(1, account=B), event(3))
    # When a worker takes a batch holding it and messages of both accounts
    workers.deliver(batch)
    # Then the batch is split on its first failure, not retried: every other
    # message is stored by its single job, whatever the account
    assert workers.seqs(A, "s1") == [1, 3]
    assert workers.seqs(B, "s1") == [1]
    failed = workers.registry.get_sample_value(
        "memq_worker_messages_total", {"actor": "ingest_batch", "outcome": "error"}
    )
    assert not failed
    # And the refused message is dead-lettered alone, at once
    [dead] = workers.dead_letters()
    assert (dead.actor_name, dead.message_id) == ("ingest_message", f"{batch.message_id}:1")
    assert not dead.options.get("retries")


def test_a_redelivered_batch_stores_each_message_once(workers: Workers) -> None:
    # Given a batch that was stored
    batch = workers.batch(event(1), event(2), event(1, session="s2"))
    workers.deliver(batch)
    # When the broker delivers it again (same message id), then as a retry
    workers.deliver(batch)
    workers.deliver(batch.copy(options={"retries": 1}))
    # Then each message is stored and counted once
    assert workers.seqs(A, "s1") == [1, 2]
    assert workers.deps.store.sessions.get_session(A, "s1").message_count == 2
    assert workers.deps.store.sessions.get_session(A, "s2").message_count == 1
    assert (workers.ingested("stored"), workers.ingested("duplicate")) == (3, 6)
    # And no delivery reached a fold count, so no memory job is published: a retry
    # after a failure to publish one finds the session's mark, which the
    # scheduler re-publishes (tests/lifecycle/test_memory_republish.py)
    assert workers.memory_jobs() == []
    assert workers.dead_letters() == []


def test_a_session_full_mid_batch_dead_letters_only_the_rejected_messages(
    workers: Workers,
) -> None:
    # Given a session holding 6 of its CAP=8 messages
    for n in range(1, 7):
        workers.deps.store.sessions.append_message(event(n), f"earlier-{n}", max_messages=CAP)
    # When a batch brings 4 more, a duplicate, and a message for another session
    workers.deliver(
        workers.batch(event(7), event(8), event(9), event(2), event(10), event(1, session="s2"))
    )
    # Then the session is filled to the cap, the other session gets its message
    assert workers.seqs(A, "s1") == [1, 2, 3, 4, 5, 6, 7, 8]
    assert workers.seqs(A, "s2") == [1]
    # And only the two rejected messages are dead-lettered, each alone, as the
    # single-message job `memq dlq replay` can replay
    dead = workers.dead_letters()
    assert [d.actor_name for d in dead] == ["ingest_message", "ingest_message"]
    assert [d.kwargs["event"]["message_id"] for d in dead] == ["s1-m9", "s1-m10"]
    assert MessageEvent.model_validate(dead[0].kwargs["event"]) == event(9)
    # And each message is counted once, by its final outcome
    assert workers.ingested("stored") == 3
    assert workers.ingested("duplicate") == 1
    assert workers.ingested("rejected_full") == 2


def test_memory_jobs_are_enqueued_once_per_session_that_crossed_a_threshold(
    workers: Workers,
) -> None:
    # Given s1 holding 4 messages (a memory job is due every FOLD_EVERY=3 past the
    # 1-message verbatim window: at 4, 7, …)
    for n in range(1, 5):
        workers.deps.store.sessions.append_message(event(n), f"earlier-{n}")
    # When one batch, sessions interleaved, takes s1 from 4 to 7 (crossing 7), s2
    # from 0 to 2, and s3 of account B from 0 to 7 (crossing 4 and 7)
    s1 = [event(n) for n in range(5, 8)]
    s2 = [event(n, session="s2") for n in (1, 2)]
    s3 = [event(n, account=B, session="s3") for n in range(1, 8)]
    batch = s3[:2] + s1[:1] + s2 + s3[2:5] + s1[1:] + s3[5:]
    workers.deliver(workers.batch(*batch))
    # Then one memory job each for s1 and s3, none for s2
    assert sorted(workers.memory_jobs()) == [(A, "s1"), (B, "s3")]
