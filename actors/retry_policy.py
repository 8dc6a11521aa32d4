"""How a job actor retries: one policy per queue, built from the settings.

A job that fails with a ``TransientError`` (the store down, a broker hiccup) or
anything unexpected is retried with exponential backoff, then dead-lettered; a
``PermanentError`` (a malformed job, a full session) is dead-lettered at once
(``throws=``): retrying cannot help. Claude calls are never retried here: the
SDK already did (``domain.memory.claude.client``), and two layers would multiply.

    queue        retries                             backoff
    ingest       MEMQ_INGEST_MAX_RETRIES (20)        0.5 s, doubling, at most 60 s
    memory       5                                   1 s, doubling, at most 60 s
    maintenance  5                                   1 s, doubling, at most 60 s

Request actors (``actors.requests``, the context queue) never retry: the
gateway does, once, with a fresh correlation id.

The counts live in ``runtime.queue_layout``: a quorum queue's
``x-delivery-limit`` is the same number, so a message that crashes its worker
(and so never reaches a retry) is dead-lettered by RabbitMQ after as many
deliveries as a failing one gets from Dramatiq.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from runtime.queue_layout import max_retries
from runtime.settings import Settings
from schemas.errors import PermanentError
from schemas.routing import QueueKind


@dataclass(frozen=True)
class JobRetryPolicy:
    max_retries: int
    min_backoff_ms: int
    max_backoff_ms: int = 60_000
    #: Dead-lettered at once, never retried.
    throws: tuple[type[Exception], ...] = (PermanentError,)

    def actor_options(self) -> dict[str, Any]:
        """The policy as ``dramatiq.actor`` options."""
        return {
            "max_retries": self.max_retries,
            "min_backoff": self.min_backoff_ms,
            "max_backoff": self.max_backoff_ms,
            "throws": self.throws,
        }


def job_retry_policy(settings: Settings, queue: QueueKind) -> JobRetryPolicy:
    """The retry policy of every job actor on ``queue``."""
    if queue is QueueKind.INGEST:
        return JobRetryPolicy(max_retries=max_retries(settings, queue), min_backoff_ms=500)
    if queue in (QueueKind.MEMORY, QueueKind.MAINTENANCE):
        return JobRetryPolicy(max_retries=max_retries(settings, queue), min_backoff_ms=1_000)
    raise ValueError(f"the {queue.value} queue holds request actors, which never retry")
