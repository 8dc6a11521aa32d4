"""Session resources: create, list, read, patch, end, delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from gateway.deps import AccountId, SessionId, SettingsDep, TransportDep
from gateway.openapi import ASKS_A_WORKER, error_responses
from schemas.ids import Identifier, PersonaName
from schemas.limits import MAX_SESSION_PAGE
from schemas.messages import Channel
from schemas.requests import sessions as requests
from schemas.sessions import Cursor, Session, SessionCreate, SessionList, SessionPatch

router = APIRouter(
    prefix="/v1/sessions", tags=["sessions"], responses=error_responses(*ASKS_A_WORKER)
)


class SessionEnd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(default="ended_by_client", min_length=1, max_length=64)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=Session,
    responses=error_responses(409),
    summary="Create a session ahead of its first message (which also creates one)",
)
async def create_session(
    body: SessionCreate, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Any:
    return await transport.request(
        requests.CreateSession(account_id=account_id, spec=body),
        timeout=settings.request_timeout,
        # Not idempotent: a retry after a slow first attempt would answer 409.
        attempts=1,
    )


@router.get("", response_model=SessionList, summary="Sessions, most recent activity first")
async def list_sessions(
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    user_id: Identifier | None = None,
    channel: Annotated[Channel | None, Query()] = None,
    persona: Annotated[
        PersonaName | None, Query(description="only the sessions of this persona")
    ] = None,
    active: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_SESSION_PAGE)] = 20,
    cursor: Annotated[Cursor | None, Query()] = None,
) -> Any:
    request = requests.ListSessions(
        account_id=account_id,
        user_id=user_id,
        channel=channel,
        persona=persona,
        active=active,
        limit=limit,
        cursor=cursor,
    )
    return await transport.request(request, timeout=settings.request_timeout)


@router.get(
    "/{session_id}",
    response_model=Session,
    responses=error_responses(404),
    summary="A session: status, title, counters",
)
async def get_session(
    session_id: SessionId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Any:
    return await transport.request(
        requests.GetSession(account_id=account_id, session_id=session_id),
        timeout=settings.request_timeout,
    )


@router.patch(
    "/{session_id}",
    response_model=Session,
    responses=error_responses(404),
    summary="Retitle a session, change its persona or replace its metadata",
)
async def update_session(
    session_id: SessionId,
    body: SessionPatch,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
) -> Any:
    return await transport.request(
        requests.UpdateSession(account_id=account_id, session_id=session_id, patch=body),
        timeout=settings.request_timeout,
    )


@router.post(
    "/{session_id}/end",
    response_model=Session,
    responses=error_responses(404),
    summary="End a session (final summary, analytics flush); a new message reopens it",
)
async def end_session(
    session_id: SessionId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    body: SessionEnd | None = None,
) -> Any:
    request = requests.EndSession(
        account_id=account_id, session_id=session_id, reason=(body or SessionEnd()).reason
    )
    return await transport.request(request, timeout=settings.request_timeout)


@router.delete(
    "/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(404),
    summary="Delete a session with its messages and memory; later messages to it are dropped",
)
async def delete_session(
    session_id: SessionId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Response:
    await transport.request(
        requests.DeleteSession(account_id=account_id, session_id=session_id),
        timeout=settings.request_timeout,
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
