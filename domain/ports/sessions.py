"""The store port's sessions part: sessions and the messages they hold.

Every operation is scoped by ``account_id``: an adapter never returns or
changes another account's data, and a session of another account looks
exactly like a missing one. Every read also hides sessions past retention
(see ``domain.ports.lifecycle``).
"""

from __future__ import annotations

import abc
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from schemas.ids import PERSONA_NAME_PATTERN
from schemas.messages import MessageEvent, StoredMessage
from schemas.sessions import Session, SessionCreate, SessionPatch

#: A place in a conversation: (seq, message_id), the order messages are listed in.
MessageCursor = tuple[int, str]
#: The title taken from the first user message is cut to this many characters.
TITLE_CHARS = 100
#: ``last_prompt`` keeps at most this many characters of the last user message.
LAST_PROMPT_CHARS = 500


@dataclass(frozen=True)
class DeletedSession:
    """What deleting one session removed, by kind (the erasure's report)."""

    messages: int = 0
    #: The session memory (tiers and key facts): 0 or 1.
    memories: int = 0
    #: Analytics records of the session (and, on SQLite, their knowledge-base sources).
    analytics_rows: int = 0
    #: Search index entries of its messages.
    search_entries: int = 0


@dataclass(frozen=True)
class AppendResult:
    """What ``append_message`` did (one per item for ``append_messages``).

    ``stored`` is False when (account, message_id) was already stored, or the
    session was deleted (``dropped_deleted``).
    """

    stored: bool
    dropped_deleted: bool = False
    #: The session's message_count after this call counted the message (None otherwise).
    message_count: int | None = None
    #: Whether the session has a user (only known when the message was counted): the
    #: user memory's merges are for sessions that have one.
    has_user: bool = False
    #: Not stored: the session already held ``max_messages`` messages.
    rejected_full: bool = False
    #: This append brought the session to a fold count (``fold_every``) while no
    #: memory job was pending, and marked it pending: the caller publishes one job.
    memory_job_due: bool = False


class SessionStore(abc.ABC):
    # -- messages --------------------------------------------------------------
    @abc.abstractmethod
    def append_message(
        self,
        event: MessageEvent,
        delivery_id: str,
        *,
        max_messages: int | None = None,
        fold_every: int | None = None,
    ) -> AppendResult:
        """Store a message exactly once per (account_id, message_id), in at most 3 round trips.

        Creates the session on its first message (user_id, channel from the
        message), reopens an ended one, and keeps its counters: message_count,
        last_message_at (max accepted_at), last_prompt (the user message with
        the highest seq, cut to LAST_PROMPT_CHARS), a title from the user
        message with the lowest seq (cut to TITLE_CHARS) unless a title was
        given. Counters are right whatever order messages arrive in.

        ``delivery_id`` identifies the queue delivery (dramatiq message id): a
        redelivery of the delivery that inserted the message, after a crash
        between the insert and the counter update, must still apply the counter
        update exactly once; a later duplicate publish of the same message id
        changes nothing.

        A message for a deleted session is dropped (``dropped_deleted``).

        ``max_messages``: when the session already counts that many messages, a
        new message is not stored (``rejected_full``), atomically with the count,
        unless it comes before the session's newest counted message in
        conversation order (seq, then message_id): refusing that one would leave
        a gap mid-conversation, so it is stored over the cap. The cap refuses the
        newest messages, never a gap; the session may exceed it by the messages
        accepted before its newest one but stored after it (concurrent batches,
        retries). A duplicate of a stored message is still just a duplicate. The
        rejection path may take extra round trips; the normal path stays at 3
        (MongoDB: the id's claim, the message, the counters; SQLite: 1 transaction).
        """

    def append_messages(
        self,
        items: Sequence[tuple[MessageEvent, str]],
        *,
        max_messages: int | None = None,
        fold_every: int | None = None,
    ) -> list[AppendResult]:
        """``append_message`` for each (event, delivery_id), in order: one result per
        item, in input order, equal to what the calls one by one would return.

        Every guarantee of ``append_message`` holds per item: stored exactly once per
        (account_id, message_id) (a message id repeated inside the batch is a
        duplicate the second time), deleted sessions drop, and ``max_messages``
        holds per session as for single appends (new items past the cap are
        ``rejected_full`` unless older than the newest counted one, duplicates stay
        duplicates). Items may mix sessions and accounts. Redelivering the
        same batch with the same delivery ids stores nothing twice.

        This default loops, keeping each item's round trips and crash-redelivery
        handling; an adapter may override it to write the batch at once (SQLite: one
        transaction; MongoDB: the batch's id claims in one round trip). If it raises,
        the items before the failure may be stored (SQLite: none); retrying the batch
        with the same delivery ids completes it.
        """
        return [
            self.append_message(
                event, delivery_id, max_messages=max_messages, fold_every=fold_every
            )
            for event, delivery_id in items
        ]

    @abc.abstractmethod
    def list_messages(
        self, account_id: str, session_id: str, *, limit: int, before: int | None = None
    ) -> list[StoredMessage]:
        """The ``limit`` messages with seq < ``before`` (all when None) closest to it,
        returned in conversation order (seq ascending, then message_id).

        Raises ``NotFound`` when the session does not exist in this account.
        """

    @abc.abstractmethod
    def messages_after(
        self, account_id: str, session_id: str, after: MessageCursor | None, *, limit: int
    ) -> list[StoredMessage]:
        """The first ``limit`` messages after ``after`` (a (seq, message_id) pair; None =
        from the start) in conversation order: pages that cover any session once.

        Raises ``NotFound`` when the session does not exist in this account.
        """

    # -- sessions --------------------------------------------------------------
    @abc.abstractmethod
    def create_session(
        self, account_id: str, session_id: str, spec: SessionCreate, now: datetime
    ) -> Session:
        """Raises ``Conflict`` if the id exists (or was deleted) in this account."""

    @abc.abstractmethod
    def get_session(self, account_id: str, session_id: str) -> Session:
        """Raises ``NotFound``."""

    @abc.abstractmethod
    def list_sessions(
        self,
        account_id: str,
        *,
        user_id: str | None = None,
        channel: str | None = None,
        persona: str | None = None,
        active: bool | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> tuple[list[Session], str | None]:
        """Most recent activity first (last_message_at, else created_at; ties by id).

        Returns the page and an opaque cursor for the next one (None at the end).
        Raises ``InvalidInput`` for a cursor it did not produce.
        """

    @abc.abstractmethod
    def update_session(
        self, account_id: str, session_id: str, patch: SessionPatch, now: datetime
    ) -> Session:
        """Set the fields present in ``patch`` (metadata replaces; a null persona is
        stored as ``PERSONA_CLEARED``). Raises ``NotFound``."""

    @abc.abstractmethod
    def end_session(self, account_id: str, session_id: str, reason: str, now: datetime) -> Session:
        """Mark ended with the reason; ending an ended session keeps the first end.
        Raises ``NotFound``."""

    @abc.abstractmethod
    def delete_session(self, account_id: str, session_id: str) -> DeletedSession:
        """Delete the session and its messages, leaving a tombstone (with the deletion
        time) so later messages for it are dropped and its id is not reused until
        retention removes the tombstone (``purge_tombstone``); what went, counted.
        Raises ``NotFound``."""


def jsonable_metadata(metadata: dict[str, Any] | None) -> dict[str, Any]:
    return dict(metadata or {})


#: The stored persona of a session patched to have none: unlike a persona never
#: set (null), it stops the fallback to ``metadata.persona`` (``persona_from``).
PERSONA_CLEARED = ""
_PERSONA_NAME = re.compile(PERSONA_NAME_PATTERN)


def stored_persona(persona: str | None) -> str:
    """What a patch's persona is stored as: a name, or ``PERSONA_CLEARED``."""
    return persona or PERSONA_CLEARED


def persona_from(stored: str | None, metadata: dict[str, Any]) -> str | None:
    """A session's persona as reads show it. Before contract 1.3.0 a persona was
    given as ``metadata.persona``: a session whose persona was never set (null)
    still has that one, when it is a valid name; a cleared one has none."""
    if stored is None:
        legacy = metadata.get("persona")
        return legacy if isinstance(legacy, str) and _PERSONA_NAME.fullmatch(legacy) else None
    return stored or None
