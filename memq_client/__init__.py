"""Python client for memq: publish a chat's messages, read its context before each LLM call.

::

    from memq_client import MemqClient

    with MemqClient("http://127.0.0.1:8080", api_key="...") as memq:
        memq.publish("chat-42", "user", "Hi, I'm Sara")
        ctx = memq.context("chat-42", format="anthropic")   # ctx.system, ctx.messages

``AsyncMemqClient`` has the same methods for asyncio. Errors are in
``memq_client.errors``; retries and deadlines in ``memq_client.retry``.
The client depends on httpx and pydantic, and on memq's wire models
(``schemas``) for its return types; never on gateway, actor or store code.
It is distributed alone as ``memq-client`` (``clients/python``), versioned
with the wire contract: ``__version__``.
"""

from memq_client.aio import AsyncMemqClient
from memq_client.calls import BatchMessage
from memq_client.claude import claude_messages
from memq_client.config import DEFAULT_TIMEOUT, DEFAULT_URL
from memq_client.errors import (
    Conflict,
    InvalidRequest,
    MemqClientError,
    NotFound,
    RateLimited,
    Unauthorized,
    Unavailable,
)
from memq_client.retry import NO_RETRIES, RetryPolicy
from memq_client.sync import MemqClient
from schemas.context import ContextReply
from schemas.contract import CONTRACT_VERSION
from schemas.memory import MemoryView
from schemas.messages import MAX_BATCH_EVENTS, MessagePage, StoredMessage
from schemas.messages import MessageAccepted as Accepted
from schemas.sessions import Session, SessionList

__version__ = CONTRACT_VERSION

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_URL",
    "MAX_BATCH_EVENTS",
    "NO_RETRIES",
    "Accepted",
    "AsyncMemqClient",
    "BatchMessage",
    "Conflict",
    "ContextReply",
    "InvalidRequest",
    "MemoryView",
    "MemqClient",
    "MemqClientError",
    "MessagePage",
    "NotFound",
    "RateLimited",
    "RetryPolicy",
    "Session",
    "SessionList",
    "StoredMessage",
    "Unauthorized",
    "Unavailable",
    "claude_messages",
]
