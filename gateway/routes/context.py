"""``GET /v1/sessions/{id}/context``: what a channel calls before every LLM call."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from gateway.deps import AccountId, SessionId, SettingsDep, TransportDep
from gateway.openapi import ABOUT_A_SESSION, error_responses
from runtime.settings import Settings
from schemas.context import MAX_QUERY_CHARS, ContextFormat, ContextReply
from schemas.limits import MAX_BUDGET, MIN_BUDGET
from schemas.requests.reads import AssembleContext

router = APIRouter(
    prefix="/v1/sessions", tags=["context"], responses=error_responses(*ABOUT_A_SESSION)
)

#: The default budget with the default settings: the sum of the MEMQ_BUDGET_* tier budgets.
DEFAULT_BUDGET = sum(
    int(Settings.model_fields[f"budget_{tier}"].default)
    for tier in ("verbatim", "recent", "mid", "old", "facts")
)


@router.get(
    "/{session_id}/context",
    response_model=ContextReply,
    response_model_exclude_none=True,
    summary="The session's context within a token budget",
    description=(
        "Summaries, key facts and the newest messages word for word, within `budget` "
        "tokens (default: the sum of the tier budgets). What is shown first: the newest "
        "message, the key facts within their budget, the last messages within the verbatim "
        "budget, the recent summary, the other facts, messages not summarized yet, the mid "
        "and old summaries, then older messages word for word. More budget never shows "
        "less, and when the whole history fits it is shown as written. `dropped` lists "
        "what did not fit. Every format answers JSON: `text` puts the context in the "
        "`text` field, `json` its parts in `context`, `anthropic` `system` and `messages` "
        "ready for the Messages API, `openai` `messages` for Chat Completions. A session "
        "with a `user_id` also gets the user's memory from earlier conversations, first in "
        "every format: the user's facts, then the past conversations most relevant to "
        "`query` (default: the session's last user message), within MEMQ_BUDGET_USER "
        "tokens of the budget plus what the session leaves unused; `user_memory` says what "
        "was shown, or why nothing was (`no_user_id`)."
    ),
)
async def get_context(
    session_id: SessionId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    budget: Annotated[
        int | None,
        Query(
            ge=MIN_BUDGET,
            le=MAX_BUDGET,
            description=f"tokens, at least {MIN_BUDGET}; default: the sum of the MEMQ_BUDGET_* "
            f"tier budgets ({DEFAULT_BUDGET} with the default settings)",
        ),
    ] = None,
    format: Annotated[ContextFormat, Query(description="text, json, anthropic or openai")] = "text",
    query: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_QUERY_CHARS,
            description="the message the channel is about to answer: ranks the user's past "
            "conversations (default: the session's last user message)",
        ),
    ] = None,
) -> Any:
    # ``query`` is sent only when given (kwargs() leaves unset fields out): workers
    # from before it accept the rest.
    fields: dict[str, Any] = {} if query is None else {"query": query}
    request = AssembleContext(
        account_id=account_id, session_id=session_id, budget=budget, format=format, **fields
    )
    return await transport.request(request, timeout=settings.context_timeout)
