"""Console sign-ins, held server-side: the cookie carries a random token, never the key.

A sign-in lives in this gateway process (a restart signs everybody out; behind
several gateways, route a browser to one of them). Each sign-in has its own
CSRF token, checked on every state-changing request.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from gateway.console.keys import Identity

#: The most sign-ins kept: the oldest go first (a flood of sign-ins cannot grow memory).
MAX_SIGNINS = 10_000
#: The most one account keeps: its own oldest go first, so one account signing in over
#: and over cannot push the other accounts' operators out of MAX_SIGNINS.
MAX_SIGNINS_PER_ACCOUNT = 200


@dataclass(frozen=True)
class SignIn:
    identity: Identity
    csrf_token: str
    expires_at: float


class SignIns:
    def __init__(self, lifetime_seconds: float) -> None:
        self._lifetime = lifetime_seconds
        self._by_token: dict[str, SignIn] = {}

    def open(self, identity: Identity) -> str:
        """A new sign-in for ``identity``; returns the cookie's token."""
        own = [t for t, s in self._by_token.items() if s.identity.account_id == identity.account_id]
        for token in own[: max(0, len(own) - MAX_SIGNINS_PER_ACCOUNT + 1)]:
            del self._by_token[token]
        while len(self._by_token) >= MAX_SIGNINS:
            self._by_token.pop(next(iter(self._by_token)))
        token = secrets.token_urlsafe(32)
        self._by_token[token] = SignIn(
            identity, secrets.token_urlsafe(32), time.monotonic() + self._lifetime
        )
        return token

    def find(self, token: str | None) -> SignIn | None:
        signin = None if token is None else self._by_token.get(token)
        if signin is None:
            return None
        if signin.expires_at <= time.monotonic():
            self._by_token.pop(token or "", None)
            return None
        return signin

    def close(self, token: str | None) -> None:
        if token is not None:
            self._by_token.pop(token, None)
