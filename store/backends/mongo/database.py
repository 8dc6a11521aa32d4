"""The production adapter: MongoDB through a sync PyMongo client the caller opens.

Collections: ``messages`` (one doc per stored message, unique per account and
message id) and ``sessions`` (one doc per session with its counters; a deleted
session stays as a ``deleted`` tombstone). Datetimes are BSON dates, so they
keep millisecond precision; they are cut to milliseconds before writing so what
a call returns equals what a later read returns.

``append_message`` takes two round trips on the normal path:

1. ``insert_one`` the message, recording the ``delivery_id`` that inserted it;
2. one guarded upsert of the session: the filter excludes tombstones and
   sessions whose ``applied_ids`` (the last APPLIED_IDS message ids counted)
   already hold this message, so a redelivery never counts twice.

The counters need "replace title/last_prompt only if this seq is lower/higher",
so the update is an aggregation pipeline ($cond on ``title_seq`` and
``last_prompt_seq``). ``$max``/``$min`` on ``{seq, text}`` sub-documents would be
a classic update too, but mongoeco's sub-document comparison is wrong for large
ints, and pipelines work on MongoDB >= 4.2 and the emulator alike.

When the guard fails, the upsert tries to insert a second session doc and the
unique (account_id, session_id) index answers DuplicateKeyError; one read of the
session then tells which case it was: a tombstone (drop, and remove the message
just inserted), already applied (no-op), or a session created concurrently by
``create_session`` (update again). Step 2 is a ``findAndModify`` returning only
``message_count``, so the caller learns the count without another round trip.

``memory`` holds one doc per session with a memory lease or a saved state: the
``MemoryState`` as a sub-document, its compare-and-set ``version``,
``lease_owner`` and ``lease_until``. A message is folded once ``folded: true``;
an absent field means not folded. Round trips: ``load_memory`` 2 (session
check, memory), ``acquire_memory_lease`` 2 (guarded upsert, session check; 3
when the session is missing), ``release_memory_lease`` 1, ``save_memory`` 2
(CAS, then mark folded; 1 with nothing to mark), ``unfolded_messages`` 2 (window
edge, then the page; 1 with ``keep_last=0``), ``count_unfolded`` 1,
``messages_between`` 1.

``save_memory`` is not atomic on MongoDB: a crash after the CAS leaves the
fold's messages unmarked. The caller passes the saved ``last_fold_ids`` as
``unfolded_messages(exclude_ids=...)``, so they are not folded twice.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from bson.codec_options import CodecOptions
from pymongo import ASCENDING, DESCENDING, MongoClient, ReturnDocument
from pymongo.errors import DuplicateKeyError

from domain.ports.store import (
    AppendResult,
    ContextSnapshot,
    MessageCursor,
    Store,
    jsonable_metadata,
)
from schemas.errors import Conflict, NotFound, StoreUnavailable
from schemas.memory_state import MemoryState
from schemas.messages import MessageEvent, StoredMessage
from schemas.sessions import Session, SessionCreate, SessionPatch
from store.backends._common import (
    GIVEN_TITLE_SEQ,
    NO_SEQ,
    as_utc,
    check_keep_last,
    check_limit,
    decode_cursor,
    encode_cursor,
    memory_document,
    memory_state,
    prompt_from,
    title_from,
)
from store.backends._mongo_errors import translated as _translated
from store.backends._scan import retention_cutoff
from store.backends.mongo.lifecycle import MongoLifecycle, lifecycle_indexes
from store.backends.mongo.search import MongoSearch, search_indexes, search_terms
from store.backends.mongo.transfer import MongoTransfer

log = logging.getLogger(__name__)

#: How many recently counted message ids a session doc remembers. A crashed
#: delivery is redelivered long before this many newer messages are counted.
APPLIED_IDS = 256
#: Rounds of "upsert raced with create_session" before giving up (transient).
_APPLY_ATTEMPTS = 3

_NOT_DELETED = {"$ne": True}
_SESSION_FIELDS = {"_id": 0, "applied_ids": 0, "title_seq": 0, "last_prompt_seq": 0}
_MESSAGE_FIELDS = {
    "_id": 0,
    "account_id": 0,
    "delivery_id": 0,
    "folded": 0,
    "analyzed": 0,
    "search_terms": 0,
}
#: Matches a message not marked folded (absent field included) with index point bounds.
_NOT_FOLDED = {"$in": [None, False]}
_IN_ORDER = [("seq", ASCENDING), ("message_id", ASCENDING)]


def _ms(moment: datetime) -> datetime:
    """What a BSON date keeps of a datetime."""
    moment = as_utc(moment)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


class MongoStore(MongoLifecycle, MongoSearch, MongoTransfer, Store):
    def __init__(
        self,
        client: MongoClient[Any],
        database: str,
        *,
        owns_client: bool = False,
        retention: timedelta | None = None,
    ) -> None:
        self._client = client
        self._owns_client = owns_client
        self._retention = retention
        db = client.get_database(database, codec_options=CodecOptions(tz_aware=True, tzinfo=UTC))
        self._messages = db["messages"]
        self._sessions = db["sessions"]
        self._memory = db["memory"]
        self._analytics = db["analytics"]

    @_translated
    def ensure_indexes(self) -> None:
        self._messages.create_index(
            [("account_id", ASCENDING), ("message_id", ASCENDING)],
            unique=True,
            name="message_once",
        )
        self._messages.create_index(
            [
                ("account_id", ASCENDING),
                ("session_id", ASCENDING),
                ("seq", ASCENDING),
                ("message_id", ASCENDING),
            ],
            name="messages_in_order",
        )
        self._messages.create_index(
            [
                ("account_id", ASCENDING),
                ("session_id", ASCENDING),
                ("folded", ASCENDING),
                ("seq", ASCENDING),
                ("message_id", ASCENDING),
            ],
            name="messages_by_folded",
        )
        self._memory.create_index(
            [("account_id", ASCENDING), ("session_id", ASCENDING)],
            unique=True,
            name="memory_once",
        )
        self._sessions.create_index(
            [("account_id", ASCENDING), ("session_id", ASCENDING)],
            unique=True,
            name="session_once",
        )
        self._sessions.create_index(
            [("account_id", ASCENDING), ("last_activity", DESCENDING), ("session_id", ASCENDING)],
            name="sessions_by_activity",
        )
        self._sessions.create_index(
            [
                ("account_id", ASCENDING),
                ("user_id", ASCENDING),
                ("last_activity", DESCENDING),
                ("session_id", ASCENDING),
            ],
            name="sessions_by_user",
        )
        lifecycle_indexes(self._sessions, self._messages, self._analytics)
        search_indexes(self._messages)

    @_translated
    def ping(self) -> None:
        self._sessions.database.command("ping")

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    # -- messages --------------------------------------------------------------
    @_translated
    def append_message(
        self, event: MessageEvent, delivery_id: str, *, max_messages: int | None = None
    ) -> AppendResult:
        if not self._insert_message(event, delivery_id):
            # Rare path: the message exists. Only the delivery that inserted it
            # may still owe the counter update (it crashed before step 2); the
            # same message id on another session is a duplicate, not a redelivery.
            existing = self._messages.find_one(
                {"account_id": event.account_id, "message_id": event.message_id},
                {"_id": 0, "delivery_id": 1, "session_id": 1},
            )
            if (
                existing is None
                or existing.get("delivery_id") != delivery_id
                or existing.get("session_id") != event.session_id
            ):
                log.debug("duplicate message %s ignored", event.message_id)
                return AppendResult(stored=False)
            log.info("redelivery of message %s: applying counters if owed", event.message_id)
        return self._apply_to_session(event, delivery_id, max_messages)

    def _insert_message(self, event: MessageEvent, delivery_id: str) -> bool:
        """Step 1 of ``append_message``: False when (account, message_id) exists."""
        doc = {
            "account_id": event.account_id,
            "session_id": event.session_id,
            "message_id": event.message_id,
            "role": event.role,
            "content": event.content,
            "seq": event.seq,
            "accepted_at": _ms(event.accepted_at),
            "sent_at": None if event.sent_at is None else _ms(event.sent_at),
            "user_id": event.user_id,
            "channel": event.channel,
            "metadata": event.metadata,
            "delivery_id": delivery_id,
            "search_terms": search_terms(event.content),
        }
        try:
            self._messages.insert_one(doc)
        except DuplicateKeyError:
            return False
        return True

    def _apply_to_session(
        self, event: MessageEvent, delivery_id: str, max_messages: int | None = None
    ) -> AppendResult:
        """Step 2: count the message on its session, at most once."""
        key = {"account_id": event.account_id, "session_id": event.session_id}
        guard: dict[str, Any] = {
            **key,
            "deleted": _NOT_DELETED,
            "applied_ids": {"$ne": event.message_id},
        }
        cutoff = retention_cutoff(self._retention)
        if cutoff is not None:
            # Past retention fails the guard too: the old session is purged, then counted anew.
            guard["$nor"] = [{"status": "ended", "ended_at": {"$lt": cutoff}}]
        if max_messages is not None:
            # Messages-per-session cap: a full session fails the guard like a tombstone,
            # unless the message comes before its newest counted one: refusing that
            # would leave a gap mid-conversation, so it is counted over the cap.
            guard["$or"] = [
                {"message_count": {"$not": {"$gte": max_messages}}},
                {"newest_seq": {"$gt": event.seq}},
                {"newest_seq": event.seq, "newest_id": {"$gt": event.message_id}},
            ]
        stage = _counters(event)
        for _ in range(_APPLY_ATTEMPTS):
            try:
                counted = self._sessions.find_one_and_update(
                    guard,
                    [{"$set": stage}],
                    projection={"_id": 0, "message_count": 1},
                    upsert=True,
                    return_document=ReturnDocument.AFTER,
                )
                # upsert + AFTER always returns the doc; None only to satisfy the types.
                count = None if counted is None else counted["message_count"]
                return AppendResult(stored=True, message_count=count)
            except DuplicateKeyError:
                pass  # the guard failed and the upsert hit the unique session index
            session = self._sessions.find_one(
                key,
                {
                    "_id": 0,
                    "deleted": 1,
                    "applied_ids": 1,
                    "message_count": 1,
                    "newest_seq": 1,
                    "newest_id": 1,
                    "status": 1,
                    "ended_at": 1,
                },
            )
            if session is not None and session.get("deleted"):
                self._messages.delete_one(
                    {
                        "account_id": event.account_id,
                        "message_id": event.message_id,
                        "delivery_id": delivery_id,
                    }
                )
                log.info(
                    "dropped message %s: session %s deleted", event.message_id, event.session_id
                )
                return AppendResult(stored=False, dropped_deleted=True)
            if (
                session is not None
                and cutoff is not None
                and session.get("status") == "ended"
                and session.get("ended_at") is not None
                and session["ended_at"] < cutoff
            ):
                self._purge_past_retention(key)
                continue
            if session is not None and event.message_id in session.get("applied_ids", []):
                return AppendResult(stored=False)
            if (
                session is not None
                and max_messages is not None
                and session.get("message_count", 0) >= max_messages
                and not _older_than_newest(event, session)
            ):
                self._messages.delete_one(
                    {
                        "account_id": event.account_id,
                        "message_id": event.message_id,
                        "delivery_id": delivery_id,
                    }
                )
                return AppendResult(stored=False, rejected_full=True)
            # Otherwise create_session inserted the doc between our filter and insert.
        raise StoreUnavailable(f"session {event.session_id}: counter update kept conflicting")

    @_translated
    def list_messages(
        self, account_id: str, session_id: str, *, limit: int, before: int | None = None
    ) -> list[StoredMessage]:
        check_limit(limit)
        self._require_session(account_id, session_id)
        seq = {} if before is None else {"$lt": before}
        return self._newest_messages(account_id, session_id, seq, limit)

    @_translated
    def messages_after(
        self, account_id: str, session_id: str, after: MessageCursor | None, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        self._require_session(account_id, session_id)
        where: dict[str, Any] = {"account_id": account_id, "session_id": session_id}
        if after is not None:
            seq, message_id = after
            where["$or"] = [{"seq": {"$gt": seq}}, {"seq": seq, "message_id": {"$gt": message_id}}]
        docs = self._messages.find(where, _MESSAGE_FIELDS).sort(_IN_ORDER).limit(limit)
        return [StoredMessage.model_validate(doc) for doc in docs]

    # -- sessions --------------------------------------------------------------
    @_translated
    def create_session(
        self, account_id: str, session_id: str, spec: SessionCreate, now: datetime
    ) -> Session:
        now = _ms(now)
        doc: dict[str, Any] = {
            "account_id": account_id,
            "session_id": session_id,
            "user_id": spec.user_id,
            "channel": spec.channel,
            "title": spec.title,
            "metadata": jsonable_metadata(spec.metadata),
            "status": "active",
            "created_at": now,
            "updated_at": now,
            "last_activity": now,
            "message_count": 0,
        }
        if spec.title is not None:
            doc["title_seq"] = GIVEN_TITLE_SEQ
        try:
            self._sessions.insert_one(doc)
        except DuplicateKeyError:
            if not self._purge_past_retention({"account_id": account_id, "session_id": session_id}):
                raise Conflict(f"session {session_id} already exists") from None
            try:
                self._sessions.insert_one(doc)
            except DuplicateKeyError:
                raise Conflict(f"session {session_id} already exists") from None
        return _session(doc)

    @_translated
    def get_session(self, account_id: str, session_id: str) -> Session:
        doc = self._sessions.find_one(
            {"account_id": account_id, "session_id": session_id, **self._visible()},
            _SESSION_FIELDS,
        )
        if doc is None:
            raise NotFound(f"session {session_id} not found")
        return _session(doc)

    @_translated
    def list_sessions(
        self,
        account_id: str,
        *,
        user_id: str | None = None,
        channel: str | None = None,
        active: bool | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> tuple[list[Session], str | None]:
        check_limit(limit)
        query: dict[str, Any] = {"account_id": account_id, **self._visible()}
        if user_id is not None:
            query["user_id"] = user_id
        if channel is not None:
            query["channel"] = channel
        if active is not None:
            query["status"] = "active" if active else "ended"
        if cursor is not None:
            after_at, after_id = decode_cursor(cursor)
            query["$or"] = [
                {"last_activity": {"$lt": after_at}},
                {"last_activity": after_at, "session_id": {"$gt": after_id}},
            ]
        docs = list(
            self._sessions.find(query, _SESSION_FIELDS)
            .sort([("last_activity", DESCENDING), ("session_id", ASCENDING)])
            .limit(limit + 1)
        )
        page = docs[:limit]
        next_cursor = None
        if len(docs) > limit:
            next_cursor = encode_cursor(page[-1]["last_activity"], page[-1]["session_id"])
        return [_session(doc) for doc in page], next_cursor

    @_translated
    def update_session(
        self, account_id: str, session_id: str, patch: SessionPatch, now: datetime
    ) -> Session:
        fields = patch.model_dump(exclude_unset=True)
        changes: dict[str, Any] = {"updated_at": _ms(now)}
        if "title" in fields:
            # A given title (or an explicit null) is final: messages no longer set it.
            changes |= {"title": fields["title"], "title_seq": GIVEN_TITLE_SEQ}
        if "metadata" in fields:
            changes["metadata"] = jsonable_metadata(fields["metadata"])
        doc = self._sessions.find_one_and_update(
            {"account_id": account_id, "session_id": session_id, **self._visible()},
            {"$set": changes},
            projection=_SESSION_FIELDS,
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:
            raise NotFound(f"session {session_id} not found")
        return _session(doc)

    @_translated
    def end_session(self, account_id: str, session_id: str, reason: str, now: datetime) -> Session:
        now = _ms(now)
        doc = self._sessions.find_one_and_update(
            {
                "account_id": account_id,
                "session_id": session_id,
                "deleted": _NOT_DELETED,
                "status": {"$ne": "ended"},
            },
            {
                "$set": {
                    "status": "ended",
                    "ended_reason": reason,
                    "ended_at": now,
                    "updated_at": now,
                }
            },
            projection=_SESSION_FIELDS,
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:
            return self.get_session(account_id, session_id)  # already ended, or NotFound
        return _session(doc)

    @_translated
    def delete_session(self, account_id: str, session_id: str) -> None:
        key = {"account_id": account_id, "session_id": session_id}
        # Tombstone first: an append racing with us then fails its guarded update
        # and removes its own message, so nothing is left behind.
        replaced = self._sessions.replace_one(
            {**key, **self._visible()},
            {**key, "deleted": True, "deleted_at": datetime.now(UTC)},
        )
        if not replaced.matched_count:
            raise NotFound(f"session {session_id} not found")
        purged = self._messages.delete_many(key).deleted_count
        # Last: a lease taken meanwhile re-checks the session and undoes itself
        # (and so does a first analytics save).
        self._memory.delete_one(key)
        self._analytics.delete_one(key)
        log.info("deleted session %s (%d messages)", session_id, purged)

    @_translated
    def context_snapshot(
        self, account_id: str, session_id: str, *, recent_limit: int
    ) -> ContextSnapshot:
        # Three round trips instead of the default's five (each of its reads checks
        # the session again).
        check_limit(recent_limit)
        key = {"account_id": account_id, "session_id": session_id}
        session = self._sessions.find_one({**key, **self._visible()}, {"message_count": 1})
        if session is None:
            raise NotFound(f"session {session_id} not found")
        memory = self._memory_state(account_id, session_id)
        recent = self._newest_messages(account_id, session_id, {}, recent_limit)
        return ContextSnapshot(
            message_count=session.get("message_count", 0), memory=memory, recent=recent
        )

    # -- memory ----------------------------------------------------------------
    @_translated
    def load_memory(self, account_id: str, session_id: str) -> MemoryState:
        self._require_session(account_id, session_id)
        return self._memory_state(account_id, session_id)

    def _memory_state(self, account_id: str, session_id: str) -> MemoryState:
        doc = self._memory.find_one(
            {"account_id": account_id, "session_id": session_id},
            {"_id": 0, "state": 1, "version": 1},
        )
        if doc is None:
            return MemoryState()
        return memory_state(doc.get("state"), doc.get("version", 0))

    def _newest_messages(
        self, account_id: str, session_id: str, seq: dict[str, int], limit: int
    ) -> list[StoredMessage]:
        """The ``limit`` messages matching the ``seq`` condition ({} for all) closest to
        its upper end, in conversation order."""
        query: dict[str, Any] = {"account_id": account_id, "session_id": session_id}
        if seq:
            query["seq"] = seq
        docs = list(
            self._messages.find(query, _MESSAGE_FIELDS)
            .sort([("seq", DESCENDING), ("message_id", DESCENDING)])
            .limit(limit)
        )
        return [StoredMessage.model_validate(doc) for doc in reversed(docs)]

    @_translated
    def acquire_memory_lease(
        self, account_id: str, session_id: str, owner: str, until: datetime, now: datetime
    ) -> bool:
        key = {"account_id": account_id, "session_id": session_id}
        takeable = {
            "$or": [
                {"lease_owner": None},
                {"lease_owner": owner},
                {"lease_until": {"$lt": as_utc(now)}},
            ]
        }
        try:
            # One atomic upsert: when another owner holds a live lease the filter
            # misses, the insert hits the unique memory_once index, and we lose.
            # Two first-time acquirers race the same way: one insert wins.
            self._memory.update_one(
                {**key, **takeable},
                {
                    "$set": {"lease_owner": owner, "lease_until": _ms(until)},
                    "$setOnInsert": {"version": 0, "state": None},
                },
                upsert=True,
            )
        except DuplicateKeyError:
            return False
        # Session checked after taking the lease: a delete_session running
        # meanwhile either removes our doc after this check, failing our next
        # save, or is seen here, and we remove what we just created.
        if self._session_exists(account_id, session_id):
            return True
        self._memory.delete_one(key)
        return False

    @_translated
    def release_memory_lease(self, account_id: str, session_id: str, owner: str) -> None:
        self._memory.update_one(
            {"account_id": account_id, "session_id": session_id, "lease_owner": owner},
            {"$set": {"lease_owner": None, "lease_until": None}},
        )

    @_translated
    def save_memory(self, account_id: str, session_id: str, state: MemoryState, owner: str) -> bool:
        version = state.version + 1
        # The lease doc exists (acquire created it), so the CAS is a plain update;
        # a classic $set stores client text in the document literally.
        saved = self._memory.update_one(
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
            self._messages.update_many(
                {
                    "account_id": account_id,
                    "message_id": {"$in": state.last_fold_ids},
                    "session_id": session_id,
                },
                {"$set": {"folded": True}},
            )
        return True

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
        query: dict[str, Any] = {**key, "folded": _NOT_FOLDED}
        if exclude_ids:
            query["message_id"] = {"$nin": exclude_ids}
        edge: tuple[int, str] | None = None
        if keep_last:
            # The oldest message of the verbatim window: everything older may fold.
            window = list(
                self._messages.find(key, {"_id": 0, "seq": 1, "message_id": 1})
                .sort([("seq", DESCENDING), ("message_id", DESCENDING)])
                .skip(keep_last - 1)
                .limit(1)
            )
            if not window:
                return []  # the whole session is inside the window
            edge = (window[0]["seq"], window[0]["message_id"])
            # One index range; messages sharing the edge's seq are cut below.
            query["seq"] = {"$lte": edge[0]}
        docs = list(self._messages.find(query, _MESSAGE_FIELDS).sort(_IN_ORDER).limit(limit))
        if edge is not None:
            # What is at or past the edge sorts after everything before it, so
            # dropping it from the page never leaves out an earlier message.
            docs = [doc for doc in docs if (doc["seq"], doc["message_id"]) < edge]
        return [StoredMessage.model_validate(doc) for doc in docs]

    @_translated
    def count_unfolded(self, account_id: str, session_id: str) -> int:
        return self._messages.count_documents(
            {"account_id": account_id, "session_id": session_id, "folded": _NOT_FOLDED}
        )

    @_translated
    def messages_between(
        self, account_id: str, session_id: str, first_seq: int, last_seq: int, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        docs = self._messages.find(
            {
                "account_id": account_id,
                "session_id": session_id,
                "seq": {"$gte": first_seq, "$lte": last_seq},
            },
            _MESSAGE_FIELDS,
        )
        return [StoredMessage.model_validate(doc) for doc in docs.sort(_IN_ORDER).limit(limit)]

    def _session_exists(self, account_id: str, session_id: str) -> bool:
        found = self._sessions.find_one(
            {"account_id": account_id, "session_id": session_id, **self._visible()},
            {"_id": 1},
        )
        return found is not None

    def _require_session(self, account_id: str, session_id: str) -> None:
        if not self._session_exists(account_id, session_id):
            raise NotFound(f"session {session_id} not found")


def _counters(event: MessageEvent) -> dict[str, Any]:
    """The ``$set`` stage that counts ``event``; every ``$field`` is the doc before it.

    Client text goes through ``$literal`` so a leading ``$`` is not read as a path.
    """
    at = _ms(event.accepted_at)
    newest = {
        "$or": [
            {"$gt": [event.seq, {"$ifNull": ["$newest_seq", 0]}]},
            {
                "$and": [
                    {"$eq": [event.seq, "$newest_seq"]},
                    {"$gt": [{"$literal": event.message_id}, "$newest_id"]},
                ]
            },
        ]
    }
    stage: dict[str, Any] = {
        "user_id": {"$ifNull": ["$user_id", {"$literal": event.user_id}]},
        "channel": {"$ifNull": ["$channel", {"$literal": event.channel}]},
        "metadata": {"$ifNull": ["$metadata", {"$literal": {}}]},
        "status": {"$literal": "active"},
        "ended_reason": None,
        "ended_at": None,
        "created_at": {"$ifNull": ["$created_at", at]},
        "updated_at": {"$max": ["$updated_at", at]},
        "last_message_at": {"$max": ["$last_message_at", at]},
        "last_activity": {"$max": ["$last_message_at", at]},
        "message_count": {"$add": [{"$ifNull": ["$message_count", 0]}, 1]},
        # The newest counted message in conversation order: the cap's boundary.
        "newest_seq": {"$cond": [newest, event.seq, "$newest_seq"]},
        "newest_id": {"$cond": [newest, {"$literal": event.message_id}, "$newest_id"]},
        "applied_ids": {
            "$slice": [
                {
                    "$concatArrays": [
                        {"$ifNull": ["$applied_ids", []]},
                        [{"$literal": event.message_id}],
                    ]
                },
                -APPLIED_IDS,
            ]
        },
    }
    if event.role == "user":
        lowest = {"$lt": [event.seq, {"$ifNull": ["$title_seq", NO_SEQ]}]}
        highest = {"$gt": [event.seq, {"$ifNull": ["$last_prompt_seq", 0]}]}
        stage |= {
            "title": {"$cond": [lowest, {"$literal": title_from(event.content)}, "$title"]},
            "title_seq": {"$cond": [lowest, event.seq, "$title_seq"]},
            "last_prompt": {
                "$cond": [highest, {"$literal": prompt_from(event.content)}, "$last_prompt"]
            },
            "last_prompt_seq": {"$cond": [highest, event.seq, "$last_prompt_seq"]},
        }
    return stage


def _older_than_newest(event: MessageEvent, session: dict[str, Any]) -> bool:
    """``event`` comes before the session's newest counted message (seq, then id)."""
    newest_seq, newest_id = session.get("newest_seq"), session.get("newest_id")
    if not isinstance(newest_seq, int) or not isinstance(newest_id, str):
        return False  # a session counted before memq kept its newest message
    return (event.seq, event.message_id) < (newest_seq, newest_id)


def _session(doc: dict[str, Any]) -> Session:
    return Session.model_validate(
        {name: value for name, value in doc.items() if name in Session.model_fields}
        | {"metadata": doc.get("metadata") or {}}
    )
