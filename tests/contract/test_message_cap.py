"""Contract: ``append_message(..., max_messages=N)`` refuses the newest messages of a
full session, never one older than a stored message (no gap mid-conversation)."""

from __future__ import annotations

import random
import threading

import pytest

from domain.ports.store import Store
from domain.transfer.service import export_session
from schemas.sessions import SessionCreate
from tests.contract.test_store_contract import T0, append, event


def test_a_full_session_rejects_new_messages_but_not_duplicates(store: Store) -> None:
    # Given a session holding 3 messages, with a cap of 3
    for n in range(3):
        assert store.sessions.append_message(event(n), f"d{n}", max_messages=3).stored
    # When a fourth message arrives
    result = store.sessions.append_message(event(3), "d3", max_messages=3)
    # Then it is rejected and not stored, and the count stays at the cap
    assert not result.stored and result.rejected_full and result.message_count is None
    assert [m.message_id for m in store.sessions.list_messages("acct-a", "s1", limit=10)] == [
        "m0",
        "m1",
        "m2",
    ]
    assert store.sessions.get_session("acct-a", "s1").message_count == 3
    # And a duplicate of a stored message is a duplicate, not a rejection
    again = store.sessions.append_message(event(1), "d1-again", max_messages=3)
    assert not again.stored and not again.rejected_full
    # And a redelivery of the rejected message is rejected again
    assert store.sessions.append_message(event(3), "d3", max_messages=3).rejected_full
    # And other sessions, and calls without a cap, are not affected
    other = event(0, session="s2", message_id="other-0")
    assert store.sessions.append_message(other, "e0", max_messages=3).stored
    assert append(store, event(4)).stored


def test_a_session_created_empty_takes_messages_up_to_the_cap(store: Store) -> None:
    store.sessions.create_session("acct-a", "made", SessionCreate(user_id="u1"), T0)
    assert store.sessions.append_message(event(0, session="made"), "d0", max_messages=1).stored
    assert store.sessions.append_message(
        event(1, session="made"), "d1", max_messages=1
    ).rejected_full


def stored_ids(store: Store, session: str = "s1") -> list[str]:
    return [m.message_id for m in store.sessions.list_messages("acct-a", session, limit=500)]


def test_a_message_older_than_the_newest_is_stored_over_the_cap(store: Store) -> None:
    # Given a session capped at 3, filled by messages 0, 2 and 3 (1 is still on its way)
    for n in (0, 2, 3):
        assert store.sessions.append_message(event(n), f"d{n}", max_messages=3).stored
    # When message 1 arrives late, and 4 after it
    late = store.sessions.append_message(event(1), "d1", max_messages=3)
    newer = store.sessions.append_message(event(4), "d4", max_messages=3)
    # Then the late one is stored: refusing it would leave a gap mid-conversation
    assert late.stored and late.message_count == 4
    # And the cap refuses the newest message
    assert newer.rejected_full
    assert stored_ids(store) == ["m0", "m1", "m2", "m3"]
    assert store.sessions.get_session("acct-a", "s1").message_count == 4


def test_a_late_message_with_the_newest_seq_is_ordered_by_its_id(store: Store) -> None:
    # Given a full session whose newest message is (seq 3, id "m3b")
    for n, message_id in ((1, "m1"), (3, "m3b")):
        store.sessions.append_message(event(n, message_id=message_id), message_id, max_messages=2)
    # When two messages with the same seq arrive, one ordered before it, one after
    before = store.sessions.append_message(event(3, message_id="m3a"), "m3a", max_messages=2)
    after = store.sessions.append_message(event(3, message_id="m3c"), "m3c", max_messages=2)
    # Then the one before is stored, the one after refused
    assert before.stored and after.rejected_full
    assert stored_ids(store) == ["m1", "m3a", "m3b"]


@pytest.mark.parametrize("seed", range(3))
def test_out_of_order_arrivals_never_leave_a_gap(store: Store, seed: int) -> None:
    # Given 12 messages arriving in a shuffled order at a session capped at 6
    order = list(range(12))
    random.Random(seed).shuffle(order)
    for n in order:
        store.sessions.append_message(event(n), f"d{n}", max_messages=6)
    # Then what is stored is the start of the conversation, never a gap
    stored = stored_ids(store)
    assert stored == [f"m{n}" for n in range(len(stored))]
    assert len(stored) >= 6
    assert store.sessions.get_session("acct-a", "s1").message_count == len(stored)


def test_concurrent_appends_fill_the_cap_and_leave_no_gap(store: Store) -> None:
    # Given 4 threads racing 12 distinct messages into one session capped at 5
    results: list[bool] = []
    lock = threading.Lock()

    def run(worker: int) -> None:
        for n in range(worker, 12, 4):
            stored = store.sessions.append_message(
                event(n), f"w{worker}-{n}", max_messages=5
            ).stored
            with lock:
                results.append(stored)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then the oldest messages are stored, at least the cap, and counted exactly
    stored = stored_ids(store)
    assert stored == [f"m{n}" for n in range(len(stored))]
    assert results.count(True) == len(stored) >= 5
    assert store.sessions.get_session("acct-a", "s1").message_count == len(stored)


def test_an_imported_session_keeps_its_boundary(store: Store) -> None:
    # Given a full session, exported and imported under another id
    for n in (0, 1, 3):
        store.sessions.append_message(event(n), f"d{n}", max_messages=3)
    document = export_session(store, "acct-a", "s1")
    store.transfer.import_session("acct-b", "copy", document, T0)
    # When a late message older than its newest arrives, then a newer one
    late = event(2, account="acct-b", session="copy")
    newer = event(4, account="acct-b", session="copy")
    # Then the late one is stored over the cap and the newer one refused
    assert store.sessions.append_message(late, "d2", max_messages=3).stored
    assert store.sessions.append_message(newer, "d4", max_messages=3).rejected_full
