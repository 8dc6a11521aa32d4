"""Chat messages on the ingest queue, one per delivery or many (see ``docs/amqp.md``)."""

from __future__ import annotations

from pydantic import Field

from schemas.messages import MAX_BATCH_EVENTS, MessageEvent
from schemas.requests.base import ActorRequest
from schemas.routing import ActorName


class IngestMessage(ActorRequest):
    actor = ActorName.INGEST_MESSAGE

    event: MessageEvent


class IngestBatch(ActorRequest):
    """Many events, each stored as if published alone (``schemas.messages.MessageBatch``)."""

    actor = ActorName.INGEST_BATCH

    events: list[MessageEvent] = Field(min_length=1, max_length=MAX_BATCH_EVENTS)
