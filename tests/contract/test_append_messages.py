"""Contract: ``append_messages`` is ``append_message`` per item, whatever the batch holds.

Mongo data is kept to a few dozen writes per test: the emulator is slow.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.ports.sessions import AppendResult
from domain.ports.store import Store
from schemas.errors import InvalidInput
from schemas.messages import MessageEvent
from schemas.sessions import Session
from store.backends.mongo import MongoStore
from tests.contract.test_store_contract import A, B, append, event, raw_message_count, seqs
from tests.support.stores import with_retention

DUPLICATE = AppendResult(stored=False)
FULL = AppendResult(stored=False, rejected_full=True)
DROPPED = AppendResult(stored=False, dropped_deleted=True)


def items(*events: MessageEvent, delivery: str = "batch-1") -> list[tuple[MessageEvent, str]]:
    """A batch as the actor builds it: one delivery id per event, stable for the delivery."""
    return [(ev, f"{delivery}:{index}") for index, ev in enumerate(events)]


def counters(session: Session) -> tuple[object, ...]:
    return (
        session.message_count,
        session.title,
        session.last_prompt,
        session.last_message_at,
        session.user_id,
        session.channel,
        session.status,
    )


def test_a_batch_spanning_sessions_and_accounts_stores_each_message(store: Store) -> None:
    # Given one batch mixing two sessions of A and one of B, out of seq order,
    # where B reuses A's session and message ids
    batch = items(
        event(3, session="s1"),
        event(1, account=B, content="from B"),
        event(1, session="s2", message_id="s2-m1"),
        event(1, session="s1"),
        event(2, session="s1", role="assistant"),
    )
    # When it is appended
    results = store.sessions.append_messages(batch)
    # Then every message is stored, each result in input order with its session's count
    assert results == [
        AppendResult(stored=True, message_count=1, has_user=True),
        AppendResult(stored=True, message_count=1, has_user=True),
        AppendResult(stored=True, message_count=1, has_user=True),
        AppendResult(stored=True, message_count=2, has_user=True),
        AppendResult(stored=True, message_count=3, has_user=True),
    ]
    # And sessions read back in seq order, each account seeing only its own
    assert seqs(store, A, "s1") == [1, 2, 3]
    assert seqs(store, A, "s2") == [1]
    assert [m.content for m in store.sessions.list_messages(B, "s1", limit=10)] == ["from B"]
    assert store.sessions.get_session(A, "s1").message_count == 3
    assert store.sessions.get_session(B, "s1").message_count == 1


def test_counters_equal_the_one_by_one_path(store: Store) -> None:
    # Given the same conversation, out of order with a duplicate, for two accounts
    conversation = [
        event(4, role="assistant", content="fourth, the assistant"),
        event(3, content="third, a user"),
        event(1, content="first, a user"),
        event(3, content="third again"),
        event(2, role="assistant", content="second, the assistant"),
    ]
    # When A's is appended as one batch and B's one message at a time
    batched = store.sessions.append_messages(items(*conversation))
    one_by_one = [
        store.sessions.append_message(ev.model_copy(update={"account_id": B}), f"single-{i}")
        for i, ev in enumerate(conversation)
    ]
    # Then results and session counters are the same
    assert batched == one_by_one
    assert counters(store.sessions.get_session(A, "s1")) == counters(
        store.sessions.get_session(B, "s1")
    )
    assert store.sessions.get_session(A, "s1").title == "first, a user"
    assert store.sessions.get_session(A, "s1").last_prompt == "third, a user"
    assert seqs(store, A) == seqs(store, B) == [1, 2, 3, 4]


def test_duplicates_within_the_batch_and_against_earlier_appends(store: Store) -> None:
    # Given message m1 stored earlier
    append(store, event(1), "earlier")
    # When a batch repeats m1, and carries m2 twice (the second with other content)
    results = store.sessions.append_messages(
        items(event(1), event(2), event(2, content="edited"), event(3))
    )
    # Then m1 and the second m2 are duplicates, and each message is counted once
    assert results == [
        DUPLICATE,
        AppendResult(stored=True, message_count=2, has_user=True),
        DUPLICATE,
        AppendResult(stored=True, message_count=3, has_user=True),
    ]
    assert [m.content for m in store.sessions.list_messages(A, "s1", limit=10)] == [
        "message number 1",
        "message number 2",
        "message number 3",
    ]
    assert store.sessions.get_session(A, "s1").message_count == 3


def test_a_redelivered_batch_stores_nothing_twice(store: Store) -> None:
    # Given a batch that was stored
    batch = items(event(1), event(2), event(1, session="s2", message_id="s2-m1"))
    first = store.sessions.append_messages(batch)
    assert all(result.stored for result in first)
    # When the broker redelivers it (same delivery ids), and a producer re-publishes it
    again = store.sessions.append_messages(batch)
    republished = store.sessions.append_messages(
        items(*(ev for ev, _ in batch), delivery="batch-2")
    )
    # Then nothing is stored or counted again
    assert again == republished == [DUPLICATE] * 3
    assert store.sessions.get_session(A, "s1").message_count == 2
    assert store.sessions.get_session(A, "s2").message_count == 1
    assert raw_message_count(store, A, "s1") == 2


def test_the_cap_is_reached_mid_batch(store: Store) -> None:
    # Given a session holding 2 messages under a cap of 4, and another session
    for n in (1, 2):
        append(store, event(n))
    # When a batch brings 4 new messages, a duplicate after the cap is reached,
    # and a message for another session
    results = store.sessions.append_messages(
        items(
            event(3),
            event(4),
            event(5),
            event(1),
            event(6),
            event(1, session="s2", message_id="s2-m1"),
        ),
        max_messages=4,
    )
    # Then the session fills up exactly, the rest is rejected, the duplicate stays a
    # duplicate, and the other session is not affected
    assert results == [
        AppendResult(stored=True, message_count=3, has_user=True),
        AppendResult(stored=True, message_count=4, has_user=True),
        FULL,
        DUPLICATE,
        FULL,
        AppendResult(stored=True, message_count=1, has_user=True),
    ]
    assert seqs(store) == [1, 2, 3, 4]
    assert store.sessions.get_session(A, "s1").message_count == 4


def test_messages_for_a_deleted_session_are_dropped(store: Store) -> None:
    # Given a deleted session
    append(store, event(1))
    store.sessions.delete_session(A, "s1")
    # When a batch carries messages for it and for a live session
    results = store.sessions.append_messages(
        items(event(2), event(1, session="s2", message_id="s2-m1"), event(3))
    )
    # Then the deleted session's are dropped without a trace, the other is stored
    assert results == [DROPPED, AppendResult(stored=True, message_count=1, has_user=True), DROPPED]
    assert raw_message_count(store, A, "s1") == 0
    assert seqs(store, A, "s2") == [1]


def test_a_session_past_retention_starts_anew_within_the_batch(store: Store) -> None:
    # Given a session that ended long before the retention cutoff, not yet swept
    now = datetime.now(UTC).replace(microsecond=0)
    append(store, event(1))
    store.sessions.end_session(A, "s1", "idle", now - timedelta(days=31))
    retained = with_retention(store, timedelta(days=30))
    try:
        # When a batch brings two new messages for it
        fresh = [event(n).model_copy(update={"accepted_at": now}) for n in (2, 3)]
        results = retained.sessions.append_messages(items(*fresh))
        # Then one new session holds them: the old message is gone, counted from 1
        assert [r.message_count for r in results] == [1, 2]
        assert seqs(retained) == [2, 3]
        assert retained.sessions.get_session(A, "s1").status == "active"
    finally:
        retained.close()


def test_an_empty_batch_does_nothing(store: Store) -> None:
    assert store.sessions.append_messages([]) == []


def test_a_document_bson_cannot_encode_is_a_permanent_error(mongo_store: MongoStore) -> None:
    # Given a message the gateway's models would refuse, built around them (as a
    # producer bypassing them might): a metadata key BSON cannot encode
    unencodable = event(1).model_copy(update={"metadata": {"a\x00b": 1}})
    # When it is appended, alone or in a batch
    # Then the store says it will never take it: not a retryable error
    with pytest.raises(InvalidInput):
        mongo_store.sessions.append_message(unencodable, "d1")
    with pytest.raises(InvalidInput):
        mongo_store.sessions.append_messages([(event(2), "d2"), (unencodable, "d1")])
