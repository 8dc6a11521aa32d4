"""The AMQP contract as models: the Dramatiq messages memq's queues carry, and the replies.

These describe what a producer in any language publishes (``schemas.export``
turns them into the JSON Schemas in ``schemas/jsonschema/``; ``docs/amqp.md``
explains them). The gateway and the workers build and read the same bodies
with ``schemas.routing.new_message`` and Dramatiq; the ``kwargs`` of every
actor are ``schemas.requests`` models, which the gateway builds and the
workers validate.

A Dramatiq message is a JSON object with exactly seven fields::

    {"queue_name", "actor_name", "args", "kwargs", "options", "message_id", "message_timestamp"}

Dramatiq rebuilds it with ``Message(**fields)``: an extra or missing field
makes the body undecodable.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.context import ContextReply
from schemas.messages import MessageBatch, MessageEvent
from schemas.replies import Reply
from schemas.requests.reads import AssembleContext

#: Queue names: ``<MEMQ_QUEUE_PREFIX>.<kind>`` (the prefix pattern is runtime.settings').
PREFIX_PATTERN = r"[A-Za-z_][A-Za-z0-9_-]*"

NoArgs = Annotated[
    list[Any], Field(max_length=0, description="always empty: memq actors take keyword arguments")
]
MessageId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=128,
        description="Dramatiq's id of this delivery (a UUID string): unique per publish, "
        "not the chat message's id",
    ),
]
Timestamp = Annotated[
    int, Field(gt=0, description="when the message was published, milliseconds since the epoch")
]


IngestQueueName = Annotated[
    str,
    Field(
        pattern=rf"^{PREFIX_PATTERN}\.ingest$",
        description="the queue it is published to: <MEMQ_QUEUE_PREFIX>.ingest",
    ),
]
JobOptions = Annotated[
    dict[str, Any],
    Field(
        description="Dramatiq options; send {} (Dramatiq's middleware adds retry bookkeeping "
        "here when it re-enqueues)",
    ),
]


class IngestKwargs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event: MessageEvent


class IngestEnvelope(BaseModel):
    """A chat message on ``<prefix>.ingest``: publish it persistent, with confirms,
    to the default exchange with routing key = ``queue_name``."""

    model_config = ConfigDict(extra="forbid", title="memq ingest message (Dramatiq envelope)")

    queue_name: IngestQueueName
    actor_name: Literal["ingest_message"]
    args: NoArgs
    kwargs: IngestKwargs
    options: JobOptions
    message_id: MessageId
    message_timestamp: Timestamp


class IngestBatchEnvelope(BaseModel):
    """Many chat messages in one delivery on ``<prefix>.ingest``: publish it like
    ``IngestEnvelope``. Retried, or dead-lettered, as a whole."""

    model_config = ConfigDict(extra="forbid", title="memq ingest batch message (Dramatiq envelope)")

    queue_name: IngestQueueName
    actor_name: Literal["ingest_batch"]
    args: NoArgs
    kwargs: MessageBatch
    options: JobOptions
    message_id: MessageId
    message_timestamp: Timestamp


class RequestOptions(BaseModel):
    """Request-reply addressing. Dramatiq's RabbitMQ consumer drops AMQP properties,
    so the reply queue and correlation id travel here."""

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, serialize_by_alias=True, validate_by_name=True
    )

    reply_to: str = Field(
        alias="memq_reply_to",  # schemas.routing.REPLY_TO_OPTION (mypy needs a literal)
        min_length=1,
        description="the queue the worker publishes the Reply to (through the default exchange)",
    )
    correlation_id: str = Field(
        alias="memq_correlation_id",  # schemas.routing.CORRELATION_ID_OPTION
        min_length=1,
        description="echoed in the Reply (body and AMQP property); a fresh one per attempt",
    )
    deadline_ms: int = Field(
        alias="memq_deadline_ms",  # schemas.routing.DEADLINE_OPTION
        gt=0,
        description="epoch milliseconds after which nobody waits for the reply: a worker that "
        "picks the request up later acks and skips it (no answer, no dead letter); set it "
        "to now + your timeout",
    )


class ContextRequest(BaseModel):
    """A context request on ``<prefix>.context``: publish it (transient is fine) to the
    default exchange with routing key = ``queue_name``."""

    model_config = ConfigDict(extra="forbid", title="memq context request (Dramatiq envelope)")

    queue_name: Annotated[
        str,
        Field(
            pattern=rf"^{PREFIX_PATTERN}\.context$",
            description="the queue it is published to: <MEMQ_QUEUE_PREFIX>.context",
        ),
    ]
    actor_name: Literal["assemble_context"]
    args: NoArgs
    kwargs: AssembleContext
    options: RequestOptions
    message_id: MessageId
    message_timestamp: Timestamp


class ContextReplyEnvelope(Reply):
    """What the worker publishes to ``memq_reply_to``: ``result`` when ``ok``, else ``error``
    (status and code as the HTTP API would answer: 404 not_found, 422 invalid_input)."""

    model_config = ConfigDict(title="memq context reply")

    result: ContextReply | None = None
