"""The user-memory section of a context: recalled first, laid before the session's own.

Budget: the section takes at most the user share (``Budgets.user``) of the
context's budget, and only what it uses: a context without one gives the
session everything. A budget the caller did not set grows by what the section
uses (the default is the session's tiers plus the user share). When the
session leaves part of its budget unused (a new conversation), the section
may take that too: the first message of a returning user's third
conversation shows what the first two left. When nothing of the session's context
was cut, it is kept as it is and the section may take all it leaves (not stopping
``MIN_BUDGET`` short: that floor is only for a session context assembled again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from domain.context.model import AssembledContext
from domain.ports.memory import SessionUser
from domain.tokens import estimate_tokens
from domain.user_memory.persona import UserMemoryKey
from domain.user_memory.recall import Ranking, Recalled, rank_best, recall
from schemas.context import ContextFormat, UserMemoryNote
from schemas.limits import MIN_BUDGET
from schemas.messages import StoredMessage
from schemas.user_memory import UserMemoryState

#: The blank line between the section and the rest.
SEPARATOR_TOKENS = 1
#: ``dropped`` kinds of something shortened to fit what was left of a budget.
_CUT = ("tier_truncated:", "truncated:")


@dataclass
class UserSection:
    key: UserMemoryKey | None
    state: UserMemoryState
    query: str
    _ranked: Ranking | None = None

    def recall(self, room: int, session_id: str) -> Recalled:
        if self.key is None:
            return Recalled()
        if self._ranked is None:  # once per request, however many times it recalls
            state = self.state
            self._ranked = rank_best(
                state.conversations, self.query, state.recall_index, leave_out=session_id
            )
        return recall(
            self.state,
            self.query,
            max(room, 0),
            current_session=session_id,
            ranked=self._ranked,
        )

    def note(self, recalled: Recalled) -> UserMemoryNote:
        if self.key is None:
            return UserMemoryNote(status="no_user_id")
        return UserMemoryNote(
            status="empty" if recalled.empty else "shown",
            user_id=self.key.user_id,
            persona=self.key.persona,
            facts=len(recalled.facts),
            details=len(recalled.details),
            conversations=[r.conversation.session_id for r in recalled.conversations],
            estimated_tokens=recalled.tokens if not recalled.empty else 0,
        )


def user_section(account_id: str, user: SessionUser | None, query: str | None) -> UserSection:
    """The section of the snapshot's user (none without a user id), for ``query``."""
    if user is None:
        return UserSection(None, UserMemoryState(), query or "")
    key = UserMemoryKey(account_id, user.user_id, user.persona)
    return UserSection(key, user.memory, query or "")


def default_query(recent: list[StoredMessage]) -> str:
    """The message a channel is about to answer: the session's last user message."""
    return next((m.content for m in reversed(recent) if m.role == "user"), "")


def cost(recalled: Recalled) -> int:
    return 0 if recalled.empty else recalled.tokens + SEPARATOR_TOKENS


def with_section(
    section: UserSection,
    session_id: str,
    budget: int,
    *,
    share: int,
    budget_given: bool,
    assemble_within: Callable[[int], AssembledContext],
) -> tuple[Recalled, AssembledContext, int]:
    """The recalled section, the session's context, and the context's whole budget."""
    # The section's cost is its tokens and a separator: both must leave the minimum.
    room = min(share, budget - MIN_BUDGET - SEPARATOR_TOKENS) if budget_given else share
    recalled = section.recall(room, session_id)
    if not budget_given:
        budget += cost(recalled)
    ctx = assemble_within(budget - cost(recalled))
    if not recalled.dropped:
        return recalled, ctx, budget
    # What the session leaves unused may show more of the user memory.
    used = max(ctx.estimated_tokens.values(), default=0)
    cut = any(item.kind.startswith(_CUT) for item in ctx.dropped)
    # A session context with nothing cut is kept as it is (below): all it leaves is the
    # section's. One with something cut is assembled again, within at least the minimum.
    floor = budget - MIN_BUDGET if cut else budget
    wider_room = min(budget - used, floor) - SEPARATOR_TOKENS
    if wider_room <= room:
        return recalled, ctx, budget
    wider = section.recall(wider_room, session_id)
    if cost(wider) <= cost(recalled):
        return recalled, ctx, budget
    if not cut:
        # Nothing was cut to fit: the session's context is the longest run of its
        # priority order within the budget, and it is the same at any budget between
        # what it uses and the budget (``domain.context.assemble``): no second assembly.
        return wider, ctx, budget
    wider_ctx = assemble_within(budget - cost(wider))
    if wider_ctx.estimated_tokens != ctx.estimated_tokens:  # the session would lose: no
        return recalled, ctx, budget
    return wider, wider_ctx, budget


def combine(recalled: Recalled, fmt: ContextFormat, rendered: Any) -> Any:
    """``rendered`` (the session's context in ``fmt``) with the section laid first."""
    if recalled.empty:
        return rendered
    if fmt == "text":
        return "\n\n".join(part for part in (recalled.text, rendered) if part)
    if fmt == "json":
        rendered["user_memory"] = {
            "facts": [fact.model_dump(mode="json") for fact in recalled.facts],
            "conversations": [
                {**r.conversation.model_dump(mode="json"), "score": round(r.score, 4)}
                for r in recalled.conversations
            ],
            "details": [detail.model_dump(mode="json") for detail in recalled.details],
            "text": recalled.text,
        }
        return rendered
    if fmt == "openai":
        return _first_in_system_message(recalled.text, rendered)
    system = rendered["system"]
    rendered["system"] = "\n\n".join(part for part in (recalled.text, system) if part)
    return rendered


def _first_in_system_message(section: str, messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """OpenAI ``messages`` with ``section`` opening the memory's ``system`` message (one is
    added first when the session's context has none): still one system message."""
    if messages and messages[0]["role"] == "system":
        first = {"role": "system", "content": f"{section}\n\n{messages[0]['content']}"}
        return [first, *messages[1:]]
    return [{"role": "system", "content": section}, *messages]


def combined_tokens(fmt: ContextFormat, combined: Any, text_of: Callable[[], str]) -> int:
    """The estimate of the combined context in ``fmt`` (as ``domain.context.render`` counts)."""
    if fmt == "text":
        return estimate_tokens(combined)
    if fmt == "json":
        return estimate_tokens(text_of())
    if fmt == "openai":
        return sum(estimate_tokens(turn["content"]) for turn in combined)
    turns = (turn["content"] for turn in combined["messages"])
    return estimate_tokens(combined["system"]) + sum(estimate_tokens(t) for t in turns)
