"""RabbitMQ transport: persistent messages, publisher confirms, an exclusive reply queue."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from typing import Any

import aio_pika
import aio_pika.abc
import dramatiq
from aio_pika.exceptions import AMQPError, DeliveryError, PublishError
from aiormq.exceptions import ChannelPreconditionFailed
from pydantic import ValidationError

from gateway.transport import Transport
from gateway.transports.failover import FailoverConnection
from runtime.queue_layout import QueueLayout, QueueLayoutMismatch
from schemas.errors import BrokerUnavailable
from schemas.replies import Reply
from schemas.routing import CORRELATION_ID_OPTION

logger = logging.getLogger("memq.gateway.amqp")

#: Seconds a connection attempt may take (a node that accepts TCP but never answers).
CONNECT_TIMEOUT = 10
#: Seconds without a usable connection before the watchdog starts a new one.
STUCK_AFTER = 10
#: Seconds of nothing but nacks before it does (memq sets no queue limit, so
#: RabbitMQ has no reason to nack a healthy channel's publishes).
NACKED_AFTER = 3

UNREACHABLE = "RabbitMQ is unreachable (the gateway reconnects by itself)"


class AmqpTransport(Transport):
    def __init__(self, urls: str | list[str], layout: QueueLayout, publish_timeout: float) -> None:
        """``urls``: one node, or a cluster's nodes in failover order."""
        super().__init__(layout.prefix)
        self._urls = [urls] if isinstance(urls, str) else list(urls)
        self._layout = layout
        self._publish_timeout = publish_timeout
        self._connection: aio_pika.abc.AbstractRobustConnection | None = None
        self._channel: aio_pika.abc.AbstractChannel | None = None
        self._reply_queue_name = f"{layout.prefix}.reply.{uuid.uuid4().hex}"
        self._pending: dict[str, asyncio.Future[Reply]] = {}
        self._node = 0  # index in _urls of the node connected to
        self._watchdog: asyncio.Task[None] | None = None
        self._nacked_since: float | None = None  # first nack since the last confirm

    @property
    def reply_to(self) -> str:
        return self._reply_queue_name

    async def start(self) -> None:
        try:
            await self._open(first=0)
        except (AMQPError, OSError) as exc:
            raise BrokerUnavailable(
                f"cannot reach RabbitMQ ({type(exc).__name__}); check MEMQ_AMQP_URL and that "
                "the broker is running"
            ) from exc
        self._watchdog = asyncio.create_task(self._watch(), name="memq-amqp-watchdog")
        logger.info("gateway connected to RabbitMQ, reply queue %s", self._reply_queue_name)

    async def _open(self, first: int) -> None:
        """Connect (from node ``first`` on), declare the queues, consume the reply queue."""
        self._connection = await self._connect(first)
        self._nacked_since = None
        self._channel = await self._connection.channel(
            publisher_confirms=True, on_return_raises=True
        )
        await self._declare_queues()
        # Exclusive + auto-delete: the queue dies with this gateway, so replies
        # to a dead gateway are dropped by RabbitMQ instead of piling up.
        replies = await self._channel.declare_queue(
            self._reply_queue_name, exclusive=True, auto_delete=True
        )
        await replies.consume(self._on_reply, no_ack=True)

    async def _connect(self, first: int) -> aio_pika.abc.AbstractRobustConnection:
        """The first node that answers, from ``first`` round the list; aio-pika's own
        reconnections go round it too (``FailoverConnection``).

        aio-pika raises when its very first attempt fails (fail-fast), so each
        node gets a first attempt of its own here.
        """
        count = len(self._urls)
        for step in range(count):
            start = (first + step) % count
            order = self._urls[start:] + self._urls[:start]
            try:
                connection = await aio_pika.connect_robust(
                    order[0],
                    client_properties={"connection_name": "memq-gateway"},
                    connection_class=FailoverConnection.over(order),
                    timeout=CONNECT_TIMEOUT,
                )
                self._node = start
                return connection
            except (AMQPError, OSError, TimeoutError):
                if step == count - 1:
                    raise
                logger.warning("RabbitMQ node %d of %d unreachable", start + 1, count)
        raise AssertionError("unreachable: the loop returns or raises")

    async def _watch(self) -> None:
        """Open a new connection when aio-pika's has not recovered in ``STUCK_AFTER`` s.

        aio-pika reconnects by itself within its 5 s interval; but when a node
        dies while publishes await their confirms, its robust connection can
        wait forever for a channel that waits for it, or come back with a
        channel whose every publish RabbitMQ nacks (seen on RabbitMQ 3.10 after
        the ingest quorum queue's leader was killed, while a new connection's
        publishes were confirmed). Then this starts afresh on the next node.
        """
        down_since: float | None = None
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(1.0)
            now = loop.time()
            if await self.ready():
                down_since = None
                if not self._refused_too_long(now):
                    continue
                logger.warning("every publish nacked for %ds: reconnecting", NACKED_AFTER)
            else:
                down_since = now if down_since is None else down_since
                if now - down_since < STUCK_AFTER:
                    continue
                logger.warning(
                    "RabbitMQ connection not recovered in %ds: reconnecting", STUCK_AFTER
                )
            stale = self._connection
            self._connection, self._channel = None, None
            if stale is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(stale.close(), 5)
            try:
                await self._open(first=self._node + 1)
            except (AMQPError, OSError, TimeoutError):
                logger.warning("no RabbitMQ node answered; trying again", exc_info=True)
                if self._connection is not None:  # opened, then failed to set up
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(self._connection.close(), 5)
                    self._connection, self._channel = None, None
            else:
                logger.info(
                    "gateway reconnected to RabbitMQ node %d of %d", self._node + 1, len(self._urls)
                )
                down_since = None

    async def _declare_queues(self) -> None:
        """Every queue as the workers declare it (``QueueLayout``): a no-op when it exists."""
        assert self._connection is not None
        for name, arguments in self._layout.declarations_main_first():
            # Its own channel: a refused declaration closes the channel it was sent on.
            channel = await self._connection.channel()
            try:
                await channel.declare_queue(name, durable=True, arguments=arguments)
            except ChannelPreconditionFailed as exc:
                raise QueueLayoutMismatch(
                    name, str(exc.args[0] if exc.args else exc), self._layout.queue_type
                ) from None
            finally:
                if not channel.is_closed:
                    await channel.close()

    def _refused_too_long(self, now: float) -> bool:
        """Every publish nacked for ``NACKED_AFTER`` s, none confirmed since."""
        return self._nacked_since is not None and now - self._nacked_since >= NACKED_AFTER

    async def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
        for future in self._pending.values():
            future.cancel()
        if self._connection is not None:
            await self._connection.close()

    async def ready(self) -> bool:
        return (
            self._connection is not None
            and not self._connection.is_closed
            and self._channel is not None
            and not self._channel.is_closed
        )

    async def publish(self, message: dramatiq.Message[Any], *, persistent: bool = True) -> None:
        if not await self.ready():
            # aio-pika reconnects in the background; until then, say so at once.
            raise BrokerUnavailable(UNREACHABLE)
        assert self._channel is not None
        amqp_message = aio_pika.Message(
            body=message.encode(),
            content_type="application/json",
            message_id=message.message_id,
            delivery_mode=(
                aio_pika.DeliveryMode.PERSISTENT
                if persistent
                else aio_pika.DeliveryMode.NOT_PERSISTENT
            ),
        )
        try:
            await self._channel.default_exchange.publish(
                amqp_message,
                routing_key=message.queue_name,
                mandatory=True,
                timeout=self._publish_timeout,
            )
        except PublishError as exc:  # returned as unroutable (mandatory=True)
            raise BrokerUnavailable(
                f"queue {message.queue_name} does not exist on the broker"
            ) from exc
        except DeliveryError as exc:  # nacked
            self._nacked_since = self._nacked_since or asyncio.get_running_loop().time()
            raise BrokerUnavailable(
                f"RabbitMQ refused the message for {message.queue_name}"
            ) from exc
        except TimeoutError as exc:
            raise BrokerUnavailable(
                f"RabbitMQ did not confirm within {self._publish_timeout:g}s (MEMQ_PUBLISH_TIMEOUT)"
            ) from exc
        except (AMQPError, OSError, RuntimeError) as exc:
            # The connection or channel went down mid-publish.
            raise BrokerUnavailable(UNREACHABLE) from exc
        self._nacked_since = None

    async def _round_trip(self, message: dramatiq.Message[Any], timeout: float) -> Reply | None:
        correlation_id = message.options[CORRELATION_ID_OPTION]
        future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self._pending[correlation_id] = future
        try:
            await self.publish(message, persistent=False)
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            return None
        finally:
            self._pending.pop(correlation_id, None)

    async def _on_reply(self, incoming: aio_pika.abc.AbstractIncomingMessage) -> None:
        try:
            reply = Reply.model_validate(json.loads(incoming.body))
        except (ValueError, ValidationError):
            logger.warning("dropped a malformed reply on %s", self._reply_queue_name)
            return
        future = self._pending.get(reply.correlation_id)
        if future is None or future.done():
            # Late (after timeout) or duplicate reply: the caller has moved on.
            logger.debug("dropped a late or duplicate reply %s", reply.correlation_id)
            return
        future.set_result(reply)
