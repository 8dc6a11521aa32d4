"""Every error the memq client raises, built from the gateway's error body.

The gateway answers every error as ``{"error": {"code": ..., "detail": ...}}``
with an HTTP status; the client keeps all three.

MemqClientError            base: ``status`` (None when no HTTP answer), ``code``, ``detail``
├── InvalidRequest         400, 413, 422 (and client-side validation, status None)
│   └── Conflict           409  the session id is taken, or the session is full
├── Unauthorized           401, 403  missing or unknown API key
├── NotFound               404, 410  no such session in this account (or it was deleted)
├── RateLimited            429  over the account's request rate; ``retry_after`` seconds
└── Unavailable            502, 503, 504, or no answer at all (connection error, timeout)

``RateLimited`` and ``Unavailable`` are transient: the client retries them
itself (bounded attempts, a total deadline) and raises only once it gives up.
The others are permanent and never retried. Any other status (a 500) raises
the base class and is not retried either.
"""

from __future__ import annotations

import email.utils
import json
import time
from datetime import UTC

import httpx


class MemqClientError(Exception):
    """``status``: the HTTP status, or None when no response arrived (or the
    request was refused before it was sent). ``attempts``: requests made."""

    def __init__(
        self, detail: str, *, status: int | None = None, code: str = "error", attempts: int = 1
    ) -> None:
        super().__init__(f"{status or '-'} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.attempts = attempts

    @property
    def transient(self) -> bool:
        """Worth retrying later (the client already did, within its deadline)."""
        return False


class InvalidRequest(MemqClientError):
    pass


class Conflict(InvalidRequest):
    pass


class Unauthorized(MemqClientError):
    pass


class NotFound(MemqClientError):
    pass


class RateLimited(MemqClientError):
    """``retry_after``: seconds the gateway asked to wait (None when it did not say)."""

    def __init__(
        self,
        detail: str,
        *,
        status: int | None = 429,
        code: str = "rate_limited",
        attempts: int = 1,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(detail, status=status, code=code, attempts=attempts)
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        return True


class Unavailable(MemqClientError):
    @property
    def transient(self) -> bool:
        return True


_BY_STATUS: dict[int, type[MemqClientError]] = {
    400: InvalidRequest,
    401: Unauthorized,
    403: Unauthorized,
    404: NotFound,
    409: Conflict,
    410: NotFound,
    413: InvalidRequest,
    422: InvalidRequest,
    429: RateLimited,
    502: Unavailable,
    503: Unavailable,
    504: Unavailable,
}


def from_response(response: httpx.Response, attempts: int = 1) -> MemqClientError:
    """The typed error for a non-2xx response (the body need not be memq's)."""
    status = response.status_code
    code, detail = _error_body(response)
    cls = _BY_STATUS.get(status, MemqClientError)
    if cls is RateLimited:
        return RateLimited(
            detail,
            status=status,
            code=code,
            attempts=attempts,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )
    return cls(detail, status=status, code=code, attempts=attempts)


def from_transport(exc: httpx.TransportError, attempts: int = 1) -> Unavailable:
    """No HTTP answer: the gateway is down, unreachable, or too slow."""
    kind = "timeout" if isinstance(exc, httpx.TimeoutException) else "connection_error"
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return Unavailable(detail, status=None, code=kind, attempts=attempts)


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - time.time())


def _error_body(response: httpx.Response) -> tuple[str, str]:
    fallback = (f"http_{response.status_code}", response.reason_phrase or "error")
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        text = response.text.strip()
        return fallback[0], text[:300] or fallback[1]
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return fallback
    return str(error.get("code") or fallback[0]), str(error.get("detail") or fallback[1])
