"""Dramatiq's RabbitMQ broker declaring memq's queues by the deployment's ``QueueLayout``.

Dramatiq declares every queue classic, with fixed arguments. This subclass
(no fork) declares the main, delay and dead-letter queues with the layout's
arguments: quorum queues with ``x-delivery-limit`` in production, Dramatiq's
own arguments on a classic development broker (``schemas.queues``).

A queue that exists with other arguments makes RabbitMQ close the channel
(406 PRECONDITION_FAILED). Dramatiq would retry that as a connection error and
give up with "ConnectionClosed"; here it is a ``QueueLayoutMismatch`` naming
the queue, the broker's words and the way out, raised at once.
"""

from __future__ import annotations

from typing import Any

from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.common import dq_name, xq_name
from pika.exceptions import ChannelClosedByBroker

from runtime.queue_layout import QueueLayout, QueueLayoutMismatch

PRECONDITION_FAILED = 406


class LayoutRabbitmqBroker(RabbitmqBroker):
    def __init__(self, layout: QueueLayout, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.layout = layout

    def _declare_queue(self, queue_name: str) -> Any:
        return self._declare(queue_name, self.layout.main_arguments(queue_name))

    def _declare_dq_queue(self, queue_name: str) -> Any:
        return self._declare(dq_name(queue_name), self.layout.main_arguments(queue_name))

    def _declare_xq_queue(self, queue_name: str) -> Any:
        return self._declare(xq_name(queue_name), self.layout.dead_letter_arguments())

    def _declare(self, queue: str, arguments: dict[str, object]) -> Any:
        try:
            return self.channel.queue_declare(queue=queue, durable=True, arguments=arguments)
        except ChannelClosedByBroker as exc:
            if exc.reply_code != PRECONDITION_FAILED:
                raise
            del self.channel  # closed by the broker: the next caller opens a new one
            raise QueueLayoutMismatch(queue, exc.reply_text, self.layout.queue_type) from None

    def declare_all(self, queue_names: set[str]) -> None:
        """Declare ``queue_names`` (and their delay and dead-letter queues) now.

        At start-up, so a process whose queues exist with other arguments stops
        with a clear message instead of failing its first publish or consume.
        """
        for name in sorted(queue_names):
            self.declare_queue(name, ensure=True)
