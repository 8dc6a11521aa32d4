"""The MongoDB adapter's search part (``store.search``), mixed into ``MongoStore``.

Each message doc carries ``search_terms``: its distinct terms from
``memq.search.tokenize`` (written by ``append_message`` in the same insert).
The multikey index ``messages_search`` on (account_id, search_terms) serves a
query ``{account_id, search_terms: {$all: terms}}``: one account's messages
holding every term, found without Atlas Search and without ``$text`` (whose
tokenizer would not split Thai, and whose support differs in the test
emulator). At most ``SEARCH_CANDIDATES`` matching messages, most recent first,
are read; they are scored here (BM25-like term frequency over the content's
terms, length-normalized), filtered by the visibility of their sessions (one
more query) and the best ``limit`` returned. A message stored before search
existed gets its ``search_terms`` from ``ensure_indexes`` (a one-time back-fill
at start-up, in batches).
"""

from __future__ import annotations

import abc
import logging
import math
from collections import Counter
from datetime import UTC
from typing import Any

from pymongo import ASCENDING, DESCENDING, UpdateOne
from pymongo.collection import Collection

from memq.errors import InvalidInput, NotFound
from memq.search.snippet import snippet
from memq.search.tokenize import index_terms, query_terms, terms
from store.backends._common import check_limit
from store.search import MAX_SEARCH_LIMIT, SearchHit, SearchStore

log = logging.getLogger(__name__)

META_COLLECTION = "memq_meta"
BACKFILL_MARKER = "search_terms_backfill"
#: Messages given ``search_terms`` per round trip by the start-up back-fill.
BACKFILL_BATCH = 500
#: Matching messages read and scored per query (the most recent ones).
SEARCH_CANDIDATES = 500
_K1, _B, _AVG_TERMS = 1.2, 0.75, 30.0


def search_terms(content: str) -> list[str]:
    """The ``search_terms`` field of a message doc."""
    return list(dict.fromkeys(index_terms(content)))


def search_indexes(messages: Collection[Any]) -> None:
    messages.create_index(
        [("account_id", ASCENDING), ("search_terms", ASCENDING)], name="messages_search"
    )
    backfill_search_terms(messages)


def backfill_search_terms(messages: Collection[Any], *, batch: int = BACKFILL_BATCH) -> int:
    """Give ``search_terms`` to messages stored before search existed; how many were
    updated. Idempotent, so workers starting together may all run it; once done it
    leaves a marker doc in ``memq_meta`` so later start-ups skip the scan."""
    meta = messages.database[META_COLLECTION]
    if meta.find_one({"_id": BACKFILL_MARKER}) is not None:
        return 0
    updated = 0
    while True:
        docs = list(
            messages.find({"search_terms": {"$exists": False}}, {"_id": 1, "content": 1}).limit(
                batch
            )
        )
        if not docs:
            break
        messages.bulk_write(
            [
                UpdateOne({"_id": d["_id"]}, {"$set": {"search_terms": search_terms(d["content"])}})
                for d in docs
            ],
            ordered=False,
        )
        updated += len(docs)
    meta.update_one({"_id": BACKFILL_MARKER}, {"$set": {"done": True}}, upsert=True)
    if updated:
        log.info("search: indexed %d messages stored before search existed", updated)
    return updated


def score(content: str, wanted: list[str]) -> float:
    found = terms(content)
    counts = Counter(found)
    norm = _K1 * (1 - _B + _B * len(found) / _AVG_TERMS)
    return sum(counts[t] * (_K1 + 1) / (counts[t] + norm) for t in wanted if counts[t])


class MongoSearch(SearchStore):
    _sessions: Collection[Any]
    _messages: Collection[Any]

    @abc.abstractmethod
    def _visible(self) -> dict[str, Any]:
        """Filter on session docs: not deleted, not past retention (``MongoLifecycle``)."""

    def search_messages(
        self,
        account_id: str,
        query: str,
        *,
        session_id: str | None = None,
        user_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        check_limit(limit)
        if limit > MAX_SEARCH_LIMIT:
            raise InvalidInput(f"limit must be at most {MAX_SEARCH_LIMIT}")
        wanted = query_terms(query)
        if session_id is not None and (
            self._sessions.find_one(
                {"account_id": account_id, "session_id": session_id, **self._visible()},
                {"_id": 1},
            )
            is None
        ):
            raise NotFound(f"session {session_id} not found")
        if not wanted:
            return []
        filter_: dict[str, Any] = {"account_id": account_id, "search_terms": {"$all": wanted}}
        if session_id is not None:
            filter_["session_id"] = session_id
        docs = list(
            self._messages.find(
                filter_,
                {
                    "_id": 0,
                    "session_id": 1,
                    "message_id": 1,
                    "role": 1,
                    "seq": 1,
                    "content": 1,
                    "accepted_at": 1,
                    "user_id": 1,
                },
            )
            .sort([("accepted_at", DESCENDING)])
            .limit(SEARCH_CANDIDATES)
        )
        if not docs:
            return []
        session_filter: dict[str, Any] = {
            "account_id": account_id,
            "session_id": {"$in": sorted({d["session_id"] for d in docs})},
            **self._visible(),
        }
        if user_id is not None:
            session_filter["user_id"] = user_id
        visible = {
            s["session_id"]
            for s in self._sessions.find(session_filter, {"_id": 0, "session_id": 1})
        }
        scored = [(score(d["content"], wanted), d) for d in docs if d["session_id"] in visible]
        scored.sort(key=lambda p: (-p[0], -p[1]["accepted_at"].timestamp(), p[1]["message_id"]))
        return [
            SearchHit(
                session_id=d["session_id"],
                message_id=d["message_id"],
                role=d["role"],
                seq=d["seq"],
                score=round(s if math.isfinite(s) else 0.0, 6),
                snippet=snippet(d["content"], wanted),
                accepted_at=d["accepted_at"].astimezone(UTC),
                user_id=d.get("user_id"),
            )
            for s, d in scored[:limit]
        ]
