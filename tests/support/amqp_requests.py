"""A hand-built AMQP request-reply client, as a producer in another language would be.

No memq code builds the bodies: they are plain JSON objects shaped as
docs/amqp.md says, so a test can send any malformed body it likes.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import pika
from pika.adapters.blocking_connection import BlockingChannel


class AmqpRequester:
    def __init__(self, amqp_url: str, prefix: str) -> None:
        self.prefix = prefix
        self.connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
        self.channel: BlockingChannel = self.connection.channel()
        declared = self.channel.queue_declare("", exclusive=True, auto_delete=True)
        self.reply_queue: str = declared.method.queue
        self._replies: dict[str, dict[str, Any]] = {}
        self.channel.basic_consume(self.reply_queue, self._on_reply, auto_ack=True)

    def _on_reply(self, _channel: Any, _method: Any, properties: Any, body: bytes) -> None:
        self._replies[properties.correlation_id] = json.loads(body)

    def body(
        self, actor_name: Any, kwargs: Any, *, args: Any = (), options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        """(correlation id, a Dramatiq message for the context queue)."""
        correlation_id = uuid.uuid4().hex
        return correlation_id, {
            "queue_name": f"{self.prefix}.context",
            "actor_name": actor_name,
            "args": list(args) if isinstance(args, tuple) else args,
            "kwargs": kwargs,
            "options": {
                "memq_reply_to": self.reply_queue,
                "memq_correlation_id": correlation_id,
                "memq_deadline_ms": int(time.time() * 1000) + 10_000,
                **(options or {}),
            },
            "message_id": str(uuid.uuid4()),
            "message_timestamp": int(time.time() * 1000),
        }

    def ask(self, actor_name: Any, kwargs: Any, **extra: Any) -> dict[str, Any]:
        correlation_id, body = self.body(actor_name, kwargs, **extra)
        return self.send(correlation_id, body)

    def send(
        self, correlation_id: str, body: dict[str, Any], timeout: float = 10
    ) -> dict[str, Any]:
        self.channel.basic_publish("", body["queue_name"], json.dumps(body).encode())
        deadline = time.monotonic() + timeout
        while correlation_id not in self._replies:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no reply to {body['actor_name']!r} within {timeout} s")
            self.connection.process_data_events(time_limit=min(left, 0.05))
        return self._replies.pop(correlation_id)

    def dead_letters(self) -> int:
        """Messages in the context queue's dead-letter queue."""
        declared = self.channel.queue_declare(f"{self.prefix}.context.XQ", passive=True)
        count: int = declared.method.message_count
        return count

    def close(self) -> None:
        if self.connection.is_open:
            self.connection.close()
