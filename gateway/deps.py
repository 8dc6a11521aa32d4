"""FastAPI dependencies: the caller's account, the transport, the settings."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Header, Path, Request
from pydantic import AfterValidator

from gateway.auth import ApiKeys
from gateway.ingest_batcher import IngestBatcher
from gateway.ratelimit import RateLimiter, admit
from gateway.ratelimit_gate import GATE_ACCOUNT
from gateway.recent_ids import RecentIds
from gateway.sequencer import Sequencer
from gateway.transport import Transport
from runtime import log_context
from runtime.settings import Settings
from schemas.ids import ID_PATTERN, not_dot_segment

_ID = re.compile(ID_PATTERN)


# Async on purpose, like every dependency here: FastAPI runs a sync dependency
# in the thread pool, a hand-off that cost more than the whole POST handler.
async def transport(request: Request) -> Transport:
    result: Transport = request.app.state.transport
    return result


async def settings(request: Request) -> Settings:
    result: Settings = request.app.state.settings
    return result


async def batcher(request: Request) -> IngestBatcher:
    result: IngestBatcher = request.app.state.batcher
    return result


async def sequencer(request: Request) -> Sequencer:
    result: Sequencer = request.app.state.sequencer
    return result


async def recent_ids(request: Request) -> RecentIds:
    result: RecentIds = request.app.state.recent_ids
    return result


async def account(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> str:
    """The caller's account; binds it (and the path's session) to log records.

    The rate limit gate (``gateway.ratelimit_gate``) normally found the account
    and took its token; a request it let through without one has no valid key
    (401 here), or reached the app some other way, and is admitted here.

    Async on purpose: a sync dependency runs in a thread, and the log context it
    binds would not reach the endpoint.
    """
    gated: str | None = request.scope.get("state", {}).get(GATE_ACCOUNT)
    if gated is not None:
        account_id = gated
    else:
        keys: ApiKeys = request.app.state.api_keys
        account_id = keys.account_for(authorization)
    session_id = request.path_params.get("session_id")
    valid = isinstance(session_id, str) and _ID.fullmatch(session_id) is not None
    log_context.bind(account_id, session_id if valid else None)  # never log raw path bytes
    if gated is None:  # fail closed: no route is ever unlimited
        limiter: RateLimiter = request.app.state.rate_limiter
        await admit(limiter, account_id)
    return account_id


AccountId = Annotated[str, Depends(account)]
TransportDep = Annotated[Transport, Depends(transport)]
SettingsDep = Annotated[Settings, Depends(settings)]
SequencerDep = Annotated[Sequencer, Depends(sequencer)]
BatcherDep = Annotated[IngestBatcher, Depends(batcher)]
RecentIdsDep = Annotated[RecentIds, Depends(recent_ids)]
SessionId = Annotated[
    str,
    Path(pattern=ID_PATTERN, description="opaque id: up to 128 of A-Z a-z 0-9 . _ : -"),
    AfterValidator(not_dot_segment),
]
