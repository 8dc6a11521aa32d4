"""A session: its messages (paged), its memory (tiers, key facts with history), and the
context preview (budget slider, format switch)."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from gateway.console.context_preview import preview
from gateway.console.deps import SignedIn, ask
from gateway.console.paths import PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from gateway.deps import SessionId
from schemas.bounds import SEQ_LIMIT
from schemas.limits import MAX_BUDGET, MIN_BUDGET
from schemas.requests.sessions import GetMemory, GetSession, ListMessages

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

MESSAGES_PER_PAGE = 50
Budget = Annotated[int | None, Query(ge=MIN_BUDGET, le=MAX_BUDGET)]


@router.get("/sessions/{session_id}")
async def session_page(
    request: Request,
    session_id: SessionId,
    signin: SignedIn,
    before: Annotated[int | None, Query(gt=0, lt=SEQ_LIMIT)] = None,
    budget: Budget = None,
    format: str = "text",
) -> Response:
    account_id = signin.identity.account_id
    # The session first: another account's id is a 404 before anything else is asked.
    session = await ask(request, GetSession(account_id=account_id, session_id=session_id))
    messages, memory, context = await asyncio.gather(
        ask(
            request,
            ListMessages(
                account_id=account_id,
                session_id=session_id,
                limit=MESSAGES_PER_PAGE,
                before=before,
            ),
        ),
        ask(request, GetMemory(account_id=account_id, session_id=session_id)),
        preview(request, account_id, session_id, budget, format),
    )
    return page(
        request,
        "session.html",
        signin,
        session=session,
        messages=messages,
        memory=memory,
        preview=context,
    )


@router.get("/sessions/{session_id}/context")
async def context_fragment(
    request: Request,
    session_id: SessionId,
    signin: SignedIn,
    budget: Budget = None,
    format: str = "text",
) -> Response:
    """The preview alone, for the page's script to swap in when the slider moves."""
    context = await preview(request, signin.identity.account_id, session_id, budget, format)
    session = {"session_id": session_id}
    return page(request, "context_preview.html", signin, preview=context, session=session)
