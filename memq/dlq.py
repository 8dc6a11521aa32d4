"""Dead letters: inspect, replay and drop the messages in ``<prefix>.<queue>.XQ``.

A Dramatiq message lands in a dead-letter queue when its actor raised a
permanent error (``throws=``) or ran out of retries: the worker nacks it and
RabbitMQ routes the delivered bytes there (with an ``x-death`` header), where
they stay for 7 days (``schemas.queues.DEAD_LETTER_TTL_MS``).

Safety:

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
- Nothing prints message content unless asked (``show_body``).
- Why: a memq worker dead-letters a message with its error (type, detail,
  time) in the ``memq_dead_letter`` option (``actors.dead_letters``); a
  message dead-lettered some other way shows RabbitMQ's ``x-death`` reason and,
  when Dramatiq retried it, the type of its last error.
- A message that fails again during a replay and comes back to the queue is
  not replayed twice in one run (the run is bounded by the queue depth at its
  start and remembers the ids it replayed).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import dramatiq
import pika
from pika.adapters.blocking_connection import BlockingChannel
from pika.exceptions import AMQPError, ChannelClosedByBroker

from schemas.queues import (
    DEAD_LETTER_OPTION,
    dead_letter_queue,
    dead_letter_queue_arguments,
    main_queue_arguments,
)
from schemas.routing import REPLY_TO_OPTION, QueueKind, queue_name

#: Options of a failure, cleared so a replay retries afresh: Dramatiq's Retries
#: bookkeeping, and the reason a worker dead-lettered it.
RETRY_OPTIONS = ("retries", "traceback", "requeue_timestamp", "eta", DEAD_LETTER_OPTION)
#: How many times a message was replayed, kept in its options.
REPLAYS_OPTION = "memq_replays"
#: What a listing shows of each event of a batch: where it belongs, never what it says.
EVENT_ID_KEYS = ("account_id", "session_id", "message_id")


class Action(Enum):
    KEEP = "keep"
    REPLAY = "replay"
    DROP = "drop"


@dataclass
class DeadLetter:
    """One dead-lettered message, described without its content."""

    id: str
    queue: str  # the dead-letter queue it sits in
    body: bytes = field(repr=False)
    message: dramatiq.Message[Any] | None = field(default=None, repr=False)
    dead_at: datetime | None = None
    death_reason: str | None = None
    death_count: int | None = None

    @property
    def source_queue(self) -> str:
        return self.queue.removesuffix(".XQ")

    @property
    def actor(self) -> str | None:
        return None if self.message is None else self.message.actor_name

    @property
    def kind(self) -> str:
        if self.message is None:
            return "undecodable"
        if self.message.options.get(REPLY_TO_OPTION):
            return "request"
        return "job"

    @property
    def enqueued_at(self) -> datetime | None:
        stamp = None if self.message is None else self.message.message_timestamp
        if not isinstance(stamp, int | float) or stamp <= 0:
            return None
        return datetime.fromtimestamp(stamp / 1000, UTC)

    @property
    def retries(self) -> int | None:
        value = None if self.message is None else self.message.options.get("retries")
        return value if isinstance(value, int) else None

    @property
    def replays(self) -> int:
        value = None if self.message is None else self.message.options.get(REPLAYS_OPTION)
        return value if isinstance(value, int) else 0

    @property
    def reason(self) -> dict[str, Any]:
        """What the worker that dead-lettered it said ({} when it said nothing)."""
        value = None if self.message is None else self.message.options.get(DEAD_LETTER_OPTION)
        return value if isinstance(value, dict) else {}

    @property
    def error(self) -> str | None:
        """The exception type that dead-lettered it, else of the last retried failure.

        Only the type from a traceback: exception messages are not guaranteed
        free of content (``detail`` is, when memq wrote it).
        """
        if isinstance(self.reason.get("error"), str):
            return str(self.reason["error"])
        trace = None if self.message is None else self.message.options.get("traceback")
        if not isinstance(trace, str) or not trace.strip():
            return None
        last = trace.strip().splitlines()[-1]
        return last.split(":", 1)[0].strip() or None

    @property
    def detail(self) -> str | None:
        detail = self.reason.get("detail")
        return detail if isinstance(detail, str) else None

    @property
    def traceback(self) -> str | None:
        trace = None if self.message is None else self.message.options.get("traceback")
        return trace if isinstance(trace, str) else None

    def summary(self) -> dict[str, Any]:
        """Ids and sizes only: never content."""
        if self.message is None:
            return {"bytes": len(self.body)}
        kwargs = self.message.kwargs if isinstance(self.message.kwargs, dict) else {}
        event, events = kwargs.get("event"), kwargs.get("events")
        if isinstance(event, dict):  # ingest_message
            return _event_summary(event)
        if isinstance(events, list):  # ingest_batch
            return _batch_summary(events)
        out = _fields(kwargs, ("account_id", "session_id"))
        out["arguments"] = sorted(str(key) for key in kwargs)
        if self.message.args:
            out["positional"] = len(self.message.args)
        return out

    def as_dict(self, show_body: bool = False) -> dict[str, Any]:
        now = datetime.now(UTC)
        entry: dict[str, Any] = {
            "id": self.id,
            "queue": self.queue,
            "actor": self.actor,
            "kind": self.kind,
            "enqueued_at": _iso(self.enqueued_at),
            "age_s": None if self.enqueued_at is None else _seconds(now - self.enqueued_at),
            "dead_lettered_at": _iso(self.dead_at),
            "reason": self.death_reason,
            "times_dead_lettered": self.death_count,
            "retries": self.retries,
            "replays": self.replays,
            "error": self.error,
            "detail": self.detail,
            "summary": self.summary(),
        }
        if show_body:
            entry["body"] = self.body.decode("utf-8", errors="replace")
        return entry


def _fields(source: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The ``keys`` of ``source`` that hold an id or a number (a broken job may hold anything)."""
    return {key: source[key] for key in keys if isinstance(source.get(key), str | int)}


def _content_bytes(event: dict[str, Any]) -> int | None:
    content = event.get("content")
    return len(content.encode("utf-8")) if isinstance(content, str) else None


def _event_summary(event: dict[str, Any]) -> dict[str, Any]:
    out = _fields(event, ("account_id", "session_id", "message_id", "role", "seq"))
    size = _content_bytes(event)
    if size is not None:
        out["content_bytes"] = size
    return out


def _batch_summary(events: list[Any]) -> dict[str, Any]:
    """How many events, their total size, and each one's ids: enough to find the
    messages in the store or the gateway log; an entry that is no event shows as {}."""
    described = [event if isinstance(event, dict) else {} for event in events]
    return {
        "events": len(events),
        "content_bytes": sum(_content_bytes(event) or 0 for event in described),
        "event_ids": [_fields(event, EVENT_ID_KEYS) for event in described],
    }


@dataclass
class Outcome:
    replayed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # id -> why
    errors: dict[str, str] = field(default_factory=dict)  # id -> why


class DeadLetters:
    """The dead-letter queues of one deployment (``MEMQ_QUEUE_PREFIX``)."""

    def __init__(self, url: str, prefix: str) -> None:
        self._url = url
        self._prefix = prefix

    def queues(self, kinds: Iterable[QueueKind] | None = None) -> list[str]:
        return [dead_letter_queue(queue_name(self._prefix, kind)) for kind in kinds or QueueKind]

    @contextmanager
    def _channel(self) -> Iterator[BlockingChannel]:
        params = pika.URLParameters(self._url)
        params.client_properties = {"connection_name": "memq-dlq"}
        connection = pika.BlockingConnection(params)
        try:
            yield connection.channel()
        finally:
            if connection.is_open:
                connection.close()  # anything still unacked goes back to its queue

    def depth(self, channel: BlockingChannel, queue: str) -> int:
        declared = channel.queue_declare(
            queue, durable=True, arguments=dead_letter_queue_arguments()
        )
        return int(declared.method.message_count)

    def list(self, kinds: Iterable[QueueKind] | None = None, limit: int = 20) -> list[DeadLetter]:
        """Up to ``limit`` dead letters, oldest first per queue; none is consumed."""
        found: list[DeadLetter] = []
        with self._channel() as channel:
            for queue in self.queues(kinds):
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
                    channel.basic_nack(delivery_tag=0, multiple=True, requeue=True)
        return found

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
        with self._channel() as channel:
            channel.confirm_delivery()
            for queue in self.queues(kinds):
                main = queue.removesuffix(".XQ")
                # The same arguments as Dramatiq and the gateway: a no-op when it exists.
                channel.queue_declare(main, durable=True, arguments=main_queue_arguments(main))
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


def _get(channel: BlockingChannel, queue: str) -> tuple[int, DeadLetter] | None:
    method, properties, body = channel.basic_get(queue, auto_ack=False)
    if method is None or body is None:
        return None
    return method.delivery_tag, describe(queue, body, properties)


def describe(queue: str, body: bytes, properties: Any = None) -> DeadLetter:
    message: dramatiq.Message[Any] | None
    try:
        message = dramatiq.Message.decode(body)
    except dramatiq.errors.DecodeError:
        message = None
    if message is not None and not isinstance(message.message_id, str):
        message = None
    letter_id = (
        message.message_id
        if message is not None
        else "body-" + hashlib.sha256(body).hexdigest()[:16]
    )
    letter = DeadLetter(id=letter_id, queue=queue, body=body, message=message)
    at = letter.reason.get("at")
    if isinstance(at, int | float) and at > 0:
        # Published to XQ by the worker, not dead-lettered by RabbitMQ: no x-death.
        letter.dead_at = datetime.fromtimestamp(at / 1000, UTC)
        letter.death_reason = "rejected"
    deaths = (getattr(properties, "headers", None) or {}).get("x-death")
    if isinstance(deaths, list) and deaths and isinstance(deaths[0], dict):
        death = deaths[0]
        letter.death_reason = _text(death.get("reason"))
        count = death.get("count")
        letter.death_count = count if isinstance(count, int) else None
        at = death.get("time")
        if isinstance(at, datetime):
            letter.dead_at = at if at.tzinfo else at.replace(tzinfo=UTC)
        elif isinstance(at, int | float):
            letter.dead_at = datetime.fromtimestamp(at, UTC)
    return letter


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value if isinstance(value, str) else None


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _seconds(delta: Any) -> int:
    return max(0, int(delta.total_seconds()))


def format_age(seconds: int | None) -> str:
    if seconds is None:
        return "?"
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    if seconds < 172_800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def render(letter: DeadLetter, show_body: bool = False) -> str:
    """A few human-readable lines for ``memq dlq list``."""
    entry = letter.as_dict(show_body=show_body)
    dead = "?"
    if letter.dead_at is not None:
        dead = format_age(_seconds(datetime.now(UTC) - letter.dead_at)) + " ago"
    head = (
        f"{entry['id']}  {entry['actor'] or '-'}  {entry['kind']}  "
        f"age {format_age(entry['age_s'])}  dead-lettered {dead}"
    )
    why = [f"reason={entry['reason'] or '?'}"]
    if entry["retries"] is not None:
        why.append(f"retries={entry['retries']}")
    if entry["error"]:
        why.append(f"error={entry['error']}")
    if entry["replays"]:
        why.append(f"replays={entry['replays']}")
    summary = dict(entry["summary"])
    event_ids = summary.pop("event_ids", [])
    lines = [head, f"    queue={entry['queue']} " + " ".join(why)]
    if entry["detail"]:
        lines.append(f"    detail: {entry['detail']}")
    lines.append(f"    {_pairs(summary)}")
    # A batch: one line per event, so an operator can grep the listing for a message id.
    lines += [f"      {_pairs(ids) or '(no ids)'}" for ids in event_ids]
    if show_body:
        lines.append(f"    body: {entry['body']}")
        if letter.traceback:
            lines += ["    traceback:", *("      " + t for t in letter.traceback.splitlines())]
    return "\n".join(lines)


def _pairs(values: dict[str, Any]) -> str:
    return " ".join(f"{key}={json.dumps(value)}" for key, value in values.items())
