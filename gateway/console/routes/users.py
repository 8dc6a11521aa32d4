"""A user: their sessions and user memory, and erasure behind a confirmation."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from gateway.console.deps import Action, SignedIn, ask, audit
from gateway.console.errors import Refused
from gateway.console.paths import PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from schemas.errors import NotFound
from schemas.ids import ID_PATTERN
from schemas.limits import MAX_SESSION_PAGE
from schemas.requests.sessions import ListSessions
from schemas.requests.user_memory import EraseUser, GetUserMemory

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

UserId = Annotated[str, Path(pattern=ID_PATTERN)]


async def user_view(request: Request, account_id: str, user_id: str) -> tuple[Any, Any]:
    """The user's sessions and memory; NotFound when the account holds neither."""
    sessions, memory = await asyncio.gather(
        ask(
            request,
            ListSessions(account_id=account_id, user_id=user_id, limit=MAX_SESSION_PAGE),
        ),
        ask(request, GetUserMemory(account_id=account_id, user_id=user_id, persona="")),
    )
    if not sessions["sessions"] and not memory["facts"] and not memory["conversations"]:
        # Users exist only through their sessions and memory, within one account.
        raise NotFound(f"no user {user_id!r} in this account")
    return sessions, memory


@router.get("/users/{user_id}")
async def user_page(request: Request, user_id: UserId, signin: SignedIn) -> Response:
    sessions, memory = await user_view(request, signin.identity.account_id, user_id)
    return page(request, "user.html", signin, user_id=user_id, sessions=sessions, memory=memory)


@router.post("/users/{user_id}/erase")
async def erase_user(request: Request, user_id: UserId, action: Action) -> Response:
    signin, fields = action
    if fields.get("confirm", "").strip() != user_id:
        raise Refused(400, "type the user id exactly to confirm the erasure; nothing was erased")
    await user_view(request, signin.identity.account_id, user_id)  # 404 for anyone else's
    erased = await ask(request, EraseUser(account_id=signin.identity.account_id, user_id=user_id))
    audit(signin, "erase_user", user_id)
    return page(request, "erased.html", signin, erased=erased)
