"""The MongoDB adapter's search part (``store.search``), mixed into ``MongoStore``.

Each message doc carries ``search_terms``: its distinct terms from
``domain.search.tokenize`` (written by ``append_message`` in the same insert).
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

``memq_meta`` doc ``search_index`` records ``version``, the tokenizer
``INDEX_VERSION`` of the stored terms (absent: version 1, from before it was
recorded; a database without messages starts at the current version). A store
with an older version is not reindexed at start-up (it may be large):
``reindex_search`` (``memq reindex``) walks the messages in ``_id`` order,
keeping how far it got in the doc ``search_reindex`` so an interrupted run
resumes there.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from datetime import UTC
from typing import Any

from pymongo import ASCENDING, DESCENDING, UpdateOne
from pymongo.collection import Collection

from domain.ports.search import (
    REINDEX_BATCH,
    UNRECORDED_INDEX_VERSION,
    ReindexProgress,
    SearchHit,
    SearchStore,
)
from domain.search.snippet import snippet
from domain.search.tokenize import INDEX_VERSION, index_terms, query_terms, terms
from schemas.errors import NotFound
from store.backends._common import check_batch, check_search_limit
from store.backends._mongo_errors import translated
from store.backends.mongo.database import MongoDatabase

log = logging.getLogger("memq.store.mongo")

META_COLLECTION = "memq_meta"
BACKFILL_MARKER = "search_terms_backfill"
INDEX_VERSION_DOC = "search_index"
#: ``{version, after, done}``: the last message ``_id`` reindexed, and how many were.
REINDEX_PROGRESS_DOC = "search_reindex"
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
    _start_an_empty_store_at_this_version(messages)


def _start_an_empty_store_at_this_version(messages: Collection[Any]) -> None:
    # Without messages there is nothing to reindex; a store with messages and no
    # version doc is from before versions were recorded, and stays at version 1.
    if messages.find_one({}, {"_id": 1}) is None:
        messages.database[META_COLLECTION].update_one(
            {"_id": INDEX_VERSION_DOC}, {"$setOnInsert": {"version": INDEX_VERSION}}, upsert=True
        )


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


def _resume_point(meta: Collection[Any]) -> tuple[Any, int]:
    """(last ``_id`` done or None, messages done) of an unfinished reindex to this version."""
    progress = meta.find_one({"_id": REINDEX_PROGRESS_DOC, "version": INDEX_VERSION})
    if progress is None:
        return None, 0
    return progress["after"], int(progress["done"])


def _messages_after(messages: Collection[Any], after: Any, batch: int) -> list[dict[str, Any]]:
    filter_ = {} if after is None else {"_id": {"$gt": after}}
    return list(
        messages.find(filter_, {"_id": 1, "content": 1, "search_terms": 1})
        .sort([("_id", ASCENDING)])
        .limit(batch)
    )


def _reindex_docs(messages: Collection[Any], docs: list[dict[str, Any]]) -> None:
    updates = []
    for doc in docs:
        wanted = search_terms(doc["content"])
        if doc.get("search_terms") != wanted:  # most messages keep their terms: no write
            updates.append(UpdateOne({"_id": doc["_id"]}, {"$set": {"search_terms": wanted}}))
    if updates:
        messages.bulk_write(updates, ordered=False)


def score(content: str, wanted: list[str]) -> float:
    found = terms(content)
    counts = Counter(found)
    norm = _K1 * (1 - _B + _B * len(found) / _AVG_TERMS)
    return sum(counts[t] * (_K1 + 1) / (counts[t] + norm) for t in wanted if counts[t])


class MongoSearch(SearchStore):
    def __init__(self, db: MongoDatabase) -> None:
        self.db = db

    def search_messages(
        self,
        account_id: str,
        query: str,
        *,
        session_id: str | None = None,
        user_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        check_search_limit(limit)
        wanted = query_terms(query)
        if session_id is not None and (
            self.db.sessions.find_one(
                {"account_id": account_id, "session_id": session_id, **self.db.visible()},
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
            self.db.messages.find(
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
            **self.db.visible(),
        }
        if user_id is not None:
            session_filter["user_id"] = user_id
        visible = {
            s["session_id"]
            for s in self.db.sessions.find(session_filter, {"_id": 0, "session_id": 1})
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

    @translated
    def search_index_version(self) -> int:
        doc = self.db.messages.database[META_COLLECTION].find_one({"_id": INDEX_VERSION_DOC})
        return UNRECORDED_INDEX_VERSION if doc is None else int(doc["version"])

    @translated
    def reindex_search(
        self, *, batch: int = REINDEX_BATCH, progress: ReindexProgress | None = None
    ) -> int:
        check_batch(batch)
        meta = self.db.messages.database[META_COLLECTION]
        total = self.db.messages.estimated_document_count()
        after, done = _resume_point(meta)
        while docs := _messages_after(self.db.messages, after, batch):
            _reindex_docs(self.db.messages, docs)
            after, done = docs[-1]["_id"], done + len(docs)
            # Recorded after the batch's writes: an interruption redoes one batch at most.
            meta.replace_one(
                {"_id": REINDEX_PROGRESS_DOC},
                {"version": INDEX_VERSION, "after": after, "done": done},
                upsert=True,
            )
            if progress is not None:
                progress(done, max(done, total))
        meta.update_one(
            {"_id": INDEX_VERSION_DOC}, {"$set": {"version": INDEX_VERSION}}, upsert=True
        )
        meta.delete_one({"_id": REINDEX_PROGRESS_DOC})
        return done
