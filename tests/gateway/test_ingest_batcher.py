"""The gateway's ingest batcher over the real local RabbitMQ: what reaches the queue."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import pika
import pytest

from gateway.ingest_batcher import IngestBatcher
from gateway.transport import Transport
from gateway.transports.amqp import AmqpTransport
from schemas.errors import BrokerUnavailable
from schemas.messages import MessageBatch, MessageEvent
from schemas.routing import ActorName, QueueKind, queue_name
from tests.support.queues import layout


def _event(n: int, session: str = "s1", account: str = "acct") -> MessageEvent:
    return MessageEvent(
        account_id=account,
        session_id=session,
        message_id=f"m{n}",
        role="user",
        content=f"message {n}",
        seq=1_000 + n,
        accepted_at=datetime.now(UTC),
    )


def _drain(url: str, queue: str) -> list[dict]:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        bodies = []
        while True:
            method, properties, body = channel.basic_get(queue, auto_ack=True)
            if method is None:
                return bodies
            assert properties.delivery_mode == 2  # persistent
            bodies.append(json.loads(body))
    finally:
        connection.close()


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_a_lone_message_goes_out_at_once_as_a_single_message_job(
    amqp_url: str, queue_prefix: str
) -> None:
    async def scenario() -> None:
        transport = AmqpTransport(amqp_url, layout(queue_prefix), publish_timeout=5)
        await transport.start()
        try:
            await IngestBatcher(transport).submit([_event(1)])
        finally:
            await transport.close()

    _run(scenario())
    jobs = _drain(amqp_url, queue_name(queue_prefix, QueueKind.INGEST))
    assert [job["actor_name"] for job in jobs] == [ActorName.INGEST_MESSAGE.value]
    assert MessageEvent.model_validate(jobs[0]["kwargs"]["event"]).message_id == "m1"


def test_messages_arriving_while_a_publish_is_in_flight_leave_together(
    amqp_url: str, queue_prefix: str
) -> None:
    async def scenario() -> None:
        transport = AmqpTransport(amqp_url, layout(queue_prefix), publish_timeout=5)
        await transport.start()
        try:
            batcher = IngestBatcher(transport, in_flight=1, max_events=4)
            # Ten requests at once: the first takes the only slot, the other nine
            # wait for its confirm and then leave in batches of at most 4 events;
            # a two-event request is never split across publishes.
            requests = [[_event(n)] for n in range(1, 9)] + [[_event(9), _event(10)]]
            await asyncio.gather(*(batcher.submit(events) for events in requests))
        finally:
            await transport.close()

    _run(scenario())
    jobs = _drain(amqp_url, queue_name(queue_prefix, QueueKind.INGEST))
    assert jobs[0]["actor_name"] == ActorName.INGEST_MESSAGE.value
    sizes = [len(job["kwargs"]["events"]) for job in jobs[1:]]
    assert sizes == [4, 4, 1] or sizes == [4, 3, 2], sizes
    for job in jobs[1:]:
        assert job["actor_name"] == ActorName.INGEST_BATCH.value
        MessageBatch.model_validate(job["kwargs"])  # the wire contract
    ids = [jobs[0]["kwargs"]["event"]["message_id"]] + [
        event["message_id"] for job in jobs[1:] for event in job["kwargs"]["events"]
    ]
    assert sorted(ids) == sorted(f"m{n}" for n in range(1, 11))
    last = jobs[-1]["kwargs"]["events"]
    assert [e["message_id"] for e in last][-2:] == ["m9", "m10"]


def test_a_failed_publish_fails_every_request_that_rode_on_it(
    amqp_url: str, queue_prefix: str
) -> None:
    async def scenario() -> list[object]:
        transport = AmqpTransport(amqp_url, layout(queue_prefix), publish_timeout=5)
        await transport.start()
        await transport.close()  # the broker connection is gone
        batcher = IngestBatcher(transport, in_flight=1)
        return await asyncio.gather(
            *(batcher.submit([_event(n)]) for n in range(3)), return_exceptions=True
        )

    outcomes = _run(scenario())
    assert all(isinstance(outcome, BrokerUnavailable) for outcome in outcomes), outcomes


def test_submit_refuses_more_events_than_a_batch_holds(amqp_url: str, queue_prefix: str) -> None:
    async def scenario() -> None:
        transport = AmqpTransport(amqp_url, layout(queue_prefix), publish_timeout=5)
        await IngestBatcher(transport, max_events=2).submit([_event(1), _event(2), _event(3)])

    with pytest.raises(ValueError, match="1 to 2 events"):
        _run(scenario())


class StalledBroker(Transport):
    """Stands in for a RabbitMQ that blocks publishers (a memory or disk alarm):
    publishes never confirm until ``release``; each then fails as a timeout would."""

    def __init__(self) -> None:
        super().__init__("memq")
        self.released = asyncio.Event()
        self.publishes = 0

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def ready(self) -> bool:
        return True

    @property
    def reply_to(self) -> str:
        return "unused"

    async def publish(self, message: object, *, persistent: bool = True) -> None:  # type: ignore[override]
        self.publishes += 1
        await self.released.wait()
        raise BrokerUnavailable("RabbitMQ did not confirm the message within 5s; retry")

    async def _round_trip(self, message: object, timeout: float) -> None:  # type: ignore[override]
        return None


def test_behind_a_stalled_publish_waiting_requests_fail_after_their_deadline() -> None:
    async def scenario() -> tuple[list[object], int]:
        broker = StalledBroker()
        batcher = IngestBatcher(broker, in_flight=1, max_events=2, max_queue_seconds=0.2)
        # One request takes the slot; six more queue behind it, in three batches' worth
        pending = [asyncio.ensure_future(batcher.submit([_event(n)])) for n in range(7)]
        await asyncio.sleep(0.3)  # past the queued ones' deadline
        broker.released.set()  # the stalled publish times out at last
        outcomes = await asyncio.gather(*pending, return_exceptions=True)
        return outcomes, broker.publishes

    outcomes, publishes = _run(scenario())
    # Then every request failed with a 503 saying to retry, and the queued ones
    # did not each wait for a publish of their own
    assert all(isinstance(outcome, BrokerUnavailable) for outcome in outcomes), outcomes
    assert "waited over 0.2s" in str(outcomes[-1])
    assert publishes == 1


def test_when_too_many_messages_wait_a_new_request_is_refused_at_once() -> None:
    async def scenario() -> object:
        broker = StalledBroker()
        batcher = IngestBatcher(broker, in_flight=1, max_waiting=3)
        first = asyncio.ensure_future(batcher.submit([_event(0)]))  # takes the slot
        queued = [asyncio.ensure_future(batcher.submit([_event(n)])) for n in (1, 2, 3)]
        await asyncio.sleep(0)
        try:
            await batcher.submit([_event(4)])
        except BrokerUnavailable as exc:
            refused: object = exc
        else:
            refused = None
        broker.released.set()
        await asyncio.gather(first, *queued, return_exceptions=True)
        return refused

    refused = _run(scenario())
    assert isinstance(refused, BrokerUnavailable)
    assert "3 messages are waiting" in str(refused)
