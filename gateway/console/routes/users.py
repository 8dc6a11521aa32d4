"""A user: their sessions, their memory per persona, and erasure behind a confirmation.

A user has one memory per persona ("" = general): the page shows one at a time,
chosen with ``?persona=`` among the personas of the user's sessions (any valid
persona name may be typed in the URL too)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from gateway.console.deps import Action, SignedIn, ask, audit
from gateway.console.errors import Refused
from gateway.console.paths import PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from schemas.errors import NotFound
from schemas.ids import ID_PATTERN, PERSONA_NAME_PATTERN
from schemas.limits import MAX_SESSION_PAGE
from schemas.requests.sessions import ListSessions
from schemas.requests.user_memory import EraseUser, GetUserMemory

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

UserId = Annotated[str, Path(pattern=ID_PATTERN)]
#: "" (or absent) = the general memory.
PersonaParam = Annotated[str, Query(pattern=f"^$|{PERSONA_NAME_PATTERN}", max_length=64)]


async def user_view(
    request: Request, account_id: str, user_id: str, persona: str = ""
) -> tuple[Any, Any]:
    """The user's sessions and their memory of ``persona``; NotFound when the account
    holds neither."""
    sessions, memory = await asyncio.gather(
        ask(
            request,
            ListSessions(account_id=account_id, user_id=user_id, limit=MAX_SESSION_PAGE),
        ),
        ask(request, GetUserMemory(account_id=account_id, user_id=user_id, persona=persona)),
    )
    if not sessions["sessions"] and not memory["facts"] and not memory["conversations"]:
        # Users exist only through their sessions and memory, within one account.
        raise NotFound(f"no user {user_id!r} in this account")
    return sessions, memory


def personas_of(sessions: list[dict[str, Any]], selected: str) -> list[str]:
    """The general memory first, then each persona of the user's sessions (and the
    selected one), in name order."""
    named = {s["persona"] for s in sessions if s.get("persona")} | {selected}
    return ["", *sorted(named - {""})]


@router.get("/users/{user_id}")
async def user_page(
    request: Request, user_id: UserId, signin: SignedIn, persona: PersonaParam = ""
) -> Response:
    sessions, memory = await user_view(request, signin.identity.account_id, user_id, persona)
    return page(
        request,
        "user.html",
        signin,
        user_id=user_id,
        sessions=sessions,
        memory=memory,
        persona=persona,
        personas=personas_of(sessions["sessions"], persona),
    )


@router.post("/users/{user_id}/erase")
async def erase_user(request: Request, user_id: UserId, action: Action) -> Response:
    signin, fields = action
    if fields.get("confirm", "").strip() != user_id:
        raise Refused(400, "type the user id exactly to confirm the erasure; nothing was erased")
    await user_view(request, signin.identity.account_id, user_id)  # 404 for anyone else's
    erased = await ask(request, EraseUser(account_id=signin.identity.account_id, user_id=user_id))
    audit(signin, "erase_user", user_id)
    return page(request, "erased.html", signin, erased=erased)
