"""One memory job pending per session, end to end on the in-process broker over SQLite.

Ingest publishes a session's memory job only with the append that marked it;
the job clears the mark and folds everything due; a duplicate job finds
nothing; a job finding the session busy comes back later; a job lost from the
queue, or never published, is re-published once by the scheduler's memory tick.
(The mark itself, under concurrent appends and on both stores:
``tests/contract/test_memory_mark_contract.py``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dramatiq
import pytest
from dramatiq.brokers.stub import StubBroker
from prometheus_client import CollectorRegistry

from actors.deps import Deps
from schemas.queues import delay_queue
from schemas.routing import ActorName, QueueKind, new_message
from tests.support.ingest_workers import A, event, running_workers

BOUND = 300  # MEMQ_MEMORY_REPUBLISH_AFTER


@dataclass
class Pools:
    deps: Deps
    broker: StubBroker
    registry: CollectorRegistry

    def queue(self, kind: QueueKind) -> str:
        return self.deps.queue(kind)

    def ingest(self, session: str, first: int, last: int, *, per_batch: int = 5) -> None:
        numbers = list(range(first, last + 1))
        for start in range(0, len(numbers), per_batch):
            events = [event(n, session=session) for n in numbers[start : start + per_batch]]
            self.send(ActorName.INGEST_BATCH, events=[ev.model_dump(mode="json") for ev in events])
        self.broker.join(self.queue(QueueKind.INGEST), fail_fast=True)

    def send(self, actor: ActorName, **kwargs: Any) -> dramatiq.Message[Any]:
        return self.broker.enqueue(new_message(self.deps.settings.queue_prefix, actor, kwargs))

    def memory_jobs(self) -> list[tuple[str, str]]:
        return self._jobs(self.queue(QueueKind.MEMORY))

    def delayed_memory_jobs(self) -> list[tuple[str, str]]:
        return self._jobs(delay_queue(self.queue(QueueKind.MEMORY)))

    def _jobs(self, queue: str) -> list[tuple[str, str]]:
        jobs = [dramatiq.Message.decode(body) for body in self.broker.queues[queue].queue]
        # The session memory's jobs; a user's memory merge (every MEMQ_USER_MEMORY_EVERY
        # messages of a session with a user id) shares the queue and is left out.
        names = {job.actor_name for job in jobs}
        assert names <= {ActorName.UPDATE_MEMORY.value, ActorName.UPDATE_USER_MEMORY.value}
        return [
            (job.kwargs["account_id"], job.kwargs["session_id"])
            for job in jobs
            if job.actor_name == ActorName.UPDATE_MEMORY.value
        ]

    def run(self, *kinds: QueueKind) -> None:
        """Process what is queued on ``kinds`` now, with a worker that stops after."""
        worker = dramatiq.Worker(
            self.broker,
            queues={self.queue(kind) for kind in kinds},
            worker_threads=1,
            worker_timeout=50,
        )
        worker.start()
        try:
            for _ in range(5):  # a maintenance job may enqueue a memory job
                for kind in kinds:
                    self.broker.join(self.queue(kind), fail_fast=True)
        finally:
            worker.stop()

    def tick(self, at: datetime) -> None:
        self.send(ActorName.MAINTENANCE_TICK, kind="memory", at=at.isoformat())
        self.run(QueueKind.MAINTENANCE)

    def jobs_counted(self, outcome: str) -> float:
        value = self.registry.get_sample_value("memq_memory_jobs_total", {"outcome": outcome})
        return value or 0.0

    def folded(self, session: str) -> int:
        return self.deps.store.memory.load_memory(A, session).folded_count


@pytest.fixture
def pools(tmp_path: Path) -> Iterator[Pools]:
    # An ingest worker always running; memory and maintenance run when a test says.
    with running_workers(tmp_path, threads=2, memory_republish_after=BOUND) as workers:
        yield Pools(workers.deps, workers.broker, workers.registry)


def test_a_backlog_is_one_pending_job_that_folds_everything_due(pools: Pools) -> None:
    # Given 25 messages for s1 and 10 for s2 while no memory worker runs
    pools.ingest("s1", 1, 25)
    pools.ingest("s2", 1, 10)
    # Then one job per session is queued, not one per five messages
    assert pools.memory_jobs() == [(A, "s1"), (A, "s2")]
    # When the memory pool runs
    pools.run(QueueKind.MEMORY)
    # Then each job folded everything outside the verbatim window, several folds for s1
    assert (pools.folded("s1"), pools.folded("s2")) == (20, 5)
    assert pools.jobs_counted("folded") == 2
    # And it observed each session's lag when it started: 20 and 5 messages behind
    lag = pools.registry.get_sample_value
    assert lag("memq_memory_lag_messages_count") == 2
    assert lag("memq_memory_lag_messages_sum") == 25
    assert lag("memq_memory_lag_seconds_count") == 2
    # And the next fold count publishes the next job (the job cleared the mark)
    pools.ingest("s1", 26, 30)
    assert pools.memory_jobs() == [(A, "s1")]


def test_a_duplicate_job_finds_nothing_to_do(pools: Pools) -> None:
    # Given a session whose job ran
    pools.ingest("s1", 1, 10)
    pools.run(QueueKind.MEMORY)
    before = pools.deps.store.memory.load_memory(A, "s1")
    # When the same job is delivered again
    pools.send(ActorName.UPDATE_MEMORY, account_id=A, session_id="s1")
    pools.run(QueueKind.MEMORY)
    # Then it folds nothing: the memory is what it was
    assert pools.jobs_counted("idle") == 1
    after = pools.deps.store.memory.load_memory(A, "s1")
    assert (after.folded_count, after.recent, after.facts) == (
        before.folded_count,
        before.recent,
        before.facts,
    )


def test_a_job_finding_the_session_busy_comes_back_later(pools: Pools) -> None:
    # Given a session marked for a job, and another job holding its lease for 2 s
    pools.ingest("s1", 1, 10)
    now = datetime.now(UTC)
    memory = pools.deps.store.memory
    assert memory.acquire_memory_lease(A, "s1", "other", now + timedelta(seconds=2), now)
    # When its job runs (and the queue is drained, delayed jobs included)
    pools.run(QueueKind.MEMORY)
    # Then it found the session busy, was sent again after BUSY_RETRY_MS rather than
    # dropped (its mark was still set: nothing else would have published one), and
    # folded once the lease was free
    assert pools.jobs_counted("busy") == 1
    assert pools.jobs_counted("folded") == 1 and pools.folded("s1") == 5
    assert pools.memory_jobs() == pools.delayed_memory_jobs() == []
    assert memory.take_memory_mark(A, "s1") is None


def test_a_lost_job_is_republished_once_after_the_bound(pools: Pools) -> None:
    # Given a session whose job was published and lost (the queue purged), and one
    # whose append marked it but whose worker died before publishing
    pools.ingest("s1", 1, 10)
    pools.broker.flush(pools.queue(QueueKind.MEMORY))
    crashed = event(10, session="s2")
    for n in range(1, 11):
        append = pools.deps.store.sessions.append_message
        append(event(n, session="s2"), f"d{n}", fold_every=5, fold_after=5)
    assert crashed.session_id == "s2" and pools.memory_jobs() == []
    now = datetime.now(UTC)
    # When the memory tick runs before the bound, Then nothing is re-published
    pools.tick(now)
    assert pools.memory_jobs() == []
    # When it runs past the bound, twice (a second scheduler, a replayed tick)
    later = now + timedelta(seconds=BOUND + 1)
    pools.tick(later)
    pools.tick(later)
    # Then each session's job is published again, once
    assert sorted(pools.memory_jobs()) == [(A, "s1"), (A, "s2")]
    # And the jobs run as any other
    pools.run(QueueKind.MEMORY)
    assert pools.jobs_counted("folded") == 2  # 5 messages past the verbatim window each
    assert pools.deps.store.memory.take_memory_mark(A, "s1") is None


def test_concurrent_ingest_keeps_one_job_per_session(pools: Pools) -> None:
    # Given two ingest threads storing 40 messages of one session in batches of 2
    pools.ingest("s1", 1, 40, per_batch=2)
    # Then one job is queued for it, whatever order the batches were stored in
    assert pools.memory_jobs() == [(A, "s1")]
    # And the job folds all 35 foldable messages, in whole folds of 5
    pools.run(QueueKind.MEMORY)
    assert pools.folded("s1") == 35
