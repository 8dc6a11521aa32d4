"""How the gateway reaches the workers: publish with confirm, and request-reply.

Two implementations: ``transports.amqp`` (RabbitMQ, production) and
``transports.local`` (Dramatiq's in-process broker, embedded default).
"""

from __future__ import annotations

import abc
import time
import uuid
from typing import Any

import dramatiq

from schemas.errors import ERRORS_BY_CODE, BrokerUnavailable, MemqError
from schemas.replies import Reply
from schemas.requests.base import ActorRequest
from schemas.routing import (
    ACTOR_QUEUES,
    CORRELATION_ID_OPTION,
    DEADLINE_OPTION,
    REPLY_TO_OPTION,
    ActorName,
    new_message,
)


class Transport(abc.ABC):
    def __init__(self, queue_prefix: str) -> None:
        self.queue_prefix = queue_prefix

    @abc.abstractmethod
    async def start(self) -> None: ...

    @abc.abstractmethod
    async def close(self) -> None: ...

    @abc.abstractmethod
    async def ready(self) -> bool:
        """True while the broker connection is usable."""

    @abc.abstractmethod
    async def publish(self, message: dramatiq.Message[Any], *, persistent: bool = True) -> None:
        """Return once the broker has taken the message (publisher confirm).

        Raises ``BrokerUnavailable`` saying what failed: the broker unreachable,
        or no confirm in time.
        """

    @abc.abstractmethod
    async def _round_trip(self, message: dramatiq.Message[Any], timeout: float) -> Reply | None:
        """Publish a request and wait for its reply; None on timeout."""

    def build_message(
        self, actor: ActorName, kwargs: dict[str, Any], options: dict[str, Any] | None = None
    ) -> dramatiq.Message[Any]:
        return new_message(self.queue_prefix, actor, kwargs, options)

    @property
    @abc.abstractmethod
    def reply_to(self) -> str: ...

    async def request(self, request: ActorRequest, *, timeout: float, attempts: int = 2) -> Any:
        """Ask the request's actor and return its result, trying ``attempts`` times.

        Each attempt has its own correlation id, so a late reply to an earlier
        attempt is dropped. The request carries a deadline so a worker that
        picks it up after the gateway gave up skips it.
        """
        actor, kwargs = request.actor, request.kwargs()
        for _ in range(attempts):
            options = {
                REPLY_TO_OPTION: self.reply_to,
                CORRELATION_ID_OPTION: uuid.uuid4().hex,
                DEADLINE_OPTION: int((time.time() + timeout) * 1000),
            }
            try:
                reply = await self._round_trip(self.build_message(actor, kwargs, options), timeout)
            except BrokerUnavailable as exc:
                raise BrokerUnavailable(
                    f"{exc.detail}: could not ask the {ACTOR_QUEUES[actor].value} workers "
                    f"({actor.value}); retry shortly"
                ) from exc
            if reply is not None:
                return unwrap(reply)
        raise RequestTimeout(
            f"no reply from the {ACTOR_QUEUES[actor].value} workers within {timeout:g}s "
            f"({attempts} attempts); check that `memq worker --queues "
            f"{ACTOR_QUEUES[actor].value}` is running"
        )


class RequestTimeout(MemqError):
    status = 504
    code = "timeout"


def unwrap(reply: Reply) -> Any:
    if reply.ok:
        return reply.result
    error = reply.error
    if error is None:
        raise MemqError("worker replied with an error but no detail")
    raise ERRORS_BY_CODE.get(error.code, MemqError)(error.detail)
