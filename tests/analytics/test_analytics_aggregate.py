"""Reading answer metadata and folding messages into a session's analytics: pure, no store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.analytics import metadata
from domain.analytics.aggregate import aggregate, low_confidence_answers
from schemas.analytics_model import LOW_CONFIDENCE_KEEP, SessionAnalytics
from schemas.messages import Role, StoredMessage
from schemas.sessions import Session

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SESSION = Session(session_id="s1", user_id="u1", channel="web", created_at=T0, updated_at=T0)


def message(n: int, role: Role = "user", **meta: Any) -> StoredMessage:
    return StoredMessage(
        message_id=f"m{n}",
        session_id="s1",
        role=role,
        content=f"{role} {n}",
        seq=n,
        accepted_at=T0 + timedelta(seconds=n),
        metadata=meta or None,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"confidence": 0.95}, 0.95),
        ({"confidence": 1}, 1.0),
        ({"confidence": 0}, 0.0),
        ({"confidence": True}, None),
        ({"confidence": "0.9"}, None),
        ({"confidence": 95}, None),
        ({"confidence": float("nan")}, None),
        ({}, None),
    ],
)
def test_confidence_is_a_number_in_zero_one(raw: dict[str, Any], expected: float | None) -> None:
    assert metadata.parse(raw).confidence == expected


def test_sources_tokens_and_names_are_read_tolerantly() -> None:
    parsed = metadata.parse(
        {
            "sources": ["kb_1", " kb_1 ", {"entry_id": "kb_2"}, {"id": 3}, "", None, 7],
            "tokens": {"input": 120, "output": 80},
            "model": "  claude-haiku-4-5 ",
            "collection": "",
            "latency_ms": -5,
        }
    )
    assert parsed.sources == ("kb_1", "kb_2", "3", "7")
    assert parsed.tokens == 200
    assert parsed.model == "claude-haiku-4-5"
    assert parsed.collection is None and parsed.latency_ms is None
    assert metadata.parse({"sources": "kb_9", "tokens": {"total": 5, "input": 3}}).sources == (
        "kb_9",
    )
    assert metadata.parse({"tokens": {"total": 5, "input": 3}}).tokens == 5
    assert metadata.parse({"sources": {"nope": 1}, "tokens": -1}).sources == ()
    assert metadata.parse(None) == metadata.AnswerMetadata()


def test_sources_per_answer_are_capped() -> None:
    many = [f"kb_{i}" for i in range(metadata.SOURCES_PER_ANSWER + 10)]
    assert len(metadata.parse({"sources": many}).sources) == metadata.SOURCES_PER_ANSWER


def test_a_batch_folds_into_hand_computed_figures() -> None:
    # Given a conversation: two scored answers, one unscored, a system message
    batch = [
        message(1),
        message(
            2,
            "assistant",
            confidence=0.8,
            sources=["a", "b"],
            model="m1",
            tokens=10,
            latency_ms=100,
        ),
        message(3, "system"),
        message(4),
        message(
            5,
            "assistant",
            confidence=0.2,
            sources=["a"],
            model="m1",
            collection="faq",
            latency_ms=300,
        ),
        message(6, "assistant", sources=["c"], model="m2"),
    ]
    # When it is folded into empty analytics, the question of m5 being m4
    result = aggregate(
        SessionAnalytics(), SESSION, batch, questions={"m5": batch[3]}, threshold=0.5, now=T0
    )
    # Then every figure is what we count by hand
    assert (result.messages, result.user_messages, result.queries_answered) == (6, 2, 3)
    assert result.scored_answers == 2
    assert result.average_confidence == pytest.approx(0.5)
    assert result.min_confidence == pytest.approx(0.2)
    assert result.low_confidence_count == 1
    assert [(q.message_id, q.question, q.confidence) for q in result.low_confidence] == [
        ("m5", "user 4", 0.2)
    ]
    assert [(s.entry_id, s.count, s.last_used) for s in result.sources] == [
        ("a", 2, T0 + timedelta(seconds=5)),
        ("b", 1, T0 + timedelta(seconds=2)),
        ("c", 1, T0 + timedelta(seconds=6)),
    ]
    assert [(m.name, m.count) for m in result.models] == [("m1", 2), ("m2", 1)]
    assert [(c.name, c.count) for c in result.collections] == [("faq", 1)]
    assert result.tokens == 10
    assert result.average_latency_ms == pytest.approx(200)
    assert (result.user_id, result.channel, result.ended_at) == ("u1", "web", None)
    assert result.version == 0  # the store increments it


def test_a_second_batch_adds_to_the_first_in_any_order() -> None:
    first = [message(3), message(4, "assistant", confidence=0.9, sources=["a"])]
    second = [message(1), message(2, "assistant", confidence=0.3, sources=["a"])]
    once = aggregate(SessionAnalytics(), SESSION, first, questions={}, threshold=0.5, now=T0)
    twice = aggregate(once, SESSION, second, questions={}, threshold=0.5, now=T0)
    together = aggregate(
        SessionAnalytics(), SESSION, first + second, questions={}, threshold=0.5, now=T0
    )
    assert twice.model_dump(exclude={"flushed_at"}) == together.model_dump(exclude={"flushed_at"})
    assert twice.first_message_at == T0 + timedelta(seconds=1)
    assert twice.min_confidence == pytest.approx(0.3)
    assert twice.sources[0].last_used == T0 + timedelta(seconds=4)


def test_the_low_confidence_list_keeps_the_latest() -> None:
    answers = [message(n, "assistant", confidence=0.1) for n in range(LOW_CONFIDENCE_KEEP + 5)]
    result = aggregate(SessionAnalytics(), SESSION, answers, questions={}, threshold=0.5, now=T0)
    assert result.low_confidence_count == LOW_CONFIDENCE_KEEP + 5
    assert len(result.low_confidence) == LOW_CONFIDENCE_KEEP
    assert result.low_confidence[0].message_id == "m5"
    assert [m.message_id for m in low_confidence_answers(answers[:2], 0.5)] == ["m0", "m1"]


def test_the_end_of_an_ended_session_is_copied() -> None:
    ended = SESSION.model_copy(update={"status": "ended", "ended_at": T0})
    result = aggregate(SessionAnalytics(), ended, [], questions={}, threshold=0.5, now=T0)
    assert result.ended_at == T0
