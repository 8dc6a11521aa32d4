"""The Anthropic client a Claude engine calls through: its set-up, its retry policy, and
its errors translated into memq's.

Retry layer: the anthropic SDK, and only the SDK
-------------------------------------------------
A Claude call is retried in exactly one place: the SDK's own loop, configured by
``make_client``:

- ``max_retries`` (default 2) gives at most ``1 + max_retries`` HTTP attempts per engine call.
  The SDK retries 408, 409, 429, 5xx (529 overloaded included), timeouts and connection
  errors; it waits what the API's ``retry-after`` / ``retry-after-ms`` header says, otherwise
  0.5 s doubling up to 8 s with jitter.
- ``timeout_s`` bounds every attempt (connect, read, write), so a call cannot hang.
- ``RetryPolicy`` (SDK middleware, the SDK's public extension point) refines two cases by
  setting the SDK's own ``x-should-retry: false`` on the response: a spend-limit error (a 429
  or 402 whose ``error.details.error_code`` names a spend limit) is not retried, and a
  ``retry-after`` longer than ``max_retry_wait_s`` is not waited for (SDK 2.x honours any
  ``retry-after``, however long, which would outlive an actor's time limit).
- Whatever still fails leaves the engine as ``LLMUnavailable`` (a ``TransientError``: 408,
  409, 429, 5xx, timeouts, connection errors) or ``PermanentLLMError`` (400, 401, 402, 403,
  404, 413, 422, spend limits, an unusable response).

Dramatiq must not retry either of them, or the two layers multiply (Dramatiq's retries times
the SDK's). The memory actor lists ``PermanentLLMError`` in ``throws=`` and answers
``LLMUnavailable`` by falling back to the offline engine (or leaving the work for the next
trigger) instead of re-running the call. Why the SDK and not Dramatiq: the SDK sees each HTTP
response, so it can honour ``retry-after`` and tell 429/529 from 400 per attempt, and it
retries only the HTTP request, not the whole actor (store reads, compare-and-set). The
worst-case wall-clock time of one engine call is ``call_budget_s(...)``; the memory actor's
time limit must be larger.
"""

from __future__ import annotations

import email.utils
import json
import logging
from datetime import UTC, datetime
from typing import Any

import anthropic
from pydantic import SecretStr

from domain.memory.llm_errors import LLMUnavailable, PermanentLLMError
from schemas.errors import MemqError

log = logging.getLogger("memq.memory.claude")

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_WAIT_S = 20.0

#: The SDK's exponential backoff tops out here (anthropic._constants.MAX_RETRY_DELAY).
_SDK_MAX_BACKOFF_S = 8.0

#: ``error.details.error_code`` values that mean "you are out of money", not "slow down".
SPEND_LIMIT_CODES = frozenset(
    {
        "enforced_spend_limit_reached",
        "contract_spend_limit_reached",
        "linked_organization_spend_limit_reached",
        "linked_organization_billing_unavailable",
    }
)
#: Statuses the SDK retries; still failing after its retries means "try again later".
_TRANSIENT_STATUSES = frozenset({408, 409, 429})


def make_client(
    api_key: SecretStr,
    base_url: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_retries: int = DEFAULT_MAX_RETRIES,
    *,
    max_retry_wait_s: float = DEFAULT_MAX_RETRY_WAIT_S,
) -> anthropic.Anthropic:
    """The one Anthropic client a worker process shares (it is thread-safe).

    Call it in a lifecycle hook, never at import. ``timeout_s`` bounds each HTTP attempt;
    ``max_retries`` is the only retry setting of a Claude call (see the module docstring).
    """
    if timeout_s <= 0:
        raise ValueError("timeout_s must be positive")
    if max_retries < 0:
        raise ValueError("max_retries must be >= 0")
    return anthropic.Anthropic(
        api_key=api_key.get_secret_value(),
        base_url=base_url,
        timeout=timeout_s,
        max_retries=max_retries,
        middleware=[RetryPolicy(max_retry_wait_s=max_retry_wait_s)],
    )


def call_budget_s(
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_retries: int = DEFAULT_MAX_RETRIES,
    max_retry_wait_s: float = DEFAULT_MAX_RETRY_WAIT_S,
) -> float:
    """Upper bound of one engine call's wall-clock time with a ``make_client`` client.

    Each attempt can take up to about ``timeout_s`` per phase (connect, then each read); the
    bound below counts one ``timeout_s`` per attempt plus the longest wait between attempts,
    so give the memory actor's time limit a margin on top of it.
    """
    wait = max(_SDK_MAX_BACKOFF_S, max_retry_wait_s)
    return (1 + max_retries) * timeout_s + max_retries * wait


class RetryPolicy(anthropic.Middleware):
    """Marks two kinds of error responses as not worth retrying, before the SDK decides.

    The SDK obeys an ``x-should-retry`` response header; this sets it to ``false`` when the
    error is a spend limit (waiting cannot help) or the API asks for a wait longer than
    ``max_retry_wait_s`` (the call would outlive its actor). Everything else keeps the SDK's
    default policy.
    """

    def __init__(self, max_retry_wait_s: float = DEFAULT_MAX_RETRY_WAIT_S) -> None:
        self.max_retry_wait_s = max_retry_wait_s

    def handle(
        self, request: anthropic.APIRequest, call_next: anthropic.CallNext
    ) -> anthropic.APIResponse[Any]:
        response = call_next(request)
        http = response.http_response
        if http.status_code < 400 or http.headers.get("x-should-retry") == "false":
            return response
        reason: str | None = None
        code = _error_code(http.read())
        if code in SPEND_LIMIT_CODES:
            reason = "spend limit"
        else:
            wait = retry_after_s(http.headers)
            if wait is not None and wait > self.max_retry_wait_s:
                reason = f"retry-after {wait:.1f}s exceeds {self.max_retry_wait_s:.1f}s"
        if reason is not None:
            log.warning(
                "claude: not retrying HTTP %d (%s), request-id %s",
                http.status_code,
                reason,
                http.headers.get("request-id"),
            )
            http.headers["x-should-retry"] = "false"
        return response


def retry_after_s(headers: Any) -> float | None:
    """Seconds the API asked to wait, read as the SDK reads them: ``retry-after-ms``, then
    ``retry-after`` in seconds or as an HTTP date; None when neither says."""
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return float(raw_ms) / 1000
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - datetime.now(UTC)).total_seconds()


def _error_code(body: bytes) -> str | None:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    error = data.get("error") if isinstance(data, dict) else None
    details = error.get("details") if isinstance(error, dict) else None
    code = details.get("error_code") if isinstance(details, dict) else None
    return code if isinstance(code, str) else None


def translate(err: anthropic.AnthropicError, op: str) -> MemqError:
    """An SDK error as memq's transient/permanent LLM error; the detail carries no content."""
    if isinstance(err, anthropic.APIStatusError):
        status = err.status_code
        what = " ".join(str(part) for part in (err.type, err.error_code) if part)
        detail = f"claude {op}: HTTP {status} {what} (request-id {err.request_id})"
        if err.error_code in SPEND_LIMIT_CODES or status == 402:
            return PermanentLLMError(detail, status_code=status)
        if status in _TRANSIENT_STATUSES or status >= 500:
            return LLMUnavailable(
                detail, status_code=status, retry_after_s=retry_after_s(err.response.headers)
            )
        return PermanentLLMError(detail, status_code=status)
    if isinstance(err, anthropic.APITimeoutError):
        return LLMUnavailable(f"claude {op}: timed out")
    if isinstance(err, anthropic.APIConnectionError):
        return LLMUnavailable(f"claude {op}: connection error")
    return PermanentLLMError(f"claude {op}: {type(err).__name__}")
