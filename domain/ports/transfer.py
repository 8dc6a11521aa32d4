"""The store port's import part: recreate an exported session (``schemas.transfer``).

``domain.ports.store.Store`` composes it; each adapter implements it in its own module
(``store/backends/sqlite/transfer.py``, ``store/backends/mongo/transfer.py``).
Export needs no operation of its own: it reads through the port
(``memq.transfer``).

``import_session`` writes the session, its messages (same ids, seqs, times) and
its memory, with the counters a session built by ``append_message`` would
have. The first ``memory.folded_count`` messages are marked folded. SQLite
writes it all in one transaction. MongoDB writes messages and memory first and
the session doc last, so a half-done import is invisible to reads, and a retry
of the same import completes it.
"""

from __future__ import annotations

import abc
from datetime import datetime

from schemas.sessions import Session
from schemas.transfer import SessionDocument

#: ``delivery_id`` of an imported message (no queue delivery stored it).
IMPORT_DELIVERY = "import"


def message_id_taken(message_id: str) -> str:
    """The 409 of an import whose message id is stored already, with the way out."""
    return (
        f"message {message_id} is already stored in this account (message ids are unique "
        "per account): import it as a copy with copy=true (`memq import --copy`), which "
        "gives every message a new id, or delete the original session first"
    )


class TransferStore(abc.ABC):
    @abc.abstractmethod
    def import_session(
        self, account_id: str, session_id: str, doc: SessionDocument, now: datetime
    ) -> Session:
        """Create ``session_id`` in the account from ``doc``; ``now`` is its ``updated_at``.

        Raises ``Conflict`` when the id exists (or was deleted) in this account, or
        when one of the document's message ids is already stored in this account
        for another session (message ids are unique per account)."""
