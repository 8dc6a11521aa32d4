"""Publishing many messages, of one or many sessions, in one request."""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from gateway.deps import AccountId, BatcherDep, RecentIdsDep, SequencerDep, SettingsDep
from gateway.openapi import EVERY_V1_ROUTE, error_responses
from gateway.ratelimit import RateLimiter, admit
from gateway.routes.messages import accept, accepted
from schemas.batch import BatchAccepted, MessageBatchIn
from schemas.errors import PayloadTooLarge
from schemas.messages import MAX_BATCH_EVENTS, MessageAccepted, MessageEvent

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
        "message_id), listed by the order of the array within a session. A message whose "
        "id this gateway accepted lately in the same session answers `duplicate: true` "
        "with its first seq and is not published again. Each message "
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
    recent: RecentIdsDep,
) -> BatchAccepted:
    if len(body.messages) > 1:  # the account dependency took the first token
        limiter: RateLimiter = request.app.state.rate_limiter
        await admit(limiter, account_id, cost=len(body.messages) - 1, taken=1)
    answers: list[MessageAccepted] = []
    events: list[MessageEvent] = []
    for index, message in enumerate(body.messages):
        earlier = recent.earlier(account_id, message.session_id, message.message_id)
        if earlier is not None and message.message_id is not None:
            answers.append(
                MessageAccepted(
                    message_id=message.message_id,
                    session_id=message.session_id,
                    seq=earlier,
                    generated_id=False,
                    duplicate=True,
                )
            )
            continue
        try:
            event = accept(account_id, message.session_id, message, settings, sequencer)
        except PayloadTooLarge as exc:
            raise PayloadTooLarge(f"messages[{index}]: {exc}") from None
        events.append(event)
        answers.append(accepted(event, generated=message.message_id is None))
    if events:
        await batcher.submit(events)
        recent.remember(events)
    return BatchAccepted(accepted=answers)
