"""Reads a caller waits for, and the writes beside them (the context pool)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from schemas.bounds import SEQ_LIMIT
from schemas.context import MAX_QUERY_CHARS as MAX_CONTEXT_QUERY_CHARS
from schemas.context import ContextFormat
from schemas.ids import Identifier
from schemas.limits import (
    MAX_ANALYTICS_DAYS,
    MAX_BUDGET,
    MAX_KB_TOP,
    MAX_LOW_CONFIDENCE,
    MAX_RETENTION_DAYS,
    MAX_SEARCH_LIMIT,
    MIN_BUDGET,
)
from schemas.requests.base import AccountRequest, SessionRequest
from schemas.routing import ActorName
from schemas.search import MAX_QUERY_CHARS
from schemas.transfer import ImportDocument


class AssembleContext(SessionRequest):
    """The session's context within ``budget`` tokens, in ``format``."""

    actor = ActorName.ASSEMBLE_CONTEXT

    budget: Annotated[
        int | None,
        Field(
            ge=MIN_BUDGET,
            le=MAX_BUDGET,
            description=f"tokens, {MIN_BUDGET} to {MAX_BUDGET}; null = the sum of the tier budgets",
        ),
    ] = None
    format: ContextFormat = "text"
    query: Annotated[
        str | None,
        Field(
            min_length=1,
            max_length=MAX_CONTEXT_QUERY_CHARS,
            description="the message about to be answered: ranks the user's past "
            "conversations (null = the session's last user message)",
        ),
    ] = None


class GetSessionAnalytics(SessionRequest):
    actor = ActorName.GET_SESSION_ANALYTICS


class GetUserActivity(AccountRequest):
    actor = ActorName.GET_USER_ACTIVITY

    user_id: Identifier


class GetKbUsage(AccountRequest):
    actor = ActorName.GET_KB_USAGE

    top: Annotated[int, Field(ge=1, le=MAX_KB_TOP)] = 10


class GetAccountAnalytics(AccountRequest):
    """The account's figures per UTC day over the last ``days`` days (today included)."""

    actor = ActorName.GET_ACCOUNT_ANALYTICS

    days: Annotated[int, Field(ge=1, le=MAX_ANALYTICS_DAYS)] = 30
    top: Annotated[int, Field(ge=1, le=MAX_KB_TOP, description="knowledge-base entries")] = 10
    low_confidence: Annotated[
        int, Field(ge=1, le=MAX_LOW_CONFIDENCE, description="latest low-confidence queries")
    ] = 20


class GetStats(AccountRequest):
    actor = ActorName.GET_STATS


class CleanupSessions(AccountRequest):
    """Retention on demand for one account."""

    actor = ActorName.CLEANUP_SESSIONS

    days: Annotated[
        int | None,
        Field(ge=0, le=MAX_RETENTION_DAYS, description="null = MEMQ_RETENTION_DAYS"),
    ] = None


class SearchMessages(AccountRequest):
    """Keyword search in one session (``session_id``), one user's, or the account's."""

    actor = ActorName.SEARCH_MESSAGES

    query: Annotated[str, Field(min_length=1, max_length=MAX_QUERY_CHARS)]
    session_id: Identifier | None = None
    user_id: Identifier | None = None
    limit: Annotated[int, Field(ge=1, le=MAX_SEARCH_LIMIT)] = 20


class ExportSession(SessionRequest):
    """The head of an export: the session, its memory and analytics, its message count."""

    actor = ActorName.EXPORT_SESSION


SeqAfter = Annotated[int, Field(ge=0, lt=SEQ_LIMIT)]


class ExportMessages(SessionRequest):
    """The next page of an export."""

    actor = ActorName.EXPORT_MESSAGES

    after: tuple[SeqAfter, Identifier] | None = Field(
        default=None, description="the previous page's next_after; null for the first page"
    )


class ImportSession(AccountRequest):
    actor = ActorName.IMPORT_SESSION

    document: ImportDocument
    session_id: Identifier | None = Field(
        default=None, description="null = derived from the account and the document"
    )
    as_copy: bool = Field(
        default=False, description="give every message a new id (a copy in the same account)"
    )
