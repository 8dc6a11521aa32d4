"""The memory actor: fold a session's messages into its tiers and facts."""

from __future__ import annotations

import dramatiq

from actors.deps import Deps
from actors.jobs import job_actor
from schemas.requests.jobs import UpdateMemory

#: Above the worst case of a few Claude calls (domain.memory.claude.client.call_budget_s)
#: and below the memory lease (MemoryService.lease_seconds).
MEMORY_TIME_LIMIT_MS = 600_000


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    # Store hiccups are retried by Dramatiq; Claude errors never reach here
    # (the SDK retried, then the offline engine took over).
    @job_actor(broker, deps.settings, UpdateMemory, time_limit_ms=MEMORY_TIME_LIMIT_MS)
    def update_memory(job: UpdateMemory) -> None:
        outcome = deps.memory.update(job.account_id, job.session_id, final=job.final)
        if outcome.more:  # bounded work per job: hand the rest to a fresh job
            deps.enqueue(job)
