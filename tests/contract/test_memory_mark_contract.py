"""One memory job pending per session: the mark, on every adapter (``domain/ports/memory.py``).

The append that brings a session to a fold count marks it in the same write as
the count and says so (``memory_job_due``); appends while the mark is set do
not; the job takes the mark; the scheduler's scan finds marks older than a
bound and renews each once. Mongo writes stay few: the emulator is slow.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from domain.ports.lifecycle import SessionKey
from domain.ports.store import Store
from schemas.sessions import SessionCreate
from tests.contract.test_memory_contract import T0, A, B, event

EVERY = 3


def append(store: Store, n: int, *, session: str = "s1", account: str = A) -> bool:
    ev = event(n, session=session, account=account, message_id=f"{session}-m{n}")
    result = store.sessions.append_message(ev, f"d-{account}-{session}-{n}", fold_every=EVERY)
    return result.memory_job_due


def test_only_the_append_reaching_a_fold_count_marks_and_only_while_unmarked(store: Store) -> None:
    # Given a fresh session, When six messages are appended with fold_every=3
    due = [append(store, n) for n in range(1, 7)]
    # Then the third marks it, and the sixth does not: a job is already pending
    assert due == [False, False, True, False, False, False]
    # When the job takes the mark, Then it learns when it was set
    taken = store.memory.take_memory_mark(A, "s1")
    assert taken is not None and abs(taken - datetime.now(UTC)) < timedelta(minutes=1)
    assert store.memory.take_memory_mark(A, "s1") is None
    # And the next fold count marks again
    assert [append(store, n) for n in (7, 8, 9)] == [False, False, True]


def test_no_job_is_due_while_every_message_is_in_the_verbatim_window(store: Store) -> None:
    # Given a verbatim window of 4 messages and a fold every 3
    def due(n: int) -> bool:
        ev = event(n, session="s-window", message_id=f"s-window-m{n}")
        result = store.sessions.append_message(ev, f"d-window-{n}", fold_every=3, fold_after=4)
        if result.memory_job_due:
            assert store.memory.take_memory_mark(A, "s-window") is not None  # the job ran
        return result.memory_job_due

    # When ten messages come, Then the first job is due when 3 are past the window
    # (the 7th), the next 3 later: never while the window holds everything (a job
    # then would find nothing to fold)
    assert [n for n in range(1, 11) if due(n)] == [7, 10]


def test_a_redelivered_append_never_marks_twice(store: Store) -> None:
    # Given the append that marked the session, its job started (mark taken)
    for n in (1, 2, 3):
        append(store, n)
    assert store.memory.take_memory_mark(A, "s1") is not None
    # When the same delivery comes again (a crash after the write, before the ack)
    # Then it is a duplicate: no second count, no new mark
    again = store.sessions.append_message(
        event(3, message_id="s1-m3"), f"d-{A}-s1-3", fold_every=EVERY
    )
    assert (again.stored, again.memory_job_due) == (False, False)
    assert store.memory.take_memory_mark(A, "s1") is None


def test_without_fold_every_an_append_never_marks(store: Store) -> None:
    for n in (1, 2, 3):
        result = store.sessions.append_message(event(n), f"d-{n}")
        assert not result.memory_job_due
    assert store.memory.take_memory_mark(A, "s1") is None


def test_a_batch_marks_each_session_once(store: Store) -> None:
    # Given a batch of seven messages over two sessions of two accounts
    items = [
        (event(n, session=s, account=a, message_id=f"{a}-{s}-{n}"), f"d-{a}-{s}-{n}")
        for n in (1, 2, 3, 4)
        for a, s in ((A, "s1"), (B, "s1"))
        if not (a == B and n == 4)
    ]
    # When it is appended at once
    results = store.sessions.append_messages(items, fold_every=EVERY)
    # Then each session's third message marks it, and nothing else does
    marked = [ev.message_id for (ev, _), r in zip(items, results, strict=True) if r.memory_job_due]
    assert marked == [f"{A}-s1-3", f"{B}-s1-3"]


def test_concurrent_appends_mark_once_per_fold_count(store: Store) -> None:
    # Given a session with two messages
    append(store, 1)
    append(store, 2)
    # When four threads append one message each at once (counts 3..6, one fold count)
    results: list[bool] = []
    lock = threading.Lock()

    def one(n: int) -> None:
        due = append(store, n)
        with lock:
            results.append(due)

    threads = [threading.Thread(target=one, args=(n,)) for n in (3, 4, 5, 6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then exactly one append marked it, whichever reached count 3 (or 6: only one
    # is due while the other's mark is pending)
    assert sorted(results) == [False, False, False, True]


def test_a_job_handing_work_on_marks_only_when_unmarked(store: Store) -> None:
    # Given a session with no pending job
    append(store, 1)
    now = datetime.now(UTC)
    # When a job marks it twice, Then only the first sets the mark
    assert store.memory.mark_memory_pending(A, "s1", now)
    assert not store.memory.mark_memory_pending(A, "s1", now)
    # And another account's session of that id is neither marked nor markable
    assert not store.memory.mark_memory_pending(B, "s1", now)
    assert store.memory.take_memory_mark(B, "s1") is None
    # And a missing session is not marked
    assert not store.memory.mark_memory_pending(A, "nope", now)


def test_the_scan_finds_stale_marks_and_a_renewal_happens_once(store: Store) -> None:
    # Given three marked sessions: two marked an hour ago, one just now; one unmarked
    old, new = T0, T0 + timedelta(hours=1)
    for session in ("s1", "s2", "s3", "s4"):
        store.sessions.create_session(A, session, SessionCreate(user_id="u1"), T0)
    assert store.memory.mark_memory_pending(A, "s2", old)
    assert store.memory.mark_memory_pending(A, "s1", old + timedelta(seconds=1))
    assert store.memory.mark_memory_pending(A, "s3", new)
    bound = old + timedelta(minutes=30)
    # When the scheduler scans for marks older than the bound, a page of one at a time
    first = store.lifecycle.stale_memory_marks(marked_before=bound, limit=1)
    second = store.lifecycle.stale_memory_marks(
        marked_before=bound, limit=1, cursor=first.next_cursor
    )
    # Then it finds the two stale marks, oldest first
    assert first.sessions == [SessionKey(A, "s2")]
    assert second.sessions == [SessionKey(A, "s1")] and second.next_cursor is None
    # When two schedulers renew the same stale mark, Then only one succeeds
    assert store.memory.renew_memory_mark(A, "s2", marked_before=bound, now=new)
    assert not store.memory.renew_memory_mark(A, "s2", marked_before=bound, now=new)
    # And a fresh mark, or none, is never renewed
    assert not store.memory.renew_memory_mark(A, "s3", marked_before=bound, now=new)
    assert not store.memory.renew_memory_mark(A, "s4", marked_before=bound, now=new)
    # And the renewed session is no longer stale
    later = store.lifecycle.stale_memory_marks(marked_before=bound, limit=10)
    assert later.sessions == [SessionKey(A, "s1")]


def test_a_deleted_session_is_not_scanned_or_renewed(store: Store) -> None:
    for n in (1, 2, 3):
        append(store, n)
    store.sessions.delete_session(A, "s1")
    later = datetime.now(UTC) + timedelta(hours=1)
    assert store.lifecycle.stale_memory_marks(marked_before=later, limit=10).sessions == []
    assert not store.memory.renew_memory_mark(A, "s1", marked_before=later, now=later)


def test_the_oldest_unfolded_message_is_the_first_in_conversation_order(store: Store) -> None:
    # Given messages 2, 1, 3 stored out of order, and another account's older one
    for n in (2, 1, 3):
        store.sessions.append_message(event(n), f"d-{n}")
    store.sessions.append_message(event(0, account=B), "d-b0")
    # Then the first unfolded one in conversation order is message 1
    assert store.memory.oldest_unfolded_at(A, "s1") == T0 + timedelta(seconds=1)
    assert store.memory.oldest_unfolded_at(B, "s1") == T0
    assert store.memory.oldest_unfolded_at(A, "nope") is None
