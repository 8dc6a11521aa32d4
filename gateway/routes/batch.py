"""Publishing many messages, of one or many sessions, in one request."""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from gateway.deps import AccountId, BatcherDep, SequencerDep, SettingsDep
from gateway.openapi import EVERY_V1_ROUTE, error_responses
from gateway.ratelimit import RateLimiter, admit
from gateway.routes.messages import accept, accepted
from schemas.batch import BatchAccepted, MessageBatchIn
from schemas.errors import PayloadTooLarge
from schemas.messages import MAX_BATCH_EVENTS

router = APIRouter(prefix="/v1", tags=["messages"], responses=error_responses(*EVERY_V1_ROUTE))


@router.post(
    "/messages",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=BatchAccepted,
    summary=f"Publish up to {MAX_BATCH_EVENTS} messages of any sessions at once",
    description=(
        "For channels that forward many conversations, imports and back-fills: one request "
        "and one broker publish for the lot. All or nothing: any invalid message answers "
        "4xx naming its index and none is published; 202 once RabbitMQ has confirmed the "
        "publish, after which each message is stored exactly once per (account, "
        "message_id), listed by the order of the array within a session. Each message "
        "counts as one request against the account's rate limit."
    ),
)
async def post_messages(
    request: Request,
    body: MessageBatchIn,
    account_id: AccountId,
    batcher: BatcherDep,
    settings: SettingsDep,
    sequencer: SequencerDep,
) -> BatchAccepted:
    if len(body.messages) > 1:  # the account dependency took the first token
        limiter: RateLimiter = request.app.state.rate_limiter
        await admit(limiter, account_id, cost=len(body.messages) - 1, taken=1)
    events = []
    for index, message in enumerate(body.messages):
        try:
            events.append(accept(account_id, message.session_id, message, settings, sequencer))
        except PayloadTooLarge as exc:
            raise PayloadTooLarge(f"messages[{index}]: {exc}") from None
    await batcher.submit(events)
    return BatchAccepted(
        accepted=[
            accepted(event, generated=message.message_id is None)
            for event, message in zip(events, body.messages, strict=True)
        ]
    )
