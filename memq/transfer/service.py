"""Build a session's export document; import one into an account.

Export reads through the store port: the session, all its messages in
conversation order, the stored memory and the analytics. These are separate
reads, not one snapshot: a message stored meanwhile may or may not be in it.

Import without an asked id derives the id from the account and a hash of the
document's content (``imp-`` + 32 hex digits), so importing the same document
twice finds the first import and answers ``already_imported`` without writing.
With an asked id that is taken, or a message id already stored in the account
(message ids are unique per account), it is a ``Conflict``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from memq.errors import Conflict, InvalidInput, NotFound
from schemas.transfer import (
    MAX_IMPORT_MESSAGES,
    ExportedMemory,
    ExportedMessage,
    ExportedSession,
    ImportResult,
    SessionDocument,
)
from store.base import Store

_ALL_SEQS = (0, 2**63 - 1)


def export_session(store: Store, account_id: str, session_id: str) -> SessionDocument:
    """Raises ``NotFound`` like ``get_session``; ``InvalidInput`` above MAX_IMPORT_MESSAGES."""
    session = store.get_session(account_id, session_id)
    messages = store.messages_between(
        account_id, session_id, *_ALL_SEQS, limit=MAX_IMPORT_MESSAGES + 1
    )
    if len(messages) > MAX_IMPORT_MESSAGES:
        raise InvalidInput(
            f"session {session_id} holds over {MAX_IMPORT_MESSAGES} messages: too large to export"
        )
    memory = store.load_memory(account_id, session_id)
    analytics = store.session_analytics(account_id, session_id)
    return SessionDocument(
        session=ExportedSession(
            session_id=session.session_id,
            user_id=session.user_id,
            channel=session.channel,
            title=session.title,
            metadata=session.metadata,
            status=session.status,
            ended_reason=session.ended_reason,
            created_at=session.created_at,
            ended_at=session.ended_at,
        ),
        messages=[
            ExportedMessage.model_validate(m.model_dump(exclude={"session_id"})) for m in messages
        ],
        memory=ExportedMemory(
            folded_count=min(memory.folded_count, len(messages)),
            recent=memory.recent,
            mid=memory.mid,
            old=memory.old,
            facts=memory.facts,
            updated_at=memory.updated_at,
        ),
        analytics=analytics if analytics.version else None,
    )


def derived_session_id(account_id: str, doc: SessionDocument) -> str:
    digest = hashlib.sha256(f"{account_id}\0{doc.content_hash()}".encode()).hexdigest()
    return f"imp-{digest[:32]}"


def import_session(
    store: Store,
    account_id: str,
    doc: SessionDocument,
    *,
    session_id: str | None,
    now: datetime,
) -> ImportResult:
    target = session_id or derived_session_id(account_id, doc)
    already = ImportResult(
        session_id=target, messages_imported=0, facts_imported=0, already_imported=True
    )
    if session_id is None and _exists(store, account_id, target):
        return already
    try:
        store.import_session(account_id, target, doc, now)
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
        store.get_session(account_id, session_id)
    except NotFound:
        return False
    return True
