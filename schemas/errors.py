"""Every error memq raises on purpose, and whether it is worth retrying.

MemqError                  base; carries an HTTP status and a stable code
├── PermanentError         retrying cannot help: actors list it in ``throws=``
│   ├── InvalidInput       422  the request or event breaks the contract
│   ├── PayloadTooLarge    413  content over MEMQ_MAX_MESSAGE_BYTES
│   ├── Unauthorized       401  missing or unknown API key
│   ├── NotFound           404  no such session in this account
│   ├── Conflict           409  the id is taken
│   ├── Gone               410  the session was deleted
│   └── SessionFull        409  the session holds MEMQ_MAX_MESSAGES_PER_SESSION messages
└── TransientError         may succeed later: retried with backoff
    ├── StoreUnavailable   503  the database did not answer
    ├── BrokerUnavailable  503  RabbitMQ did not confirm or is unreachable
    └── RateLimited        429  the account is over its request rate (gateway only)
"""

from __future__ import annotations

from pydantic import ValidationError


class MemqError(Exception):
    status = 500
    code = "internal_error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class PermanentError(MemqError):
    status = 400
    code = "permanent_error"


class InvalidInput(PermanentError):
    status = 422
    code = "invalid_input"

    @classmethod
    def from_validation(cls, exc: ValidationError, what: str = "") -> InvalidInput:
        """Where and what is wrong, never the input: safe to log and to dead-letter."""
        problems = "; ".join(
            f"{'.'.join(map(str, error['loc'])) or 'value'}: {error['msg']}"
            for error in exc.errors(include_url=False, include_input=False)
        )
        return cls(f"{what}: {problems}" if what else problems)


class PayloadTooLarge(PermanentError):
    status = 413
    code = "payload_too_large"


class Unauthorized(PermanentError):
    status = 401
    code = "unauthorized"


class NotFound(PermanentError):
    status = 404
    code = "not_found"


class Conflict(PermanentError):
    status = 409
    code = "conflict"


class Gone(PermanentError):
    status = 410
    code = "gone"


class SessionFull(PermanentError):
    status = 409
    code = "session_full"


class TransientError(MemqError):
    status = 503
    code = "unavailable"


class StoreUnavailable(TransientError):
    code = "store_unavailable"


class BrokerUnavailable(TransientError):
    code = "broker_unavailable"


class RateLimited(TransientError):
    """Carries ``retry_after`` (whole seconds), sent as the Retry-After header."""

    status = 429
    code = "rate_limited"

    def __init__(self, detail: str, retry_after: int = 1) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


#: Reply errors are rebuilt on the gateway side from their code.
ERRORS_BY_CODE: dict[str, type[MemqError]] = {
    cls.code: cls
    for cls in (
        MemqError,
        PermanentError,
        InvalidInput,
        PayloadTooLarge,
        Unauthorized,
        NotFound,
        Conflict,
        Gone,
        SessionFull,
        TransientError,
        StoreUnavailable,
        BrokerUnavailable,
        RateLimited,
    )
}
