"""Job actors: work nobody waits for (memory folds, maintenance), typed like requests.

A job's kwargs are validated against its model (``schemas.requests.jobs``)
before the actor runs; a job that breaks it raises ``InvalidInput``, a
permanent error: dead-lettered at once with the field named in its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dramatiq

from actors.requests import parse_request
from actors.retry_policy import job_retry_policy
from runtime.settings import Settings
from schemas.requests.base import ActorRequest
from schemas.routing import ACTOR_QUEUES, queue_name


def job_actor[R: ActorRequest](
    broker: dramatiq.Broker, settings: Settings, model: type[R], *, time_limit_ms: int
) -> Callable[[Callable[[R], None]], dramatiq.Actor[Any, Any]]:
    """Register ``fn(job)`` as the actor of ``model``, with its queue's retry policy."""
    kind = ACTOR_QUEUES[model.actor]

    def decorate(fn: Callable[[R], None]) -> dramatiq.Actor[Any, Any]:
        def handle(*args: Any, **kwargs: Any) -> None:
            fn(parse_request(model, args, kwargs))

        handle.__name__ = model.actor.value
        return dramatiq.actor(
            broker=broker,
            actor_name=model.actor.value,
            queue_name=queue_name(settings.queue_prefix, kind),
            time_limit=time_limit_ms,
            **job_retry_policy(settings, kind).actor_options(),
        )(handle)

    return decorate
