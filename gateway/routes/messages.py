"""Posting and reading a session's messages."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, status

from gateway.deps import (
    AccountId,
    BatcherDep,
    RecentIdsDep,
    SequencerDep,
    SessionId,
    SettingsDep,
    TransportDep,
)
from gateway.ingest_batcher import IngestBatcher
from gateway.openapi import ABOUT_A_SESSION, EVERY_V1_ROUTE, error_responses
from gateway.recent_ids import RecentIds
from gateway.sequencer import Sequencer
from runtime.settings import Settings
from schemas.bounds import SEQ_LIMIT
from schemas.errors import PayloadTooLarge
from schemas.limits import MAX_MESSAGE_PAGE
from schemas.messages import MessageAccepted, MessageEvent, MessageIn, MessagePage
from schemas.requests.sessions import ListMessages

router = APIRouter(prefix="/v1/sessions", tags=["messages"])


@router.post(
    "/{session_id}/messages",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=MessageAccepted,
    responses=error_responses(*EVERY_V1_ROUTE),
    summary="Publish a message (creates the session on its first message)",
    description=(
        "Returns 202 once RabbitMQ has confirmed the persistent message: from then on it "
        "will be stored exactly once per (account, message_id). Send your own `message_id` "
        "so that a retried request is deduplicated; without it the gateway generates one "
        "(`generated_id: true`) and a retry is stored as a second message. A re-post of an "
        "id this gateway process accepted lately (its last 50,000) answers `duplicate: true` "
        "with the first `seq` and publishes nothing; an older one is answered as new and "
        "stored once all the same (the gateway holds no database: it cannot know every id)."
    ),
)
async def post_message(
    session_id: SessionId,
    body: MessageIn,
    account_id: AccountId,
    batcher: BatcherDep,
    settings: SettingsDep,
    sequencer: SequencerDep,
    recent: RecentIdsDep,
) -> MessageAccepted:
    return await publish_message(
        account_id,
        session_id,
        body,
        batcher=batcher,
        settings=settings,
        sequencer=sequencer,
        recent=recent,
    )


async def publish_message(
    account_id: str,
    session_id: str,
    body: MessageIn,
    *,
    batcher: IngestBatcher,
    settings: Settings,
    sequencer: Sequencer,
    recent: RecentIds,
) -> MessageAccepted:
    """Publish one message, or answer a recent re-post of its id as a duplicate.

    The one path of a single message into memq: the HTTP route and the MCP
    ``add_message`` tool both come here."""
    earlier = recent.earlier(account_id, session_id, body.message_id)
    if earlier is not None and body.message_id is not None:
        return MessageAccepted(
            message_id=body.message_id,
            session_id=session_id,
            seq=earlier,
            generated_id=False,
            duplicate=True,
        )
    event = accept(account_id, session_id, body, settings, sequencer)
    await batcher.submit([event])
    recent.remember([event])
    return accepted(event, generated=body.message_id is None)


def accept(
    account_id: str, session_id: str, body: MessageIn, settings: Settings, sequencer: Sequencer
) -> MessageEvent:
    """The event the gateway publishes for ``body``: checked, stamped, given an id."""
    size = len(body.content.encode("utf-8"))
    if size > settings.max_message_bytes:
        raise PayloadTooLarge(
            f"content is {size} bytes; the limit is {settings.max_message_bytes} "
            "(MEMQ_MAX_MESSAGE_BYTES): split the message"
        )
    return MessageEvent(
        account_id=account_id,
        session_id=session_id,
        message_id=body.message_id or uuid.uuid4().hex,
        role=body.role,
        content=body.content,
        seq=sequencer.next(),
        accepted_at=datetime.now(UTC),
        sent_at=body.sent_at,
        user_id=body.user_id,
        channel=body.channel,
        persona=body.persona,
        metadata=body.metadata,
    )


def accepted(event: MessageEvent, *, generated: bool) -> MessageAccepted:
    return MessageAccepted(
        message_id=event.message_id,
        session_id=event.session_id,
        seq=event.seq,
        generated_id=generated,
    )


@router.get(
    "/{session_id}/messages",
    response_model=MessagePage,
    responses=error_responses(*ABOUT_A_SESSION),
    summary="Read messages in conversation order (the latest page by default)",
    description=(
        "Pages go backward from the newest: the `limit` newest messages (or the newest before "
        "`before`, a seq), oldest first within the page. `next_before` asks for the page "
        "before it; null at the start of the conversation."
    ),
)
async def list_messages(
    session_id: SessionId,
    account_id: AccountId,
    transport: TransportDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, le=MAX_MESSAGE_PAGE)] = 50,
    before: Annotated[
        int | None, Query(gt=0, lt=SEQ_LIMIT, description="a seq: read messages before it")
    ] = None,
) -> Any:
    request = ListMessages(account_id=account_id, session_id=session_id, limit=limit, before=before)
    return await transport.request(request, timeout=settings.request_timeout)
