"""Liveness and readiness probes (no auth: they reveal nothing about tenants)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from gateway.deps import SettingsDep, TransportDep
from gateway.openapi import BEFORE_ROUTING, error_responses
from gateway.transport import Transport
from runtime.settings import Settings
from schemas.errors import MemqError
from schemas.requests.sessions import PingStore

router = APIRouter(tags=["health"], responses=error_responses(*BEFORE_ROUTING))


class Readiness(BaseModel):
    ready: bool
    checks: dict[str, str] = Field(
        description='"broker" and "store": "ok", or what is wrong ("unreachable", ...)'
    )


@router.get("/healthz", summary="The gateway process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The broker and the store (through a worker) are reachable",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "not ready: `checks` says what is not"}},
)
async def readyz(transport: TransportDep, settings: SettingsDep) -> JSONResponse:
    checks = await readiness_checks(transport, settings)
    ready = all(value == "ok" for value in checks.values())
    return JSONResponse({"ready": ready, "checks": checks}, status_code=200 if ready else 503)


async def readiness_checks(transport: Transport, settings: Settings) -> dict[str, str]:
    """The broker, and the store through a worker: "ok" each, or what is wrong."""
    checks = {"broker": "ok", "store": "ok"}
    if not await transport.ready():
        checks["broker"] = "unreachable"
        checks["store"] = "unknown"
    else:
        try:
            await transport.request(
                PingStore(), timeout=min(2, settings.request_timeout), attempts=1
            )
        except MemqError as exc:
            checks["store"] = exc.detail
    return checks
