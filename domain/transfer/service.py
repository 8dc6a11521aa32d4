"""Build a session's export document, page by page; import one into an account.

Export reads through the store port: first the head (the session, the stored
memory and the analytics, ``export_head``), then the messages in conversation
order, a page at a time (``export_page``), so that any session the store may
hold can be exported: the gateway streams the pages as they come. These are
separate reads, not one snapshot: a message stored meanwhile may or may not be
in the document.

Import without an asked id derives the id from the account and a hash of the
document's content (``imp-`` + 32 hex digits), so importing the same document
twice finds the first import and answers ``already_imported`` without writing.
With an asked id that is taken, or a message id already stored in the account
(message ids are unique per account), it is a ``Conflict``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from domain.ports.sessions import MessageCursor
from domain.ports.store import Store
from schemas.errors import Conflict, InvalidInput, NotFound
from schemas.messages import StoredMessage
from schemas.transfer import (
    ExportedMemory,
    ExportedMessage,
    ExportedSession,
    ExportHead,
    ExportPage,
    ImportResult,
    SessionDocument,
)

#: Messages per page: one request-reply each (about 60 ms for 500 here).
EXPORT_PAGE_MESSAGES = 500
#: Content bytes per page, so that a reply stays a modest AMQP message.
EXPORT_PAGE_BYTES = 4 * 1024 * 1024


def export_head(store: Store, account_id: str, session_id: str) -> ExportHead:
    """Raises ``NotFound`` like ``get_session``."""
    session = store.sessions.get_session(account_id, session_id)
    memory = store.memory.load_memory(account_id, session_id)
    analytics = store.lifecycle.session_analytics(account_id, session_id)
    return ExportHead(
        session=ExportedSession(
            session_id=session.session_id,
            user_id=session.user_id,
            channel=session.channel,
            persona=session.persona,
            title=session.title,
            metadata=session.metadata,
            status=session.status,
            ended_reason=session.ended_reason,
            created_at=session.created_at,
            ended_at=session.ended_at,
        ),
        memory=ExportedMemory(
            folded_count=memory.folded_count,
            recent=memory.recent,
            mid=memory.mid,
            old=memory.old,
            facts=memory.facts,
            details=memory.details,
            updated_at=memory.updated_at,
        ),
        analytics=analytics if analytics.version else None,
        message_count=session.message_count,
    )


def export_page(
    store: Store,
    account_id: str,
    session_id: str,
    after: MessageCursor | None,
    *,
    limit: int = EXPORT_PAGE_MESSAGES,
    max_bytes: int = EXPORT_PAGE_BYTES,
) -> ExportPage:
    """The messages after ``after``: at most ``limit``, and no more content than
    ``max_bytes`` (but at least one message). Raises ``NotFound``."""
    found = store.sessions.messages_after(account_id, session_id, after, limit=limit)
    taken: list[StoredMessage] = []
    size = 0
    for message in found:
        size += len(message.content.encode())
        if taken and size > max_bytes:
            break
        taken.append(message)
    last = (taken[-1].seq, taken[-1].message_id) if taken else None
    more = len(taken) < len(found) or len(found) == limit
    return ExportPage(
        messages=[
            ExportedMessage.model_validate(m.model_dump(exclude={"session_id"})) for m in taken
        ],
        next_after=last if more else None,
    )


def export_session(store: Store, account_id: str, session_id: str) -> SessionDocument:
    """The whole document in memory, from the same head and pages the gateway streams."""
    head = export_head(store, account_id, session_id)
    messages: list[ExportedMessage] = []
    page = export_page(store, account_id, session_id, None)
    messages += page.messages
    while page.next_after is not None:
        page = export_page(store, account_id, session_id, page.next_after)
        messages += page.messages
    return SessionDocument(
        session=head.session,
        messages=messages,
        memory=head.memory_after(len(messages)),
        analytics=head.analytics,
    )


def derived_session_id(account_id: str, doc: SessionDocument, *, copy: bool = False) -> str:
    salt = "\0copy" if copy else ""
    digest = hashlib.sha256(f"{account_id}\0{doc.content_hash()}{salt}".encode()).hexdigest()
    return f"imp-{digest[:32]}"


def as_copy(doc: SessionDocument, target: str) -> SessionDocument:
    """``doc`` with every message id replaced by one derived from ``target`` and the old id.

    Message ids are unique per account, so a document imported into the account
    it came from needs new ones. Derived, not random: a retried copy import
    writes the same ids. Key facts keep pointing at their source messages.
    """
    renamed = {m.message_id: copy_message_id(target, m.message_id) for m in doc.messages}
    messages = [m.model_copy(update={"message_id": renamed[m.message_id]}) for m in doc.messages]
    facts = [
        fact.model_copy(
            update={
                "source_message_id": renamed.get(fact.source_message_id, fact.source_message_id)
            }
        )
        for fact in doc.memory.facts
    ]
    memory = doc.memory.model_copy(update={"facts": facts})
    return doc.model_copy(update={"messages": messages, "memory": memory})


def copy_message_id(target: str, message_id: str) -> str:
    digest = hashlib.sha256(f"{target}\0{message_id}".encode()).hexdigest()[:12]
    return f"{message_id[:100]}.copy-{digest}"  # within the 128 characters of an id


def import_session(
    store: Store,
    account_id: str,
    doc: SessionDocument,
    *,
    session_id: str | None,
    now: datetime,
    copy: bool = False,
) -> ImportResult:
    target = session_id or derived_session_id(account_id, doc, copy=copy)
    if copy:
        doc = as_copy(doc, target)
    already = ImportResult(
        session_id=target, messages_imported=0, facts_imported=0, already_imported=True
    )
    if session_id is None and _exists(store, account_id, target):
        return already
    try:
        store.transfer.import_session(account_id, target, doc, now)
    except Conflict:
        # Two imports of the same document at once: the other one won.
        if session_id is None and _exists(store, account_id, target):
            return already
        raise
    except NotFound:
        # Created, but hidden at once: it ended longer ago than the retention.
        raise InvalidInput(
            "session.ended_at: the session ended longer ago than this deployment keeps "
            "ended sessions (MEMQ_RETENTION_DAYS)"
        ) from None
    return ImportResult(
        session_id=target,
        messages_imported=len(doc.messages),
        facts_imported=len(doc.memory.facts),
        already_imported=False,
    )


def _exists(store: Store, account_id: str, session_id: str) -> bool:
    try:
        store.sessions.get_session(account_id, session_id)
    except NotFound:
        return False
    return True
