"""Flushing one session's buffered analytics: the work behind the flush and end actors.

The work is derived from the store, never from the job: each step reads the
messages the stored analytics do not cover yet, folds them in and saves with
compare-and-set (``store.lifecycle``). A duplicated, replayed or concurrent
flush therefore finds nothing left to count, or loses the CAS and stops.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from domain.analytics.aggregate import aggregate, low_confidence_answers
from domain.config import AnalyticsSettings
from domain.ports.lifecycle import AnalyticsBatch
from domain.ports.store import Store
from schemas.analytics_model import LOW_CONFIDENCE_KEEP
from schemas.errors import NotFound
from schemas.messages import StoredMessage

logger = logging.getLogger("memq.analytics")

#: Messages read back from a low-confidence answer to find its question.
QUESTION_LOOKBACK = 10


@dataclass(frozen=True)
class FlushOutcome:
    batches: int = 0
    messages: int = 0
    #: Stopped on its work bound with messages left: run another flush.
    more: bool = False
    #: Another flush of the same session saved first; it will have done the work.
    contended: bool = False
    #: The session does not exist (any more).
    missing: bool = False
    #: The session is ended (as last read): it is owed its final memory fold too.
    ended: bool = False


class AnalyticsService:
    def __init__(
        self,
        store: Store,
        settings: AnalyticsSettings,
        *,
        max_batches: int = 20,
        work_seconds: float = 30.0,
    ) -> None:
        self.store = store
        self.batch_size = settings.analytics_flush_batch
        self.threshold = settings.low_confidence_threshold
        self.max_batches = max_batches
        self.work_seconds = work_seconds

    def flush(self, account_id: str, session_id: str) -> FlushOutcome:
        """Fold every message not yet covered, one atomic batch at a time (bounded work)."""
        started = time.monotonic()
        batches = messages = 0
        ended = False
        while True:
            if batches >= self.max_batches or time.monotonic() - started > self.work_seconds:
                return FlushOutcome(batches, messages, more=True, ended=ended)
            try:
                batch = self.store.lifecycle.analytics_batch(
                    account_id, session_id, limit=self.batch_size
                )
                ended = batch.session.status == "ended"
                if not batch.messages and not _stale(batch):
                    return FlushOutcome(batches, messages, ended=ended)
                updated = aggregate(
                    batch.analytics,
                    batch.session,
                    batch.messages,
                    questions=self._questions(account_id, session_id, batch.messages),
                    threshold=self.threshold,
                    now=datetime.now(UTC),
                )
            except NotFound:
                return FlushOutcome(batches, messages, missing=True)
            if not self.store.lifecycle.save_analytics(account_id, batch, updated):
                logger.info(
                    "analytics of %s/%s saved by another flush; stopping", account_id, session_id
                )
                return FlushOutcome(batches, messages, contended=True, ended=ended)
            batches += 1
            messages += len(batch.messages)
            logger.debug(
                "analytics of %s/%s: %d message(s) flushed (version %d)",
                account_id,
                session_id,
                len(batch.messages),
                updated.version + 1,
            )
            if not batch.messages:
                return FlushOutcome(batches, messages, ended=ended)

    def _questions(
        self, account_id: str, session_id: str, batch: list[StoredMessage]
    ) -> dict[str, StoredMessage | None]:
        """The user message before each low-confidence answer that will be kept."""
        questions: dict[str, StoredMessage | None] = {}
        for answer in low_confidence_answers(batch, self.threshold)[-LOW_CONFIDENCE_KEEP:]:
            before = self.store.sessions.list_messages(
                account_id, session_id, limit=QUESTION_LOOKBACK, before=answer.seq
            )
            questions[answer.message_id] = next(
                (m for m in reversed(before) if m.role == "user"), None
            )
        return questions


def _stale(batch: AnalyticsBatch) -> bool:
    """The stored copy of the session's user, channel or end is out of date (only once
    something was flushed: a session without messages has no analytics)."""
    if batch.analytics.version == 0:
        return False
    session, analytics = batch.session, batch.analytics
    ended_at = session.ended_at if session.status == "ended" else None
    return (analytics.user_id, analytics.channel, analytics.ended_at) != (
        session.user_id,
        session.channel,
        ended_at,
    )
