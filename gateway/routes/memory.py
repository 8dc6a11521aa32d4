"""A session's multi-tier memory, as stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from gateway.deps import AccountId, SessionId, SettingsDep, TransportDep
from gateway.openapi import ABOUT_A_SESSION, error_responses
from schemas.memory import MemoryView
from schemas.requests.sessions import GetMemory

router = APIRouter(
    prefix="/v1/sessions", tags=["memory"], responses=error_responses(*ABOUT_A_SESSION)
)


@router.get(
    "/{session_id}/memory",
    response_model=MemoryView,
    summary="The stored summaries (recent, mid, old), key facts and details of a session",
)
async def get_memory(
    session_id: SessionId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Any:
    return await transport.request(
        GetMemory(account_id=account_id, session_id=session_id),
        timeout=settings.request_timeout,
    )
