"""The indexes of every part, created once at start-up (``memq worker`` and ``memq serve``)."""

from __future__ import annotations

from pymongo import ASCENDING, DESCENDING
from pymongo.errors import OperationFailure

from schemas.ids import PERSONA_NAME_PATTERN
from store.backends._mongo_errors import translated
from store.backends.mongo.database import MongoDatabase
from store.backends.mongo.lifecycle import lifecycle_indexes
from store.backends.mongo.llm_usage import llm_usage_indexes
from store.backends.mongo.message_ids import backfill_claims, claim_indexes
from store.backends.mongo.search import META_COLLECTION, search_indexes
from store.backends.mongo.user_memory import user_memory_indexes

#: The unique index of databases from before the claims: once per account, which a
#: sharded ``messages`` cannot enforce (``store.backends.mongo.message_ids``).
ACCOUNT_WIDE_INDEX = "message_once"
#: ``memq_meta`` doc: the sessions' ``metadata.persona`` copied into ``persona``.
PERSONA_MARKER = "persona_from_metadata"


@translated
def ensure_indexes(db: MongoDatabase) -> None:
    claim_indexes(db.message_ids)
    # The shard key {account_id, session_id} is its prefix, as sharding requires.
    db.messages.create_index(
        [("account_id", ASCENDING), ("session_id", ASCENDING), ("message_id", ASCENDING)],
        unique=True,
        name="message_once_in_session",
    )
    claim_existing_messages(db)
    db.messages.create_index(
        [
            ("account_id", ASCENDING),
            ("session_id", ASCENDING),
            ("seq", ASCENDING),
            ("message_id", ASCENDING),
        ],
        name="messages_in_order",
    )
    db.messages.create_index(
        [
            ("account_id", ASCENDING),
            ("session_id", ASCENDING),
            ("folded", ASCENDING),
            ("seq", ASCENDING),
            ("message_id", ASCENDING),
        ],
        name="messages_by_folded",
    )
    db.memory.create_index(
        [("account_id", ASCENDING), ("session_id", ASCENDING)],
        unique=True,
        name="memory_once",
    )
    db.sessions.create_index(
        [("account_id", ASCENDING), ("session_id", ASCENDING)],
        unique=True,
        name="session_once",
    )
    db.sessions.create_index(
        [("account_id", ASCENDING), ("last_activity", DESCENDING), ("session_id", ASCENDING)],
        name="sessions_by_activity",
    )
    db.sessions.create_index(
        [
            ("account_id", ASCENDING),
            ("user_id", ASCENDING),
            ("last_activity", DESCENDING),
            ("session_id", ASCENDING),
        ],
        name="sessions_by_user",
    )
    db.sessions.create_index(
        [
            ("account_id", ASCENDING),
            ("persona", ASCENDING),
            ("last_activity", DESCENDING),
            ("session_id", ASCENDING),
        ],
        name="sessions_by_persona",
    )
    _persona_from_metadata(db)
    lifecycle_indexes(db.sessions, db.messages, db.analytics)
    llm_usage_indexes(db.llm_usage, db.llm_usage_days)
    search_indexes(db.messages)
    user_memory_indexes(db.user_memory)


def claim_existing_messages(db: MongoDatabase) -> None:
    """Migrate a database from before the claims: claim every stored message's id,
    then drop the account-wide index, which a sharded ``messages`` cannot keep. Until
    it is dropped the index still refuses a second copy, so a start cut short
    loses nothing and the next start finishes the job (the backfill is idempotent).
    Old ingest workers must be stopped first (docs/deploy.md): they store without
    claiming."""
    if ACCOUNT_WIDE_INDEX not in db.messages.index_information():
        return
    backfill_claims(db.messages, db.message_ids)
    try:
        db.messages.drop_index(ACCOUNT_WIDE_INDEX)
    except OperationFailure:
        # Another worker starting at the same time dropped it first.
        if ACCOUNT_WIDE_INDEX in db.messages.index_information():
            raise


def _persona_from_metadata(db: MongoDatabase) -> None:
    """Before contract 1.3.0 a persona was ``metadata.persona``: copy each valid one
    into the field, so the persona filter finds those sessions too. Idempotent: a
    session with a persona (set, or cleared to "") is never touched again. Once done it
    leaves a marker doc in ``memq_meta``, as the search back-fill does: the filter has
    no index to use, so every later start-up would scan the sessions again."""
    meta = db.sessions.database[META_COLLECTION]
    if meta.find_one({"_id": PERSONA_MARKER}) is not None:
        return
    db.sessions.update_many(
        {"persona": None, "metadata.persona": {"$regex": PERSONA_NAME_PATTERN}},
        [{"$set": {"persona": "$metadata.persona"}}],
    )
    meta.update_one({"_id": PERSONA_MARKER}, {"$set": {"done": True}}, upsert=True)
