"""Queue and actor names: the only thing the gateway knows about the workers.

One queue per kind of work, so each pool scales on its own (DESIGN.md).
Queue names carry a deployment prefix (``MEMQ_QUEUE_PREFIX``) so that several
deployments, or test runs, can share one RabbitMQ.
"""

import time
import uuid
from enum import StrEnum
from typing import Any

import dramatiq


class QueueKind(StrEnum):
    INGEST = "ingest"
    MEMORY = "memory"
    CONTEXT = "context"
    MAINTENANCE = "maintenance"


def queue_name(prefix: str, kind: QueueKind | str) -> str:
    return f"{prefix}.{QueueKind(kind).value}"


class ActorName(StrEnum):
    """Actor names as published on the wire (dramatiq ``actor_name``)."""

    INGEST_MESSAGE = "ingest_message"
    CREATE_SESSION = "create_session"
    GET_SESSION = "get_session"
    LIST_SESSIONS = "list_sessions"
    UPDATE_SESSION = "update_session"
    END_SESSION = "end_session"
    DELETE_SESSION = "delete_session"
    LIST_MESSAGES = "list_messages"
    PING_STORE = "ping_store"
    UPDATE_MEMORY = "update_memory"
    GET_MEMORY = "get_memory"
    ASSEMBLE_CONTEXT = "assemble_context"


#: Which queue each actor consumes from. Session commands ride the
#: request-reply pool: they are single-document writes that a caller waits for,
#: and must not queue behind an ingest backlog.
ACTOR_QUEUES: dict[ActorName, QueueKind] = {
    ActorName.INGEST_MESSAGE: QueueKind.INGEST,
    ActorName.CREATE_SESSION: QueueKind.CONTEXT,
    ActorName.GET_SESSION: QueueKind.CONTEXT,
    ActorName.LIST_SESSIONS: QueueKind.CONTEXT,
    ActorName.UPDATE_SESSION: QueueKind.CONTEXT,
    ActorName.END_SESSION: QueueKind.CONTEXT,
    ActorName.DELETE_SESSION: QueueKind.CONTEXT,
    ActorName.LIST_MESSAGES: QueueKind.CONTEXT,
    ActorName.PING_STORE: QueueKind.CONTEXT,
    ActorName.UPDATE_MEMORY: QueueKind.MEMORY,
    ActorName.GET_MEMORY: QueueKind.CONTEXT,
    ActorName.ASSEMBLE_CONTEXT: QueueKind.CONTEXT,
}

#: Message options that carry request-reply addressing. Dramatiq's RabbitMQ
#: consumer drops AMQP properties, so these travel inside the message.
REPLY_TO_OPTION = "memq_reply_to"
CORRELATION_ID_OPTION = "memq_correlation_id"


def new_message(
    prefix: str, actor: ActorName, kwargs: dict[str, Any], options: dict[str, Any] | None = None
) -> dramatiq.Message[Any]:
    """The Dramatiq envelope for a job of ``actor``, on its queue."""
    return dramatiq.Message(
        queue_name=queue_name(prefix, ACTOR_QUEUES[actor]),
        actor_name=actor.value,
        args=(),
        kwargs=kwargs,
        options=options or {},
        message_id=str(uuid.uuid4()),
        message_timestamp=int(time.time() * 1000),
    )
