"""The sessions list: filters, text search, most recent first, cursor paging."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from gateway.console.deps import SignedIn, ask
from gateway.console.paths import PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from schemas.requests.reads import SearchMessages
from schemas.requests.sessions import ListSessions
from schemas.search import MAX_QUERY_CHARS

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

PAGE_SIZE = 25
ACTIVE = {"active": True, "ended": False, "": None}


@router.get("/sessions")
async def sessions(
    request: Request,
    signin: SignedIn,
    # Plain strings: a filter form sends its empty fields; the request models check the rest.
    user_id: str = "",
    channel: str = "",
    status: Literal["active", "ended", ""] = "",
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    persona: str = "",
    cursor: str = "",
) -> Response:
    account_id = signin.identity.account_id
    filters = {
        "user_id": user_id,
        "channel": channel,
        "persona": persona,
        "status": status,
        "q": q,
    }
    if q.strip():
        search = SearchMessages(
            account_id=account_id, query=q.strip(), user_id=user_id or None, limit=50
        )
        found = await ask(request, search)
        return page(
            request, "sessions.html", signin, filters=filters, hits=found["hits"], listing=None
        )
    listing = await ask(
        request,
        ListSessions(
            account_id=account_id,
            user_id=user_id or None,
            channel=channel or None,
            persona=persona or None,
            active=ACTIVE[status],
            limit=PAGE_SIZE,
            cursor=cursor or None,
        ),
    )
    return page(request, "sessions.html", signin, filters=filters, hits=None, listing=listing)
