"""Reads what a context needs from the store and assembles it: the context actor's work.

Reads only. The cost does not grow with the session's history: the memory
document and the newest messages, as many as the budget could show word for
word (at most ``MAX_RECENT``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from domain.config import BudgetSettings
from domain.context.assemble import assemble
from domain.context.model import AssembledContext
from domain.context.render import render, render_text
from domain.context.user_section import (
    UserSection,
    combine,
    combined_tokens,
    default_query,
    user_section,
    with_section,
)
from domain.memory.corrected_facts import corrected_facts
from domain.memory.current import current_memory
from domain.memory.folding import MAX_FACT_HISTORY
from domain.memory.service import age_seconds
from domain.ports.memory import MemoryStore
from domain.user_memory.recall import Recalled
from schemas.context import ContextFormat, ContextReply
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage

#: Newest messages read per request, at most: leftover budget shows older messages
#: word for word, and no message line costs fewer than this many tokens.
MIN_TOKENS_PER_MESSAGE = 4
MAX_RECENT = 400


def default_budget(settings: BudgetSettings, account_id: str) -> int:
    b = settings.budgets_for(account_id)
    return b.verbatim + b.recent + b.mid + b.old + b.facts


def recent_limit(budget: int, verbatim_count: int) -> int:
    """How many of the newest messages a context of ``budget`` tokens could show."""
    return max(verbatim_count, min(MAX_RECENT, budget // MIN_TOKENS_PER_MESSAGE))


def build_context(
    memory_store: MemoryStore,
    settings: BudgetSettings,
    account_id: str,
    session_id: str,
    *,
    budget: int | None,
    fmt: ContextFormat,
    recall_user_memory: bool = False,
    query: str | None = None,
) -> ContextReply:
    """The session's context; with ``recall_user_memory``, the user's memory first
    (``user_section``), recalled for ``query`` (default: the session's last user message)."""
    budgets = settings.budgets_for(account_id)
    chosen_budget = budget if budget is not None else default_budget(settings, account_id)
    verbatim_count = settings.memory_verbatim_count
    # One read for the session and its user's memory (one SQLite transaction).
    snapshot = memory_store.context_snapshot(
        account_id,
        session_id,
        recent_limit=recent_limit(chosen_budget, verbatim_count),
        user_memory=recall_user_memory,
    )
    section = user_section(account_id, snapshot.user, query) if recall_user_memory else None
    memory, recent = snapshot.memory, snapshot.recent
    total = max(snapshot.message_count, len(recent))
    current = current_memory(memory, recent, total - len(recent) + 1)

    def assemble_within(session_budget: int) -> AssembledContext:
        return assemble(
            memory,
            recent,
            total_messages=total,
            budget=session_budget,
            budgets=budgets,
            verbatim_count=verbatim_count,
            # stored corrected at the fold; a memory folded before that rule is put right here
            # until its next fold (a no-op on the facts the fold corrected already)
            facts=corrected_facts(current.facts, memory.details, MAX_FACT_HISTORY),
            replaced_values=current.replaced_values,
        )

    recalled = Recalled()
    if section is None:
        ctx = assemble_within(chosen_budget)
    else:
        if not section.query:
            section = UserSection(section.key, section.state, default_query(recent))
        recalled, ctx, chosen_budget = with_section(
            section,
            session_id,
            chosen_budget,
            share=budgets.user,
            budget_given=budget is not None,
            assemble_within=assemble_within,
        )
    if ctx.freshness.pending_unfolded:
        since = pending_since(memory_store, account_id, session_id, memory, recent, total)
        freshness = ctx.freshness.model_copy(
            update={
                "pending_since": since,
                "pending_age_seconds": age_seconds(since, datetime.now(UTC)),
            }
        )
        ctx = ctx.model_copy(update={"freshness": freshness})
    reply = ContextReply(
        session_id=session_id,
        format=fmt,
        budget=chosen_budget,
        estimated_tokens=ctx.estimated_tokens[fmt],
        dropped=[item.model_dump() for item in ctx.dropped],
        freshness=ctx.freshness.model_dump(mode="json"),
    )
    rendered: Any = render(ctx, fmt)
    if section is not None:
        reply.user_memory = section.note(recalled)
        reply.dropped += [{"kind": kind, "detail": detail} for kind, detail in recalled.dropped]
        if not recalled.empty:
            rendered = combine(recalled, fmt, rendered)
            reply.estimated_tokens = combined_tokens(
                fmt, rendered, lambda: combine(recalled, "text", render_text(ctx))
            )
            if fmt == "json":
                rendered["estimated_tokens"] = reply.estimated_tokens
    if fmt == "text":
        reply.text = rendered
    elif fmt == "json":
        reply.context = rendered
    elif fmt == "openai":
        reply.messages = rendered
    else:
        reply.system, reply.messages = rendered["system"], rendered["messages"]
    return reply


def pending_since(
    memory_store: MemoryStore,
    account_id: str,
    session_id: str,
    memory: MemoryState,
    recent: Sequence[StoredMessage],
    total: int,
) -> datetime | None:
    """When the oldest message not folded yet was accepted: read from the newest messages
    when it is among them, else asked of the store (a backlog deeper than the read)."""
    first_read = total - len(recent) + 1
    oldest = memory.folded_count + 1
    if oldest >= first_read and oldest - first_read < len(recent):
        return recent[oldest - first_read].accepted_at
    return memory_store.oldest_unfolded_at(account_id, session_id)
