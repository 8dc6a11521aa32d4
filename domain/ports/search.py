"""The store port's search part: keyword search over a session's or an account's messages.

``domain.ports.store.Store`` composes it; each adapter implements it in its own module
(``store/backends/sqlite/search.py``, ``store/backends/mongo/search.py``).

Text and query go through the same tokenizer (``domain.search.tokenize``): word
terms for space-separated scripts (English, Persian), overlapping character
bigrams for scripts without spaces (Thai, CJK). A hit is a message holding
every distinct query term; hits are ranked by score (higher is better; the
scale is the adapter's own: SQLite bm25, MongoDB term frequency), ties by
recency. Sessions hidden from reads (deleted, past retention) never match,
and an account only ever finds its own messages.

The stored terms are those of the tokenizer version that wrote them: a store
records ``domain.search.tokenize.INDEX_VERSION`` once its terms are all of that
version, and ``reindex_search`` recomputes them after an upgrade changed it.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

#: Messages ``reindex_search`` recomputes per write (and per progress report).
REINDEX_BATCH = 1000
#: The index version of a store from before versions were recorded.
UNRECORDED_INDEX_VERSION = 1

#: Told after each batch of ``reindex_search``: (messages done, messages in the store).
ReindexProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class SearchHit:
    session_id: str
    message_id: str
    role: str
    seq: int
    score: float
    snippet: str
    accepted_at: datetime
    user_id: str | None


class SearchStore(abc.ABC):
    @abc.abstractmethod
    def search_messages(
        self,
        account_id: str,
        query: str,
        *,
        session_id: str | None = None,
        user_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """At most ``limit`` (1..MAX_SEARCH_LIMIT) best hits for ``query`` in the account,
        in one session or one user's sessions when given. A query without any term
        finds nothing. Raises ``NotFound`` when ``session_id`` is given and the session
        does not exist (or is hidden) in this account; ``InvalidInput`` for a bad limit."""

    @abc.abstractmethod
    def search_index_version(self) -> int:
        """The tokenizer ``INDEX_VERSION`` the stored terms were computed with
        (``UNRECORDED_INDEX_VERSION`` for a store from before versions were recorded)."""

    @abc.abstractmethod
    def reindex_search(
        self, *, batch: int = REINDEX_BATCH, progress: ReindexProgress | None = None
    ) -> int:
        """Recompute every stored message's terms with this code's tokenizer, ``batch``
        messages at a time, then record its ``INDEX_VERSION``; returns how many messages
        were covered. Safe to interrupt: the next call resumes after the last batch
        done. Safe to run again: a finished reindex starts over, rewriting only terms
        that differ. Messages stored meanwhile get current terms from ``append_message``."""
