"""Operations: readiness of broker and store, queues, memory lag, and dead letters with
requeue and discard."""

from __future__ import annotations

import asyncio
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request, Response

from gateway.console.deps import Action, SignedIn, audit
from gateway.console.operations import Operations
from gateway.console.paths import PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from gateway.transport import Transport
from runtime.settings import Settings
from schemas.errors import MemqError
from schemas.ids import ID_PATTERN
from schemas.requests.sessions import PingStore
from schemas.routing import QueueKind, queue_name

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

LetterId = Annotated[str, Path(pattern=ID_PATTERN)]


async def readiness(request: Request) -> dict[str, str]:
    """What /readyz checks: the broker, and the store through a worker."""
    transport: Transport = request.app.state.transport
    settings: Settings = request.app.state.settings
    if not await transport.ready():
        return {"broker": "unreachable", "store": "unknown"}
    try:
        await transport.request(PingStore(), timeout=min(2, settings.request_timeout), attempts=1)
    except MemqError as exc:
        return {"broker": "ok", "store": exc.detail}
    return {"broker": "ok", "store": "ok"}


@router.get("/operations")
async def operations_page(request: Request, signin: SignedIn) -> Response:
    ops: Operations = request.app.state.console_operations
    checks, queues, letters = await asyncio.gather(
        readiness(request), ops.queues(), ops.dead_letters(signin.identity.account_id)
    )
    prefix = request.app.state.settings.queue_prefix
    memory_queue = queue_name(prefix, QueueKind.MEMORY)
    memory = next((q for q in queues if q.name == memory_queue), None)
    return page(
        request,
        "operations.html",
        signin,
        checks=checks,
        queues=queues,
        memory=memory,
        letters=letters,
        ops=ops,
        outcome=request.query_params.get("outcome", ""),
    )


@router.post("/operations/dead-letters/{letter_id}/{verb}")
async def handle_dead_letter(
    request: Request, letter_id: LetterId, verb: Literal["requeue", "discard"], action: Action
) -> Response:
    """Requeue (a fresh retry budget on its own queue) or discard one of the account's."""
    signin, _ = action
    ops: Operations = request.app.state.console_operations
    handle = ops.requeue if verb == "requeue" else ops.discard
    outcome = await handle(signin.identity.account_id, letter_id)
    audit(signin, f"{verb}_dead_letter", letter_id)
    status = 200 if outcome.done else 404
    return page(request, "outcome.html", signin, outcome=outcome, status=status)
