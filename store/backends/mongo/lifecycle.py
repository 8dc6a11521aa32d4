"""The MongoDB adapter's session-lifecycle part (``store.lifecycle``), mixed into ``MongoStore``.

``analytics`` holds one document per flushed session: the ``SessionAnalytics``
as ``state`` (BSON dates), its compare-and-set ``version``, copies of
``user_id`` and ``ended_at`` for the account-wide reads, and
``last_flush_ids``, the messages of the latest batch. A message is covered
once it is marked ``analyzed: true`` (absent = not yet).

A flush batch is one atomic step: ``save_analytics`` writes figures, version
and ``last_flush_ids`` in a single guarded update of the session's document
(the filter holds the old version), then marks the batch's messages (and the
previous batch's again) ``analyzed``. A worker killed between the update and
the marking leaves messages unmarked that the figures already count: the next
``analytics_batch`` leaves out ``last_flush_ids`` and the next save marks
them, so they are never counted twice (the same device as memory's
``last_fold_ids``). Marking by flag, not by a seq watermark, means a message
stored late, in any seq order, is still counted, once. Per-user activity and
knowledge-base usage are aggregations over these documents, so there is no
second document whose update could be replayed.

Round trips: ``analytics_batch`` 3 (session, analytics, messages);
``save_analytics`` 2 (update, mark; 3 for a session's first save, which
re-checks the session as ``acquire_memory_lease`` does).

``purge_session`` deletes the session document first (guarded: still ended,
still before the cutoff), so a message arriving meanwhile starts a new
session; then all the id's messages, its memory and analytics. A message for
the same id inserted in the milliseconds between those steps would go too
(a session ended at least the retention period ago; accepted as negligible).

A tombstone is ``{account_id, session_id, deleted: true, deleted_at}`` (every
tombstone ``delete_session`` ever wrote has ``deleted_at``). ``purge_tombstone``
deletes the messages a deletion cut short might have left (accepted before
``deleted_at``) first and the tombstone last, so a crash in between leaves
the tombstone for the next sweep. A first new message for the id, accepted
after the deletion, is never among them: racing the purge, it survives and
starts the new session.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import datetime
from typing import Any

from pymongo import ASCENDING, ReturnDocument
from pymongo.collection import Collection as MongoCollection
from pymongo.errors import DuplicateKeyError

from domain.ports.lifecycle import AnalyticsBatch, LifecycleStore, PurgeResult, ScanPage, SessionKey
from schemas.analytics_model import (
    AccountAnalytics,
    AccountStats,
    KbEntryUsage,
    SessionAnalytics,
    UserActivity,
)
from schemas.messages import StoredMessage
from schemas.sessions import Session
from store.backends._account_analytics import LATENCY_COLUMNS, account_analytics_of
from store.backends._common import as_utc, check_limit
from store.backends._mongo_errors import translated as _translated
from store.backends._scan import decode_scan_cursor, encode_scan_cursor
from store.backends.mongo.database import MongoDatabase
from store.backends.mongo.llm_usage import MongoLLMUsage

log = logging.getLogger("memq.store.mongo")

_NOT_DELETED = {"$ne": True}
_NOT_ANALYZED = {"$in": [None, False]}
_MESSAGE_FIELDS = {
    "_id": 0,
    "account_id": 0,
    "delivery_id": 0,
    "folded": 0,
    "analyzed": 0,
    "search_terms": 0,
}
_SESSION_FIELDS = {"_id": 0, "applied_ids": 0, "title_seq": 0, "last_prompt_seq": 0}
_IN_ORDER = [("seq", ASCENDING), ("message_id", ASCENDING)]


def _ms(moment: datetime) -> datetime:
    moment = as_utc(moment)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def lifecycle_indexes(
    sessions: MongoCollection[Any],
    messages: MongoCollection[Any],
    analytics: MongoCollection[Any],
) -> None:
    """Created by ``MongoStore.ensure_indexes``."""
    for name, field in (("sessions_by_status", "last_activity"), ("sessions_by_end", "ended_at")):
        sessions.create_index(
            [
                ("status", ASCENDING),
                (field, ASCENDING),
                ("account_id", ASCENDING),
                ("session_id", ASCENDING),
            ],
            name=name,
        )
    # Sessions whose memory job is pending, by the time of the mark (stale-mark scan);
    # partial: only marked sessions are in it.
    sessions.create_index(
        [("memory_pending_at", ASCENDING), ("account_id", ASCENDING), ("session_id", ASCENDING)],
        name="sessions_by_memory_mark",
        partialFilterExpression={"memory_pending_at": {"$type": "date"}},
    )
    # Tombstones by deletion time, for retention; partial: live sessions are not in it.
    sessions.create_index(
        [("deleted_at", ASCENDING), ("account_id", ASCENDING), ("session_id", ASCENDING)],
        name="sessions_by_deletion",
        partialFilterExpression={"deleted": True},
    )
    messages.create_index(
        [
            ("account_id", ASCENDING),
            ("session_id", ASCENDING),
            ("analyzed", ASCENDING),
            ("seq", ASCENDING),
            ("message_id", ASCENDING),
        ],
        name="messages_by_analyzed",
    )
    analytics.create_index(
        [("account_id", ASCENDING), ("session_id", ASCENDING)], unique=True, name="analytics_once"
    )
    analytics.create_index(
        [("account_id", ASCENDING), ("user_id", ASCENDING)], name="analytics_by_user"
    )
    # The account-wide window reads: the account's sessions active since a day.
    analytics.create_index(
        [("account_id", ASCENDING), ("state.last_message_at", ASCENDING)],
        name="analytics_by_activity",
    )


class MongoLifecycle(MongoLLMUsage, LifecycleStore):
    def __init__(self, db: MongoDatabase) -> None:
        self.db = db

    # -- analytics -------------------------------------------------------------
    @_translated
    def analytics_batch(self, account_id: str, session_id: str, *, limit: int) -> AnalyticsBatch:
        check_limit(limit)
        session = self.db.session(account_id, session_id)
        key = {"account_id": account_id, "session_id": session_id}
        doc = self.db.analytics.find_one(
            key, {"_id": 0, "state": 1, "version": 1, "last_flush_ids": 1}
        )
        analytics = SessionAnalytics() if doc is None else _analytics(doc)
        previous = tuple(doc.get("last_flush_ids", [])) if doc is not None else ()
        query: dict[str, Any] = {**key, "analyzed": _NOT_ANALYZED}
        if previous:
            query["message_id"] = {"$nin": list(previous)}
        docs = self.db.messages.find(query, _MESSAGE_FIELDS).sort(_IN_ORDER).limit(limit)
        return AnalyticsBatch(
            session=session,
            analytics=analytics,
            messages=[StoredMessage.model_validate(d) for d in docs],
            previous_ids=previous,
        )

    @_translated
    def save_analytics(
        self, account_id: str, batch: AnalyticsBatch, analytics: SessionAnalytics
    ) -> bool:
        key = {"account_id": account_id, "session_id": batch.session.session_id}
        old = batch.analytics.version
        ids = [m.message_id for m in batch.messages]
        state = analytics.model_dump(exclude={"version"})
        changes = {
            "version": old + 1,
            "state": state,
            "user_id": analytics.user_id,
            "ended_at": analytics.ended_at,
            "last_flush_ids": ids,
        }
        try:
            saved = self.db.analytics.update_one(
                {**key, "version": old}, {"$set": changes}, upsert=old == 0
            )
        except DuplicateKeyError:
            return False  # another flush created the document first
        if not saved.matched_count and saved.upserted_id is None:
            return False
        if saved.upserted_id is not None and not self.db.sessions.find_one(
            {**key, "deleted": _NOT_DELETED}, {"_id": 1}
        ):
            # The session was deleted or purged meanwhile: undo what we created.
            self.db.analytics.delete_one(key)
            return False
        marks = [*batch.previous_ids, *ids]
        if marks:
            self.db.messages.update_many(
                {**key, "message_id": {"$in": marks}}, {"$set": {"analyzed": True}}
            )
        return True

    @_translated
    def session_analytics(self, account_id: str, session_id: str) -> SessionAnalytics:
        self.db.session(account_id, session_id)
        doc = self.db.analytics.find_one(
            {"account_id": account_id, "session_id": session_id},
            {"_id": 0, "state": 1, "version": 1},
        )
        return SessionAnalytics() if doc is None else _analytics(doc)

    @_translated
    def user_activity(self, account_id: str, user_id: str) -> UserActivity:
        match = {"account_id": account_id, "user_id": user_id, **self.db.in_retention()}
        rows = list(
            self.db.analytics.aggregate(
                [
                    {"$match": match},
                    {
                        "$group": {
                            "_id": None,
                            "sessions": {
                                "$sum": {"$cond": [{"$gt": ["$state.messages", 0]}, 1, 0]}
                            },
                            "messages": {"$sum": "$state.messages"},
                            "user_messages": {"$sum": "$state.user_messages"},
                            "queries_answered": {"$sum": "$state.queries_answered"},
                            "scored_answers": {"$sum": "$state.scored_answers"},
                            "confidence_sum": {"$sum": "$state.confidence_sum"},
                            "last_active": {"$max": "$state.last_message_at"},
                        }
                    },
                ]
            )
        )
        row = rows[0] if rows else {}
        return UserActivity(
            user_id=user_id,
            sessions=row.get("sessions", 0),
            messages=row.get("messages", 0),
            user_messages=row.get("user_messages", 0),
            queries_answered=row.get("queries_answered", 0),
            scored_answers=row.get("scored_answers", 0),
            confidence_sum=float(row.get("confidence_sum", 0.0)),
            last_active=row.get("last_active"),
        )

    @_translated
    def kb_usage(self, account_id: str, *, top: int) -> list[KbEntryUsage]:
        check_limit(top)
        rows = self.db.analytics.aggregate(
            [
                {"$match": {"account_id": account_id, **self.db.in_retention()}},
                {"$unwind": "$state.sources"},
                {
                    "$group": {
                        "_id": "$state.sources.entry_id",
                        "count": {"$sum": "$state.sources.count"},
                        "sessions": {"$sum": 1},
                        "last_used": {"$max": "$state.sources.last_used"},
                    }
                },
                {"$sort": {"count": -1, "_id": 1}},
                {"$limit": top},
            ]
        )
        return [
            KbEntryUsage(
                entry_id=row["_id"],
                count=row["count"],
                sessions=row["sessions"],
                last_used=row["last_used"],
            )
            for row in rows
        ]

    @_translated
    def account_analytics(
        self, account_id: str, *, since: datetime, low_confidence: int
    ) -> AccountAnalytics:
        check_limit(low_confidence)
        start = as_utc(since).replace(hour=0, minute=0, second=0, microsecond=0)
        window = {
            "$match": {
                "account_id": account_id,
                "state.last_message_at": {"$gte": start},
                **self.db.in_retention(),
            }
        }
        latency = {
            column: {"$sum": {"$arrayElemAt": ["$state.days.latency", i]}}
            for i, column in enumerate(LATENCY_COLUMNS)
        }
        days = self.db.analytics.aggregate(
            [
                window,
                {"$unwind": "$state.days"},
                {"$match": {"state.days.day": {"$gte": start.date().isoformat()}}},
                {
                    "$group": {
                        "_id": "$state.days.day",
                        "messages": {"$sum": "$state.days.messages"},
                        "sessions": {"$sum": 1},
                        **latency,
                    }
                },
                {"$sort": {"_id": 1}},
                {"$set": {"day": "$_id"}},
            ]
        )
        low = self.db.analytics.aggregate(
            [
                window,
                {"$unwind": "$state.low_confidence"},
                {"$match": {"state.low_confidence.answered_at": {"$gte": start}}},
                {
                    "$sort": {
                        "state.low_confidence.answered_at": -1,
                        "session_id": 1,
                        "state.low_confidence.seq": -1,
                    }
                },
                {"$limit": low_confidence},
                {"$project": {"_id": 0, "session_id": 1, "query": "$state.low_confidence"}},
            ]
        )
        return account_analytics_of(days, ((row["session_id"], row["query"]) for row in low))

    @_translated
    def account_stats(self, account_id: str) -> AccountStats:
        rows = list(
            self.db.sessions.aggregate(
                [
                    {"$match": {"account_id": account_id, **self.db.visible()}},
                    {
                        "$group": {
                            "_id": None,
                            "sessions": {"$sum": 1},
                            "active": {"$sum": {"$cond": [{"$eq": ["$status", "active"]}, 1, 0]}},
                            "messages": {"$sum": "$message_count"},
                        }
                    },
                ]
            )
        )
        row = rows[0] if rows else {}
        sessions, active = row.get("sessions", 0), row.get("active", 0)
        return AccountStats(
            sessions=sessions,
            active_sessions=active,
            ended_sessions=sessions - active,
            messages=row.get("messages", 0),
        )

    # -- idle expiry -----------------------------------------------------------
    @_translated
    def idle_sessions(
        self,
        *,
        idle_before: datetime,
        limit: int,
        account_id: str | None = None,
        exclude_accounts: Collection[str] = (),
        cursor: str | None = None,
    ) -> ScanPage:
        query: dict[str, Any] = {
            "status": "active",
            "deleted": _NOT_DELETED,
            "last_activity": {"$lt": as_utc(idle_before)},
        }
        if account_id is not None:
            query["account_id"] = account_id
        elif exclude_accounts:
            query["account_id"] = {"$nin": sorted(exclude_accounts)}
        return self._scan("last_activity", query, limit, cursor)

    @_translated
    def expire_session(
        self, account_id: str, session_id: str, *, idle_before: datetime, reason: str, now: datetime
    ) -> Session:
        now = _ms(now)
        doc = self.db.sessions.find_one_and_update(
            {
                "account_id": account_id,
                "session_id": session_id,
                "deleted": _NOT_DELETED,
                "status": "active",
                "last_activity": {"$lt": as_utc(idle_before)},
            },
            {
                "$set": {"status": "ended", "ended_reason": reason, "ended_at": now},
                "$max": {"updated_at": now},
            },
            projection=_SESSION_FIELDS,
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:
            return self.db.session(account_id, session_id)
        return _session(doc)

    @_translated
    def recently_active_sessions(
        self, *, since: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        query = {
            "status": "active",
            "deleted": _NOT_DELETED,
            "last_activity": {"$gte": as_utc(since)},
        }
        return self._scan("last_activity", query, limit, cursor)

    @_translated
    def recently_ended_sessions(
        self, *, since: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        query = {"status": "ended", "deleted": _NOT_DELETED, "ended_at": {"$gte": as_utc(since)}}
        return self._scan("ended_at", query, limit, cursor)

    # -- memory jobs -----------------------------------------------------------
    @_translated
    def stale_memory_marks(
        self, *, marked_before: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        query = {"memory_pending_at": {"$lt": as_utc(marked_before)}, "deleted": _NOT_DELETED}
        return self._scan("memory_pending_at", query, limit, cursor)

    # -- retention -------------------------------------------------------------
    @_translated
    def ended_sessions(
        self,
        *,
        ended_before: datetime,
        limit: int,
        account_id: str | None = None,
        cursor: str | None = None,
    ) -> ScanPage:
        query: dict[str, Any] = {
            "status": "ended",
            "deleted": _NOT_DELETED,
            "ended_at": {"$lt": as_utc(ended_before)},
        }
        if account_id is not None:
            query["account_id"] = account_id
        return self._scan("ended_at", query, limit, cursor)

    @_translated
    def purge_session(
        self, account_id: str, session_id: str, *, ended_before: datetime
    ) -> PurgeResult | None:
        key = {"account_id": account_id, "session_id": session_id}
        gone = self.db.sessions.find_one_and_delete(
            {
                **key,
                "deleted": _NOT_DELETED,
                "status": "ended",
                "ended_at": {"$lt": as_utc(ended_before)},
            },
            projection={"_id": 1},
        )
        if gone is None:
            return None
        purged = self.db.delete_messages(key)
        self.db.memory.delete_one(key)
        self.db.analytics.delete_one(key)
        self.db.llm_usage.delete_one(key)
        return PurgeResult(session_id=session_id, messages=purged)

    @_translated
    def deleted_sessions(
        self, *, deleted_before: datetime, limit: int, cursor: str | None = None
    ) -> ScanPage:
        query = {"deleted": True, "deleted_at": {"$lt": as_utc(deleted_before)}}
        return self._scan("deleted_at", query, limit, cursor)

    @_translated
    def purge_tombstone(
        self, account_id: str, session_id: str, *, deleted_before: datetime
    ) -> PurgeResult | None:
        key = {"account_id": account_id, "session_id": session_id}
        tombstone = {**key, "deleted": True, "deleted_at": {"$lt": as_utc(deleted_before)}}
        found = self.db.sessions.find_one(tombstone, {"_id": 0, "deleted_at": 1})
        if found is None:
            return None
        # Only what the deleted session left (a delete cut short): a message accepted
        # after the deletion was dropped by its own append, or, racing this purge,
        # belongs to the session its id starts anew and must survive it.
        left = {**key, "accepted_at": {"$lt": found["deleted_at"]}}
        purged = self.db.delete_messages(left)
        self.db.memory.delete_one(key)
        self.db.analytics.delete_one(key)
        self.db.llm_usage.delete_one(key)
        if not self.db.sessions.delete_one(tombstone).deleted_count:
            return None  # another sweep removed it meanwhile
        return PurgeResult(session_id=session_id, messages=purged)

    # -- helpers ---------------------------------------------------------------
    def _scan(self, field: str, query: dict[str, Any], limit: int, cursor: str | None) -> ScanPage:
        check_limit(limit)
        if cursor is not None:
            at, account, session = decode_scan_cursor(cursor)
            query = {
                **query,
                "$or": [
                    {field: {"$gt": at}},
                    {field: at, "account_id": {"$gt": account}},
                    {field: at, "account_id": account, "session_id": {"$gt": session}},
                ],
            }
        docs = list(
            self.db.sessions.find(query, {"_id": 0, "account_id": 1, "session_id": 1, field: 1})
            .sort([(field, ASCENDING), ("account_id", ASCENDING), ("session_id", ASCENDING)])
            .limit(limit + 1)
        )
        page = docs[:limit]
        next_cursor = None
        if len(docs) > limit:
            last = page[-1]
            next_cursor = encode_scan_cursor(last[field], last["account_id"], last["session_id"])
        return ScanPage([SessionKey(d["account_id"], d["session_id"]) for d in page], next_cursor)


def _analytics(doc: dict[str, Any]) -> SessionAnalytics:
    return SessionAnalytics.model_validate({**(doc.get("state") or {}), "version": doc["version"]})


def _session(doc: dict[str, Any]) -> Session:
    return Session.model_validate(
        {name: value for name, value in doc.items() if name in Session.model_fields}
        | {"metadata": doc.get("metadata") or {}}
    )
