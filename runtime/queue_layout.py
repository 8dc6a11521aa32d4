"""How many times each queue's messages may be delivered, and as which queue type.

One place for both sides: the workers' retry policy (``actors.retry_policy``)
and the queue arguments every process declares (``schemas.queues``) read the
same numbers, so a quorum queue's ``x-delivery-limit`` is the retry count its
actors run with, and the gateway declares what the workers declare.
"""

from __future__ import annotations

from dataclasses import dataclass

from runtime.settings import Settings
from schemas.queues import (
    QueueType,
    dead_letter_queue,
    dead_letter_queue_arguments,
    delay_queue,
    main_queue_arguments,
)
from schemas.routing import QueueKind, queue_name

#: Retries of a memory or maintenance job (ingest's is MEMQ_INGEST_MAX_RETRIES).
JOB_MAX_RETRIES = 5
#: Redeliveries of a request (a read the gateway waits for): request actors never
#: retry, but a worker killed mid-request leaves it to the next one, once.
REQUEST_REDELIVERIES = 1


def max_retries(settings: Settings, kind: QueueKind) -> int:
    """Retries (deliveries after the first) a message of ``kind`` gets before it is dead."""
    if kind is QueueKind.INGEST:
        return settings.ingest_max_retries
    if kind is QueueKind.CONTEXT:
        return REQUEST_REDELIVERIES
    return JOB_MAX_RETRIES


@dataclass(frozen=True)
class QueueLayout:
    """The RabbitMQ arguments of every memq queue of one deployment."""

    prefix: str
    queue_type: QueueType
    delivery_limits: dict[QueueKind, int]

    @classmethod
    def from_settings(cls, settings: Settings) -> QueueLayout:
        return cls(
            prefix=settings.queue_prefix,
            queue_type=settings.effective_queue_type,
            delivery_limits={kind: max_retries(settings, kind) for kind in QueueKind},
        )

    def kind_of(self, name: str) -> QueueKind | None:
        base = name.removesuffix(".DQ").removesuffix(".XQ")
        for kind in QueueKind:
            if base == queue_name(self.prefix, kind):
                return kind
        return None

    def main_arguments(self, name: str) -> dict[str, object]:
        """Arguments of a main queue or its delay queue (``name`` is the main queue's)."""
        kind = self.kind_of(name)
        limit = self.delivery_limits[kind] if kind is not None else None
        return main_queue_arguments(name, self.queue_type, limit)

    def dead_letter_arguments(self) -> dict[str, object]:
        return dead_letter_queue_arguments(self.queue_type)

    def declarations_main_first(self) -> list[tuple[str, dict[str, object]]]:
        """(queue, arguments) of every queue of the deployment, every main queue first: a
        main queue of the other type stops a process before it has created anything, so
        going back to the old queue type leaves no stray queue behind."""
        every = [item for kind in QueueKind for item in self.declarations(kind)]
        mains = {queue_name(self.prefix, kind) for kind in QueueKind}
        return sorted(every, key=lambda item: item[0] not in mains)

    def declarations(self, kind: QueueKind) -> list[tuple[str, dict[str, object]]]:
        """(queue, arguments) of the three queues of ``kind``, dead-letter queue first."""
        name = queue_name(self.prefix, kind)
        return [
            (dead_letter_queue(name), self.dead_letter_arguments()),
            (name, self.main_arguments(name)),
            (delay_queue(name), self.main_arguments(name)),
        ]


def mismatch_message(queue: str, broker_says: str, queue_type: QueueType) -> str:
    """What to tell an operator whose queue exists with other arguments than ours."""
    return (
        f"queue {queue} already exists on RabbitMQ with other arguments than this process "
        f"declares (MEMQ_QUEUE_TYPE={queue_type.value}): {broker_says}. Either set "
        "MEMQ_QUEUE_TYPE (and MEMQ_INGEST_MAX_RETRIES) to what the queues were declared with, "
        "or migrate them: docs/deploy.md, 'Changing the queue type'"
    )


class QueueLayoutMismatch(RuntimeError):
    """A queue exists on the broker with other arguments than this process declares.

    Not an ``AMQPError``: nothing retries it. A process meeting it at start-up exits
    with its message, which says how to fix it.
    """

    def __init__(self, queue: str, broker_says: str, queue_type: QueueType) -> None:
        super().__init__(mismatch_message(queue, broker_says, queue_type))
        self.queue = queue
