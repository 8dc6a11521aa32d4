"""A dead letter: one message of a ``<prefix>.<queue>.XQ`` queue, described without its content.

``describe`` reads one from the bytes and AMQP properties RabbitMQ delivered;
what it shows of a message is ids and sizes only (``DeadLetter.summary``):
nothing prints message content unless asked (``show_body``). Why it failed: a
memq worker dead-letters a message with its error (type, detail, time) in the
``memq_dead_letter`` option (``actors.dead_letters``); a message dead-lettered
some other way shows RabbitMQ's ``x-death`` reason and, when Dramatiq retried
it, the type of its last error.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import dramatiq

from schemas.queues import DEAD_LETTER_OPTION
from schemas.routing import REPLY_TO_OPTION

#: How many times a message was replayed, kept in its options.
REPLAYS_OPTION = "memq_replays"
#: What a listing shows of each event of a batch: where it belongs, never what it says.
EVENT_ID_KEYS = ("account_id", "session_id", "message_id")


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
            "age_s": None if self.enqueued_at is None else whole_seconds(now - self.enqueued_at),
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


def whole_seconds(delta: Any) -> int:
    return max(0, int(delta.total_seconds()))
