"""Folding a batch of messages into a session's analytics: pure, no store."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from domain.analytics import metadata
from schemas.analytics_model import (
    DAYS_KEEP,
    LATENCY_BOUNDS_MS,
    LOW_CONFIDENCE_KEEP,
    NAMES_KEEP,
    QUESTION_CHARS,
    SOURCES_KEEP,
    DayFigures,
    LowConfidenceQuery,
    NameCount,
    SessionAnalytics,
    SourceUse,
)
from schemas.messages import StoredMessage
from schemas.sessions import Session


def low_confidence_answers(
    messages: Iterable[StoredMessage], threshold: float
) -> list[StoredMessage]:
    """Assistant messages whose confidence is below ``threshold``, in conversation order."""
    found = []
    for message in messages:
        if message.role != "assistant":
            continue
        confidence = metadata.parse(message.metadata).confidence
        if confidence is not None and confidence < threshold:
            found.append(message)
    return sorted(found, key=lambda m: (m.seq, m.message_id))


def aggregate(
    previous: SessionAnalytics,
    session: Session,
    batch: Sequence[StoredMessage],
    *,
    questions: Mapping[str, StoredMessage | None],
    threshold: float,
    now: datetime,
) -> SessionAnalytics:
    """``previous`` plus ``batch``; ``questions`` maps a low-confidence answer's id to
    the user message just before it (missing or None: no question known).

    The session's current user, channel and end are copied, whatever the batch.
    The result keeps ``previous.version``: the store increments it on save.
    """
    result = previous.model_copy(deep=True)
    result.user_id = session.user_id
    result.channel = session.channel
    result.ended_at = session.ended_at if session.status == "ended" else None
    result.flushed_at = now
    sources = {use.entry_id: use for use in result.sources}
    models = {item.name: item.count for item in result.models}
    collections = {item.name: item.count for item in result.collections}
    days = {figures.day: figures for figures in result.days}
    low: list[LowConfidenceQuery] = []
    for message in sorted(batch, key=lambda m: (m.seq, m.message_id)):
        result.messages += 1
        at = message.accepted_at
        day = _day(days, at)
        day.messages += 1
        result.first_message_at = _earliest(result.first_message_at, at)
        result.last_message_at = _latest(result.last_message_at, at)
        if message.role == "user":
            result.user_messages += 1
            continue
        if message.role != "assistant":
            continue
        result.queries_answered += 1
        meta = metadata.parse(message.metadata)
        if meta.confidence is not None:
            result.scored_answers += 1
            result.confidence_sum += meta.confidence
            result.min_confidence = (
                meta.confidence
                if result.min_confidence is None
                else min(result.min_confidence, meta.confidence)
            )
            if meta.confidence < threshold:
                result.low_confidence_count += 1
                low.append(
                    _low_confidence(message, meta.confidence, questions.get(message.message_id))
                )
        for entry_id in meta.sources:
            use = sources.get(entry_id)
            if use is None:
                sources[entry_id] = SourceUse(entry_id=entry_id, count=1, last_used=at)
            else:
                use.count += 1
                use.last_used = max(use.last_used, at)
        if meta.model is not None:
            models[meta.model] = models.get(meta.model, 0) + 1
        if meta.collection is not None:
            collections[meta.collection] = collections.get(meta.collection, 0) + 1
        if meta.tokens is not None:
            result.tokens += meta.tokens
        if meta.latency_ms is not None:
            result.latency_ms_sum += meta.latency_ms
            result.latency_count += 1
            day.latency[latency_bucket(meta.latency_ms)] += 1
    merged = sorted([*result.low_confidence, *low], key=lambda q: (q.seq, q.message_id))
    result.low_confidence = merged[-LOW_CONFIDENCE_KEEP:]
    result.sources = sorted(sources.values(), key=lambda u: (-u.count, u.entry_id))[:SOURCES_KEEP]
    result.days = sorted(days.values(), key=lambda figures: figures.day)[-DAYS_KEEP:]
    result.models = _top(models)
    result.collections = _top(collections)
    return result


def latency_bucket(latency_ms: float) -> int:
    """The histogram bucket of one response time: the first bound it does not exceed."""
    return bisect.bisect_left(LATENCY_BOUNDS_MS, latency_ms)


def _day(days: dict[str, DayFigures], moment: datetime) -> DayFigures:
    # A naive time is UTC (as a store without time zones gives it back).
    utc = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    key = utc.date().isoformat()
    figures = days.get(key)
    if figures is None:
        figures = days[key] = DayFigures(day=key)
    return figures


def _low_confidence(
    answer: StoredMessage, confidence: float, question: StoredMessage | None
) -> LowConfidenceQuery:
    return LowConfidenceQuery(
        message_id=answer.message_id,
        seq=answer.seq,
        confidence=confidence,
        question=None if question is None else question.content[:QUESTION_CHARS],
        question_message_id=None if question is None else question.message_id,
        answered_at=answer.accepted_at,
    )


def _top(counts: dict[str, int]) -> list[NameCount]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:NAMES_KEEP]
    return [NameCount(name=name, count=count) for name, count in ordered]


def _earliest(current: datetime | None, moment: datetime) -> datetime:
    return moment if current is None else min(current, moment)


def _latest(current: datetime | None, moment: datetime) -> datetime:
    return moment if current is None else max(current, moment)
