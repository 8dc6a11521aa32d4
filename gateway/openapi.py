"""The answers a route gives besides its success, for the OpenAPI document.

FastAPI documents a route's success and a 422 of its own shape. memq's errors
are ``{"error": {"code", "detail"}}`` (``schemas.errors``) and come from more
places: the API key (401), the body limits (408, 413, before routing), the
validation (422), the rate limit (429, with Retry-After), the broker (503)
and the workers (404, 409, 504). Every route lists what it may answer
(docs/operations.md, rule e); tests/api/test_schemathesis.py checks each real
answer against the list.
"""

from __future__ import annotations

from typing import Any

from schemas.error_body import ErrorBody

_DESCRIPTIONS = {
    401: "missing or unknown API key",
    404: "no such session in this account",
    408: "the client sent its request too slowly (MEMQ_CLIENT_TIMEOUT); the connection is closed",
    409: "the id is taken",
    413: "the body is over MEMQ_MAX_REQUEST_BYTES, or a message over MEMQ_MAX_MESSAGE_BYTES",
    422: "the request breaks the contract: `detail` and `errors` say where and how",
    429: "over the account's request rate: retry after Retry-After seconds",
    503: "RabbitMQ is unreachable or did not confirm in time (`detail` says which): retry",
    504: "no reply from the workers in time: retry",
}
_HEADERS: dict[int, dict[str, Any]] = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}, "required": True}},
    429: {
        "Retry-After": {
            "description": "seconds to wait before retrying",
            "schema": {"type": "integer"},
            "required": True,
        }
    },
}

#: Answered before any route's own work: the body limits.
BEFORE_ROUTING = (408, 413)
#: Every /v1 route: the key, the body limits, validation, the rate limit, the broker.
EVERY_V1_ROUTE = (401, *BEFORE_ROUTING, 422, 429, 503)
#: A route that waits for a worker's reply.
ASKS_A_WORKER = (*EVERY_V1_ROUTE, 504)
#: ... about one session of the account.
ABOUT_A_SESSION = (*ASKS_A_WORKER, 404)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route or router: each status with the error body."""
    return {
        status: {
            "model": ErrorBody,
            "description": _DESCRIPTIONS[status],
            **({"headers": _HEADERS[status]} if status in _HEADERS else {}),
        }
        for status in statuses
    }
