"""The memory actor: fold a session's messages into its tiers and facts."""

from __future__ import annotations

import dramatiq

from actors.deps import Deps
from actors.retry_policy import job_retry_policy
from schemas.routing import ActorName, QueueKind

#: Above the worst case of a few Claude calls (domain.memory.claude.client.call_budget_s)
#: and below the memory lease (MemoryService.lease_seconds).
MEMORY_TIME_LIMIT_MS = 600_000


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    @dramatiq.actor(
        broker=broker,
        actor_name=ActorName.UPDATE_MEMORY.value,
        queue_name=deps.queue(QueueKind.MEMORY),
        time_limit=MEMORY_TIME_LIMIT_MS,
        # Store hiccups are retried by Dramatiq; Claude errors never reach here
        # (the SDK retried, then the offline engine took over).
        **job_retry_policy(deps.settings, QueueKind.MEMORY).actor_options(),
    )
    def update_memory(account_id: str, session_id: str, final: bool = False) -> None:
        outcome = deps.memory.update(account_id, session_id, final=final)
        if outcome.more:  # bounded work per job: hand the rest to a fresh job
            deps.enqueue(
                ActorName.UPDATE_MEMORY, account_id=account_id, session_id=session_id, final=final
            )
