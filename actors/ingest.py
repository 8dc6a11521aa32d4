"""The ingest actor: store a published message exactly once (rules: ``domain.ingest``)."""

from __future__ import annotations

import logging
from typing import Any

import dramatiq
from dramatiq.middleware import CurrentMessage
from pydantic import ValidationError

from actors.deps import Deps
from actors.metrics.middleware import record_ingest_outcome
from actors.retry_policy import job_retry_policy
from domain.ingest import (
    append_outcome,
    oversized,
    session_full,
    sessions_at_count,
    sessions_to_fold,
)
from domain.ports.sessions import AppendResult
from schemas.errors import InvalidInput
from schemas.messages import MessageEvent
from schemas.requests.jobs import UpdateMemory
from schemas.requests.user_memory import UpdateUserMemory
from schemas.routing import ActorName, QueueKind

logger = logging.getLogger("memq.actors.ingest")


def ingest_actor(broker: dramatiq.Broker, deps: Deps, name: ActorName) -> Any:
    """The decorator of an actor on the ingest queue: its retries and backoff."""
    return dramatiq.actor(
        broker=broker,
        actor_name=name.value,
        queue_name=deps.queue(QueueKind.INGEST),
        # A malformed event will never store: dead-lettered at once (throws=).
        **job_retry_policy(deps.settings, QueueKind.INGEST).actor_options(),
    )


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    @ingest_actor(broker, deps, ActorName.INGEST_MESSAGE)
    def ingest_message(*args: Any, **kwargs: Any) -> None:
        parsed = decode_event(args, kwargs, max_content_bytes=deps.settings.max_message_bytes)
        current = CurrentMessage.get_current_message()
        delivery_id = current.message_id if current is not None else parsed.message_id
        cap = deps.settings.max_messages_per_session
        result = deps.store.sessions.append_message(
            parsed,
            delivery_id,
            max_messages=cap,
            fold_every=deps.settings.memory_fold_every,
            fold_after=deps.settings.memory_verbatim_count,
        )
        record_ingest_outcome(append_outcome(result))
        if result.rejected_full:
            logger.warning(
                "message %s rejected: session %s of account %s holds %d messages "
                "(MEMQ_MAX_MESSAGES_PER_SESSION); dead-lettering it",
                parsed.message_id,
                parsed.session_id,
                parsed.account_id,
                cap,
            )
            raise session_full(parsed, cap)
        # A crash between the store's write and this publish leaves the mark set and
        # no job: the scheduler re-publishes it (stale marks), a retry never does.
        for account_id, session_id in sessions_to_fold([parsed], [result]):
            deps.enqueue(UpdateMemory(account_id=account_id, session_id=session_id))
        for account_id, session_id in sessions_to_merge([parsed], [result], deps):
            deps.enqueue(UpdateUserMemory(account_id=account_id, session_id=session_id))
        logger.debug(
            "message %s account=%s session=%s stored=%s",
            parsed.message_id,
            parsed.account_id,
            parsed.session_id,
            result.stored,
        )


def sessions_to_merge(
    events: list[MessageEvent], results: list[AppendResult], deps: Deps
) -> list[tuple[str, str]]:
    """Long sessions due for a merge into their user's memory (every N messages). Not
    on a retry: a merge missed here is made up by the next one or the session's end."""
    return sessions_at_count(events, results, deps.user_memory.should_merge)


def decode_event(
    args: tuple[Any, ...], kwargs: dict[str, Any], *, max_content_bytes: int
) -> MessageEvent:
    """The message's event; ``InvalidInput`` (dead-letter it) when it is not one.

    Takes any shape, so a hand-made message that reaches the queue fails as a
    permanent error (dead-letter) rather than a retried TypeError.
    """
    if args or set(kwargs) != {"event"}:
        raise InvalidInput("an ingest message carries exactly one keyword argument: event")
    try:
        parsed = MessageEvent.model_validate(kwargs["event"])
    except ValidationError as exc:
        raise InvalidInput.from_validation(exc, "malformed message event") from exc
    # The gateway checks this too; direct AMQP producers meet it here.
    if oversized(parsed, max_content_bytes):
        raise InvalidInput("content over MEMQ_MAX_MESSAGE_BYTES")
    return parsed
