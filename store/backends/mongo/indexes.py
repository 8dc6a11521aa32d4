"""The indexes of every part, created once at start-up (``memq worker`` and ``memq serve``)."""

from __future__ import annotations

from pymongo import ASCENDING, DESCENDING

from store.backends._mongo_errors import translated
from store.backends.mongo.database import MongoDatabase
from store.backends.mongo.lifecycle import lifecycle_indexes
from store.backends.mongo.llm_usage import llm_usage_indexes
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
    lifecycle_indexes(db.sessions, db.messages, db.analytics)
    llm_usage_indexes(db.llm_usage, db.llm_usage_days)
    search_indexes(db.messages)
    user_memory_indexes(db.user_memory)
