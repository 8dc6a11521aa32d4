"""The production adapter's database: MongoDB through a sync PyMongo client the caller opens.

Collections: ``messages`` (one doc per stored message, unique per session and
message id), ``message_ids`` (one claim per account and message id, naming the
session that holds it: ``store.backends.mongo.message_ids``) and ``sessions``
(one doc per session with its counters; a deleted session stays as a
``deleted`` tombstone). Datetimes are BSON dates, so they
keep millisecond precision; they are cut to milliseconds before writing so what
a call returns equals what a later read returns.

``append_message`` takes three round trips on the normal path:

1. ``insert_one`` the claim of the message id; a duplicate key means the id is
   claimed already, and one read of the claim tells by which session (another
   session's: a duplicate, refused);
2. ``insert_one`` the message, recording the ``delivery_id`` that inserted it;
3. one guarded upsert of the session: the filter excludes tombstones and
   sessions whose ``applied_ids`` (the last APPLIED_IDS message ids counted)
   already hold this message, so a redelivery never counts twice.

``append_messages`` takes step 1 for the whole batch in one ``insert_many``.

The counters need "replace title/last_prompt only if this seq is lower/higher",
so the update is an aggregation pipeline ($cond on ``title_seq`` and
``last_prompt_seq``). ``$max``/``$min`` on ``{seq, text}`` sub-documents would be
a classic update too, but mongoeco's sub-document comparison is wrong for large
ints, and pipelines work on MongoDB >= 4.2 and the emulator alike.

When the guard fails, the upsert tries to insert a second session doc and the
unique (account_id, session_id) index answers DuplicateKeyError; one read of the
session then tells which case it was: a tombstone (drop, and remove the message
just inserted and its claim), already applied (no-op), or a session created concurrently by
``create_session`` (update again). Step 3 is a ``findAndModify`` returning only
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
from pymongo import ASCENDING, DESCENDING, MongoClient

from domain.ports.sessions import persona_from
from schemas.errors import NotFound
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage
from schemas.sessions import Session
from store.backends._common import as_utc, memory_state
from store.backends._scan import retention_cutoff

log = logging.getLogger("memq.store.mongo")

#: How many recently counted message ids a session doc remembers. A crashed
#: delivery is redelivered long before this many newer messages are counted.
APPLIED_IDS = 256
#: Rounds of "upsert raced with create_session" before giving up (transient).
APPLY_ATTEMPTS = 3

NOT_DELETED = {"$ne": True}
SESSION_FIELDS = {"_id": 0, "applied_ids": 0, "title_seq": 0, "last_prompt_seq": 0}
MESSAGE_FIELDS = {
    "_id": 0,
    "account_id": 0,
    "delivery_id": 0,
    "folded": 0,
    "analyzed": 0,
    "search_terms": 0,
}
#: Matches a message not marked folded (absent field included) with index point bounds.
NOT_FOLDED = {"$in": [None, False]}
IN_ORDER = [("seq", ASCENDING), ("message_id", ASCENDING)]


def ms(moment: datetime) -> datetime:
    """What a BSON date keeps of a datetime."""
    moment = as_utc(moment)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


class MongoDatabase:
    """The collections every part of the store works on, its retention, and the reads
    of a session the parts share."""

    def __init__(
        self,
        client: MongoClient[Any],
        database: str,
        *,
        owns_client: bool = False,
        retention: timedelta | None = None,
    ) -> None:
        self.client = client
        self.owns_client = owns_client
        self.retention = retention
        db = client.get_database(database, codec_options=CodecOptions(tz_aware=True, tzinfo=UTC))
        self.messages = db["messages"]
        self.message_ids = db["message_ids"]
        self.sessions = db["sessions"]
        self.memory = db["memory"]
        self.analytics = db["analytics"]
        self.llm_usage = db["llm_usage"]
        self.llm_usage_days = db["llm_usage_days"]
        self.user_memory = db["user_memory"]

    # -- visibility ------------------------------------------------------------
    def visible(self) -> dict[str, Any]:
        """Filter on session docs: not deleted, not past retention."""
        query: dict[str, Any] = {"deleted": NOT_DELETED}
        cutoff = retention_cutoff(self.retention)
        if cutoff is not None:
            query["$nor"] = [{"status": "ended", "ended_at": {"$lt": cutoff}}]
        return query

    def in_retention(self) -> dict[str, Any]:
        """Filter on analytics documents: their session's end (as flushed) is not past retention."""
        cutoff = retention_cutoff(self.retention)
        if cutoff is None:
            return {}
        return {"$or": [{"ended_at": None}, {"ended_at": {"$gte": cutoff}}]}

    def purge_past_retention(self, key: dict[str, str]) -> bool:
        """Purge a session past retention that the sweep has not reached (see
        ``store.lifecycle``); True when there was one. Its messages are those accepted
        before the cutoff, so a new message already inserted for the id stays."""
        cutoff = retention_cutoff(self.retention)
        if cutoff is None:
            return False
        gone = self.sessions.find_one_and_delete(
            {**key, "deleted": NOT_DELETED, "status": "ended", "ended_at": {"$lt": cutoff}},
            projection={"_id": 1},
        )
        if gone is None:
            return False
        before_cutoff = {**key, "accepted_at": {"$lt": cutoff}}
        purged = self.delete_messages(before_cutoff)
        self.memory.delete_one(key)
        self.analytics.delete_one(key)
        self.llm_usage.delete_one(key)
        log.info("purged session %s past retention (%d messages)", key["session_id"], purged)
        return True

    def delete_messages(self, selector: dict[str, Any]) -> int:
        """Delete a session's messages matching ``selector`` (its ``account_id`` and
        ``session_id``, maybe an ``accepted_at`` bound), then their claims; the
        messages deleted. Claims last: a crash between leaves an id claimed by a
        session that no longer holds it (refused elsewhere until the tombstone or
        retention sweep repeats the deletion), never two copies of one message."""
        purged = self.messages.delete_many(selector).deleted_count
        self.message_ids.delete_many(selector)
        return purged

    def session_exists(self, account_id: str, session_id: str) -> bool:
        found = self.sessions.find_one(
            {"account_id": account_id, "session_id": session_id, **self.visible()},
            {"_id": 1},
        )
        return found is not None

    def require_session(self, account_id: str, session_id: str) -> None:
        if not self.session_exists(account_id, session_id):
            raise NotFound(f"session {session_id} not found")

    def session(self, account_id: str, session_id: str) -> Session:
        doc = self.sessions.find_one(
            {"account_id": account_id, "session_id": session_id, **self.visible()},
            SESSION_FIELDS,
        )
        if doc is None:
            raise NotFound(f"session {session_id} not found")
        return session_from(doc)

    def memory_state(self, account_id: str, session_id: str) -> MemoryState:
        doc = self.memory.find_one(
            {"account_id": account_id, "session_id": session_id},
            {"_id": 0, "state": 1, "version": 1},
        )
        if doc is None:
            return MemoryState()
        return memory_state(doc.get("state"), doc.get("version", 0))

    def newest_messages(
        self, account_id: str, session_id: str, seq: dict[str, int], limit: int
    ) -> list[StoredMessage]:
        """The ``limit`` messages matching the ``seq`` condition ({} for all) closest to
        its upper end, in conversation order."""
        query: dict[str, Any] = {"account_id": account_id, "session_id": session_id}
        if seq:
            query["seq"] = seq
        docs = list(
            self.messages.find(query, MESSAGE_FIELDS)
            .sort([("seq", DESCENDING), ("message_id", DESCENDING)])
            .limit(limit)
        )
        return [StoredMessage.model_validate(doc) for doc in reversed(docs)]


def session_from(doc: dict[str, Any]) -> Session:
    metadata = doc.get("metadata") or {}
    return Session.model_validate(
        {name: value for name, value in doc.items() if name in Session.model_fields}
        | {"metadata": metadata, "persona": persona_from(doc.get("persona"), metadata)}
    )
