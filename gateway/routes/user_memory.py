"""A user's memory across conversations: read, search, correct, delete; and erasure of
everything memq holds about a user in the caller's account."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query

from gateway.deps import AccountId, SettingsDep, TransportDep
from gateway.openapi import ASKS_A_WORKER, error_responses
from gateway.routes.analytics import UserId
from schemas.context import MAX_QUERY_CHARS
from schemas.requests.user_memory import (
    DeleteUserMemory,
    EraseUser,
    GetUserMemory,
    PatchUserFact,
    SearchUserMemory,
)
from schemas.user_memory import (
    FACT_KEY_PATTERN,
    PERSONA_PATTERN,
    FactPatch,
    UserErased,
    UserMemoryDeleted,
    UserMemorySearch,
    UserMemoryView,
)

router = APIRouter(
    prefix="/v1/users", tags=["user memory"], responses=error_responses(*ASKS_A_WORKER)
)

PersonaQuery = Annotated[
    str,
    Query(
        pattern=PERSONA_PATTERN,
        description='the persona (a session\'s `persona`, e.g. "meher"); '
        '"" or absent = the user\'s general memory',
    ),
]
FactKey = Annotated[
    str, Path(pattern=FACT_KEY_PATTERN, description="the fact's key, e.g. delivery_address")
]


@router.get(
    "/{user_id}/memory",
    response_model=UserMemoryView,
    summary="What memq remembers of a user from earlier conversations",
    description=(
        "The user's facts (latest value with the session it came from and that session's last "
        "activity, the day a context lists it under; earlier values with theirs) and "
        "one summary per past conversation (session id, time, language), for one persona. "
        "Built when a session of the user ends and every MEMQ_USER_MEMORY_EVERY messages of a "
        "long one. An unknown user has an empty memory."
    ),
)
async def get_user_memory(
    user_id: UserId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    persona: PersonaQuery = "",
) -> Any:
    request = GetUserMemory(account_id=account_id, user_id=user_id, persona=persona)
    return await transport.request(request, timeout=settings.request_timeout)


@router.get(
    "/{user_id}/memory/search",
    response_model=UserMemorySearch,
    summary="The user's facts, past conversations and their details that match a query",
    description=(
        "Keyword match (English, Persian, Thai), best first: how a context recalls them. "
        "`details` are what earlier conversations stated that no fact names (each with its "
        "session, time and values), best match first, then the newest; a removed value is "
        "never among them."
    ),
)
async def search_user_memory(
    user_id: UserId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
    persona: PersonaQuery = "",
) -> Any:
    request = SearchUserMemory(account_id=account_id, user_id=user_id, persona=persona, query=q)
    return await transport.request(request, timeout=settings.request_timeout)


@router.patch(
    "/{user_id}/memory/facts/{key}",
    response_model=UserMemoryView,
    responses={404: {**error_responses(404)[404], "description": "the user has no such fact"}},
    summary="Correct one fact, or remove it",
    description=(
        '`{"value": "…"}` sets the fact as the user says it; `{"value": null}` removes it '
        "(404 when there is no such fact). A removed or corrected value never comes back from "
        "a later merge of an earlier conversation."
    ),
)
async def patch_user_fact(
    user_id: UserId,
    key: FactKey,
    patch: Annotated[FactPatch, Body()],
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    persona: PersonaQuery = "",
) -> Any:
    request = PatchUserFact(
        account_id=account_id, user_id=user_id, persona=persona, key=key, patch=patch
    )
    return await transport.request(request, timeout=settings.request_timeout)


@router.delete(
    "/{user_id}/memory",
    response_model=UserMemoryDeleted,
    summary="Delete the user's memory (one persona, or all)",
    description=(
        "Empties the memory of `persona`, or of every persona when it is absent. The "
        "conversations already merged are not merged again unless they go on; the sessions "
        "themselves stay (see DELETE /v1/users/{user_id} to erase them too)."
    ),
)
async def delete_user_memory(
    user_id: UserId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    persona: Annotated[str | None, Query(pattern=PERSONA_PATTERN)] = None,
) -> Any:
    request = DeleteUserMemory(account_id=account_id, user_id=user_id, persona=persona)
    return await transport.request(request, timeout=settings.request_timeout)


@router.delete(
    "/{user_id}",
    response_model=UserErased,
    summary="Erase a user: every session, message and memory of theirs in this account",
    description=(
        "GDPR-style erasure, reported with counts of every kind: every session of the user "
        "(with its messages, session memory, analytics and search entries) and every user "
        "memory. Only the caller's account is touched. One request erases at most 500 "
        "sessions, so that it ends well within the request timeout: `complete: false` means "
        "more remain; send the same request again (it is idempotent) until it is true. The "
        "user memories go with the last batch."
    ),
)
async def erase_user(
    user_id: UserId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Any:
    request = EraseUser(account_id=account_id, user_id=user_id)
    return await transport.request(request, timeout=settings.request_timeout)
