"""Queue and actor names: the only thing the gateway knows about the workers.

One queue per kind of work, so each pool scales on its own (DESIGN.md).
Queue names carry a deployment prefix (``MEMQ_QUEUE_PREFIX``) so that several
deployments, or test runs, can share one RabbitMQ.
"""

from enum import StrEnum


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
}

#: Message options that carry request-reply addressing. Dramatiq's RabbitMQ
#: consumer drops AMQP properties, so these travel inside the message.
REPLY_TO_OPTION = "memq_reply_to"
CORRELATION_ID_OPTION = "memq_correlation_id"
