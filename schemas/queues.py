"""Queue declarations that must match on every side: workers, gateway, scheduler, ``memq dlq``.

RabbitMQ refuses to redeclare a queue with other arguments (406
PRECONDITION_FAILED), and the gateway may declare a queue before any worker
has, so every side builds its arguments here, from the same ``QueueType`` and
delivery limit.

Each memq queue is three RabbitMQ queues: the main queue, its delay queue
(``.DQ``: Dramatiq's retries wait there) and its dead-letter queue (``.XQ``).

- **classic**: what a single development broker needs; declared exactly as
  Dramatiq declares them (no ``x-queue-type``), so an existing deployment's
  queues are unchanged.
- **quorum**: Raft-replicated over the cluster's nodes, so a queue outlives
  the node that led it (classic queues live on one node, and RabbitMQ 4 has no
  mirroring). ``x-delivery-limit`` makes the broker itself dead-letter a
  message delivered more often than memq's retry policy allows (a message
  that kills its worker every time never reaches Dramatiq's retry count);
  dead-lettering is at-least-once (which RabbitMQ allows only with
  ``x-overflow: reject-publish``), so a message on its way to ``.XQ`` is not
  lost if a node dies meanwhile.
"""

from enum import StrEnum

DEAD_LETTER_TTL_MS = 7 * 24 * 3600 * 1000  # dramatiq's default dead_message_ttl
#: The message option a worker writes a dead letter's reason in: {"error", "detail", "at"}.
DEAD_LETTER_OPTION = "memq_dead_letter"


class QueueType(StrEnum):
    QUORUM = "quorum"
    CLASSIC = "classic"


def delay_queue(name: str) -> str:
    return f"{name}.DQ"


def dead_letter_queue(name: str) -> str:
    return f"{name}.XQ"


def _type_arguments(queue_type: QueueType) -> dict[str, object]:
    if queue_type is QueueType.CLASSIC:
        return {}  # as Dramatiq declares them: no x-queue-type
    return {"x-queue-type": "quorum"}


def main_queue_arguments(
    name: str, queue_type: QueueType = QueueType.CLASSIC, delivery_limit: int | None = None
) -> dict[str, object]:
    """A main or delay queue: dead letters go to ``<name>.XQ``.

    ``delivery_limit`` (quorum only): deliveries after the first before the
    broker dead-letters the message, the retry policy's ``max_retries``.
    """
    arguments: dict[str, object] = {
        "x-dead-letter-exchange": "",
        "x-dead-letter-routing-key": dead_letter_queue(name),
        **_type_arguments(queue_type),
    }
    if queue_type is QueueType.QUORUM:
        arguments["x-dead-letter-strategy"] = "at-least-once"
        arguments["x-overflow"] = "reject-publish"
        if delivery_limit is not None:
            arguments["x-delivery-limit"] = delivery_limit
    return arguments


def dead_letter_queue_arguments(queue_type: QueueType = QueueType.CLASSIC) -> dict[str, object]:
    return {"x-message-ttl": DEAD_LETTER_TTL_MS, **_type_arguments(queue_type)}
