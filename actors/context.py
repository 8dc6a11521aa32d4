"""The context actor: assemble a session's context within a budget, and reply."""

from __future__ import annotations

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from domain.context.service import build_context
from schemas.context import ContextReply
from schemas.requests.reads import AssembleContext


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    @request_actor(broker, deps.settings.queue_prefix, AssembleContext)
    def assemble_context(request: AssembleContext) -> ContextReply:
        return build_context(
            deps.store.memory,
            deps.settings,
            request.account_id,
            request.session_id,
            budget=request.budget,
            fmt=request.format,
            recall_user_memory=True,
            query=request.query,
        )
