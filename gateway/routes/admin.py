"""Administration of the caller's own account."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from gateway.deps import AccountId, SettingsDep, TransportDep
from gateway.openapi import ASKS_A_WORKER, error_responses
from schemas.analytics import CleanupReport
from schemas.limits import MAX_RETENTION_DAYS
from schemas.requests.reads import CleanupSessions

router = APIRouter(prefix="/v1/admin", tags=["admin"], responses=error_responses(*ASKS_A_WORKER))


@router.post(
    "/cleanup",
    response_model=CleanupReport,
    summary="Delete this account's sessions ended more than `days` days ago, now",
    description=(
        "What the retention sweep does every MEMQ_MAINTENANCE_INTERVAL seconds, on demand and "
        "for the caller's account only: sessions ended before now minus `days` (default "
        "MEMQ_RETENTION_DAYS; 0 = every ended session) are deleted with their messages, memory "
        "and analytics. At most 200 per call: `more: true` means call again."
    ),
)
async def cleanup(
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    days: Annotated[int | None, Query(ge=0, le=MAX_RETENTION_DAYS)] = None,
) -> Any:
    return await transport.request(
        CleanupSessions(account_id=account_id, days=days),
        timeout=settings.request_timeout,
        attempts=1,
    )
