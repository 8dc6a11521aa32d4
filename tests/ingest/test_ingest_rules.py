"""``domain.ingest``: the ingest rules, without a broker or a store."""

from __future__ import annotations

from domain.ingest import (
    SPLIT_AFTER_RETRIES,
    append_outcome,
    counted,
    handed_on,
    retry_whole,
    session_full,
    sessions_to_fold,
)
from domain.ports.sessions import AppendResult
from schemas.errors import InvalidInput, SessionFull, TransientError
from tests.support.ingest_workers import A, B, event

STORED = AppendResult(stored=True, message_count=3)
FULL = AppendResult(stored=False, rejected_full=True)
DUPLICATE = AppendResult(stored=False)
DELETED = AppendResult(stored=False, dropped_deleted=True)


def every_third(count: int | None) -> bool:
    return count is not None and count % 3 == 0


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


def test_a_session_folds_once_when_a_message_reached_a_trigger_count() -> None:
    # Given two sessions, one of them brought from 2 to 4 messages
    events = [event(3), event(4), event(1, session="s2")]
    results = [
        AppendResult(stored=True, message_count=3),
        AppendResult(stored=True, message_count=4),
        AppendResult(stored=True, message_count=1),
    ]
    # Then only that one is due, once; on a retried delivery both are
    assert sessions_to_fold(events, results, every_third, retried=False) == [(A, "s1")]
    assert sessions_to_fold(events, results, every_third, retried=True) == [
        (A, "s1"),
        (A, "s2"),
    ]


def test_a_batch_is_retried_whole_only_while_the_store_is_unavailable() -> None:
    assert retry_whole(TransientError("down"), 0)
    assert not retry_whole(TransientError("down"), SPLIT_AFTER_RETRIES)
    assert not retry_whole(InvalidInput("bad"), 0)
    assert not retry_whole(RuntimeError("bug"), 0)
