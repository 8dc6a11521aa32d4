"""Chat messages: what a channel posts, what travels on the ingest queue, what is stored."""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from schemas.bounds import Instant, Metadata, Seq
from schemas.ids import Identifier, PersonaName

Role = Literal["user", "assistant", "system"]


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("content must contain at least one non-whitespace character")
    return text


#: The same rule for the JSON Schema: a character that is not whitespace as
#: str.strip() sees it. The class is spelled out because regex engines
#: (ECMA, Python's re, pydantic's Rust) disagree on what \s covers.
NOT_BLANK_PATTERN = "[^" + "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "]"

Content = Annotated[
    str,
    Field(min_length=1, json_schema_extra={"pattern": NOT_BLANK_PATTERN}),
    AfterValidator(_not_blank),
]
Channel = Annotated[str, Field(min_length=1, max_length=64)]
#: Like ``user_id``: the first message that carries it sets it on a session without one.
SESSION_PERSONA = "the session's persona, set by the first message that carries one"


class MessageIn(BaseModel):
    """Body of ``POST /v1/sessions/{session_id}/messages``.

    Send ``message_id`` to make retries safe: a message id is stored once per
    account. Without it the gateway generates one, and a retried request is
    then stored twice.
    """

    model_config = ConfigDict(extra="forbid")

    message_id: Identifier | None = None
    role: Role
    content: Content
    sent_at: Instant | None = None
    user_id: Identifier | None = None
    channel: Channel | None = None
    persona: PersonaName | None = Field(default=None, description=SESSION_PERSONA)
    metadata: Metadata | None = None


class MessageEvent(BaseModel):
    """A message accepted by the gateway, as published on the ingest queue.

    ``seq`` is the gateway's acceptance order (microseconds since the epoch,
    strictly increasing within one gateway process): messages are listed in
    this order whatever order the workers store them in.
    """

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    account_id: Identifier
    session_id: Identifier
    message_id: Identifier
    role: Role
    content: Content
    seq: Seq
    accepted_at: Instant
    sent_at: Instant | None = None
    user_id: Identifier | None = None
    channel: Channel | None = None
    persona: PersonaName | None = Field(default=None, description=SESSION_PERSONA)
    metadata: Metadata | None = None


#: Most events one batch may carry: a batch is one store transaction (SQLite) and
#: one delivery, retried or dead-lettered as a whole.
MAX_BATCH_EVENTS = 100


class MessageBatch(BaseModel):
    """The keyword arguments of an ``ingest_batch`` message: many events, one delivery.

    Each event is stored exactly once per (account_id, message_id), as if it
    had been published alone; the events may belong to different sessions and
    accounts. Each event carries its own ``version``.
    """

    model_config = ConfigDict(extra="forbid")

    events: list[MessageEvent] = Field(min_length=1, max_length=MAX_BATCH_EVENTS)


class StoredMessage(BaseModel):
    """A message as read back from the store."""

    message_id: str
    session_id: str
    role: Role
    content: str
    seq: int
    accepted_at: datetime
    sent_at: datetime | None = None
    user_id: str | None = None
    channel: str | None = None
    metadata: dict[str, Any] | None = None


class MessageAccepted(BaseModel):
    message_id: str
    session_id: str
    seq: int
    generated_id: bool = Field(
        description="true when the gateway generated message_id: a retry of this request "
        "cannot be deduplicated"
    )
    duplicate: bool = Field(
        default=False,
        description="true when this gateway accepted this message_id in this session lately "
        "(a retry): nothing was published again and `seq` is the first one's. A re-post it "
        "does not remember is answered as new and still stored once, under the first seq",
    )


class MessagePage(BaseModel):
    messages: list[StoredMessage]
    next_before: int | None = Field(
        default=None, description="pass as ?before= to read the older page; null at the start"
    )
