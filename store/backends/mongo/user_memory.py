"""The production adapter's user-memory part: one document per (account, user, persona).

A merge costs four round trips whatever the user's history: take the lease
(one upsert), read, compare-and-set (one guarded update), release. The
unique index ``user_memory_once`` makes the lease and the first save atomic.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import bson
from bson.raw_bson import RawBSONDocument
from pymongo import ASCENDING
from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError

from domain.ports.user_memory import UserMemoryStore
from schemas.user_memory import UserMemoryState
from store.backends._mongo_errors import translated as _translated
from store.backends._parsed_memory import ParsedMemories
from store.backends.mongo.database import MongoDatabase
from store.backends.mongo.leases import give_back_lease, take_lease


def user_memory_indexes(collection: Collection[Any]) -> None:
    collection.create_index(
        [("account_id", ASCENDING), ("user_id", ASCENDING), ("persona", ASCENDING)],
        unique=True,
        name="user_memory_once",
    )


def _key(account_id: str, user_id: str, persona: str) -> dict[str, str]:
    return {"account_id": account_id, "user_id": user_id, "persona": persona}


class MongoUserMemory(UserMemoryStore):
    def __init__(self, db: MongoDatabase) -> None:
        self.db = db
        self.docs = db.user_memory
        self.raw_docs = self.docs.with_options(
            codec_options=self.docs.codec_options.with_options(document_class=RawBSONDocument)
        )
        self._parsed = ParsedMemories()

    @_translated
    def load_user_memory(self, account_id: str, user_id: str, persona: str) -> UserMemoryState:
        # Raw BSON: compared with the last one parsed, not decoded, when unchanged.
        raw = self.raw_docs.find_one(
            _key(account_id, user_id, persona), {"_id": 0, "state": 1, "version": 1}
        )
        if raw is None:
            return UserMemoryState()
        version = raw.get("version", 0)
        if raw.get("state") is None:
            return UserMemoryState(version=version)

        def parse() -> UserMemoryState:
            doc = bson.decode(raw.raw, codec_options=self.docs.codec_options)
            return UserMemoryState.model_validate({**doc["state"], "version": version})

        return self._parsed.get((account_id, user_id, persona), version, raw.raw, parse)

    @_translated
    def acquire_user_memory_lease(
        self,
        account_id: str,
        user_id: str,
        persona: str,
        owner: str,
        until: datetime,
        now: datetime,
    ) -> bool:
        # Keyed by the unique user_memory_once index.
        return take_lease(self.docs, _key(account_id, user_id, persona), owner, until, now)

    @_translated
    def release_user_memory_lease(
        self, account_id: str, user_id: str, persona: str, owner: str
    ) -> None:
        give_back_lease(self.docs, _key(account_id, user_id, persona), owner)

    @_translated
    def save_user_memory(
        self,
        account_id: str,
        user_id: str,
        persona: str,
        state: UserMemoryState,
        owner: str | None,
    ) -> bool:
        version = state.version + 1
        document = state.model_copy(update={"version": version}).model_dump(mode="json")
        query: dict[str, Any] = {**_key(account_id, user_id, persona), "version": state.version}
        if owner is not None:
            query["lease_owner"] = owner
        update = {"$set": {"state": document, "version": version}}
        try:
            # Upsert only for a first save without a lease: a stored memory that moved
            # on (or a taken one) makes the insert hit the unique index.
            result = self.docs.update_one(
                query, update, upsert=owner is None and state.version == 0
            )
        except DuplicateKeyError:
            return False
        return result.matched_count == 1 or result.upserted_id is not None

    @_translated
    def user_memory_personas(self, account_id: str, user_id: str) -> list[str]:
        docs = self.docs.find(
            {"account_id": account_id, "user_id": user_id, "state": {"$ne": None}},
            {"_id": 0, "persona": 1},
        )
        return sorted(doc["persona"] for doc in docs)

    @_translated
    def delete_user_memories(self, account_id: str, user_id: str) -> int:
        # Two round trips: count what held a memory, then delete (leases included).
        stored = self.docs.count_documents(
            {"account_id": account_id, "user_id": user_id, "state": {"$ne": None}}
        )
        self.docs.delete_many({"account_id": account_id, "user_id": user_id})
        return stored
