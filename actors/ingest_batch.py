"""The batch ingest actor: many chat messages in one delivery, each stored exactly once.

Per event the contract is ``ingest_message``'s; the store writes the batch at
once (SQLite: one transaction). The delivery is retried, or dead-lettered, as a
whole, with one exception: an event refused because its session is full goes
back on the queue alone, as an ``ingest_message`` job, so that it is
dead-lettered (and replayable) by itself instead of taking the batch with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import dramatiq
from dramatiq.middleware import CurrentMessage
from pydantic import ValidationError

from actors.deps import Deps
from actors.metrics import ingest_outcome, record_ingest_outcome
from memq.errors import InvalidInput, PermanentError
from schemas.messages import MessageBatch, MessageEvent
from schemas.routing import ActorName, QueueKind
from store.base import AppendResult

logger = logging.getLogger("memq.actors.ingest_batch")

SessionKey = tuple[str, str]  # (account_id, session_id)


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    # Retries and backoff as ingest_message: the same work, for many messages.
    @dramatiq.actor(
        broker=broker,
        actor_name=ActorName.INGEST_BATCH.value,
        queue_name=deps.queue(QueueKind.INGEST),
        max_retries=deps.settings.ingest_max_retries,
        min_backoff=500,
        max_backoff=60_000,
        throws=(PermanentError,),
    )
    def ingest_batch(*args: Any, **kwargs: Any) -> None:
        events = decode_batch(args, kwargs, max_content_bytes=deps.settings.max_message_bytes)
        current = CurrentMessage.get_current_message()
        # Stable across redeliveries of this message, distinct per event.
        base = current.message_id if current is not None else None
        items = [
            (event, event.message_id if base is None else f"{base}:{index}")
            for index, event in enumerate(events)
        ]
        cap = deps.settings.max_messages_per_session
        results = deps.store.append_messages(items, max_messages=cap)
        for result in results:
            # A rejected event is counted once, by the single job it is handed to.
            if not result.rejected_full:
                record_ingest_outcome(ingest_outcome(result))
        retried = current is not None and bool(current.options.get("retries"))
        for account_id, session_id in sessions_to_fold(
            events, results, deps.memory.should_trigger, retried=retried
        ):
            deps.enqueue(ActorName.UPDATE_MEMORY, account_id=account_id, session_id=session_id)
        for event, result in zip(events, results, strict=True):
            if result.rejected_full:
                logger.warning(
                    "message %s rejected: session %s of account %s holds %d messages "
                    "(MEMQ_MAX_MESSAGES_PER_SESSION); re-enqueued alone to dead-letter it",
                    event.message_id,
                    event.session_id,
                    event.account_id,
                    cap,
                )
                deps.enqueue(ActorName.INGEST_MESSAGE, event=event.model_dump(mode="json"))
        logger.debug("batch of %d messages: %d stored", len(events), sum(r.stored for r in results))


def decode_batch(
    args: tuple[Any, ...], kwargs: dict[str, Any], *, max_content_bytes: int
) -> list[MessageEvent]:
    """The batch's events, or ``InvalidInput`` (dead-letter the whole batch): a hand-made
    message of any shape fails as a permanent error, never as a retried TypeError."""
    if args or set(kwargs) != {"events"}:
        raise InvalidInput("an ingest batch carries exactly one keyword argument: events")
    try:
        batch = MessageBatch.model_validate(kwargs)
    except ValidationError as exc:
        raise InvalidInput(f"malformed message batch: {exc.error_count()} problem(s)") from exc
    # The gateway checks this too; direct AMQP producers meet it here.
    oversized = sum(len(event.content.encode()) > max_content_bytes for event in batch.events)
    if oversized:
        raise InvalidInput(f"{oversized} event(s) with content over MEMQ_MAX_MESSAGE_BYTES")
    return batch.events


def sessions_to_fold(
    events: Sequence[MessageEvent],
    results: Sequence[AppendResult],
    should_trigger: Callable[[int | None], bool],
    *,
    retried: bool,
) -> list[SessionKey]:
    """The sessions of the batch whose memory job is due, each once, in order of appearance.

    Due when one of its messages reached a trigger count: every stored message
    reports the count it brought the session to, so a trigger is never skipped
    however many messages the batch adds (3 → 8 reports 4, 5, ..., 8). Due
    also on a retried delivery: the failed attempt may have counted messages
    before it could enqueue the job, and memory jobs are idempotent.
    """
    due: dict[SessionKey, bool] = {}
    for event, result in zip(events, results, strict=True):
        key = (event.account_id, event.session_id)
        due[key] = due.get(key, False) or retried or should_trigger(result.message_count)
    return [key for key, is_due in due.items() if is_due]
