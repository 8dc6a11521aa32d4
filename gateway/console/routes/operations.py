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
from gateway.routes.health import readiness_checks
from runtime.settings import Settings
from schemas.ids import ID_PATTERN
from schemas.routing import QueueKind, queue_name

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

LetterId = Annotated[str, Path(pattern=ID_PATTERN)]


@router.get("/operations")
async def operations_page(request: Request, signin: SignedIn) -> Response:
    ops: Operations = request.app.state.console_operations
    settings: Settings = request.app.state.settings
    checks, queues, letters = await asyncio.gather(
        readiness_checks(request.app.state.transport, settings),
        ops.queues(),
        ops.dead_letters(signin.identity.account_id),
    )
    prefix = settings.queue_prefix
    memory_queue = queue_name(prefix, QueueKind.MEMORY)
    memory = next((q for q in queues or [] if q.name == memory_queue), None)
    return page(
        request,
        "operations.html",
        signin,
        checks=checks,
        queues=queues,
        memory=memory,
        letters=letters,
        ops=ops,
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
    return page(request, "outcome.html", signin, outcome=outcome, status=outcome.status)
