"""The production adapter's memory part: a session's memory state, its lease, its folding.

See ``store.backends.mongo.database`` for the round trips of each call and why
``save_memory`` may leave a fold's messages unmarked after a crash.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pymongo import DESCENDING, ReturnDocument

from domain.ports.memory import ContextSnapshot, MemoryStore, SessionUser
from domain.ports.sessions import persona_from
from schemas.errors import NotFound
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage
from store.backends._common import as_utc, check_keep_last, check_limit, memory_document
from store.backends._mongo_errors import translated as _translated
from store.backends.mongo.database import (
    IN_ORDER,
    MESSAGE_FIELDS,
    NOT_DELETED,
    NOT_FOLDED,
    MongoDatabase,
    ms,
)
from store.backends.mongo.leases import give_back_lease, take_lease
from store.backends.mongo.user_memory import MongoUserMemory


class MongoMemory(MemoryStore):
    def __init__(self, db: MongoDatabase, users: MongoUserMemory) -> None:
        self.db = db
        self.users = users  # the context snapshot reads the user memory through its cache

    @_translated
    def context_snapshot(
        self, account_id: str, session_id: str, *, recent_limit: int, user_memory: bool = False
    ) -> ContextSnapshot:
        # Three round trips: the session's count (and user), its memory, its newest
        # messages; a fourth for the user memory when asked and the session has a user.
        check_limit(recent_limit)
        key = {"account_id": account_id, "session_id": session_id}
        fields = {"_id": 0, "message_count": 1}
        if user_memory:
            fields |= {"user_id": 1, "persona": 1, "metadata.persona": 1}
        session = self.db.sessions.find_one({**key, **self.db.visible()}, fields)
        if session is None:
            raise NotFound(f"session {session_id} not found")
        memory = self.db.memory_state(account_id, session_id)
        recent = self.db.newest_messages(account_id, session_id, {}, recent_limit)
        user = None
        if user_memory and session.get("user_id") is not None:
            user_id = session["user_id"]
            persona = persona_from(session.get("persona"), session.get("metadata") or {}) or ""
            user = SessionUser(
                user_id, persona, self.users.load_user_memory(account_id, user_id, persona)
            )
        return ContextSnapshot(
            message_count=session.get("message_count", 0), memory=memory, recent=recent, user=user
        )

    @_translated
    def load_memory(self, account_id: str, session_id: str) -> MemoryState:
        self.db.require_session(account_id, session_id)
        return self.db.memory_state(account_id, session_id)

    @_translated
    def acquire_memory_lease(
        self, account_id: str, session_id: str, owner: str, until: datetime, now: datetime
    ) -> bool:
        key = {"account_id": account_id, "session_id": session_id}
        # Keyed by the unique memory_once index.
        if not take_lease(self.db.memory, key, owner, until, now):
            return False
        # Session checked after taking the lease: a delete_session running
        # meanwhile either removes our doc after this check, failing our next
        # save, or is seen here, and we remove what we just created.
        if self.db.session_exists(account_id, session_id):
            return True
        self.db.memory.delete_one(key)
        return False

    @_translated
    def release_memory_lease(self, account_id: str, session_id: str, owner: str) -> None:
        give_back_lease(self.db.memory, {"account_id": account_id, "session_id": session_id}, owner)

    @_translated
    def save_memory(self, account_id: str, session_id: str, state: MemoryState, owner: str) -> bool:
        version = state.version + 1
        # The lease doc exists (acquire created it), so the CAS is a plain update;
        # a classic $set stores client text in the document literally.
        saved = self.db.memory.update_one(
            {
                "account_id": account_id,
                "session_id": session_id,
                "version": state.version,
                "lease_owner": owner,
            },
            {"$set": {"state": memory_document(state, version), "version": version}},
        )
        if not saved.matched_count:
            return False
        if state.last_fold_ids:
            self.db.messages.update_many(
                {
                    "account_id": account_id,
                    "message_id": {"$in": state.last_fold_ids},
                    "session_id": session_id,
                },
                {"$set": {"folded": True}},
            )
        return True

    @_translated
    def take_memory_mark(self, account_id: str, session_id: str) -> datetime | None:
        before = self.db.sessions.find_one_and_update(
            {
                "account_id": account_id,
                "session_id": session_id,
                "memory_pending_at": {"$ne": None},
            },
            {"$set": {"memory_pending_at": None}},
            projection={"_id": 0, "memory_pending_at": 1},
            return_document=ReturnDocument.BEFORE,
        )
        return None if before is None else as_utc(before["memory_pending_at"])

    @_translated
    def mark_memory_pending(self, account_id: str, session_id: str, now: datetime) -> bool:
        marked = self.db.sessions.update_one(
            {
                "account_id": account_id,
                "session_id": session_id,
                "memory_pending_at": None,
                **self.db.visible(),
            },
            {"$set": {"memory_pending_at": ms(now)}},
        )
        return marked.modified_count == 1

    @_translated
    def renew_memory_mark(
        self, account_id: str, session_id: str, *, marked_before: datetime, now: datetime
    ) -> bool:
        renewed = self.db.sessions.update_one(
            {
                "account_id": account_id,
                "session_id": session_id,
                "deleted": NOT_DELETED,
                "memory_pending_at": {"$lt": as_utc(marked_before)},
            },
            {"$set": {"memory_pending_at": ms(now)}},
        )
        return renewed.modified_count == 1

    @_translated
    def oldest_unfolded_at(self, account_id: str, session_id: str) -> datetime | None:
        doc = self.db.messages.find_one(
            {"account_id": account_id, "session_id": session_id, "folded": NOT_FOLDED},
            {"_id": 0, "accepted_at": 1},
            sort=IN_ORDER,
        )
        return None if doc is None else as_utc(doc["accepted_at"])

    @_translated
    def unfolded_messages(
        self,
        account_id: str,
        session_id: str,
        *,
        keep_last: int,
        exclude_ids: list[str],
        limit: int,
    ) -> list[StoredMessage]:
        check_keep_last(keep_last)
        check_limit(limit)
        key = {"account_id": account_id, "session_id": session_id}
        query: dict[str, Any] = {**key, "folded": NOT_FOLDED}
        if exclude_ids:
            query["message_id"] = {"$nin": exclude_ids}
        edge: tuple[int, str] | None = None
        if keep_last:
            # The oldest message of the verbatim window: everything older may fold.
            window = list(
                self.db.messages.find(key, {"_id": 0, "seq": 1, "message_id": 1})
                .sort([("seq", DESCENDING), ("message_id", DESCENDING)])
                .skip(keep_last - 1)
                .limit(1)
            )
            if not window:
                return []  # the whole session is inside the window
            edge = (window[0]["seq"], window[0]["message_id"])
            # One index range; messages sharing the edge's seq are cut below.
            query["seq"] = {"$lte": edge[0]}
        docs = list(self.db.messages.find(query, MESSAGE_FIELDS).sort(IN_ORDER).limit(limit))
        if edge is not None:
            # What is at or past the edge sorts after everything before it, so
            # dropping it from the page never leaves out an earlier message.
            docs = [doc for doc in docs if (doc["seq"], doc["message_id"]) < edge]
        return [StoredMessage.model_validate(doc) for doc in docs]

    @_translated
    def count_unfolded(self, account_id: str, session_id: str) -> int:
        return self.db.messages.count_documents(
            {"account_id": account_id, "session_id": session_id, "folded": NOT_FOLDED}
        )

    @_translated
    def messages_before(
        self, account_id: str, session_id: str, seq: int, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        return self.db.newest_messages(account_id, session_id, {"$lt": seq}, limit)

    @_translated
    def messages_between(
        self, account_id: str, session_id: str, first_seq: int, last_seq: int, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        docs = self.db.messages.find(
            {
                "account_id": account_id,
                "session_id": session_id,
                "seq": {"$gte": first_seq, "$lte": last_seq},
            },
            MESSAGE_FIELDS,
        )
        return [StoredMessage.model_validate(doc) for doc in docs.sort(IN_ORDER).limit(limit)]
