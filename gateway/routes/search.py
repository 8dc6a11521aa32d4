"""Keyword search over message content, in one session or across the account."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from gateway.deps import AccountId, SessionId, SettingsDep, TransportDep
from gateway.openapi import ASKS_A_WORKER, error_responses
from schemas.ids import Identifier
from schemas.limits import MAX_SEARCH_LIMIT
from schemas.requests.reads import SearchMessages
from schemas.search import MAX_QUERY_CHARS, SearchResult

router = APIRouter(prefix="/v1", tags=["search"], responses=error_responses(*ASKS_A_WORKER))

_DESCRIPTION = (
    "Messages holding every term of `q`, best first. Works for space-separated scripts "
    "(English, Persian: words) and scripts without spaces (Thai, CJK: any substring of two "
    "or more characters). Case, diacritics, ZWNJ, Arabic/Persian letter forms and "
    "Persian/Thai digits are normalized. Deleted sessions and sessions past retention are "
    "never searched."
)

Q = Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, description="search text")]
Limit = Annotated[int, Query(ge=1, le=MAX_SEARCH_LIMIT)]


@router.get(
    "/sessions/{session_id}/search",
    response_model=SearchResult,
    responses=error_responses(404),
    summary="Search one session's messages",
    description=_DESCRIPTION,
)
async def search_session(
    session_id: SessionId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    q: Q,
    limit: Limit = 20,
) -> Any:
    request = SearchMessages(account_id=account_id, query=q, session_id=session_id, limit=limit)
    return await transport.request(request, timeout=settings.request_timeout)


@router.get(
    "/search",
    response_model=SearchResult,
    summary="Search all of the account's sessions, or one user's",
    description=_DESCRIPTION,
)
async def search_account(
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    q: Q,
    user_id: Identifier | None = None,
    limit: Limit = 20,
) -> Any:
    request = SearchMessages(account_id=account_id, query=q, user_id=user_id, limit=limit)
    return await transport.request(request, timeout=settings.request_timeout)
