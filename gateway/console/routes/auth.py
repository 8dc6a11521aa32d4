"""Signing in with an API key (or a read-only console key), and out."""

from __future__ import annotations

import hmac
import logging
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from gateway.console.deps import SignedIn, form, signins
from gateway.console.errors import Refused
from gateway.console.keys import ConsoleKeys
from gateway.console.paths import COOKIE, CSRF_FIELD, PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from gateway.console.throttle import SignInThrottle

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)
logger = logging.getLogger("memq.console.audit")


@router.get("")
async def home() -> Response:
    return RedirectResponse(f"{PREFIX}/sessions", status_code=303)


@router.get("/sign-in")
async def sign_in_page(request: Request) -> Response:
    return page(request, "sign_in.html")


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    # No sign-in yet, so no CSRF token: another site's form would sign the browser in to
    # the attacker's account (login CSRF). Browsers say where a form came from.
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
        raise Refused(403, "a sign-in must come from the console's own sign-in page")
    throttle: SignInThrottle = request.app.state.console_signin_throttle
    address = request.client.host if request.client is not None else "unknown"
    # Checked before the key: while refused, a right key and a wrong one look the same.
    wait = throttle.retry_after(address)
    if wait:
        logger.warning("console sign-in throttled address=%s retry_after=%ds", address, wait)
        return throttled(request, wait)
    fields = await form(request)
    keys: ConsoleKeys = request.app.state.console_keys
    identity = keys.identify(fields.get("api_key", ""))
    if identity is None:
        throttle.failed(address)
        logger.warning("console sign-in failed address=%s", address)
        return page(request, "sign_in.html", status=401, failed=True)
    token = signins(request).open(identity)
    logger.info(
        "console sign-in account=%s key_id=%s read_only=%s",
        identity.account_id,
        identity.key_id,
        identity.read_only,
    )
    response = RedirectResponse(f"{PREFIX}/sessions", status_code=303)
    response.set_cookie(
        COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path=PREFIX,
    )
    return response


def throttled(request: Request, wait: int) -> Response:
    """429 with when to retry, as a page and as ``Retry-After``."""
    retry_at = datetime.now(UTC) + timedelta(seconds=wait)
    response = page(
        request, "throttled.html", status=429, wait=wait, retry_at=retry_at.strftime("%H:%M:%S")
    )
    response.headers["Retry-After"] = str(wait)
    return response


@router.post("/sign-out")
async def sign_out(request: Request, signin: SignedIn) -> Response:
    # A read-only key may sign out too: only the CSRF token is checked.
    sent = (await form(request)).get(CSRF_FIELD, "")
    if not hmac.compare_digest(sent.encode(), signin.csrf_token.encode()):
        raise Refused(403, "this form is stale or did not come from the console: reload the page")
    signins(request).close(request.cookies.get(COOKIE))
    response = RedirectResponse(f"{PREFIX}/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path=PREFIX)
    return response
