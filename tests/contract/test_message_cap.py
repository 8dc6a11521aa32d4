"""Contract: ``append_message(..., max_messages=N)`` never takes a session over N."""

from __future__ import annotations

import threading

from schemas.sessions import SessionCreate
from store.base import Store
from tests.contract.test_store_contract import T0, append, event


def test_a_full_session_rejects_new_messages_but_not_duplicates(store: Store) -> None:
    # Given a session holding 3 messages, with a cap of 3
    for n in range(3):
        assert store.append_message(event(n), f"d{n}", max_messages=3).stored
    # When a fourth message arrives
    result = store.append_message(event(3), "d3", max_messages=3)
    # Then it is rejected and not stored, and the count stays at the cap
    assert not result.stored and result.rejected_full and result.message_count is None
    assert [m.message_id for m in store.list_messages("acct-a", "s1", limit=10)] == [
        "m0",
        "m1",
        "m2",
    ]
    assert store.get_session("acct-a", "s1").message_count == 3
    # And a duplicate of a stored message is a duplicate, not a rejection
    again = store.append_message(event(1), "d1-again", max_messages=3)
    assert not again.stored and not again.rejected_full
    # And a redelivery of the rejected message is rejected again
    assert store.append_message(event(3), "d3", max_messages=3).rejected_full
    # And other sessions, and calls without a cap, are not affected
    other = event(0, session="s2", message_id="other-0")
    assert store.append_message(other, "e0", max_messages=3).stored
    assert append(store, event(4)).stored


def test_a_session_created_empty_takes_messages_up_to_the_cap(store: Store) -> None:
    store.create_session("acct-a", "made", SessionCreate(user_id="u1"), T0)
    assert store.append_message(event(0, session="made"), "d0", max_messages=1).stored
    assert store.append_message(event(1, session="made"), "d1", max_messages=1).rejected_full


def test_concurrent_appends_never_exceed_the_cap(store: Store) -> None:
    # Given 4 threads racing 12 distinct messages into one session capped at 5
    results: list[bool] = []
    lock = threading.Lock()

    def run(worker: int) -> None:
        for n in range(worker, 12, 4):
            stored = store.append_message(event(n), f"w{worker}-{n}", max_messages=5).stored
            with lock:
                results.append(stored)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then exactly 5 are stored and counted
    assert results.count(True) == 5
    assert len(store.list_messages("acct-a", "s1", limit=50)) == 5
    assert store.get_session("acct-a", "s1").message_count == 5
