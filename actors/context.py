"""The context actor: assemble a session's context within a budget, and reply."""

from __future__ import annotations

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from domain.context.service import build_context
from domain.user_memory.lookup import UserMemoryReader
from schemas.context import ContextFormat, ContextReply
from schemas.routing import ActorName, QueueKind


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    users = UserMemoryReader(deps.store.sessions, deps.store.user_memory)

    @request_actor(broker, deps.queue(QueueKind.CONTEXT), ActorName.ASSEMBLE_CONTEXT.value)
    def assemble_context(
        account_id: str,
        session_id: str,
        budget: int | None,
        format: ContextFormat,
        query: str | None = None,
    ) -> ContextReply:
        return build_context(
            deps.store.memory,
            deps.settings,
            account_id,
            session_id,
            budget=budget,
            fmt=format,
            users=users,
            query=query,
        )
