"""In-process transport for the embedded default: Dramatiq's in-process broker.

The same actors and the same messages as production, without RabbitMQ: a
publish is confirmed once the message sits in the broker's queue.
"""

from __future__ import annotations

import asyncio
from typing import Any

import dramatiq
from pydantic import ValidationError

from gateway.transport import Transport
from runtime.inproc import INPROC_REPLY_TO, InProcessReplies
from runtime.journal import Journal
from schemas.errors import BrokerUnavailable
from schemas.replies import Reply
from schemas.routing import CORRELATION_ID_OPTION


class LocalTransport(Transport):
    def __init__(
        self,
        broker: dramatiq.Broker,
        replies: InProcessReplies,
        queue_prefix: str,
        journal: Journal | None = None,
    ) -> None:
        super().__init__(queue_prefix)
        self._broker = broker
        self._replies = replies
        self._journal = journal
        self._open = False

    @property
    def reply_to(self) -> str:
        return INPROC_REPLY_TO

    async def start(self) -> None:
        self._open = True

    async def close(self) -> None:
        self._open = False

    async def ready(self) -> bool:
        return self._open

    async def publish(self, message: dramatiq.Message[Any], *, persistent: bool = True) -> None:
        if not self._open:
            raise BrokerUnavailable("the in-process broker is shut down")
        if persistent and self._journal is not None:
            self._journal.record(message)  # the embedded "publisher confirm"
        self._broker.enqueue(message)

    async def _round_trip(self, message: dramatiq.Message[Any], timeout: float) -> Reply | None:
        correlation_id = message.options[CORRELATION_ID_OPTION]
        future = self._replies.expect(correlation_id)
        try:
            await self.publish(message, persistent=False)
            payload = await asyncio.wait_for(future, timeout)
        except TimeoutError:
            return None
        finally:
            self._replies.forget(correlation_id)
        try:
            return Reply.model_validate(payload)
        except ValidationError:
            return None
