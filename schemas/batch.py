"""``POST /v1/messages``: many messages, of one or many sessions, in one request."""

from pydantic import BaseModel, ConfigDict, Field

from schemas.ids import Identifier
from schemas.messages import MAX_BATCH_EVENTS, MessageAccepted, MessageIn


class SessionMessageIn(MessageIn):
    """A message with the session it belongs to (created by its first message)."""

    model_config = ConfigDict(extra="forbid")

    session_id: Identifier


class MessageBatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    messages: list[SessionMessageIn] = Field(min_length=1, max_length=MAX_BATCH_EVENTS)


class BatchAccepted(BaseModel):
    accepted: list[MessageAccepted] = Field(description="one per message, in request order")
