"""User memory actors: the merge job (memory pool) and the reads and commands a caller
waits for (the request-reply pool). Thin: the work is ``domain.user_memory``."""

from __future__ import annotations

from typing import Any

import dramatiq

from actors.deps import Deps
from actors.memory import MEMORY_TIME_LIMIT_MS
from actors.requests import request_actor
from actors.retry_policy import job_retry_policy
from domain.user_memory import corrections, reads
from domain.user_memory.persona import check_persona
from schemas.routing import ACTOR_QUEUES, ActorName, QueueKind
from schemas.user_memory import (
    FactPatch,
    UserErased,
    UserMemoryDeleted,
    UserMemorySearch,
    UserMemoryView,
)


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    users = deps.store.user_memory

    @dramatiq.actor(
        broker=broker,
        actor_name=ActorName.UPDATE_USER_MEMORY.value,
        queue_name=deps.queue(QueueKind.MEMORY),
        time_limit=MEMORY_TIME_LIMIT_MS,
        # UserMemoryBusy (another job holds the memory) is transient: retried later.
        **job_retry_policy(deps.settings, QueueKind.MEMORY).actor_options(),
    )
    def update_user_memory(account_id: str, session_id: str, final: bool = False) -> None:
        deps.user_memory.merge_session(account_id, session_id, final=final)

    def actor(name: ActorName) -> Any:
        return request_actor(broker, deps.queue(ACTOR_QUEUES[name]), name.value)

    @actor(ActorName.GET_USER_MEMORY)
    def get_user_memory(account_id: str, user_id: str, persona: str) -> UserMemoryView:
        return reads.view(users, account_id, user_id, check_persona(persona))

    @actor(ActorName.SEARCH_USER_MEMORY)
    def search_user_memory(
        account_id: str, user_id: str, persona: str, query: str
    ) -> UserMemorySearch:
        return reads.search(users, account_id, user_id, check_persona(persona), query)

    @actor(ActorName.PATCH_USER_FACT)
    def patch_user_fact(
        account_id: str, user_id: str, persona: str, key: str, patch: dict[str, Any]
    ) -> UserMemoryView:
        value = FactPatch.model_validate(patch).value
        return corrections.patch_fact(
            users, account_id, user_id, check_persona(persona), key, value
        )

    @actor(ActorName.DELETE_USER_MEMORY)
    def delete_user_memory(account_id: str, user_id: str, persona: str | None) -> UserMemoryDeleted:
        chosen = None if persona is None else check_persona(persona)
        return corrections.delete_memory(users, account_id, user_id, chosen)

    @actor(ActorName.ERASE_USER)
    def erase_user(account_id: str, user_id: str) -> UserErased:
        return corrections.erase_user(deps.store.sessions, users, account_id, user_id)
