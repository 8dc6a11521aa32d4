"""The production adapter's sessions part: sessions and the messages they hold.

See ``store.backends.mongo.database`` for the three round trips of ``append_message``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING, ReturnDocument
from pymongo.errors import DuplicateKeyError

from domain.ports.sessions import (
    AppendResult,
    DeletedSession,
    MessageCursor,
    SessionStore,
    jsonable_metadata,
    persona_from,
    stored_persona,
)
from schemas.errors import Conflict, NotFound, StoreUnavailable
from schemas.messages import MessageEvent, StoredMessage
from schemas.sessions import Session, SessionCreate, SessionPatch
from store.backends._common import (
    GIVEN_TITLE_SEQ,
    NO_SEQ,
    check_limit,
    decode_cursor,
    encode_cursor,
    prompt_from,
    title_from,
)
from store.backends._mongo_errors import BSON_REFUSALS
from store.backends._mongo_errors import translated as _translated
from store.backends._scan import retention_cutoff
from store.backends.mongo.database import (
    APPLIED_IDS,
    APPLY_ATTEMPTS,
    IN_ORDER,
    MESSAGE_FIELDS,
    NOT_DELETED,
    SESSION_FIELDS,
    MongoDatabase,
    ms,
    session_from,
)
from store.backends.mongo.message_ids import Claim, claim, claim_first_occurrences, release
from store.backends.mongo.search import search_terms

log = logging.getLogger("memq.store.mongo")


class MongoSessions(SessionStore):
    def __init__(self, db: MongoDatabase) -> None:
        self.db = db

    @_translated
    def append_message(
        self,
        event: MessageEvent,
        delivery_id: str,
        *,
        max_messages: int | None = None,
        fold_every: int | None = None,
    ) -> AppendResult:
        return self._append(event, delivery_id, max_messages, fold_every)

    @_translated
    def append_messages(
        self,
        items: Sequence[tuple[MessageEvent, str]],
        *,
        max_messages: int | None = None,
        fold_every: int | None = None,
    ) -> list[AppendResult]:
        # The batch's claims in one round trip, then each item as ``append_message``
        # does from step 2: 1 + 2 round trips per new message instead of 3.
        claimed = claim_first_occurrences(
            self.db.message_ids, [(event, ms(event.accepted_at)) for event, _ in items]
        )
        return [
            self._append(event, delivery_id, max_messages, fold_every, claimed.get(index))
            for index, (event, delivery_id) in enumerate(items)
        ]

    def _append(
        self,
        event: MessageEvent,
        delivery_id: str,
        max_messages: int | None,
        fold_every: int | None,
        claimed: Claim | None = None,
    ) -> AppendResult:
        if not self._store_message(event, delivery_id, claimed):
            return AppendResult(stored=False)
        return self._apply_to_session(event, delivery_id, max_messages, fold_every)

    def _store_message(
        self, event: MessageEvent, delivery_id: str, claimed: Claim | None = None
    ) -> bool:
        """Steps 1 and 2 of ``append_message``: claim the id (unless ``claimed`` says it
        was, for a batch), insert the message. True when this delivery owes the counter
        update: it inserted the message, or it did before a crash (a redelivery);
        False for a duplicate."""
        if claimed is None:
            claimed = claim(self.db.message_ids, event, ms(event.accepted_at))
        if claimed.session_id != event.session_id:
            log.debug("duplicate message %s ignored: held by another session", event.message_id)
            return False
        # Our session's claim: ours, or left by a delivery that crashed before
        # inserting, which this one completes (the unique index keeps one copy).
        try:
            inserted = self._insert_message(event, delivery_id)
        except BSON_REFUSALS:
            if claimed.created:  # never storable: the id stays free
                release(self.db.message_ids, event)
            raise
        if inserted:
            return True
        # Rare path: the message exists. Only the delivery that inserted it may
        # still owe the counter update (it crashed before step 3).
        existing = self.db.messages.find_one(
            {
                "account_id": event.account_id,
                "session_id": event.session_id,
                "message_id": event.message_id,
            },
            {"_id": 0, "delivery_id": 1},
        )
        if existing is None and claimed.created:
            # Refused by the account-wide index of a database still being migrated:
            # the id is another session's, not yet claimed; ours must not stand.
            release(self.db.message_ids, event)
        if existing is None or existing.get("delivery_id") != delivery_id:
            log.debug("duplicate message %s ignored", event.message_id)
            return False
        log.info("redelivery of message %s: applying counters if owed", event.message_id)
        return True

    def _insert_message(self, event: MessageEvent, delivery_id: str) -> bool:
        """Step 2 of ``append_message``: False when the session holds the message id."""
        doc = {
            "account_id": event.account_id,
            "session_id": event.session_id,
            "message_id": event.message_id,
            "role": event.role,
            "content": event.content,
            "seq": event.seq,
            "accepted_at": ms(event.accepted_at),
            "sent_at": None if event.sent_at is None else ms(event.sent_at),
            "user_id": event.user_id,
            "channel": event.channel,
            "metadata": event.metadata,
            "delivery_id": delivery_id,
            "search_terms": search_terms(event.content),
        }
        try:
            self.db.messages.insert_one(doc)
        except DuplicateKeyError:
            return False
        return True

    def _apply_to_session(
        self,
        event: MessageEvent,
        delivery_id: str,
        max_messages: int | None = None,
        fold_every: int | None = None,
    ) -> AppendResult:
        """Step 3: count the message on its session, at most once."""
        key = {"account_id": event.account_id, "session_id": event.session_id}
        guard: dict[str, Any] = {
            **key,
            "deleted": NOT_DELETED,
            "applied_ids": {"$ne": event.message_id},
        }
        cutoff = retention_cutoff(self.db.retention)
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
        if fold_every is not None:
            stage |= _memory_mark(event, fold_every)
        for _ in range(APPLY_ATTEMPTS):
            try:
                counted = self.db.sessions.find_one_and_update(
                    guard,
                    [{"$set": stage}],
                    projection={
                        "_id": 0,
                        "message_count": 1,
                        "memory_marked_by": 1,
                        "user_id": 1,
                    },
                    upsert=True,
                    return_document=ReturnDocument.AFTER,
                )
                # upsert + AFTER always returns the doc; None only to satisfy the types.
                count = None if counted is None else counted["message_count"]
                due = counted is not None and counted.get("memory_marked_by") == event.message_id
                has_user = counted is not None and counted.get("user_id") is not None
                return AppendResult(
                    stored=True, message_count=count, has_user=has_user, memory_job_due=due
                )
            except DuplicateKeyError:
                pass  # the guard failed and the upsert hit the unique session index
            session = self.db.sessions.find_one(
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
                self._unstore(event, delivery_id)
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
                self.db.purge_past_retention(key)
                continue
            if session is not None and event.message_id in session.get("applied_ids", []):
                return AppendResult(stored=False)
            if (
                session is not None
                and max_messages is not None
                and session.get("message_count", 0) >= max_messages
                and not _older_than_newest(event, session)
            ):
                self._unstore(event, delivery_id)
                return AppendResult(stored=False, rejected_full=True)
            # Otherwise create_session inserted the doc between our filter and insert.
        raise StoreUnavailable(f"session {event.session_id}: counter update kept conflicting")

    def _unstore(self, event: MessageEvent, delivery_id: str) -> None:
        """Undo steps 1 and 2 for a message not kept (dropped or refused): the message,
        then its claim, so that the id stays free as on SQLite."""
        self.db.messages.delete_one(
            {
                "account_id": event.account_id,
                "session_id": event.session_id,
                "message_id": event.message_id,
                "delivery_id": delivery_id,
            }
        )
        release(self.db.message_ids, event)

    @_translated
    def list_messages(
        self, account_id: str, session_id: str, *, limit: int, before: int | None = None
    ) -> list[StoredMessage]:
        check_limit(limit)
        self.db.require_session(account_id, session_id)
        seq = {} if before is None else {"$lt": before}
        return self.db.newest_messages(account_id, session_id, seq, limit)

    @_translated
    def messages_after(
        self, account_id: str, session_id: str, after: MessageCursor | None, *, limit: int
    ) -> list[StoredMessage]:
        check_limit(limit)
        self.db.require_session(account_id, session_id)
        where: dict[str, Any] = {"account_id": account_id, "session_id": session_id}
        if after is not None:
            seq, message_id = after
            where["$or"] = [{"seq": {"$gt": seq}}, {"seq": seq, "message_id": {"$gt": message_id}}]
        docs = self.db.messages.find(where, MESSAGE_FIELDS).sort(IN_ORDER).limit(limit)
        return [StoredMessage.model_validate(doc) for doc in docs]

    @_translated
    def create_session(
        self, account_id: str, session_id: str, spec: SessionCreate, now: datetime
    ) -> Session:
        now = ms(now)
        doc: dict[str, Any] = {
            "account_id": account_id,
            "session_id": session_id,
            "user_id": spec.user_id,
            "channel": spec.channel,
            "persona": persona_from(spec.persona, jsonable_metadata(spec.metadata)),
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
            self.db.sessions.insert_one(doc)
        except DuplicateKeyError:
            if not self.db.purge_past_retention(
                {"account_id": account_id, "session_id": session_id}
            ):
                raise Conflict(f"session {session_id} already exists") from None
            try:
                self.db.sessions.insert_one(doc)
            except DuplicateKeyError:
                raise Conflict(f"session {session_id} already exists") from None
        return session_from(doc)

    @_translated
    def get_session(self, account_id: str, session_id: str) -> Session:
        doc = self.db.sessions.find_one(
            {"account_id": account_id, "session_id": session_id, **self.db.visible()},
            SESSION_FIELDS,
        )
        if doc is None:
            raise NotFound(f"session {session_id} not found")
        return session_from(doc)

    @_translated
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
        check_limit(limit)
        query: dict[str, Any] = {"account_id": account_id, **self.db.visible()}
        if user_id is not None:
            query["user_id"] = user_id
        if channel is not None:
            query["channel"] = channel
        if persona is not None:
            query["persona"] = persona
        if active is not None:
            query["status"] = "active" if active else "ended"
        if cursor is not None:
            after_at, after_id = decode_cursor(cursor)
            query["$or"] = [
                {"last_activity": {"$lt": after_at}},
                {"last_activity": after_at, "session_id": {"$gt": after_id}},
            ]
        docs = list(
            self.db.sessions.find(query, SESSION_FIELDS)
            .sort([("last_activity", DESCENDING), ("session_id", ASCENDING)])
            .limit(limit + 1)
        )
        page = docs[:limit]
        next_cursor = None
        if len(docs) > limit:
            next_cursor = encode_cursor(page[-1]["last_activity"], page[-1]["session_id"])
        return [session_from(doc) for doc in page], next_cursor

    @_translated
    def update_session(
        self, account_id: str, session_id: str, patch: SessionPatch, now: datetime
    ) -> Session:
        fields = patch.model_dump(exclude_unset=True)
        changes: dict[str, Any] = {"updated_at": ms(now)}
        if "title" in fields:
            # A given title (or an explicit null) is final: messages no longer set it.
            changes |= {"title": fields["title"], "title_seq": GIVEN_TITLE_SEQ}
        if "persona" in fields:
            changes["persona"] = stored_persona(fields["persona"])
        if "metadata" in fields:
            changes["metadata"] = jsonable_metadata(fields["metadata"])
        doc = self.db.sessions.find_one_and_update(
            {"account_id": account_id, "session_id": session_id, **self.db.visible()},
            {"$set": changes},
            projection=SESSION_FIELDS,
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:
            raise NotFound(f"session {session_id} not found")
        return session_from(doc)

    @_translated
    def end_session(self, account_id: str, session_id: str, reason: str, now: datetime) -> Session:
        now = ms(now)
        doc = self.db.sessions.find_one_and_update(
            {
                "account_id": account_id,
                "session_id": session_id,
                "deleted": NOT_DELETED,
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
            projection=SESSION_FIELDS,
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:
            return self.get_session(account_id, session_id)  # already ended, or NotFound
        return session_from(doc)

    @_translated
    def delete_session(self, account_id: str, session_id: str) -> DeletedSession:
        key = {"account_id": account_id, "session_id": session_id}
        # Tombstone first: an append racing with us then fails its guarded update
        # and removes its own message, so nothing is left behind.
        replaced = self.db.sessions.replace_one(
            {**key, **self.db.visible()},
            {**key, "deleted": True, "deleted_at": datetime.now(UTC)},
        )
        if not replaced.matched_count:
            raise NotFound(f"session {session_id} not found")
        # A message's search entry is its search_terms field: it goes with the message.
        indexed = self.db.messages.count_documents({**key, "search_terms": {"$exists": True}})
        purged = self.db.delete_messages(key)
        # Last: a lease taken meanwhile re-checks the session and undoes itself
        # (and so does a first analytics save).
        memories = self.db.memory.delete_one(key).deleted_count
        analytics = self.db.analytics.delete_one(key).deleted_count
        self.db.llm_usage.delete_one(key)
        log.info("deleted session %s (%d messages)", session_id, purged)
        return DeletedSession(
            messages=purged,
            memories=memories,
            analytics_rows=analytics,
            search_entries=min(indexed, purged),
        )


def _counters(event: MessageEvent) -> dict[str, Any]:
    """The ``$set`` stage that counts ``event``; every ``$field`` is the doc before it.

    Client text goes through ``$literal`` so a leading ``$`` is not read as a path.
    """
    at = ms(event.accepted_at)
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
        "persona": {"$ifNull": ["$persona", {"$literal": event.persona}]},
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


def _memory_mark(event: MessageEvent, fold_every: int) -> dict[str, Any]:
    """The fields of the ``$set`` stage that mark the session as awaiting a memory job
    when this message brings it to a multiple of ``fold_every`` and none is pending.

    ``memory_marked_by`` names the message whose count set the mark: the returned
    doc tells the caller whether it was this one (only then does it publish)."""
    count = {"$add": [{"$ifNull": ["$message_count", 0]}, 1]}
    due = {
        "$and": [
            {"$eq": [{"$mod": [count, fold_every]}, 0]},
            {"$eq": [{"$ifNull": ["$memory_pending_at", None]}, None]},
        ]
    }
    return {
        "memory_pending_at": {
            "$cond": [due, ms(datetime.now(UTC)), {"$ifNull": ["$memory_pending_at", None]}]
        },
        "memory_marked_by": {
            "$cond": [
                due,
                {"$literal": event.message_id},
                {"$ifNull": ["$memory_marked_by", None]},
            ]
        },
    }


def _older_than_newest(event: MessageEvent, session: dict[str, Any]) -> bool:
    """``event`` comes before the session's newest counted message (seq, then id)."""
    newest_seq, newest_id = session.get("newest_seq"), session.get("newest_id")
    if not isinstance(newest_seq, int) or not isinstance(newest_id, str):
        return False  # a session counted before memq kept its newest message
    return (event.seq, event.message_id) < (newest_seq, newest_id)
