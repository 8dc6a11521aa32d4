"""A message id is stored once per account across all its sessions, with ``messages``
unique only per session on MongoDB (sharded by session) and the id claimed in
``message_ids`` (``store.backends.mongo.message_ids``).

The contract tests run on both adapters; the ``mongo_`` ones reproduce MongoDB's
crash points (SQLite writes claim, message and counters in one transaction) by
running the steps of ``append_message`` alone, and a database from before the
claims. Tiny data: the MongoDB emulator is slow.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pymongo import MongoClient

from domain.ports.sessions import AppendResult
from domain.ports.store import Store
from domain.transfer.service import export_session
from schemas.errors import Conflict, InvalidInput
from schemas.messages import MessageEvent
from store.backends.mongo import MongoStore
from store.backends.mongo.indexes import ACCOUNT_WIDE_INDEX
from store.backends.mongo.message_ids import Claim, claim, claim_first_occurrences
from tests.contract.test_store_contract import (
    SEQ0,
    T0,
    A,
    B,
    append,
    event,
    raw_message_count,
    seqs,
)
from tests.support.mongo_commands import CommandNames

NOW = T0 + timedelta(days=1)


def in_session(n: int, session: str, message_id: str) -> MessageEvent:
    return event(n, session=session, message_id=message_id)


def claims_of(store: MongoStore, session: str) -> list[str]:
    docs = store.db.message_ids.find({"account_id": A, "session_id": session}, {"message_id": 1})
    return sorted(d["message_id"] for d in docs)


# -- both adapters -----------------------------------------------------------------


def test_the_same_id_sent_to_another_session_is_a_duplicate(store: Store) -> None:
    # Given m1 stored in s1
    assert append(store, event(1)).stored
    # When m1 comes again for s2, alone and inside a batch, under new deliveries
    alone = append(store, in_session(2, "s2", "m1"), "other-delivery")
    batch = store.sessions.append_messages(
        [(in_session(3, "s2", "m1"), "batch-1"), (in_session(4, "s2", "m4"), "batch-2")]
    )
    # Then it is refused each time and s2 holds only its own message
    assert alone == AppendResult(stored=False)
    assert [r.stored for r in batch] == [False, True]
    assert seqs(store, session="s2") == [4]
    assert seqs(store) == [1]
    # And another account may use the id freely
    assert append(store, event(5, account=B, session="s2", message_id="m1")).stored


def test_a_deleted_sessions_ids_can_be_used_again(store: Store) -> None:
    # Given m1 and m2 stored in s1, then s1 deleted
    append(store, event(1))
    append(store, event(2))
    store.sessions.delete_session(A, "s1")
    # When m1 is sent to s2
    again = append(store, in_session(3, "s2", "m1"))
    # Then it is stored there: a deleted message holds no id (as SQLite's deleted row)
    assert again.stored and again.message_count == 1
    assert seqs(store, session="s2") == [3]


def test_a_purged_sessions_ids_can_be_used_again(store: Store) -> None:
    # Given s1 ended and purged past retention
    append(store, event(1))
    store.sessions.end_session(A, "s1", "closed", T0 + timedelta(minutes=1))
    assert store.lifecycle.purge_session(A, "s1", ended_before=NOW) is not None
    # Then its message id is free in another session
    assert append(store, in_session(2, "s2", "m1")).stored


def test_an_id_refused_by_the_cap_stays_free(store: Store) -> None:
    # Given s1 full at one message, and m2 refused by the cap
    append(store, event(1))
    refused = store.sessions.append_message(event(2), "d2", max_messages=1)
    assert refused == AppendResult(stored=False, rejected_full=True)
    # Then m2 can be stored in another session, once
    assert append(store, in_session(3, "s2", "m2")).stored
    assert append(store, in_session(4, "s3", "m2")) == AppendResult(stored=False)


def test_a_message_for_a_deleted_session_leaves_its_id_free(store: Store) -> None:
    # Given s1 deleted, and a late message for it dropped
    append(store, event(1))
    store.sessions.delete_session(A, "s1")
    assert append(store, event(2)).dropped_deleted
    # Then the dropped id is free in another session
    assert append(store, in_session(3, "s2", "m2")).stored


# -- MongoDB's crash points ----------------------------------------------------------


def test_mongo_a_claim_without_its_message_is_completed_by_the_redelivery(
    mongo_store: MongoStore,
) -> None:
    # Given a delivery that crashed after claiming m1 and before inserting it
    assert claim(mongo_store.db.message_ids, event(1), T0) == Claim("s1", created=True)
    assert raw_message_count(mongo_store, A, "s1") == 0
    # When the broker redelivers it
    result = append(mongo_store, event(1), "delivery-1")
    # Then the message is stored and counted, once
    assert result == AppendResult(stored=True, message_count=1, has_user=True)
    assert seqs(mongo_store) == [1]
    # And later redeliveries and re-publishes change nothing
    assert append(mongo_store, event(1), "delivery-1") == AppendResult(stored=False)
    assert append(mongo_store, event(1), "delivery-2") == AppendResult(stored=False)
    assert mongo_store.sessions.get_session(A, "s1").message_count == 1
    assert raw_message_count(mongo_store, A, "s1") == 1


def test_mongo_a_re_publish_completes_a_crashed_claim_and_the_redelivery_is_a_duplicate(
    mongo_store: MongoStore,
) -> None:
    # Given delivery-1 crashed after its claim, and the client re-published m1
    claim(mongo_store.db.message_ids, event(1), T0)
    assert append(mongo_store, event(1), "delivery-2").stored
    # When delivery-1 is redelivered
    late = append(mongo_store, event(1), "delivery-1")
    # Then it is a duplicate: one message, counted once
    assert late == AppendResult(stored=False)
    assert mongo_store.sessions.get_session(A, "s1").message_count == 1
    assert raw_message_count(mongo_store, A, "s1") == 1


def test_mongo_a_crashed_claim_keeps_the_id_from_other_sessions(mongo_store: MongoStore) -> None:
    # Given s1's delivery of m1 crashed after its claim
    claim(mongo_store.db.message_ids, event(1), T0)
    # When m1 comes for s2 before s1's redelivery
    other = append(mongo_store, in_session(2, "s2", "m1"), "other")
    # Then s2 is refused, and s1's redelivery stores it: one copy in the account
    assert other == AppendResult(stored=False)
    assert append(mongo_store, event(1), "delivery-1").stored
    assert raw_message_count(mongo_store, A, "s2") == 0
    assert mongo_store.db.messages.count_documents({"account_id": A, "message_id": "m1"}) == 1


def test_mongo_a_delete_cut_short_before_the_claims_is_finished_by_the_tombstone_purge(
    mongo_store: MongoStore,
) -> None:
    # Given s1 deleted by a worker that died after removing the messages, not the claims
    append(mongo_store, event(1))
    append(mongo_store, event(2))
    mongo_store.sessions.delete_session(A, "s1")
    for message_id in ("m1", "m2"):
        claim(mongo_store.db.message_ids, in_session(1, "s1", message_id), T0)
    # Then the id stays refused elsewhere meanwhile (never two copies)
    assert not append(mongo_store, in_session(3, "s2", "m1")).stored
    # When the tombstone sweep purges s1
    later = datetime.now(UTC) + timedelta(days=1)
    purged = mongo_store.lifecycle.purge_tombstone(A, "s1", deleted_before=later)
    # Then the claims are gone with it and the ids are free again
    assert purged is not None and claims_of(mongo_store, "s1") == []
    assert append(mongo_store, in_session(4, "s2", "m1")).stored


def test_mongo_a_refused_import_gives_its_claims_back(mongo_store: MongoStore) -> None:
    # Given m1 stored in s1, and an exported session holding m9 and m1 (m9 free again)
    append(mongo_store, event(1))
    append(mongo_store, in_session(9, "s0", "m9"))
    exported = export_session(mongo_store, A, "s0")
    mongo_store.sessions.delete_session(A, "s0")
    taken = exported.messages[0].model_copy(update={"message_id": "m1", "seq": SEQ0 + 10})
    document = exported.model_copy(update={"messages": [*exported.messages, taken]})
    # When it is imported as s9, Then m1 refuses it
    with pytest.raises(Conflict, match="m1"):
        mongo_store.transfer.import_session(A, "s9", document, NOW)
    # And m9, claimed by the refused import, is free for another session
    assert claims_of(mongo_store, "s9") == []
    assert append(mongo_store, in_session(10, "s2", "m9")).stored


def test_mongo_a_database_from_before_the_claims_is_migrated_at_start(
    mongo_store: MongoStore,
) -> None:
    # Given a database laid out as before: messages unique per account, no claims
    append(mongo_store, event(1))
    append(mongo_store, in_session(2, "s2", "m2"))
    db = mongo_store.db
    db.message_ids.drop()
    db.messages.drop_index("message_once_in_session")
    db.messages.create_index(
        [("account_id", 1), ("message_id", 1)], unique=True, name="message_once"
    )
    # When a worker starts (it ensures the indexes)
    mongo_store.ensure_indexes()
    # Then every stored message's id is claimed for its session, and the indexes swapped
    assert claims_of(mongo_store, "s1") == ["m1"] and claims_of(mongo_store, "s2") == ["m2"]
    assert ACCOUNT_WIDE_INDEX not in db.messages.index_information()
    assert "message_once_in_session" in db.messages.index_information()
    # And nothing was lost, a cross-session duplicate is still refused, new ids are stored
    assert seqs(mongo_store) == [1] and seqs(mongo_store, session="s2") == [2]
    assert not append(mongo_store, in_session(3, "s2", "m1")).stored
    assert append(mongo_store, in_session(4, "s2", "m4")).stored
    # And a second start changes nothing
    mongo_store.ensure_indexes()
    assert db.message_ids.count_documents({"account_id": A}) == 3


def test_one_batch_may_hold_the_same_id_in_two_accounts(store: Store) -> None:
    # When one batch carries m1 for A and m1 for B, then m1 again for A's s2
    results = store.sessions.append_messages(
        [
            (event(1), "b:0"),
            (event(2, account=B, message_id="m1"), "b:1"),
            (in_session(3, "s2", "m1"), "b:2"),
        ]
    )
    # Then each account stores its own m1 once; A's second m1 is a duplicate
    assert [r.stored for r in results] == [True, True, False]
    assert seqs(store) == [1] and seqs(store, B) == [2]


def test_mongo_a_batch_claims_its_ids_in_one_round_trip(mongodb_url: str) -> None:
    # Given a MongoStore whose client records its commands
    commands = CommandNames()
    client: MongoClient[Any] = MongoClient(mongodb_url, event_listeners=[commands])
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    store = MongoStore(client, database)
    try:
        store.ensure_indexes()
        commands.names.clear()
        # When a batch of three new messages is appended
        results = store.sessions.append_messages([(event(n), f"b:{n}") for n in (1, 2, 3)])
        # Then one insert claims the three ids, then each message is inserted and counted
        assert [r.message_count for r in results] == [1, 2, 3]
        assert commands.names == ["insert"] + ["insert", "findAndModify"] * 3
    finally:
        client.drop_database(database)
        client.close()


def test_mongo_a_batch_that_crashed_after_its_claims_is_completed_by_the_redelivery(
    mongo_store: MongoStore,
) -> None:
    # Given a batch whose delivery crashed right after claiming its ids
    batch = [(event(1), "b:0"), (event(2), "b:1"), (in_session(3, "s2", "m3"), "b:2")]
    claimed = claim_first_occurrences(
        mongo_store.db.message_ids, [(ev, ev.accepted_at) for ev, _ in batch]
    )
    assert sorted(claimed) == [0, 1, 2]
    # When the batch is redelivered, and redelivered again
    first = mongo_store.sessions.append_messages(batch)
    again = mongo_store.sessions.append_messages(batch)
    # Then every message is stored and counted once
    assert [r.stored for r in first] == [True, True, True]
    assert [r.stored for r in again] == [False, False, False]
    assert seqs(mongo_store) == [1, 2] and seqs(mongo_store, session="s2") == [3]
    assert mongo_store.sessions.get_session(A, "s1").message_count == 2


def test_mongo_a_message_bson_refuses_leaves_its_id_free(mongo_store: MongoStore) -> None:
    # Given a message whose metadata BSON cannot encode, refused alone and in a batch
    unencodable = event(1).model_copy(update={"metadata": {"a\x00b": 1}})
    with pytest.raises(InvalidInput):
        append(mongo_store, unencodable)
    with pytest.raises(InvalidInput):
        mongo_store.sessions.append_messages([(unencodable, "b:0")])
    # Then no claim is left for it, and its id is free for a storable message
    assert claims_of(mongo_store, "s1") == []
    assert append(mongo_store, in_session(2, "s2", "m1")).stored


def test_mongo_an_unclaimed_old_message_refuses_another_session_without_a_stray_claim(
    mongo_store: MongoStore,
) -> None:
    # Given a database mid-migration: m1 stored in s1 before the claims, the
    # account-wide index still there
    append(mongo_store, event(1))
    db = mongo_store.db
    db.message_ids.delete_many({})
    db.messages.create_index(
        [("account_id", 1), ("message_id", 1)], unique=True, name="message_once"
    )
    # When m1 comes for s2
    assert append(mongo_store, in_session(2, "s2", "m1")) == AppendResult(stored=False)
    # Then s2 holds no claim of it, and the migration claims it for s1
    assert claims_of(mongo_store, "s2") == []
    mongo_store.ensure_indexes()
    assert claims_of(mongo_store, "s1") == ["m1"]
    assert raw_message_count(mongo_store, A, "s2") == 0
