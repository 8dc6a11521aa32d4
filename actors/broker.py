"""Broker construction: RabbitMQ when MEMQ_AMQP_URL is set, else in-process."""

from __future__ import annotations

import dramatiq
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import CurrentMessage

from actors.dead_letters import ReasonedRabbitmqBroker
from actors.envelope import EnvelopeCheck
from actors.log_middleware import LogContextMiddleware
from actors.replies import AmqpReplySink, InProcessReplySink, ReplyMiddleware
from runtime.inproc import InProcessReplies
from runtime.queue_layout import QueueLayout
from runtime.settings import Settings


def build_broker(settings: Settings, replies: InProcessReplies | None = None) -> dramatiq.Broker:
    """A broker with memq's middleware. ``replies`` is needed for the in-process broker."""
    broker: dramatiq.Broker
    if settings.amqp_url is not None:
        rabbit = rabbitmq_broker(settings)
        rabbit.add_middleware(ReplyMiddleware(AmqpReplySink(rabbit)))
        broker = rabbit
    else:
        if replies is None:
            raise ValueError("the in-process broker needs an InProcessReplies to route replies")
        broker = StubBroker()
        broker.add_middleware(ReplyMiddleware(InProcessReplySink(replies)))
    broker.add_middleware(CurrentMessage())
    broker.add_middleware(EnvelopeCheck())
    # First in the list: it binds log ids before any other middleware runs and,
    # after hooks running in reverse, unbinds them last.
    first = type(broker.middleware[0]) if broker.middleware else None
    broker.add_middleware(LogContextMiddleware(), before=first)
    return broker


def rabbitmq_broker(settings: Settings) -> ReasonedRabbitmqBroker:
    """Publisher confirms on; the node list of MEMQ_AMQP_URL and MEMQ_AMQP_NODES, in order.

    pika tries the nodes in turn on every (re)connection, so a worker whose node
    died carries on through another node of the cluster.
    """
    urls = settings.amqp_urls()
    return ReasonedRabbitmqBroker(
        QueueLayout.from_settings(settings),
        url=urls if len(urls) > 1 else urls[0],
        confirm_delivery=True,
    )
