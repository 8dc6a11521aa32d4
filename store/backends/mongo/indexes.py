"""The indexes of every part, created once at start-up (``memq worker`` and ``memq serve``)."""

from __future__ import annotations

from pymongo import ASCENDING, DESCENDING

from schemas.ids import PERSONA_NAME_PATTERN
from store.backends._mongo_errors import translated
from store.backends.mongo.database import MongoDatabase
from store.backends.mongo.lifecycle import lifecycle_indexes
from store.backends.mongo.search import search_indexes
from store.backends.mongo.user_memory import user_memory_indexes


@translated
def ensure_indexes(db: MongoDatabase) -> None:
    db.messages.create_index(
        [("account_id", ASCENDING), ("message_id", ASCENDING)],
        unique=True,
        name="message_once",
    )
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
    search_indexes(db.messages)
    user_memory_indexes(db.user_memory)


def _persona_from_metadata(db: MongoDatabase) -> None:
    """Before contract 1.3.0 a persona was ``metadata.persona``: copy each valid one
    into the field, so the persona filter finds those sessions too. Idempotent: a
    session with a persona (set, or cleared to "") is never touched again."""
    db.sessions.update_many(
        {"persona": None, "metadata.persona": {"$regex": PERSONA_NAME_PATTERN}},
        [{"$set": {"persona": "$metadata.persona"}}],
    )
