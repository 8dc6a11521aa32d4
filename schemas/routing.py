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
    INGEST_BATCH = "ingest_batch"
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
    # session lifecycle: maintenance jobs
    MAINTENANCE_TICK = "maintenance_tick"
    EXPIRE_SESSION = "expire_session"
    FINALIZE_SESSION = "finalize_session"
    FLUSH_ANALYTICS = "flush_analytics"
    PURGE_SESSION = "purge_session"
    REPUBLISH_MEMORY = "republish_memory"
    # session lifecycle: reads and the admin command
    GET_SESSION_ANALYTICS = "get_session_analytics"
    GET_USER_ACTIVITY = "get_user_activity"
    GET_KB_USAGE = "get_kb_usage"
    GET_STATS = "get_stats"
    GET_ACCOUNT_ANALYTICS = "get_account_analytics"
    CLEANUP_SESSIONS = "cleanup_sessions"
    # search, export/import: reads and writes a caller waits for
    SEARCH_MESSAGES = "search_messages"
    EXPORT_SESSION = "export_session"
    EXPORT_MESSAGES = "export_messages"
    IMPORT_SESSION = "import_session"
    # user memory across conversations (issue 11): the merge job, reads and commands
    UPDATE_USER_MEMORY = "update_user_memory"
    GET_USER_MEMORY = "get_user_memory"
    SEARCH_USER_MEMORY = "search_user_memory"
    PATCH_USER_FACT = "patch_user_fact"
    DELETE_USER_MEMORY = "delete_user_memory"
    ERASE_USER = "erase_user"
    EXPORT_USER_MEMORY = "export_user_memory"
    IMPORT_USER_MEMORY = "import_user_memory"


#: Which queue each actor consumes from. Session commands ride the
#: request-reply pool: they are single-document writes that a caller waits for,
#: and must not queue behind an ingest backlog.
ACTOR_QUEUES: dict[ActorName, QueueKind] = {
    ActorName.INGEST_MESSAGE: QueueKind.INGEST,
    ActorName.INGEST_BATCH: QueueKind.INGEST,
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
    ActorName.MAINTENANCE_TICK: QueueKind.MAINTENANCE,
    ActorName.EXPIRE_SESSION: QueueKind.MAINTENANCE,
    ActorName.FINALIZE_SESSION: QueueKind.MAINTENANCE,
    ActorName.FLUSH_ANALYTICS: QueueKind.MAINTENANCE,
    ActorName.PURGE_SESSION: QueueKind.MAINTENANCE,
    ActorName.REPUBLISH_MEMORY: QueueKind.MAINTENANCE,
    # Reads a caller waits for: the request-reply pool, never behind maintenance work.
    ActorName.GET_SESSION_ANALYTICS: QueueKind.CONTEXT,
    ActorName.GET_USER_ACTIVITY: QueueKind.CONTEXT,
    ActorName.GET_KB_USAGE: QueueKind.CONTEXT,
    ActorName.GET_STATS: QueueKind.CONTEXT,
    ActorName.GET_ACCOUNT_ANALYTICS: QueueKind.CONTEXT,
    ActorName.CLEANUP_SESSIONS: QueueKind.CONTEXT,
    ActorName.SEARCH_MESSAGES: QueueKind.CONTEXT,
    ActorName.EXPORT_SESSION: QueueKind.CONTEXT,
    ActorName.EXPORT_MESSAGES: QueueKind.CONTEXT,
    ActorName.IMPORT_SESSION: QueueKind.CONTEXT,
    ActorName.UPDATE_USER_MEMORY: QueueKind.MEMORY,
    ActorName.GET_USER_MEMORY: QueueKind.CONTEXT,
    ActorName.SEARCH_USER_MEMORY: QueueKind.CONTEXT,
    ActorName.PATCH_USER_FACT: QueueKind.CONTEXT,
    ActorName.DELETE_USER_MEMORY: QueueKind.CONTEXT,
    ActorName.ERASE_USER: QueueKind.CONTEXT,
    ActorName.EXPORT_USER_MEMORY: QueueKind.CONTEXT,
    ActorName.IMPORT_USER_MEMORY: QueueKind.CONTEXT,
}

#: Message options that carry request-reply addressing. Dramatiq's RabbitMQ
#: consumer drops AMQP properties, so these travel inside the message.
REPLY_TO_OPTION = "memq_reply_to"
#: Epoch milliseconds after which nobody waits for the reply: a worker acks and
#: skips the request (Dramatiq's own max_age would dead-letter it instead).
DEADLINE_OPTION = "memq_deadline_ms"
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
