"""The operator's console at ``/console``: server-rendered pages over the same
request-reply reads as the API, signed in with an API key.

``install`` adds it to the gateway app. Modules: ``keys`` and ``signins`` (who
is signed in), ``throttle`` (failed sign-ins), ``deps`` (sign-in, CSRF, audit),
``headers`` (CSP), ``route`` (errors as pages), ``routes/*`` (one page each),
``templates/``, ``static/``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from gateway.auth import ApiKeys
from gateway.console.headers import ConsoleHeaders
from gateway.console.keys import ConsoleKeys
from gateway.console.operations import NoOperations, Operations
from gateway.console.paths import PREFIX
from gateway.console.routes import analytics, auth, operations, session, sessions, users
from gateway.console.signins import SignIns
from gateway.console.throttle import SignInThrottle
from runtime.settings import Settings

STATIC = Path(__file__).parent / "static"


def install(
    app: FastAPI, settings: Settings, api_keys: ApiKeys, ops: Operations | None = None
) -> None:
    read_only = settings.console_readonly_keys
    app.state.console_keys = ConsoleKeys(
        api_keys, None if read_only is None else ApiKeys.parse(read_only.get_secret_value())
    )
    app.state.console_signins = SignIns(settings.console_session_minutes * 60)
    app.state.console_signin_throttle = SignInThrottle(
        per_address=settings.console_signin_failures,
        overall=settings.console_signin_failures_overall,
        window=settings.console_signin_window,
    )
    app.state.console_operations = ops if ops is not None else NoOperations()
    for module in (auth, sessions, session, users, analytics, operations):
        app.include_router(module.router)
    app.mount(f"{PREFIX}/static", StaticFiles(directory=STATIC), name="console-static")
    app.add_middleware(ConsoleHeaders)
