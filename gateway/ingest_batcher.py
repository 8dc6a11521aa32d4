"""Coalesce concurrently accepted messages into one confirmed publish.

Each chat message used to cost one publish, one publisher confirm, one
RabbitMQ delivery and one worker transaction; at a few hundred messages per
second those per-publish costs dominated. The batcher keeps a few publishes
in flight (one by default): a message that finds a free slot goes out at
once, alone (no added latency when the gateway is quiet); messages that
arrive while every slot awaits its confirm wait and leave together in the
next publish, as one ``ingest_batch`` job. Under load, batches grow by
themselves.

A caller's ``submit`` returns only once the publish carrying its events is
confirmed, and raises what the publish raised: the 202 still means "durably
queued", and a failed publish fails every request that rode on it (their
clients retry; message ids make that safe).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gateway.transport import Transport
from schemas.errors import BrokerUnavailable
from schemas.messages import MAX_BATCH_EVENTS, MessageEvent
from schemas.routing import ActorName

#: Publishes awaiting their confirm at once. One is group commit: the
#: messages accepted during a confirm round trip leave together in the next
#: publish. Measured with bench.ingest (32 clients, 1 worker): 1 slot gave
#: 1,700-1,900 msgs/s, 2 slots 1,500-1,650, 8 slots 1,300, 16 slots 960, as
#: smaller batches cost more CPU per message in every process.
DEFAULT_IN_FLIGHT = 1
#: Content bytes per batch, so a batch of large messages stays a modest frame.
DEFAULT_MAX_BATCH_BYTES = 1024 * 1024
#: Messages that may wait for a publish slot: beyond, 503 at once. While
#: RabbitMQ stalls (a memory or disk alarm blocks publishers) the queue would
#: otherwise grow without bound.
DEFAULT_MAX_WAITING = 10_000
#: Seconds a message may wait for a publish slot before its request fails
#: (503, retry): behind a stalled publish, every batch would wait its turn.
DEFAULT_MAX_QUEUE_SECONDS = 5.0


@dataclass
class _Entry:
    """One request's events: they always travel in the same publish."""

    events: list[dict[str, Any]]
    size: int
    deadline: float  # loop time after which it fails instead of going out
    done: asyncio.Future[None] = field(repr=False)


class IngestBatcher:
    def __init__(
        self,
        transport: Transport,
        *,
        in_flight: int = DEFAULT_IN_FLIGHT,
        max_events: int = MAX_BATCH_EVENTS,
        max_bytes: int = DEFAULT_MAX_BATCH_BYTES,
        max_waiting: int = DEFAULT_MAX_WAITING,
        max_queue_seconds: float = DEFAULT_MAX_QUEUE_SECONDS,
    ) -> None:
        self._transport = transport
        self._slots = in_flight
        self._max_events = max_events
        self._max_bytes = max_bytes
        self._max_waiting = max_waiting
        self._max_queue_seconds = max_queue_seconds
        self._waiting: deque[_Entry] = deque()
        self._waiting_events = 0
        self._tasks: set[asyncio.Task[None]] = set()

    async def submit(self, events: Sequence[MessageEvent]) -> None:
        """Publish ``events`` (at most ``max_events``, all in one job); return once confirmed."""
        if not 0 < len(events) <= self._max_events:
            raise ValueError(f"submit takes 1 to {self._max_events} events, got {len(events)}")
        if self._waiting_events + len(events) > self._max_waiting:
            raise BrokerUnavailable(
                f"{self._waiting_events} messages are waiting for RabbitMQ to confirm "
                "earlier publishes; retry shortly"
            )
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        # Mark the outcome as seen even when the caller has gone away.
        done.add_done_callback(lambda future: future.cancelled() or future.exception())
        self._waiting.append(
            _Entry(
                events=[event.model_dump(mode="json") for event in events],
                size=sum(len(event.content.encode()) for event in events),
                deadline=loop.time() + self._max_queue_seconds,
                done=done,
            )
        )
        self._waiting_events += len(events)
        self._pump()
        # shield: a client that disconnects must not cancel a publish that
        # carries other requests' messages too.
        await asyncio.shield(done)

    def _pump(self) -> None:
        self._fail_expired()
        while self._waiting and len(self._tasks) < self._slots:
            task = asyncio.create_task(self._publish(self._take_batch()))
            self._tasks.add(task)
            task.add_done_callback(self._finished)
            self._fail_expired()

    def _fail_expired(self) -> None:
        now = asyncio.get_running_loop().time()
        while self._waiting and self._waiting[0].deadline < now:
            entry = self._pop()
            _resolve(
                entry,
                BrokerUnavailable(
                    f"waited over {self._max_queue_seconds:g}s behind publishes RabbitMQ did "
                    "not confirm; retry"
                ),
            )

    def _pop(self) -> _Entry:
        entry = self._waiting.popleft()
        self._waiting_events -= len(entry.events)
        return entry

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._pump()

    def _take_batch(self) -> list[_Entry]:
        batch = [self._pop()]
        count, size = len(batch[0].events), batch[0].size
        while self._waiting:
            following = self._waiting[0]
            if (
                count + len(following.events) > self._max_events
                or size + following.size > self._max_bytes
            ):
                break
            batch.append(self._pop())
            count += len(following.events)
            size += following.size
        return batch

    async def _publish(self, batch: list[_Entry]) -> None:
        try:
            events = [event for entry in batch for event in entry.events]
            # A lone message keeps the single-message job: the same shape direct
            # AMQP producers publish (docs/amqp.md).
            if len(events) == 1:
                message = self._transport.build_message(
                    ActorName.INGEST_MESSAGE, {"event": events[0]}
                )
            else:
                message = self._transport.build_message(ActorName.INGEST_BATCH, {"events": events})
            await self._transport.publish(message)
        except asyncio.CancelledError:
            # Shutting down: the callers learn the broker was not reached.
            for entry in batch:
                _resolve(entry, BrokerUnavailable("the gateway stopped before RabbitMQ confirmed"))
            raise
        except BrokerUnavailable as exc:
            refused = BrokerUnavailable(
                f"{exc.detail}: the message was not accepted (nothing of this request was "
                "queued); retry it with the same message_id"
            )
            for entry in batch:
                _resolve(entry, refused)
        except Exception as exc:
            for entry in batch:
                _resolve(entry, exc)
        else:
            for entry in batch:
                _resolve(entry, None)

    async def close(self) -> None:
        """Wait for the publishes in flight (new submits are the caller's to stop)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


def _resolve(entry: _Entry, error: BaseException | None) -> None:
    if entry.done.done():
        return
    if error is None:
        entry.done.set_result(None)
    else:
        entry.done.set_exception(error)
