"""Request actors: a read or a small command that a gateway waits for.

They never retry (the gateway does, once, with a fresh correlation id) and
never dead-letter an expected outcome: a missing session is an answer (404),
not a failed message. Nor a malformed request: its kwargs are validated
against the actor's model (``schemas.requests``) before the actor runs, and
a request that breaks it is answered 422 ``invalid_input`` naming the field,
as the HTTP API would, and acked.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from typing import Any

import dramatiq
from pydantic import BaseModel, ValidationError

from schemas.errors import InvalidInput, MemqError
from schemas.requests.base import ActorRequest
from schemas.routing import ACTOR_QUEUES, queue_name

logger = logging.getLogger("memq.actors.requests")

#: Request actors answer quickly or not at all: the gateway gives up after
#: MEMQ_REQUEST_TIMEOUT anyway.
REQUEST_TIME_LIMIT_MS = 10_000

# The reply travels to ReplyMiddleware beside the actor's return value (None):
# Dramatiq warns about every non-None result unless its Results backend is on.
_REPLY: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "memq_reply", default=None
)


def take_reply() -> dict[str, Any] | None:
    """The reply the current request actor left, once."""
    reply = _REPLY.get()
    _REPLY.set(None)
    return reply


def ok(result: Any) -> dict[str, Any]:
    if isinstance(result, BaseModel):
        result = result.model_dump(mode="json")
    return {"ok": True, "result": result}


def failed(exc: MemqError) -> dict[str, Any]:
    return {"ok": False, "error": {"status": exc.status, "code": exc.code, "detail": exc.detail}}


def parse_request[R: ActorRequest](model: type[R], args: Any, kwargs: Any) -> R:
    """``kwargs`` as ``model``, or ``InvalidInput`` naming every bad field (never its value)."""
    what = f"malformed {model.actor.value} request"
    if args:
        raise InvalidInput(f"{what}: args must be empty (memq actors take keyword arguments)")
    try:
        return model.model_validate(kwargs)
    except ValidationError as exc:
        raise InvalidInput.from_validation(exc, what) from exc


def request_actor[R: ActorRequest](
    broker: dramatiq.Broker, queue_prefix: str, model: type[R]
) -> Callable[[Callable[[R], Any]], dramatiq.Actor[Any, Any]]:
    """Register ``fn(request)`` as the actor of ``model`` on its queue: its kwargs are
    validated first, and its MemqErrors (the validation's too) become error replies."""
    actor_name = model.actor.value

    def decorate(fn: Callable[[R], Any]) -> dramatiq.Actor[Any, Any]:
        def handle(*args: Any, **kwargs: Any) -> None:
            try:
                _REPLY.set(ok(fn(parse_request(model, args, kwargs))))
            except ValidationError as exc:
                _REPLY.set(failed(InvalidInput.from_validation(exc)))
            except MemqError as exc:
                _REPLY.set(failed(exc))

        handle.__name__ = actor_name
        return dramatiq.actor(
            broker=broker,
            actor_name=actor_name,
            queue_name=queue_name(queue_prefix, ACTOR_QUEUES[model.actor]),
            max_retries=0,
            time_limit=REQUEST_TIME_LIMIT_MS,
        )(handle)

    return decorate
