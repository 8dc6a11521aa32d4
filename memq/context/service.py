"""Reads what a context needs from the store and assembles it: the context actor's work.

Reads only. The cost does not grow with the session's history: the memory
document, and at most ``MAX_PENDING`` of the newest messages not yet folded.
"""

from __future__ import annotations

from memq.context.assemble import assemble
from memq.context.render import render_anthropic, render_json, render_text
from memq.settings import Settings
from schemas.context import ContextFormat, ContextReply
from store.base import Store

#: Newest unfolded messages read per request; more means the memory pool lags,
#: and the context says so in ``dropped``.
MAX_PENDING = 50


def default_budget(settings: Settings, account_id: str) -> int:
    b = settings.budgets_for(account_id)
    return b.verbatim + b.recent + b.mid + b.old + b.facts


def build_context(
    store: Store,
    settings: Settings,
    account_id: str,
    session_id: str,
    *,
    budget: int | None,
    fmt: ContextFormat,
) -> ContextReply:
    snapshot = store.context_snapshot(account_id, session_id, pending_limit=MAX_PENDING)
    memory, pending = snapshot.memory, snapshot.pending
    chosen_budget = budget if budget is not None else default_budget(settings, account_id)
    ctx = assemble(
        memory,
        pending,
        total_messages=max(snapshot.message_count, memory.folded_count + len(pending)),
        budget=chosen_budget,
        budgets=settings.budgets_for(account_id),
        verbatim_count=settings.memory_verbatim_count,
    )
    reply = ContextReply(
        session_id=session_id,
        format=fmt,
        budget=chosen_budget,
        estimated_tokens=ctx.estimated_tokens[fmt],
        dropped=[item.model_dump() for item in ctx.dropped],
        freshness=ctx.freshness.model_dump(mode="json"),
    )
    if fmt == "text":
        reply.text = render_text(ctx)
    elif fmt == "json":
        reply.context = render_json(ctx)
    else:
        payload = render_anthropic(ctx)
        reply.system, reply.messages = payload["system"], payload["messages"]
    return reply
