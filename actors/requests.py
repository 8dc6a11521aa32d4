"""Request actors: a read or a small command that a gateway waits for.

They never retry (the gateway does, once, with a fresh correlation id) and
never dead-letter an expected outcome: a missing session is an answer (404),
not a failed message.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from typing import Any

import dramatiq
from pydantic import BaseModel, ValidationError

from schemas.errors import InvalidInput, MemqError

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


def request_actor(
    broker: dramatiq.Broker, queue_name: str, actor_name: str
) -> Callable[[Callable[..., Any]], dramatiq.Actor[Any, Any]]:
    """Register ``fn`` as a request actor; its MemqErrors become error replies."""

    def decorate(fn: Callable[..., Any]) -> dramatiq.Actor[Any, Any]:
        def handle(**kwargs: Any) -> None:
            try:
                _REPLY.set(ok(fn(**kwargs)))
            except ValidationError as exc:
                _REPLY.set(failed(InvalidInput.from_validation(exc)))
            except MemqError as exc:
                _REPLY.set(failed(exc))

        handle.__name__ = actor_name
        return dramatiq.actor(
            broker=broker,
            actor_name=actor_name,
            queue_name=queue_name,
            max_retries=0,
            time_limit=REQUEST_TIME_LIMIT_MS,
        )(handle)

    return decorate
