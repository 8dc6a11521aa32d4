"""``domain.ingest``: the ingest rules, without a broker or a store."""

from __future__ import annotations

from domain.ingest import (
    SPLIT_AFTER_RETRIES,
    append_outcome,
    counted,
    handed_on,
    retry_whole,
    session_full,
    sessions_at_count,
    sessions_to_fold,
)
from domain.ports.sessions import AppendResult
from schemas.errors import InvalidInput, SessionFull, TransientError
from tests.support.ingest_workers import A, B, event

STORED = AppendResult(stored=True, message_count=3)
FULL = AppendResult(stored=False, rejected_full=True)
DUPLICATE = AppendResult(stored=False)
DELETED = AppendResult(stored=False, dropped_deleted=True)


def test_each_append_has_one_outcome() -> None:
    assert [append_outcome(r) for r in (STORED, FULL, DUPLICATE, DELETED)] == [
        "stored",
        "rejected_full",
        "duplicate",
        "dropped_deleted",
    ]


def test_a_batch_hands_refused_events_on_and_leaves_their_count_to_them() -> None:
    # Given a batch whose second event found its session full
    events = [event(1), event(2), event(1, account=B)]
    results = [STORED, FULL, DUPLICATE]
    # Then only that event is handed on, and the batch counts the others
    assert handed_on(events, results) == [events[1]]
    assert counted(results) == ["stored", "duplicate"]
    refusal = session_full(events[1], 8)
    assert isinstance(refusal, SessionFull)
    assert "holds the maximum of 8 messages" in refusal.detail


def test_a_job_is_published_once_per_session_the_batch_marked() -> None:
    # Given a batch over three sessions: s1 marked by its second message, s2 not
    # marked (a job is already pending), s3 marked by its only message
    events = [event(3), event(4), event(1, session="s2"), event(5, session="s3")]
    results = [
        AppendResult(stored=True, message_count=3),
        AppendResult(stored=True, message_count=4, memory_job_due=True),
        AppendResult(stored=True, message_count=5),
        AppendResult(stored=True, message_count=5, memory_job_due=True),
    ]
    # Then one job each for s1 and s3, in order of appearance
    assert sessions_to_fold(events, results) == [(A, "s1"), (A, "s3")]
    # And a redelivered batch (all duplicates) publishes nothing
    assert sessions_to_fold(events, [DUPLICATE] * 4) == []


def test_a_user_memory_merge_is_due_once_per_session_a_batch_took_past_its_count() -> None:
    # Given a merge every 5 messages, and a batch taking s1 from 3 to 6, s2 to 2
    def every_5(count: int | None) -> bool:
        return count is not None and count % 5 == 0

    events = [event(4), event(5), event(6), event(2, session="s2")]
    counts = [4, 5, 6, 2]
    results = [AppendResult(stored=True, message_count=n, has_user=True) for n in counts]
    # Then s1 is due once (its 5th message), s2 is not
    assert sessions_at_count(events, results, every_5) == [(A, "s1")]
    # And a redelivered batch (all duplicates: no count) makes nothing due
    assert sessions_at_count(events, [DUPLICATE] * 4, every_5) == []
    # And a session without a user has no user memory to merge into
    userless = [AppendResult(stored=True, message_count=n) for n in counts]
    assert sessions_at_count(events, userless, every_5) == []


def test_a_batch_is_retried_whole_only_while_the_store_is_unavailable() -> None:
    assert retry_whole(TransientError("down"), 0)
    assert not retry_whole(TransientError("down"), SPLIT_AFTER_RETRIES)
    assert not retry_whole(InvalidInput("bad"), 0)
    assert not retry_whole(RuntimeError("bug"), 0)
