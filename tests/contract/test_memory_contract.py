"""The ``MemoryStore`` part of the store port (``domain/ports/memory.py``), on every adapter.

Memory lease, compare-and-set saves, and the folding bookkeeping on messages.
Mongo writes stay at a few dozen per test: the emulator is slow.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient, monitoring

from domain.ports.sessions import AppendResult
from domain.ports.store import Store
from schemas.analytics_model import LLMTokens
from schemas.errors import InvalidInput, NotFound
from schemas.memory_model import (
    Detail,
    Fact,
    FactValue,
    ReplacedValue,
    TierName,
    TierSummary,
)
from schemas.memory_state import MemoryState
from schemas.messages import MessageEvent, Role, StoredMessage
from schemas.sessions import SessionCreate
from store.backends._common import memory_document, memory_state
from store.backends.mongo import MongoStore
from store.backends.sqlite import SqliteStore

A, B = "acct-a", "acct-b"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SEQ0 = 1_772_366_400_000_000  # gateway seqs are epoch microseconds
OWNER, OTHER = "worker-1:thread-1", "worker-2:thread-7"
UNTIL = T0 + timedelta(minutes=1)


def event(
    n: int,
    *,
    account: str = A,
    session: str = "s1",
    role: Role = "user",
    message_id: str | None = None,
) -> MessageEvent:
    """The n-th message of a conversation: seq and accepted_at grow with n."""
    return MessageEvent(
        account_id=account,
        session_id=session,
        message_id=message_id or f"m{n}",
        role=role,
        content=f"message number {n}",
        seq=SEQ0 + n,
        accepted_at=T0 + timedelta(seconds=n),
        user_id="u1",
        channel="web",
    )


def append(store: Store, ev: MessageEvent, delivery_id: str | None = None) -> AppendResult:
    return store.sessions.append_message(ev, delivery_id or f"d-{ev.account_id}-{ev.message_id}")


def conversation(store: Store, *numbers: int, account: str = A, session: str = "s1") -> None:
    for n in numbers:
        append(store, event(n, account=account, session=session))


def ids(messages: list[StoredMessage]) -> list[str]:
    return [m.message_id for m in messages]


def unfolded(
    store: Store,
    *,
    keep_last: int = 0,
    exclude_ids: list[str] | None = None,
    limit: int = 100,
    account: str = A,
    session: str = "s1",
) -> list[str]:
    return ids(
        store.memory.unfolded_messages(
            account, session, keep_last=keep_last, exclude_ids=exclude_ids or [], limit=limit
        )
    )


def folded_state(version: int, fold_ids: list[str], *, text: str = "a summary") -> MemoryState:
    """A state as the memory actor saves it after folding ``fold_ids``."""
    return MemoryState(
        version=version,
        folded_count=len(fold_ids),
        last_fold_ids=fold_ids,
        recent=TierSummary(
            tier=TierName.RECENT,
            text=text,
            first_position=1,
            last_position=max(1, len(fold_ids)),
            first_seq=SEQ0 + 1,
            last_seq=SEQ0 + max(1, len(fold_ids)),
            token_estimate=12,
            engine="offline",
            updated_at=T0,
        ),
        facts=[
            Fact(
                key="order_id",
                value="42",
                source_message_id="m1",
                updated_at=T0 + timedelta(seconds=2),
                history=[FactValue(value="41", source_message_id="m0", updated_at=T0)],
            )
        ],
        updated_at=T0 + timedelta(seconds=3),
    )


def raw_memory_count(store: Store, account: str, session: str) -> int:
    """Memory rows physically left in the database, read behind the port on purpose."""
    if isinstance(store, MongoStore):
        return store.db.memory.count_documents({"account_id": account, "session_id": session})
    assert isinstance(store, SqliteStore)
    with sqlite3.connect(store.db.path) as conn:
        row = conn.execute(
            "SELECT count(*) FROM memory WHERE account_id = ? AND session_id = ?",
            (account, session),
        ).fetchone()
    return int(row[0])


# -- load / save ---------------------------------------------------------------------


def test_a_session_without_saved_memory_loads_an_empty_state(store: Store) -> None:
    # Given a session with a message, and one created empty
    conversation(store, 1)
    store.sessions.create_session(A, "s2", SessionCreate(user_id="u1"), T0)
    # When their memory is loaded, before and after a lease is taken
    # Then it is the empty state, version 0
    assert store.memory.load_memory(A, "s1") == MemoryState()
    assert store.memory.load_memory(A, "s2") == MemoryState()
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.load_memory(A, "s1") == MemoryState()


def test_memory_of_an_unknown_session_is_not_found(store: Store) -> None:
    conversation(store, 1)
    with pytest.raises(NotFound):
        store.memory.load_memory(A, "nope")


def test_saved_memory_round_trips_with_the_version_incremented(store: Store) -> None:
    # Given a session whose lease we hold
    conversation(store, 1, 2)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    # When a first state (with text Mongo must not take for an operator) is saved
    first = folded_state(0, ["m1"], text="$set costs $5. a.b {x}")
    assert store.memory.save_memory(A, "s1", first, OWNER)
    # Then it loads back whole, at version 1
    loaded = store.memory.load_memory(A, "s1")
    assert loaded == first.model_copy(update={"version": 1})
    assert loaded.updated_at is not None and loaded.updated_at.utcoffset() == timedelta(0)
    # And the next save from the loaded state gets version 2
    second = folded_state(loaded.version, ["m2"], text="two messages")
    assert store.memory.save_memory(A, "s1", second, OWNER)
    assert store.memory.load_memory(A, "s1") == second.model_copy(update={"version": 2})
    # And the folded messages are marked
    assert store.memory.count_unfolded(A, "s1") == 0


def test_details_round_trip_and_an_older_document_has_none(store: Store) -> None:
    # Given a session whose lease we hold, and a state with a detail (Persian and Thai
    # text) whose value a newer detail corrected
    conversation(store, 1, 2)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    detail = Detail(
        first_position=1,
        last_position=2,
        text="Assistant: شماره پرونده؟\nUser: ۴۸۲۱۳۷ ค่ะ",
        values=["۴۸۲۱۳۷"],
        kinds=["number"],
        replaced=[ReplacedValue(old="۴۸۲۱۳۷", new="۴۸۲۱۷۳", how="corrected")],
    )
    state = folded_state(0, ["m1", "m2"]).model_copy(update={"details": [detail]})
    # When it is saved and loaded back
    assert store.memory.save_memory(A, "s1", state, OWNER)
    # Then the detail comes back whole, what replaced its value too
    assert store.memory.load_memory(A, "s1").details == [detail]
    # And a document stored before details existed loads with none
    document = memory_document(folded_state(0, ["m1"]), 1)
    document.pop("details")
    assert memory_state(document, 1).details == []
    # And a detail stored before replaced values were loads with none replaced
    document = memory_document(state, 1)
    document["details"][0].pop("replaced")
    assert memory_state(document, 1).details[0].replaced == []


def test_a_stale_version_fails_the_cas_and_changes_nothing(store: Store) -> None:
    # Given a saved state at version 1 that folded m1
    conversation(store, 1, 2, 3)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.save_memory(A, "s1", folded_state(0, ["m1"], text="first"), OWNER)
    # When saves are made from version 0 (stale) and version 5 (never stored)
    stale = store.memory.save_memory(A, "s1", folded_state(0, ["m2"], text="stale"), OWNER)
    ahead = store.memory.save_memory(A, "s1", folded_state(5, ["m3"], text="ahead"), OWNER)
    # Then both fail, the stored state stays, and their messages are not marked
    assert (stale, ahead) == (False, False)
    kept = store.memory.load_memory(A, "s1")
    assert (kept.version, kept.recent and kept.recent.text) == (1, "first")
    assert unfolded(store) == ["m2", "m3"]
    assert store.memory.count_unfolded(A, "s1") == 2


def test_saving_without_holding_the_lease_fails(store: Store) -> None:
    # Given a session never leased, and one whose lease another owner holds
    conversation(store, 1)
    append(store, event(1, session="s2", message_id="x1"))
    assert store.memory.acquire_memory_lease(A, "s2", OTHER, UNTIL, T0)
    # When OWNER saves either, Then nothing is stored or marked
    assert not store.memory.save_memory(A, "s1", folded_state(0, ["m1"]), OWNER)
    assert not store.memory.save_memory(A, "s2", folded_state(0, ["x1"]), OWNER)
    assert store.memory.load_memory(A, "s1") == store.memory.load_memory(A, "s2") == MemoryState()
    assert store.memory.count_unfolded(A, "s1") == store.memory.count_unfolded(A, "s2") == 1
    # And a lease released by its owner no longer lets it save
    store.memory.release_memory_lease(A, "s2", OTHER)
    assert not store.memory.save_memory(A, "s2", folded_state(0, ["x1"]), OTHER)
    assert store.memory.count_unfolded(A, "s2") == 1


# -- lease ---------------------------------------------------------------------------


def test_the_lease_is_exclusive_until_it_expires_or_is_released(store: Store) -> None:
    conversation(store, 1)
    # Given OWNER holds the lease until UNTIL
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    # Then OTHER cannot take it, even at the very moment it ends
    assert not store.memory.acquire_memory_lease(A, "s1", OTHER, UNTIL + timedelta(minutes=1), T0)
    assert not store.memory.acquire_memory_lease(
        A, "s1", OTHER, UNTIL + timedelta(minutes=1), UNTIL
    )
    # And OWNER can take it again (extending it)
    later = UNTIL + timedelta(minutes=1)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, later, T0 + timedelta(seconds=30))
    # And OTHER releasing it does nothing
    store.memory.release_memory_lease(A, "s1", OTHER)
    assert not store.memory.acquire_memory_lease(
        A, "s1", OTHER, later, UNTIL + timedelta(seconds=1)
    )
    # When the lease has expired, Then OTHER takes it and OWNER has lost it
    after = later + timedelta(seconds=1)
    assert store.memory.acquire_memory_lease(A, "s1", OTHER, after + timedelta(minutes=1), after)
    assert not store.memory.acquire_memory_lease(
        A, "s1", OWNER, after + timedelta(minutes=1), after
    )
    assert not store.memory.save_memory(A, "s1", folded_state(0, ["m1"]), OWNER)
    # And once OTHER releases it, OWNER gets it back at once
    store.memory.release_memory_lease(A, "s1", OTHER)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, after + timedelta(minutes=1), after)


def test_the_lease_outlives_saves(store: Store) -> None:
    # Given OWNER holds the lease and saves twice
    conversation(store, 1, 2)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.save_memory(A, "s1", folded_state(0, ["m1"]), OWNER)
    assert store.memory.save_memory(A, "s1", folded_state(1, ["m2"]), OWNER)
    # Then OWNER still holds it: OTHER cannot take it
    assert not store.memory.acquire_memory_lease(A, "s1", OTHER, UNTIL, T0)


@pytest.mark.parametrize("held", ["never leased", "expired"])
def test_eight_threads_racing_for_the_lease_one_wins(store: Store, held: str) -> None:
    # Given a session whose lease is free: never taken, or taken and expired
    conversation(store, 1)
    now = T0
    if held == "expired":
        assert store.memory.acquire_memory_lease(A, "s1", "gone", T0, T0 - timedelta(minutes=1))
        now = T0 + timedelta(seconds=1)
    owners = [f"worker-{i}" for i in range(8)]
    winners: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(owners))

    def run(owner: str) -> None:
        try:
            barrier.wait()
            if store.memory.acquire_memory_lease(A, "s1", owner, now + timedelta(minutes=1), now):
                winners.append(owner)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(owner,)) for owner in owners]
    # When eight owners try to take it at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then exactly one holds it, and only that one can save
    assert errors == []
    assert len(winners) == 1
    losers = [owner for owner in owners if owner not in winners]
    assert not store.memory.save_memory(A, "s1", folded_state(0, []), losers[0])
    assert store.memory.save_memory(A, "s1", folded_state(0, []), winners[0])


def test_no_lease_for_a_missing_or_deleted_session(store: Store) -> None:
    # Given an unknown session id and a deleted session
    conversation(store, 1, session="gone")
    store.sessions.delete_session(A, "gone")
    # When a lease is asked for, Then it is refused without raising, leaving nothing behind
    assert not store.memory.acquire_memory_lease(A, "nope", OWNER, UNTIL, T0)
    assert not store.memory.acquire_memory_lease(A, "gone", OWNER, UNTIL, T0)
    assert raw_memory_count(store, A, "nope") == raw_memory_count(store, A, "gone") == 0
    # And releasing or saving there is harmless
    store.memory.release_memory_lease(A, "nope", OWNER)
    assert not store.memory.save_memory(A, "nope", folded_state(0, []), OWNER)


# -- unfolded_messages / count_unfolded ----------------------------------------------


def test_unfolded_messages_leave_out_the_verbatim_window(store: Store) -> None:
    # Given six messages stored out of order, none folded
    conversation(store, 4, 1, 6, 2, 5, 3)
    # Then they come in seq order, without the last keep_last
    assert unfolded(store) == ["m1", "m2", "m3", "m4", "m5", "m6"]
    assert unfolded(store, keep_last=2) == ["m1", "m2", "m3", "m4"]
    assert unfolded(store, keep_last=5) == ["m1"]
    # And a window holding the whole session leaves nothing
    assert unfolded(store, keep_last=6) == []
    assert unfolded(store, keep_last=50) == []
    # And limit keeps the oldest, exclude_ids drops named messages
    assert unfolded(store, keep_last=2, limit=2) == ["m1", "m2"]
    assert unfolded(store, keep_last=2, exclude_ids=["m2", "m5", "nope"]) == ["m1", "m3", "m4"]
    assert unfolded(store, keep_last=2, exclude_ids=["m1", "m2"], limit=1) == ["m3"]
    assert store.memory.count_unfolded(A, "s1") == 6


def test_folded_messages_are_left_out_but_still_fill_the_window(store: Store) -> None:
    # Given six messages, of which m1, m2 and then m5 were folded
    conversation(store, 1, 2, 3, 4, 5, 6)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.save_memory(A, "s1", folded_state(0, ["m1", "m2"]), OWNER)
    assert store.memory.save_memory(A, "s1", folded_state(1, ["m5"]), OWNER)
    # Then the folded ones are not offered, and the window is still the last messages
    assert unfolded(store) == ["m3", "m4", "m6"]
    assert unfolded(store, keep_last=2) == ["m3", "m4"]
    assert unfolded(store, keep_last=3) == ["m3"]
    assert store.memory.count_unfolded(A, "s1") == 3


def test_a_straggler_below_folded_messages_is_unfolded(store: Store) -> None:
    # Given m1, m3, m4, m5 with m1 and m3 folded
    conversation(store, 1, 3, 4, 5)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.save_memory(A, "s1", folded_state(0, ["m1", "m3"]), OWNER)
    assert unfolded(store, keep_last=1) == ["m4"]
    # When m2 arrives late, with a seq below folded messages
    append(store, event(2, role="assistant"))
    # Then it is offered for folding, in seq order
    assert unfolded(store, keep_last=1) == ["m2", "m4"]
    assert store.memory.count_unfolded(A, "s1") == 3


def test_the_messages_before_a_late_one_are_the_closest_in_order(store: Store) -> None:
    # Given m1..m5, and m6 in another session and another account
    conversation(store, 1, 2, 3, 4, 5)
    conversation(store, 6, session="s2")
    conversation(store, 2, account="other")
    # Then the messages just before a seq are the closest ones, oldest first, this session's
    before = store.memory.messages_before(A, "s1", SEQ0 + 4, limit=2)
    assert ids(before) == ["m2", "m3"]
    assert ids(store.memory.messages_before(A, "s1", SEQ0 + 2, limit=3)) == ["m1"]
    assert store.memory.messages_before(A, "s1", SEQ0 + 1, limit=3) == []
    assert store.memory.messages_before(A, "s2", SEQ0 + 4, limit=3) == []


def test_messages_sharing_a_seq_are_cut_by_message_id(store: Store) -> None:
    # Given two messages with the same seq (two gateways), ordered by message id
    conversation(store, 1, 2)
    append(store, event(3, message_id="m3a"))
    append(store, event(3, message_id="m3b"))
    # Then the window takes the last by (seq, message_id)
    assert unfolded(store, keep_last=1) == ["m1", "m2", "m3a"]
    assert unfolded(store, keep_last=2) == ["m1", "m2"]
    assert unfolded(store, keep_last=1, limit=3) == ["m1", "m2", "m3a"]
    assert unfolded(store, keep_last=1, limit=2) == ["m1", "m2"]


def test_unfolded_messages_reject_a_bad_window_or_limit(store: Store) -> None:
    conversation(store, 1)
    with pytest.raises(InvalidInput):
        unfolded(store, keep_last=-1)
    with pytest.raises(InvalidInput):
        unfolded(store, limit=0)


def test_unknown_sessions_have_nothing_unfolded(store: Store) -> None:
    assert unfolded(store, session="nope") == []
    assert store.memory.count_unfolded(A, "nope") == 0


# -- messages_between ----------------------------------------------------------------


def test_messages_between_is_inclusive_ordered_and_limited(store: Store) -> None:
    # Given five messages in s1 (stored out of order) and two in s2
    conversation(store, 5, 3, 1, 4, 2)
    for n in (2, 3):
        append(store, event(n, session="s2", message_id=f"x{n}"))
    s = SEQ0

    def between(first: int, last: int, limit: int = 100) -> list[str]:
        return ids(store.memory.messages_between(A, "s1", s + first, s + last, limit=limit))

    # Then the bounds are inclusive, the order is seq, and limit keeps the first
    assert between(2, 4) == ["m2", "m3", "m4"]
    assert between(0, 99) == ["m1", "m2", "m3", "m4", "m5"]
    assert between(2, 4, limit=2) == ["m2", "m3"]
    assert between(3, 3) == ["m3"]
    assert between(4, 2) == []
    assert between(6, 9) == []
    assert ids(store.memory.messages_between(A, "s2", s, s + 9, limit=10)) == ["x2", "x3"]
    [message] = store.memory.messages_between(A, "s1", s + 1, s + 1, limit=1)
    assert (message.session_id, message.content, message.seq) == ("s1", "message number 1", s + 1)
    with pytest.raises(InvalidInput):
        between(1, 5, limit=0)


# -- tenancy and deletion ------------------------------------------------------------


def test_another_account_cannot_see_or_change_memory(store: Store) -> None:
    # Given account A's session with saved memory and a folded message, lease held
    conversation(store, 1, 2, 3)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.save_memory(A, "s1", folded_state(0, ["m1"], text="A's"), OWNER)
    # When account B uses the same ids, Then everything looks missing
    with pytest.raises(NotFound):
        store.memory.load_memory(B, "s1")
    assert not store.memory.acquire_memory_lease(B, "s1", OWNER, UNTIL, T0)
    assert not store.memory.save_memory(B, "s1", folded_state(1, ["m2"], text="B's"), OWNER)
    store.memory.release_memory_lease(B, "s1", OWNER)
    assert unfolded(store, account=B) == []
    assert store.memory.count_unfolded(B, "s1") == 0
    assert store.memory.messages_between(B, "s1", 0, SEQ0 * 2, limit=10) == []
    assert raw_memory_count(store, B, "s1") == 0
    # And A's memory, lease and messages are untouched
    kept = store.memory.load_memory(A, "s1")
    assert (kept.version, kept.recent and kept.recent.text) == (1, "A's")
    assert not store.memory.acquire_memory_lease(A, "s1", OTHER, UNTIL, T0)
    assert unfolded(store) == ["m2", "m3"]


def test_the_same_ids_in_two_accounts_keep_separate_memory(store: Store) -> None:
    # Given sessions s1 in A and B, each with m1 and m2
    conversation(store, 1, 2)
    conversation(store, 1, 2, account=B)
    # When each folds a different message under the same owner name
    for account, fold in ((A, "m1"), (B, "m2")):
        assert store.memory.acquire_memory_lease(account, "s1", OWNER, UNTIL, T0)
        assert store.memory.save_memory(account, "s1", folded_state(0, [fold], text=account), OWNER)
    # Then each sees only its own state and folded messages
    assert unfolded(store) == ["m2"]
    assert unfolded(store, account=B) == ["m1"]
    for account in (A, B):
        state = store.memory.load_memory(account, "s1")
        assert (state.version, state.recent and state.recent.text) == (1, account)


def test_deleting_a_session_removes_its_memory(store: Store) -> None:
    # Given a session with saved memory and a held lease
    conversation(store, 1, 2)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.save_memory(A, "s1", folded_state(0, ["m1"]), OWNER)
    # When it is deleted
    store.sessions.delete_session(A, "s1")
    # Then its memory is gone and cannot come back
    assert raw_memory_count(store, A, "s1") == 0
    with pytest.raises(NotFound):
        store.memory.load_memory(A, "s1")
    assert not store.memory.save_memory(A, "s1", folded_state(1, ["m2"]), OWNER)
    assert not store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert raw_memory_count(store, A, "s1") == 0
    assert unfolded(store) == []
    assert store.memory.count_unfolded(A, "s1") == 0


# -- message_count in AppendResult ---------------------------------------------------


def test_append_reports_the_session_message_count(store: Store) -> None:
    # When three new messages are appended (out of order), then duplicates of one
    counts = [append(store, event(n)).message_count for n in (2, 1, 3)]
    duplicate = append(store, event(2), "a-new-delivery")
    redelivery = append(store, event(2))
    # Then each new one reports the count including itself; duplicates report none
    assert counts == [1, 2, 3]
    assert duplicate == redelivery == AppendResult(stored=False)
    # And counts are per session and follow a created session's zero
    store.sessions.create_session(A, "s2", SessionCreate(user_id="u1"), T0)
    assert append(store, event(1, session="s2", message_id="x1")).message_count == 1
    assert store.sessions.get_session(A, "s1").message_count == 3
    # And a message for a deleted session reports none
    store.sessions.delete_session(A, "s2")
    dropped = append(store, event(2, session="s2", message_id="x2"))
    assert dropped == AppendResult(stored=False, dropped_deleted=True)


# -- backend specifics ---------------------------------------------------------------


def test_sqlite_opens_a_version_1_file_without_the_folded_column(tmp_path: Path) -> None:
    # Given a file written by schema version 1 (messages without ``folded``)
    path = tmp_path / "v1.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            CREATE TABLE sessions (
                account_id TEXT NOT NULL, session_id TEXT NOT NULL, user_id TEXT,
                channel TEXT, title TEXT, title_seq INTEGER,
                metadata TEXT NOT NULL DEFAULT '{}', status TEXT NOT NULL DEFAULT 'active',
                ended_reason TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                last_message_at INTEGER, ended_at INTEGER,
                message_count INTEGER NOT NULL DEFAULT 0, last_prompt TEXT,
                last_prompt_seq INTEGER, last_activity INTEGER NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (account_id, session_id));
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, message_id TEXT NOT NULL,
                session_id TEXT NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL,
                seq INTEGER NOT NULL, accepted_at INTEGER NOT NULL, sent_at INTEGER,
                user_id TEXT, channel TEXT, metadata TEXT, delivery_id TEXT NOT NULL,
                UNIQUE (account_id, message_id));
            INSERT INTO sessions (account_id, session_id, created_at, updated_at,
                                  last_activity, message_count)
                VALUES ('acct-a', 's1', 0, 0, 0, 1);
            INSERT INTO messages (account_id, message_id, session_id, role, content, seq,
                                  accepted_at, delivery_id)
                VALUES ('acct-a', 'm1', 's1', 'user', 'old', 1, 0, 'd1');
            PRAGMA user_version = 1;
            """
        )
    conn.close()
    # When the store opens it
    store = SqliteStore(path)
    try:
        # Then old messages count as not folded, and folding works
        assert store.memory.count_unfolded(A, "s1") == 1
        assert append(store, event(2)).message_count == 2
        assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
        assert store.memory.save_memory(A, "s1", folded_state(0, ["m1"]), OWNER)
        assert unfolded(store) == ["m2"]
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 2
    conn.close()


def test_sqlite_unfolded_queries_use_indexes(sqlite_store: SqliteStore) -> None:
    # Given the queries unfolded_messages and count_unfolded run
    conversation(sqlite_store, 1)
    plans = []
    with sqlite3.connect(sqlite_store.db.path) as conn:
        for query in (
            "SELECT seq, message_id FROM messages WHERE account_id = 'a' AND session_id = 's'"
            " ORDER BY seq DESC, message_id DESC LIMIT 1 OFFSET 3",
            "SELECT * FROM messages WHERE account_id = 'a' AND session_id = 's' AND folded = 0"
            " AND message_id NOT IN (SELECT value FROM json_each('[]'))"
            " AND (seq, message_id) < (9, 'x') ORDER BY seq, message_id LIMIT 5",
            "SELECT count(*) FROM messages"
            " WHERE account_id = 'a' AND session_id = 's' AND folded = 0",
        ):
            rows = conn.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()
            plans.append(" | ".join(row[-1] for row in rows))
    conn.close()
    # Then each searches an index, and none sorts in a temporary B-tree
    assert "messages_by_session" in plans[0]
    assert "messages_unfolded" in plans[1]
    assert "messages_unfolded" in plans[2]
    assert not any("TEMP B-TREE" in plan for plan in plans), plans


class _Commands(monitoring.CommandListener):
    """Records the name of every command a client sends: one per round trip."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.names.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


def test_mongo_memory_round_trips(mongodb_url: str) -> None:
    # Given a MongoStore whose client records its commands, and a conversation
    commands = _Commands()
    client: MongoClient[Any] = MongoClient(mongodb_url, event_listeners=[commands])
    database = f"memqtest_{uuid.uuid4().hex[:12]}"
    store = MongoStore(client, database)
    try:
        store.ensure_indexes()
        conversation(store, 1, 2, 3)

        def trips(operation: Any, *args: Any, **kwargs: Any) -> list[str]:
            commands.names.clear()
            operation(*args, **kwargs)
            return list(commands.names)

        # When each memory operation runs, Then it takes the round trips documented
        assert trips(store.memory.acquire_memory_lease, A, "s1", OWNER, UNTIL, T0) == [
            "update",
            "find",
        ]
        assert trips(store.memory.acquire_memory_lease, A, "s1", OTHER, UNTIL, T0) == ["update"]
        assert trips(store.memory.load_memory, A, "s1") == ["find", "find"]
        save = store.memory.save_memory
        assert trips(save, A, "s1", folded_state(0, ["m1"]), OWNER) == ["update", "update"]
        assert trips(save, A, "s1", folded_state(1, []), OWNER) == ["update"]
        assert trips(save, A, "s1", folded_state(0, ["m2"]), OWNER) == ["update"]
        unfolded_page = store.memory.unfolded_messages
        assert trips(unfolded_page, A, "s1", keep_last=1, exclude_ids=[], limit=5) == [
            "find",
            "find",
        ]
        assert trips(unfolded_page, A, "s1", keep_last=0, exclude_ids=["m2"], limit=5) == ["find"]
        assert trips(store.memory.count_unfolded, A, "s1") == ["aggregate"]
        assert trips(store.memory.messages_between, A, "s1", SEQ0, SEQ0 + 9, limit=5) == ["find"]
        assert trips(store.memory.release_memory_lease, A, "s1", OWNER) == ["update"]
        # one atomic increment per document: the session's, the account's day
        spent = LLMTokens(input_tokens=10, output_tokens=2, calls=1)
        assert trips(store.lifecycle.record_llm_usage, A, "s1", T0.date(), spent) == [
            "update",
            "findAndModify",
        ]
        # tombstone, the search entries counted, messages, their ids' claims, memory,
        # analytics, LLM usage
        assert trips(store.sessions.delete_session, A, "s1") == [
            "update",
            "aggregate",
            "delete",
            "delete",
            "delete",
            "delete",
            "delete",
        ]
    finally:
        client.drop_database(database)
        client.close()


def test_mongo_unfolded_query_uses_the_folded_index(mongo_store: MongoStore) -> None:
    # Given the index ensure_indexes creates for folding
    info = mongo_store.db.messages.index_information()
    # Then it leads with the session, then folded, then conversation order
    assert [field for field, _ in info["messages_by_folded"]["key"]] == [
        "account_id",
        "session_id",
        "folded",
        "seq",
        "message_id",
    ]
    assert mongo_store.db.memory.index_information()["memory_once"]["unique"] is True


def test_a_context_snapshot_holds_the_count_the_memory_and_the_newest_messages(
    store: Store,
) -> None:
    # Given a session of 8 messages whose first 3 are summarized, and account B's
    # session of the same id
    conversation(store, *range(1, 9))
    conversation(store, 1, 2, account=B)
    assert store.memory.acquire_memory_lease(A, "s1", OWNER, UNTIL, T0)
    assert store.memory.save_memory(A, "s1", folded_state(0, ["m1", "m2", "m3"]), OWNER)
    # When snapshots are taken with room for every message, and for 2
    whole = store.memory.context_snapshot(A, "s1", recent_limit=50)
    newest = store.memory.context_snapshot(A, "s1", recent_limit=2)
    # Then each holds the count, the saved memory, and the newest messages, summarized
    # or not (what fits the budget is shown word for word), in conversation order
    assert whole.message_count == 8
    assert whole.memory == store.memory.load_memory(A, "s1")
    assert ids(whole.recent) == [f"m{i}" for i in range(1, 9)]
    assert ids(newest.recent) == ["m7", "m8"]
    # And another account's session is its own: no memory, its two messages
    other = store.memory.context_snapshot(B, "s1", recent_limit=50)
    assert other.message_count == 2
    assert other.memory == MemoryState()
    assert ids(other.recent) == ["m1", "m2"]


def test_a_context_snapshot_of_an_unknown_session_is_not_found(store: Store) -> None:
    conversation(store, 1)
    for account, session in ((A, "nope"), (B, "s1")):
        with pytest.raises(NotFound):
            store.memory.context_snapshot(account, session, recent_limit=50)
