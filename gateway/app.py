"""The gateway application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from gateway import errors
from gateway.auth import ApiKeys
from gateway.limits import BodySizeLimit
from gateway.routes import health, memory, messages, sessions
from gateway.sequencer import Sequencer
from gateway.transport import Transport
from memq.settings import Settings


def create_app(settings: Settings, transport: Transport, api_keys: ApiKeys) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await transport.start()
        try:
            yield
        finally:
            await transport.close()

    app = FastAPI(
        title="memq",
        version="1",
        summary="Session memory for LLM chat applications",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.transport = transport
    app.state.api_keys = api_keys
    app.state.sequencer = Sequencer()
    errors.install(app)
    app.include_router(health.router)
    app.include_router(sessions.router)
    app.include_router(messages.router)
    app.include_router(memory.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    return app
