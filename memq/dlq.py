"""Dead letters: inspect, replay and drop the messages in ``<prefix>.<queue>.XQ`` over AMQP.

A Dramatiq message lands in a dead-letter queue when its actor raised a
permanent error (``throws=``) or ran out of retries: the worker nacks it and
RabbitMQ routes the delivered bytes there (with an ``x-death`` header), where
they stay for 7 days (``schemas.queues.DEAD_LETTER_TTL_MS``).

Safety:

- **nothing is declared but what exists**: the dead-letter queues are looked
  up passively, so a mistyped ``MEMQ_QUEUE_PREFIX`` creates no queue on the
  broker; when none of them exists the command says so (``NoDeadLetterQueues``)
  instead of showing "0 dead letters".
- **list never consumes**: it takes messages with ``basic_get`` without acking
  and hands every one of them back with ``basic_nack(requeue=True)`` (also what
  RabbitMQ does if the command dies halfway), so they stay in the queue, in
  order, for their remaining TTL.
- **replay loses nothing**: each selected message is published to its main
  queue as a persistent message and *confirmed* by RabbitMQ before its
  dead-letter copy is acked. A crash in between leaves both copies; replaying
  again then stores the message once, because ingest is idempotent on
  (account, message_id). Replay is at-least-once.
- A replayed message keeps its Dramatiq message id (the store's redelivery
  bookkeeping depends on it) and gets a fresh retry budget (``retries`` and
  ``traceback`` options cleared).
- Request-reply messages (a gateway read) are listed but not replayed: the
  gateway that asked has long stopped waiting.
- A message that fails again during a replay and comes back to the queue is
  not replayed twice in one run (the run is bounded by the queue depth at its
  start and remembers the ids it replayed).

What a dead letter says of itself, without its content, and why it failed:
``memq.dlq_letter``; its lines in ``memq dlq list``: ``memq.dlq_render``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import dramatiq
import pika
from pika.adapters.blocking_connection import BlockingChannel
from pika.exceptions import AMQPError, ChannelClosedByBroker

from memq.dlq_letter import REPLAYS_OPTION, DeadLetter, describe
from runtime.queue_layout import QueueLayout
from schemas.queues import DEAD_LETTER_OPTION, dead_letter_queue
from schemas.routing import QueueKind, queue_name

#: Options of a failure, cleared so a replay retries afresh: Dramatiq's Retries
#: bookkeeping, and the reason a worker dead-lettered it.
RETRY_OPTIONS = ("retries", "traceback", "requeue_timestamp", "eta", DEAD_LETTER_OPTION)


class Action(Enum):
    KEEP = "keep"
    REPLAY = "replay"
    DROP = "drop"


@dataclass
class Outcome:
    replayed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # id -> why
    errors: dict[str, str] = field(default_factory=dict)  # id -> why


class NoDeadLetterQueues(Exception):
    """None of the dead-letter queues asked for exists on this broker."""

    def __init__(self, prefix: str, queues: list[str]) -> None:
        super().__init__(
            f"no queue {' or '.join(queues)} on this broker: is MEMQ_QUEUE_PREFIX={prefix!r} "
            "the deployment's (its workers create these queues when they start)?"
        )


class DeadLetters:
    """The dead-letter queues of one deployment (``MEMQ_QUEUE_PREFIX``)."""

    def __init__(self, url: str, layout: QueueLayout) -> None:
        self._url = url
        self._layout = layout
        self._prefix = layout.prefix

    def queues(self, kinds: Iterable[QueueKind] | None = None) -> list[str]:
        return [dead_letter_queue(queue_name(self._prefix, kind)) for kind in kinds or QueueKind]

    @contextmanager
    def _channel(
        self, kinds: Iterable[QueueKind] | None
    ) -> Iterator[tuple[BlockingChannel, list[str]]]:
        """A channel, and those of the dead-letter queues of ``kinds`` that exist."""
        params = pika.URLParameters(self._url)
        params.client_properties = {"connection_name": "memq-dlq"}
        connection = pika.BlockingConnection(params)
        try:
            wanted = self.queues(kinds)
            existing = [queue for queue in wanted if _exists(connection, queue)]
            if not existing:
                raise NoDeadLetterQueues(self._prefix, wanted)
            yield connection.channel(), existing
        finally:
            if connection.is_open:
                connection.close()  # anything still unacked goes back to its queue

    def depth(self, channel: BlockingChannel, queue: str) -> int:
        # Passive: a look, never a declaration (the queue is known to exist here).
        declared = channel.queue_declare(queue, passive=True)
        return int(declared.method.message_count)

    def list(self, kinds: Iterable[QueueKind] | None = None, limit: int = 20) -> list[DeadLetter]:
        """Up to ``limit`` dead letters, oldest first per queue; none is consumed."""
        found: list[DeadLetter] = []
        with self._channel(kinds) as (channel, queues):
            for queue in queues:
                if len(found) >= limit:
                    break
                take = min(self.depth(channel, queue), limit - len(found))
                try:
                    for _ in range(take):
                        got = _get(channel, queue)
                        if got is None:
                            break
                        found.append(got[1])
                finally:
                    self._hand_back(channel)
        return found

    def _hand_back(self, channel: BlockingChannel) -> None:
        """Every unacked letter back to its queue, in order.

        A quorum queue counts a requeue as a delivery; its dead-letter queue has
        no ``x-delivery-limit`` (so no count drops a letter on RabbitMQ 3.x), but
        RabbitMQ 4 limits every quorum queue to 20 by default: see docs/deploy.md.
        """
        channel.basic_nack(delivery_tag=0, multiple=True, requeue=True)

    def replay(
        self, kinds: Iterable[QueueKind] | None = None, ids: set[str] | None = None
    ) -> Outcome:
        """Re-publish the selected dead letters (``ids`` None = all) to their main queue."""

        def choose(letter: DeadLetter) -> Action:
            return Action.REPLAY if ids is None or letter.id in ids else Action.KEEP

        return self._process(kinds, choose)

    def drop(
        self, kinds: Iterable[QueueKind] | None = None, ids: set[str] | None = None
    ) -> Outcome:
        """Delete the selected dead letters (``ids`` None = all) for good."""

        def choose(letter: DeadLetter) -> Action:
            return Action.DROP if ids is None or letter.id in ids else Action.KEEP

        return self._process(kinds, choose)

    def _process(
        self, kinds: Iterable[QueueKind] | None, choose: Callable[[DeadLetter], Action]
    ) -> Outcome:
        outcome = Outcome()
        seen: set[str] = set()
        with self._channel(kinds) as (channel, queues):
            channel.confirm_delivery()
            for queue in queues:
                main = queue.removesuffix(".XQ")
                # The same arguments as Dramatiq and the gateway: a no-op when it exists.
                channel.queue_declare(
                    main, durable=True, arguments=self._layout.main_arguments(main)
                )
                try:
                    for _ in range(self.depth(channel, queue)):
                        got = _get(channel, queue)
                        if got is None:
                            break
                        tag, letter = got
                        if letter.id in seen:
                            continue  # failed again during this run: leave it
                        seen.add(letter.id)
                        action = choose(letter)
                        if action is Action.DROP:
                            channel.basic_ack(tag)
                            outcome.dropped.append(letter.id)
                        elif action is Action.REPLAY:
                            self._replay_one(channel, tag, letter, main, outcome)
                finally:
                    if channel.is_open:
                        channel.basic_nack(delivery_tag=0, multiple=True, requeue=True)
        return outcome

    def _replay_one(
        self, channel: BlockingChannel, tag: int, letter: DeadLetter, main: str, outcome: Outcome
    ) -> None:
        if letter.message is None:
            outcome.skipped[letter.id] = "undecodable body: nothing to replay (drop it)"
            return
        if letter.kind == "request":
            outcome.skipped[letter.id] = "a request whose caller stopped waiting long ago"
            return
        message = letter.message
        options = {k: v for k, v in message.options.items() if k not in RETRY_OPTIONS}
        options[REPLAYS_OPTION] = int(options.get(REPLAYS_OPTION, 0) or 0) + 1
        fresh: dramatiq.Message[Any] = dramatiq.Message(
            queue_name=main,
            actor_name=message.actor_name,
            args=message.args,
            kwargs=message.kwargs,
            options=options,
            message_id=message.message_id,
            message_timestamp=message.message_timestamp,
        )
        try:
            # Confirm mode + mandatory: returns only once RabbitMQ holds it in `main`.
            channel.basic_publish(
                exchange="",
                routing_key=main,
                body=fresh.encode(),
                properties=pika.BasicProperties(
                    delivery_mode=2,
                    content_type="application/json",
                    priority=options.get("broker_priority"),
                ),
                mandatory=True,
            )
        except (AMQPError, ChannelClosedByBroker) as exc:
            outcome.errors[letter.id] = f"not confirmed by RabbitMQ ({type(exc).__name__})"
            raise
        channel.basic_ack(tag)
        outcome.replayed.append(letter.id)


def _exists(connection: pika.BlockingConnection, queue: str) -> bool:
    """Whether ``queue`` exists, asked on a channel of its own (a 404 closes it)."""
    probe = connection.channel()
    try:
        probe.queue_declare(queue, passive=True)
    except ChannelClosedByBroker as exc:
        if exc.reply_code == 404:
            return False
        raise
    probe.close()
    return True


def _get(channel: BlockingChannel, queue: str) -> tuple[int, DeadLetter] | None:
    method, properties, body = channel.basic_get(queue, auto_ack=False)
    if method is None or body is None:
        return None
    return method.delivery_tag, describe(queue, body, properties)
