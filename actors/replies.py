"""Request-reply on the worker side: publish an actor's result to the caller's reply queue.

The reply-to queue and correlation id travel in the message options, because
Dramatiq's RabbitMQ consumer drops AMQP properties (DESIGN.md).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any, Protocol

import dramatiq
import pika
import pika.exceptions
from dramatiq.broker import MessageProxy
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.middleware import Middleware, SkipMessage
from pika.adapters.blocking_connection import BlockingChannel

from actors.request_envelope import reply_address, request_problem
from actors.requests import take_reply
from runtime.inproc import InProcessReplies
from schemas.errors import InvalidInput, MemqError
from schemas.replies import Reply, ReplyError
from schemas.routing import DEADLINE_OPTION

logger = logging.getLogger("memq.replies")


class ReplySink(Protocol):
    def send(self, reply_to: str, reply: Reply) -> None: ...


class AmqpReplySink:
    """Publishes to the default exchange on a per-thread channel without confirms.

    The broker's own channel waits for a publisher confirm on every publish: a
    round trip the caller would wait for, to make a reply durable that nobody
    needs durable (a lost reply is a timeout and a retry).
    """

    def __init__(self, broker: RabbitmqBroker) -> None:
        self._broker = broker
        self._local = threading.local()

    def send(self, reply_to: str, reply: Reply) -> None:
        body = reply.model_dump_json().encode()
        properties = pika.BasicProperties(
            content_type="application/json", correlation_id=reply.correlation_id
        )
        try:
            self._channel().basic_publish("", reply_to, body, properties)
        except pika.exceptions.AMQPConnectionError:
            # Without confirms a dead socket shows only when a write fails, e.g.
            # the first reply after an idle spell: reconnect and send it again,
            # as Dramatiq's enqueue does.
            del self._broker.connection
            self._channel().basic_publish("", reply_to, body, properties)

    def _channel(self) -> BlockingChannel:
        connection = self._broker.connection  # this thread's, made on first use
        channel: BlockingChannel | None = getattr(self._local, "channel", None)
        if channel is None or not channel.is_open or channel.connection is not connection:
            channel = self._local.channel = connection.channel()
        return channel


class InProcessReplySink:
    def __init__(self, replies: InProcessReplies) -> None:
        self._replies = replies

    def send(self, reply_to: str, reply: Reply) -> None:
        self._replies.deliver(reply.correlation_id, json.loads(reply.model_dump_json()))


class ReplyMiddleware(Middleware):
    """Replies with the request actor's answer, or a 500 when it raised something unexpected.

    Request actors leave a ``Reply``-shaped dict (see ``actors.requests``); their
    expected errors are part of it, so a failed lookup is not a failed message.
    """

    def __init__(self, sink: ReplySink) -> None:
        self.sink = sink

    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        address = reply_address(message.options)
        if address is None:
            return  # a job: nobody waits for it
        problem = request_problem(broker, message)
        if problem is not None:
            self.refuse(address, problem)
            raise RefusedRequest(problem)
        deadline = message.options.get(DEADLINE_OPTION)
        if deadline is not None and time.time() * 1000 > deadline:
            # The gateway has given up (and maybe retried): answering is wasted
            # work, and the request is not a failure worth dead-lettering.
            raise SkipMessage(f"request {message.message_id} past its deadline")

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        payload = take_reply()
        address = reply_address(message.options)
        if address is None:
            return
        correlation_id = address[1]
        if exception is None:
            # A job asked with a reply address answers that it ran.
            reply = Reply.model_validate(
                {"ok": True, **(payload or {}), "correlation_id": correlation_id}
            )
        elif isinstance(exception, MemqError):
            reply = failure(correlation_id, exception)
        else:
            reply = Reply(
                correlation_id=correlation_id,
                ok=False,
                error=ReplyError(
                    status=500, code="internal_error", detail="the worker failed; see its logs"
                ),
            )
        self._send(address, reply)

    def refuse(self, address: tuple[str, str], problem: str) -> None:
        """Answer 422: the request is acked, not worth a dead letter."""
        self._send(address, failure(address[1], InvalidInput(problem)))

    def _send(self, address: tuple[str, str], reply: Reply) -> None:
        try:
            self.sink.send(address[0], reply)
        except Exception:
            # The caller times out and retries; losing a reply loses no data.
            logger.warning("could not publish reply %s", address[1], exc_info=True)


class RefusedRequest(SkipMessage):
    """A request that cannot reach its actor: answered 422 and acked."""


def failure(correlation_id: str, exc: MemqError) -> Reply:
    return Reply(
        correlation_id=correlation_id,
        ok=False,
        error=ReplyError(status=exc.status, code=exc.code, detail=exc.detail),
    )
