"""Export a session as a versioned JSON document; import such a document."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from fastapi.responses import StreamingResponse

from gateway.deps import AccountId, SessionId, SettingsDep, TransportDep
from gateway.export_stream import document_chunks
from gateway.openapi import ABOUT_A_SESSION, ASKS_A_WORKER, error_responses
from schemas.ids import Identifier
from schemas.requests.reads import ExportSession, ImportSession
from schemas.transfer import (
    MAX_IMPORT_MESSAGES,
    MESSAGE_COUNT_HEADER,
    ImportDocument,
    ImportResult,
    SessionDocument,
)

router = APIRouter(prefix="/v1/sessions", tags=["export"])


@router.get(
    "/{session_id}/export",
    response_model=SessionDocument,
    summary="The session as a versioned document (memq.session, version 1), streamed",
    description=(
        "Session, messages in conversation order (ids and seqs kept), memory tiers and key "
        "facts, and analytics when flushed. The account id is not in it. Any session is "
        "exported, whatever its size: the document is streamed page by page, one message "
        f"per line; `{MESSAGE_COUNT_HEADER}` says how many messages the session held when "
        "the export began. A failure midway cuts the body short (incomplete JSON): retry. "
        f"`POST /v1/sessions/import` takes it back (up to {MAX_IMPORT_MESSAGES} messages "
        "and MEMQ_MAX_REQUEST_BYTES)."
    ),
    responses={
        200: {
            "headers": {
                MESSAGE_COUNT_HEADER: {
                    "description": "messages in the session when the export began",
                    "schema": {"type": "integer"},
                }
            }
        },
        **error_responses(*ABOUT_A_SESSION),
    },
)
async def export_session(
    session_id: SessionId, account_id: AccountId, transport: TransportDep, settings: SettingsDep
) -> StreamingResponse:
    head = await transport.request(
        ExportSession(account_id=account_id, session_id=session_id),
        timeout=settings.request_timeout,
    )
    chunks = document_chunks(
        transport, account_id, session_id, head, timeout=settings.request_timeout
    )
    return StreamingResponse(
        chunks,
        media_type="application/json",
        headers={MESSAGE_COUNT_HEADER: str(head["message_count"])},
    )


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportResult,
    responses=error_responses(*ASKS_A_WORKER, 409),
    summary="Recreate an exported session in the caller's account",
    description=(
        "Without `session_id` the new id is derived from the account and the document's "
        "content, so importing the same document again returns the same id with "
        "`already_imported: true` and writes nothing. With `session_id` that id is used; "
        "409 when it is taken. 409 too when a message id of the document is already stored "
        "in the account (message ids are unique per account): to import a session back into "
        "the account it came from, send `copy=true`, which gives every message a new id "
        "(`<old id>.copy-<12 hex>`, the same on a retry) and keeps the key facts on their "
        "messages. 422 when the session ended longer ago than this "
        "deployment keeps ended sessions (MEMQ_RETENTION_DAYS). The body is capped by "
        "MEMQ_MAX_REQUEST_BYTES."
    ),
)
async def import_session(
    document: ImportDocument,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    session_id: Annotated[Identifier | None, Query()] = None,
    copy: Annotated[
        bool, Query(description="give every message a new id (a copy in the same account)")
    ] = False,
) -> Any:
    return await transport.request(
        ImportSession(
            account_id=account_id, document=document, session_id=session_id, as_copy=copy
        ),
        timeout=settings.request_timeout,
        # A retry is safe only when the id is derived (the retry finds the first import).
        attempts=1 if session_id is not None else 2,
    )
