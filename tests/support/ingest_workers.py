"""Ingest actors on Dramatiq's in-process broker over a SQLite store, for tests.

Only the ingest queue has a worker: memory jobs stay on their queue, where the
tests count them, and dead letters stay in the broker's list.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dramatiq
from dramatiq.brokers.stub import StubBroker
from prometheus_client import CollectorRegistry

from actors.broker import build_broker
from actors.deps import Deps
from actors.metrics.install import install_worker_metrics
from actors.registry import register_actors
from memq.stores import open_store
from runtime.inproc import InProcessReplies
from runtime.settings import Settings
from schemas.messages import MessageEvent, Role
from schemas.routing import ActorName, QueueKind, new_message

A, B = "acct-a", "acct-b"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SEQ0 = 1_772_366_400_000_000


@dataclass
class Workers:
    deps: Deps
    broker: StubBroker
    registry: CollectorRegistry

    @property
    def ingest_queue(self) -> str:
        return self.deps.queue(QueueKind.INGEST)

    def batch(self, *events: MessageEvent) -> dramatiq.Message[Any]:
        return self.message({"events": [ev.model_dump(mode="json") for ev in events]})

    def message(self, kwargs: dict[str, Any]) -> dramatiq.Message[Any]:
        return new_message(self.deps.settings.queue_prefix, ActorName.INGEST_BATCH, kwargs)

    def deliver(self, message: dramatiq.Message[Any]) -> None:
        """Enqueue (again, for a redelivery: same message id) and wait for the ingest queue."""
        self.broker.enqueue(message)
        self.broker.join(self.ingest_queue, fail_fast=False)

    def dead_letters(self) -> list[Any]:
        return list(self.broker.dead_letters_by_queue[self.ingest_queue])

    def memory_jobs(self) -> list[tuple[str, str]]:
        queued = self.broker.queues[self.deps.queue(QueueKind.MEMORY)].queue
        jobs = [dramatiq.Message.decode(body) for body in queued]
        # The session memory's jobs; a user's memory merge (every MEMQ_USER_MEMORY_EVERY
        # messages of a session with a user id) shares the queue and is left out.
        names = {job.actor_name for job in jobs}
        assert names <= {ActorName.UPDATE_MEMORY.value, ActorName.UPDATE_USER_MEMORY.value}
        return [
            (job.kwargs["account_id"], job.kwargs["session_id"])
            for job in jobs
            if job.actor_name == ActorName.UPDATE_MEMORY.value
        ]

    def ingested(self, outcome: str) -> float:
        value = self.registry.get_sample_value("memq_ingest_messages_total", {"outcome": outcome})
        return value or 0.0

    def seqs(self, account: str, session: str) -> list[int]:
        messages = self.deps.store.sessions.list_messages(account, session, limit=100)
        return [m.seq - SEQ0 for m in messages]


@contextmanager
def running_workers(tmp_path: Path, *, threads: int = 1, **settings: Any) -> Iterator[Workers]:
    """An ingest worker (``threads`` threads) with ``settings`` over a SQLite file in
    ``tmp_path``."""
    config = Settings(data_dir=tmp_path, **settings)
    broker = build_broker(config, InProcessReplies())
    assert isinstance(broker, StubBroker)
    store = open_store(config)
    deps = Deps(settings=config, store=store, broker=broker)
    register_actors(broker, deps)
    registry = CollectorRegistry()
    install_worker_metrics(
        broker, registry, engines=deps.engines, queue_prefix=config.queue_prefix, queue_probe=None
    )
    worker = dramatiq.Worker(
        broker, queues={deps.queue(QueueKind.INGEST)}, worker_threads=threads, worker_timeout=50
    )
    worker.start()
    try:
        yield Workers(deps, broker, registry)
    finally:
        worker.stop()
        broker.close()
        deps.store.close()


def event(
    n: int,
    *,
    account: str = A,
    session: str = "s1",
    role: Role = "user",
) -> MessageEvent:
    """The n-th message of a conversation: seq and accepted_at grow with n."""
    return MessageEvent(
        account_id=account,
        session_id=session,
        message_id=f"{session}-m{n}",
        role=role,
        content=f"message number {n}",
        seq=SEQ0 + n,
        accepted_at=T0 + timedelta(seconds=n),
        user_id="u1",
        channel="web",
    )
