"""FastAPI dependencies: the caller's account, the transport, the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Path, Request

from gateway.auth import ApiKeys
from gateway.sequencer import Sequencer
from gateway.transport import Transport
from memq.settings import Settings
from schemas.ids import ID_PATTERN


def transport(request: Request) -> Transport:
    result: Transport = request.app.state.transport
    return result


def settings(request: Request) -> Settings:
    result: Settings = request.app.state.settings
    return result


def sequencer(request: Request) -> Sequencer:
    result: Sequencer = request.app.state.sequencer
    return result


def account(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> str:
    keys: ApiKeys = request.app.state.api_keys
    return keys.account_for(authorization)


AccountId = Annotated[str, Depends(account)]
TransportDep = Annotated[Transport, Depends(transport)]
SettingsDep = Annotated[Settings, Depends(settings)]
SequencerDep = Annotated[Sequencer, Depends(sequencer)]
SessionId = Annotated[
    str,
    Path(pattern=ID_PATTERN, description="opaque id: up to 128 of A-Z a-z 0-9 . _ : -"),
]
