"""Dead letters that say why: the RabbitMQ consumer dead-letters a message with its error.

RabbitMQ dead-letters what a worker nacks exactly as it was delivered. A
message refused on its first attempt (a permanent error: a schema error,
oversized content, a full session) reached ``<queue>.XQ`` with no trace of
its error, and ``memq dlq list`` showed ``reason=rejected`` and nothing
else: the cause was only in the worker log.

So this consumer's nack publishes the message itself to ``<queue>.XQ``,
persistent and confirmed, with ``memq_dead_letter`` in its options (error
type, detail, time), then acks the delivery. Should that publish fail, it
nacks as Dramatiq does (the message is dead-lettered without its reason,
never lost). A crash between the publish and the ack leaves two copies in
XQ; a replay stores the message once all the same (ingest is idempotent).

Only ``MemqError`` details (and Dramatiq's skip reasons) are kept: memq writes
them without message content. Other exceptions leave their type only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dramatiq
import pika
import pika.exceptions
from dramatiq.broker import MessageProxy
from dramatiq.brokers.rabbitmq import RabbitmqBroker, _RabbitmqConsumer
from dramatiq.common import xq_name
from dramatiq.middleware import SkipMessage

from actors.envelope import MalformedEnvelope
from actors.layout_broker import LayoutRabbitmqBroker
from actors.replies import ReplyMiddleware
from actors.request_envelope import is_known_actor, reply_address, unknown_actor
from schemas.errors import MemqError
from schemas.queues import DEAD_LETTER_OPTION

logger = logging.getLogger("memq.actors.dead_letters")

_PIKA_LOGGERS = (
    "pika.adapters.blocking_connection",
    "pika.adapters.base_connection",
    "pika.adapters.utils.io_services_utils",
    "pika.adapters.utils.connection_workflow",
)


@contextmanager
def quiet_loggers(*names: str) -> Iterator[None]:
    """Only CRITICAL records from these loggers while inside."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [each.level for each in loggers]
    for each in loggers:
        each.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for each, level in zip(loggers, levels, strict=True):
            each.setLevel(level)


def reason_of(error: BaseException | None) -> dict[str, Any]:
    """What a dead letter says about the error that sent it there."""
    reason: dict[str, Any] = {"at": int(time.time() * 1000)}
    if error is not None:
        reason["error"] = type(error).__name__
        if isinstance(error, MemqError):
            reason["detail"] = error.detail
        elif isinstance(error, SkipMessage):
            reason["detail"] = str(error)
    return reason


class ReasonedConsumer(_RabbitmqConsumer):
    def __next__(self) -> MessageProxy | None:
        message: MessageProxy | None = super().__next__()
        if message is None or is_known_actor(self.broker, message.actor_name):
            return message
        # Dramatiq would log an ERROR with a traceback and dead-letter it bare.
        self._refuse_unknown_actor(message)
        return None

    def _refuse_unknown_actor(self, message: MessageProxy) -> None:
        problem = unknown_actor(message.actor_name)
        address = reply_address(message.options)
        replies = next((m for m in self.broker.middleware if isinstance(m, ReplyMiddleware)), None)
        if address is not None and replies is not None:
            replies.refuse(address, problem)
            self.ack(message)
            return
        logger.warning("dead-lettering message %s: %s", message.message_id, problem)
        message.stuff_exception(MalformedEnvelope(problem))
        message.fail()
        self.nack(message)

    def nack(self, message: MessageProxy) -> None:
        try:
            self._dead_letter_with_reason(message)
        except Exception:
            logger.warning(
                "could not dead-letter %s[%s] with its reason; dead-lettering it as delivered",
                message.actor_name,
                message.message_id,
                exc_info=True,
            )
            super().nack(message)
        else:
            self.ack(message)

    def _dead_letter_with_reason(self, message: MessageProxy) -> None:
        options = {**message.options, DEAD_LETTER_OPTION: reason_of(message._exception)}
        copy: dramatiq.Message[Any] = message.copy(options=options)
        broker: RabbitmqBroker = self.broker
        # The broker's channel of this thread, in confirm mode: returns once
        # RabbitMQ holds the copy in XQ (mandatory: a missing XQ raises).
        broker.channel.basic_publish(
            exchange="",
            routing_key=xq_name(message.queue_name),
            body=copy.encode(),
            properties=pika.BasicProperties(delivery_mode=2, content_type="application/json"),
            mandatory=True,
        )


class ReasonedRabbitmqBroker(LayoutRabbitmqBroker):
    """memq's RabbitMQ broker (queues by the layout) whose consumers dead-letter with the
    reason, and which closes its connections without an ERROR for each one already gone."""

    @property
    def consumer_class(self) -> type[_RabbitmqConsumer]:
        return ReasonedConsumer

    def close(self) -> None:
        """Close every thread's channel and connection, quietly.

        A worker thread's connection that sat idle past RabbitMQ's heartbeat
        timeout was closed by the server; Dramatiq's close then made pika log
        an ERROR (and a traceback) per connection on every SIGTERM. They are
        being discarded either way: closed ones are skipped, and pika's
        complaints about dead sockets are kept out of the log while closing.
        """
        with quiet_loggers(*_PIKA_LOGGERS):
            for item in [*self.channels, *self.connections]:
                if item.is_closed:
                    continue
                try:
                    item.close()
                except (pika.exceptions.AMQPError, OSError) as exc:
                    logger.debug("closing %r: %s", item, type(exc).__name__)
