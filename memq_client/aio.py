"""``AsyncMemqClient``: the asyncio client (httpx.AsyncClient), same methods as ``MemqClient``."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Self

import httpx

from memq_client import calls, errors
from memq_client import user_memory_calls as user_calls
from memq_client.calls import BatchMessage, Call
from memq_client.config import ClientConfig
from memq_client.errors import Conflict, MemqClientError, NotFound
from memq_client.retry import RetryPolicy, log_retry
from schemas.context import ContextFormat, ContextReply
from schemas.memory import MemoryView
from schemas.messages import MessageAccepted, MessagePage, Role
from schemas.sessions import Session, SessionList
from schemas.user_memory import (
    UserErased,
    UserMemoryDeleted,
    UserMemoryDocument,
    UserMemoryImported,
    UserMemorySearch,
    UserMemoryView,
)


class AsyncMemqClient:
    """memq over HTTP for asyncio code; every method is the ``MemqClient`` one, awaited.

    ``base_url`` defaults to MEMQ_URL (else ``http://127.0.0.1:8080``) and
    ``api_key`` to MEMQ_API_KEY. ``timeout`` applies to each attempt (seconds
    or an ``httpx.Timeout``); ``retry`` bounds the retries of transient
    failures (connection errors, 429 after its Retry-After, 502/503/504) by
    attempts and by a total deadline, see ``memq_client.retry``. Pass
    ``http_client`` to reuse your own ``httpx.AsyncClient`` (it is not closed here).

    Use it as ``async with``, or ``await close()``. Share one client per event loop.
    """

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.config = ClientConfig.resolve(base_url, api_key, timeout, retry)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient()
        self._headers = self.config.headers()

    def __repr__(self) -> str:
        return f"AsyncMemqClient({self.config.base_url!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    # -- messages --------------------------------------------------------------
    async def publish(
        self,
        session_id: str,
        role: Role,
        content: str,
        *,
        message_id: str | None = None,
        user_id: str | None = None,
        channel: str | None = None,
        metadata: dict[str, Any] | None = None,
        sent_at: datetime | None = None,
        persona: str | None = None,
    ) -> MessageAccepted:
        """Publish one message of the conversation; returns once RabbitMQ holds it (202).

        The first message of a session creates it (with ``persona``, when
        given). ``role`` is ``user``, ``assistant`` or ``system``.
        ``metadata`` is free JSON kept with the message (for an assistant
        answer, e.g. ``confidence``, ``sources``, ``model``, ``latency_ms``,
        ``tokens``).

        ``message_id``: your id for the message, stored once per account. When
        you give none, the client generates one (uuid4) **once per call** and
        sends the same id on every retry of that call, so memq deduplicates the
        retries: a message is stored once however many attempts it took
        (``Accepted.generated_id`` is false because the gateway did not have
        to invent it). Calling ``publish`` twice publishes two messages; to
        make your own retries safe, pass your own stable id (e.g. the
        channel's message id).

        Storage is asynchronous: the message reaches ``context()`` once an
        ingest worker stored it, usually within milliseconds.
        """
        call = calls.publish(
            session_id,
            role,
            content,
            message_id=message_id or calls.new_message_id(),
            user_id=user_id,
            channel=channel,
            metadata=metadata,
            sent_at=sent_at,
            persona=persona,
        )
        return await self._send(call)

    async def publish_many(self, messages: Sequence[BatchMessage]) -> list[MessageAccepted]:
        """Publish up to 100 messages, of one or many sessions, in one request (202).

        Each message is a dict of ``publish``'s arguments plus its
        ``session_id``, e.g. ``{"session_id": "chat-42", "role": "user",
        "content": "Hi"}``. All or nothing: if any message is invalid, none
        is published (``InvalidRequest`` names its index). Returns one
        ``Accepted`` per message, in the order given; each session lists its
        messages in that order. Each message counts as one request against
        the account's rate limit.

        Message ids work as in ``publish``: a message without ``message_id``
        gets one generated (uuid4) once per call, and every retry of the call
        resends the same ids, so memq stores each message once. More than 100
        messages (``MAX_BATCH_EVENTS``), or none, raise ``InvalidRequest``
        before anything is sent.
        """
        return await self._send(calls.publish_many(messages))

    async def context(
        self,
        session_id: str,
        *,
        budget: int | None = None,
        format: ContextFormat = "anthropic",
        query: str | None = None,
    ) -> ContextReply:
        """The session's context within ``budget`` tokens (default: the sum of the tier budgets).

        ``anthropic`` (the default here) fills ``system`` and ``messages`` for
        ``anthropic.Anthropic().messages.create``; ``text`` fills ``text``
        (seed 000's layout); ``json`` fills ``context``. ``dropped`` says what
        the budget left out. Raises ``NotFound`` for an unknown session and
        ``InvalidRequest`` for a budget below the minimum (64). A session with a
        ``user_id`` gets the user's memory from earlier conversations first, ranked for
        ``query`` (default: the session's last user message); ``user_memory`` says what.
        """
        return await self._send(calls.context(session_id, budget, format, query))

    async def messages(
        self, session_id: str, *, limit: int = 50, before: int | None = None
    ) -> MessagePage:
        """Stored messages in conversation order: the latest ``limit``, or those before a seq.

        Page back with ``before=page.next_before`` until it is None.
        """
        return await self._send(calls.messages(session_id, limit, before))

    async def memory(self, session_id: str) -> MemoryView:
        """The stored summaries (recent, mid, old) and key facts."""
        return await self._send(calls.memory(session_id))

    # -- sessions --------------------------------------------------------------
    async def create_session(
        self,
        user_id: str,
        *,
        session_id: str | None = None,
        channel: str | None = None,
        title: str | None = None,
        metadata: dict[str, Any] | None = None,
        persona: str | None = None,
    ) -> Session:
        """Create a session ahead of its first message (publishing creates one too).

        ``persona``: the character the user talks to; the session feeds and
        recalls the user memory of that persona (the general one without).

        Without ``session_id`` the client generates one (uuid4), the same for
        every retry. If a retry finds the id taken (409) after an attempt whose
        outcome was unknown, and the session there belongs to ``user_id``, it
        is the one the earlier attempt created and is returned. A 409 on the
        first attempt raises ``Conflict``.
        """
        sid = session_id or uuid.uuid4().hex
        call = calls.create_session(sid, user_id, channel, title, metadata, persona)
        try:
            return await self._send(call)
        except Conflict as exc:
            if exc.attempts < 2 or exc.code != "conflict":
                raise
            existing = await self.get_session(sid)
            if existing.user_id != user_id:
                raise
            return existing

    async def get_session(self, session_id: str) -> Session:
        return await self._send(calls.get_session(session_id))

    async def list_sessions(
        self,
        *,
        user_id: str | None = None,
        channel: str | None = None,
        active: bool | None = None,
        limit: int = 20,
        cursor: str | None = None,
        persona: str | None = None,
    ) -> SessionList:
        """Sessions, most recent activity first; page with ``cursor=page.next_cursor``."""
        call = calls.list_sessions(user_id, channel, active, limit, cursor, persona)
        return await self._send(call)

    async def update_session(
        self,
        session_id: str,
        *,
        title: str | None = None,
        metadata: dict[str, Any] | None = None,
        persona: str | None = None,
    ) -> Session:
        """Change the fields given; ``persona`` switches the user memory the session feeds."""
        fields: dict[str, Any] = {}
        if title is not None:
            fields["title"] = title
        if persona is not None:
            fields["persona"] = persona
        if metadata is not None:
            fields["metadata"] = metadata
        return await self._send(calls.update_session(session_id, fields))

    async def end_session(self, session_id: str, *, reason: str | None = None) -> Session:
        """End the session (idempotent: ending it again keeps the first end)."""
        return await self._send(calls.end_session(session_id, reason))

    async def delete_session(self, session_id: str) -> None:
        """Delete the session and its messages. A 404 on a retry means an earlier
        attempt deleted it, and counts as done."""
        try:
            await self._send(calls.delete_session(session_id))
        except NotFound as exc:
            if exc.attempts < 2:
                raise

    # -- user memory -----------------------------------------------------------
    async def user_memory(self, user_id: str, *, persona: str = "") -> UserMemoryView:
        """The user's facts (each with the conversation it came from, when, and its earlier
        values) and past conversation summaries."""
        return await self._send(user_calls.user_memory(user_id, persona))

    async def search_user_memory(
        self, user_id: str, query: str, *, persona: str = ""
    ) -> UserMemorySearch:
        """The user's facts, past conversations and their details matching ``query``, best
        first."""
        return await self._send(user_calls.search_user_memory(user_id, query, persona))

    async def correct_user_fact(
        self, user_id: str, key: str, value: str, *, persona: str = ""
    ) -> UserMemoryView:
        """Set one fact as the user says it; the value it replaces never comes back."""
        return await self._send(user_calls.patch_user_fact(user_id, key, value, persona))

    async def remove_user_fact(
        self, user_id: str, key: str, *, persona: str = ""
    ) -> UserMemoryView:
        """Remove one fact; no later merge brings its values back. ``NotFound`` if absent."""
        return await self._send(user_calls.patch_user_fact(user_id, key, None, persona))

    async def delete_user_memory(
        self, user_id: str, *, persona: str | None = None
    ) -> UserMemoryDeleted:
        """Empty the memory of ``persona``, or of every persona (None)."""
        return await self._send(user_calls.delete_user_memory(user_id, persona))

    async def erase_user(self, user_id: str) -> UserErased:
        """Erase every session, message and memory of the user in this account; the
        counts of every request it took (each erases a bounded batch of sessions)."""
        erased = await self._send(user_calls.erase_user(user_id))
        while not erased.complete:
            more = await self._send(user_calls.erase_user(user_id))
            erased = user_calls.erased_in_total(erased, more)
        return erased

    async def export_user_memory(self, user_id: str) -> UserMemoryDocument:
        """Every persona's memory of the user, as a document another account can import."""
        return await self._send(user_calls.export_user_memory(user_id))

    async def import_user_memory(
        self, user_id: str, document: UserMemoryDocument | dict[str, Any]
    ) -> UserMemoryImported:
        """Merge an exported user memory into ``user_id``'s (idempotent: again, no change)."""
        return await self._send(user_calls.import_user_memory(user_id, document))

    # -- transport -------------------------------------------------------------
    async def _send[T](self, call: Call[T]) -> T:
        attempts = self.config.retry.start()
        while True:
            cause: Exception | None = None
            error: MemqClientError
            try:
                response = await self._http.request(
                    call.method,
                    self.config.url(call.path),
                    params=call.params,
                    json=call.body,
                    headers=self._headers,
                    timeout=attempts.timeout(self.config.timeout),
                )
            except httpx.TransportError as exc:
                cause, error = exc, errors.from_transport(exc, attempts.number)
            else:
                if response.is_success:
                    return calls.parse(call, response, attempts.number)
                error = errors.from_response(response, attempts.number)
            delay = attempts.next_delay(error)
            if delay is None:
                raise error from cause
            log_retry(call.method, call.path, error, delay, attempts.number)
            await asyncio.sleep(delay)
            attempts.advance()
