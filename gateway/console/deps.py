"""The console's dependencies: who is signed in, and whether an action may run."""

from __future__ import annotations

import hmac
import logging
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, Request

from gateway.console.errors import Refused, SignInRequired
from gateway.console.paths import COOKIE, CSRF_FIELD
from gateway.console.signins import SignIn, SignIns
from gateway.ratelimit import RateLimiter, admit
from gateway.transport import Transport
from runtime import log_context
from runtime.settings import Settings
from schemas.requests.base import ActorRequest

audit_log = logging.getLogger("memq.console.audit")


def signins(request: Request) -> SignIns:
    found: SignIns = request.app.state.console_signins
    return found


async def signed_in(request: Request) -> SignIn:
    signin = signins(request).find(request.cookies.get(COOKIE))
    if signin is None:
        raise SignInRequired
    log_context.bind(signin.identity.account_id, None)
    limiter: RateLimiter = request.app.state.rate_limiter
    await admit(limiter, signin.identity.account_id)  # the console shares the account's rate
    return signin


SignedIn = Annotated[SignIn, Depends(signed_in)]


async def form(request: Request) -> dict[str, str]:
    """An urlencoded form's fields (the first value of each)."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {name: values[0] for name, values in parse_qs(body, keep_blank_values=True).items()}


async def action(request: Request, signin: SignedIn) -> tuple[SignIn, dict[str, str]]:
    """A state-changing request: its form, once its CSRF token and the key's rights are checked."""
    fields = await form(request)
    sent = fields.get(CSRF_FIELD, "")
    if not hmac.compare_digest(sent.encode(), signin.csrf_token.encode()):
        raise Refused(403, "this form is stale or did not come from the console: reload the page")
    if signin.identity.read_only:
        raise Refused(403, "this is a read-only console key: actions need an API key")
    return signin, fields


Action = Annotated[tuple[SignIn, dict[str, str]], Depends(action)]


def audit(signin: SignIn, what: str, target: str) -> None:
    """Every console action, with the key's short id (never the key)."""
    audit_log.info(
        "console action=%s target=%s account=%s key_id=%s",
        what,
        target,
        signin.identity.account_id,
        signin.identity.key_id,
    )


async def ask(request: Request, asked: ActorRequest, context: bool = False) -> Any:
    """A read or an action through the workers: the same request-reply as the API."""
    transport: Transport = request.app.state.transport
    settings: Settings = request.app.state.settings
    timeout = settings.context_timeout if context else settings.request_timeout
    return await transport.request(asked, timeout=timeout)
