"""The memory actor: fold a session's messages into its tiers and facts.

One job pending per session (``domain.ports.memory``): ingest publishes a job
only with the append that marked the session; the job clears the mark and
folds everything due. A job that finds another holding the session (a job
published while that one ran) comes back after ``BUSY_RETRY_MS`` rather than
being dropped: the mark it stands for is still set, so nothing else would
publish one. A job that runs out of time hands the rest on through the mark.
"""

from __future__ import annotations

import dramatiq

from actors.deps import Deps
from actors.jobs import job_actor
from actors.metrics.middleware import record_memory_job
from schemas.requests.jobs import UpdateMemory

#: Above the worst case of a few Claude calls (domain.memory.claude.client.call_budget_s)
#: and below the memory lease (MemoryService.lease_seconds).
MEMORY_TIME_LIMIT_MS = 600_000
#: When another job holds the session, come back after this long (a job holds it
#: for at most MemoryService.work_seconds plus one fold).
BUSY_RETRY_MS = 5_000


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    # Store hiccups are retried by Dramatiq; Claude errors never reach here
    # (the SDK retried, then the offline engine took over).
    @job_actor(broker, deps.settings, UpdateMemory, time_limit_ms=MEMORY_TIME_LIMIT_MS)
    def update_memory(job: UpdateMemory) -> None:
        outcome = deps.memory.update(job.account_id, job.session_id, final=job.final)
        if not outcome.acquired:
            record_memory_job("busy")
            deps.enqueue_later(BUSY_RETRY_MS, job)
            return
        lag = outcome.lag
        messages, seconds = (lag.messages, lag.seconds) if lag is not None else (0, 0.0)
        if outcome.more:  # bounded work per job: hand the rest to a fresh job
            record_memory_job("handed_on", messages, seconds)
            # A final job is not one a mark stands for: it always goes on.
            if job.final or deps.memory.hand_on(job.account_id, job.session_id):
                deps.enqueue(job)
            return
        record_memory_job("folded" if outcome.folds else "idle", messages, seconds)
