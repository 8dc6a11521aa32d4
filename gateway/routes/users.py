"""A user's conversations to resume (seed 004)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from gateway.deps import AccountId, SettingsDep, TransportDep
from gateway.openapi import ASKS_A_WORKER, error_responses
from gateway.routes.analytics import UserId
from schemas.limits import MAX_SESSION_PAGE
from schemas.messages import Channel
from schemas.requests.sessions import ListSessions
from schemas.sessions import Cursor, SessionList

router = APIRouter(prefix="/v1/users", tags=["sessions"], responses=error_responses(*ASKS_A_WORKER))


@router.get(
    "/{user_id}/sessions",
    response_model=SessionList,
    summary="A user's conversations to resume, most recent first",
    description=(
        "Active and ended sessions (with `ended_reason`, e.g. `idle`), with their title, "
        "last prompt, channel and last message time. Posting a message to an ended session "
        "resumes it. Sessions are kept until MEMQ_RETENTION_DAYS after their end."
    ),
)
async def user_sessions(
    user_id: UserId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    channel: Annotated[Channel | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_SESSION_PAGE)] = 10,
    cursor: Annotated[Cursor | None, Query()] = None,
) -> Any:
    request = ListSessions(
        account_id=account_id, user_id=user_id, channel=channel, limit=limit, cursor=cursor
    )
    return await transport.request(request, timeout=settings.request_timeout)
