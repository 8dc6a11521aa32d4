"""Errors a Claude-backed memory engine raises, placed in memq's hierarchy.

    MemqError
    ├── PermanentError
    │   └── PermanentLLMError  502  the request cannot succeed as sent: 400/401/402/403/404/413/422,
    │                               a spend limit, a malformed request; never retried
    └── TransientError
        └── LLMUnavailable     503  still failing after the SDK's own retries (429, 529, 5xx,
                                    timeouts, connection errors); may succeed later

Neither is retried by Dramatiq: the SDK already retried (see ``domain.memory.claude.client``), so a
memory actor answers ``LLMUnavailable`` by falling back to the offline engine (or leaving the
work for the next trigger), not by re-running the call.

The detail text names the status, the API's error type and the request id, never the API key
or any message content.
"""

from schemas.errors import PermanentError, TransientError


class LLMUnavailable(TransientError):
    status = 503
    code = "llm_unavailable"

    def __init__(
        self, detail: str, *, status_code: int | None = None, retry_after_s: float | None = None
    ) -> None:
        super().__init__(detail)
        #: HTTP status of the last attempt, or None for a timeout / connection error.
        self.status_code = status_code
        #: What the API asked us to wait before trying again, when it said so.
        self.retry_after_s = retry_after_s


class PermanentLLMError(PermanentError):
    status = 502
    code = "llm_permanent_error"

    def __init__(self, detail: str, *, status_code: int | None = None) -> None:
        super().__init__(detail)
        self.status_code = status_code
