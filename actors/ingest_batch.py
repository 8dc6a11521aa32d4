"""The batch ingest actor: many chat messages in one delivery, each stored exactly once.

Per event the contract is ``ingest_message``'s; the store writes the batch at
once (SQLite: one transaction). A batch mixes accounts, so one message must
never take the others down with it, nor delay them: an event refused because
its session is full, a malformed or oversized event, and every event of a
batch whose store write failed for any reason but the store being unavailable
go back on the queue alone, at once, as ``ingest_message`` jobs, and succeed
or are dead-lettered (replayable) on their own. A store that is unavailable
fails every event alike: the batch is retried whole, and split after
``SPLIT_AFTER_RETRIES`` failed deliveries. Only a batch of the wrong shape is
dead-lettered whole. These rules are ``domain.ingest``'s; this actor decodes,
stores, and does what they say.
"""

from __future__ import annotations

import logging
from typing import Any

import dramatiq
from dramatiq.middleware import CurrentMessage
from pydantic import ValidationError

from actors.deps import Deps
from actors.ingest import ingest_actor, sessions_to_merge
from actors.metrics.middleware import record_ingest_outcome
from domain.ingest import counted, handed_on, oversized, retry_whole, sessions_to_fold
from schemas.errors import InvalidInput
from schemas.messages import MAX_BATCH_EVENTS, MessageBatch, MessageEvent
from schemas.requests.ingest import IngestMessage
from schemas.requests.jobs import UpdateMemory
from schemas.requests.user_memory import UpdateUserMemory
from schemas.routing import ActorName, new_message

logger = logging.getLogger("memq.actors.ingest_batch")


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    # Retries and backoff as ingest_message: the same work, for many messages.
    @ingest_actor(broker, deps, ActorName.INGEST_BATCH)
    def ingest_batch(*args: Any, **kwargs: Any) -> None:
        current = CurrentMessage.get_current_message()
        retries = int(current.options.get("retries", 0)) if current is not None else 0
        # Stable across redeliveries of this message, distinct per event.
        base = current.message_id if current is not None else None
        try:
            events = decode_batch(args, kwargs, max_content_bytes=deps.settings.max_message_bytes)
        except EventsToSplit as exc:
            # A bad event must not take other accounts' messages to the dead letters.
            split(deps, exc.raw_events, base, str(exc))
            return
        items = [
            (event, event.message_id if base is None else f"{base}:{index}")
            for index, event in enumerate(events)
        ]
        cap = deps.settings.max_messages_per_session
        try:
            results = deps.store.sessions.append_messages(
                items,
                max_messages=cap,
                fold_every=deps.settings.memory_fold_every,
                fold_after=deps.settings.memory_verbatim_count,
            )
        except Exception as exc:
            if retry_whole(exc, retries):
                raise
            # Not the store being down, or down again and again: whatever it is,
            # let each message succeed or fail on its own, now, rather than
            # retry, then dead-letter, them all together.
            split(deps, [event.model_dump(mode="json") for event in events], base, repr(exc))
            return
        for outcome in counted(results):
            record_ingest_outcome(outcome)
        for account_id, session_id in sessions_to_fold(events, results):
            deps.enqueue(UpdateMemory(account_id=account_id, session_id=session_id))
        for account_id, session_id in sessions_to_merge(events, results, deps):
            deps.enqueue(UpdateUserMemory(account_id=account_id, session_id=session_id))
        # A retry after a failed enqueue here may hand a rejected message on twice:
        # two dead letters for it, stored at most once all the same.
        for event in handed_on(events, results):
            logger.warning(
                "message %s rejected: session %s of account %s holds %d messages "
                "(MEMQ_MAX_MESSAGES_PER_SESSION); re-enqueued alone to dead-letter it",
                event.message_id,
                event.session_id,
                event.account_id,
                cap,
            )
            deps.enqueue(IngestMessage(event=event))
        logger.debug("batch of %d messages: %d stored", len(events), sum(r.stored for r in results))


class EventsToSplit(Exception):
    """A well-formed batch with bad events: each is to be handled on its own."""

    def __init__(self, raw_events: list[Any], problem: str) -> None:
        super().__init__(problem)
        self.raw_events = raw_events


def decode_batch(
    args: tuple[Any, ...], kwargs: dict[str, Any], *, max_content_bytes: int
) -> list[MessageEvent]:
    """The batch's events.

    ``InvalidInput`` (dead-letter the whole batch) when its shape is wrong: a
    hand-made message of any shape fails as a permanent error, never as a
    retried TypeError. ``EventsToSplit`` when the shape is right but an event
    is not (malformed, or over ``max_content_bytes``).
    """
    raw = kwargs.get("events")
    if args or set(kwargs) != {"events"} or not isinstance(raw, list):
        raise InvalidInput("an ingest batch carries exactly one keyword argument: events, a list")
    if not 0 < len(raw) <= MAX_BATCH_EVENTS:
        raise InvalidInput(
            f"an ingest batch carries 1 to {MAX_BATCH_EVENTS} events, not {len(raw)}"
        )
    try:
        batch = MessageBatch.model_validate(kwargs)
    except ValidationError as exc:
        raise EventsToSplit(
            raw, InvalidInput.from_validation(exc, "malformed message batch").detail
        ) from exc
    # The gateway checks this too; direct AMQP producers meet it here.
    too_large = sum(oversized(event, max_content_bytes) for event in batch.events)
    if too_large:
        raise EventsToSplit(raw, f"{too_large} event(s) with content over MEMQ_MAX_MESSAGE_BYTES")
    return batch.events


def split(deps: Deps, raw_events: list[Any], base: str | None, why: str) -> None:
    """Re-enqueue each event as its own ``ingest_message`` job: good ones are stored,
    bad ones are dead-lettered alone, replayable.

    Each job's message id is the event's delivery id in this batch, so a store
    write the batch left half done (MongoDB: inserted, not yet counted) is
    finished by the single job as by a redelivery; a redelivered split makes
    the same jobs again, and the store deduplicates them.
    """
    logger.warning("splitting a batch of %d events into single jobs: %s", len(raw_events), why)
    prefix = deps.settings.queue_prefix
    for index, raw in enumerate(raw_events):
        job = new_message(prefix, ActorName.INGEST_MESSAGE, {"event": raw})
        if base is not None:
            job = job.copy(message_id=f"{base}:{index}")
        deps.broker.enqueue(job)
