"""A user's memory between accounts (or back into one): export and import."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from gateway.deps import AccountId, SettingsDep, TransportDep
from gateway.openapi import ASKS_A_WORKER, error_responses
from gateway.routes.analytics import UserId
from schemas.requests.user_memory import ExportUserMemory, ImportUserMemory
from schemas.user_memory import UserMemoryDocument, UserMemoryImported

router = APIRouter(
    prefix="/v1/users", tags=["user memory"], responses=error_responses(*ASKS_A_WORKER)
)


@router.get(
    "/{user_id}/memory/export",
    response_model=UserMemoryDocument,
    summary="Export a user's memory (every persona) as a document",
    description=(
        "Facts with their history, conversation summaries with their open items, and the "
        "digests of values the user removed (never the values), for every persona of the "
        "user in the caller's account. The account does not appear in it."
    ),
)
async def export_user_memory(
    user_id: UserId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> Any:
    request = ExportUserMemory(account_id=account_id, user_id=user_id)
    return await transport.request(request, timeout=settings.request_timeout)


@router.post(
    "/{user_id}/memory/import",
    response_model=UserMemoryImported,
    summary="Merge an exported user memory into this user's memory",
    description=(
        "Writes into the caller's account only, for the user in the path (the document's "
        "`user_id` is informative). Merged by the rules of the merge job, so importing the "
        "same document again changes nothing (`memories: 0`): a fact's latest value wins, a "
        "conversation already held with as many messages is kept, and a value removed in "
        "either memory stays removed."
    ),
)
async def import_user_memory(
    user_id: UserId,
    document: UserMemoryDocument,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
) -> Any:
    request = ImportUserMemory(account_id=account_id, user_id=user_id, document=document)
    # Idempotent: a retry after a lost reply merges nothing more.
    return await transport.request(request, timeout=settings.request_timeout)
