"""The MongoDB adapter's LLM-spending part (``domain.ports.llm_usage``), mixed into
``MongoLifecycle``.

``llm_usage`` holds one document per session, ``llm_usage_days`` one per account and UTC
day. A record is two ``$inc`` upserts, each atomic on its document however many workers
record at once (no read-modify-write); the day's answers its figures after the increment
(``find_one_and_update``). A session's document goes with the session (deletion,
retention); an account's days stay.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pymongo import ASCENDING, ReturnDocument
from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError

from domain.ports.llm_usage import LLMUsageStore
from schemas.analytics_model import LLMTokens
from store.backends._mongo_errors import translated
from store.backends.mongo.database import MongoDatabase

_FIELDS = ("input_tokens", "output_tokens", "calls")


def llm_usage_indexes(sessions: Collection[Any], days: Collection[Any]) -> None:
    # Unique: two first upserts racing make one document, the loser retries as an update.
    sessions.create_index(
        [("account_id", ASCENDING), ("session_id", ASCENDING)], unique=True, name="llm_usage_once"
    )
    days.create_index(
        [("account_id", ASCENDING), ("day", ASCENDING)], unique=True, name="llm_day_once"
    )


class MongoLLMUsage(LLMUsageStore):
    db: MongoDatabase

    @translated
    def record_llm_usage(
        self, account_id: str, session_id: str, day: date, spent: LLMTokens
    ) -> LLMTokens:
        inc = {"$inc": {name: getattr(spent, name) for name in _FIELDS}}
        _upsert(
            lambda: self.db.llm_usage.update_one(
                {"account_id": account_id, "session_id": session_id}, inc, upsert=True
            )
        )
        after = _upsert(
            lambda: self.db.llm_usage_days.find_one_and_update(
                {"account_id": account_id, "day": day.isoformat()},
                inc,
                upsert=True,
                return_document=ReturnDocument.AFTER,
            )
        )
        return _tokens(after)

    @translated
    def session_llm_usage(self, account_id: str, session_id: str) -> LLMTokens:
        found = self.db.llm_usage.find_one({"account_id": account_id, "session_id": session_id})
        return _tokens(found)

    @translated
    def account_llm_usage(self, account_id: str, day: date | None = None) -> LLMTokens:
        query: dict[str, Any] = {"account_id": account_id}
        if day is not None:
            query["day"] = day.isoformat()
        sums = {name: {"$sum": f"${name}"} for name in _FIELDS}
        rows = list(
            self.db.llm_usage_days.aggregate([{"$match": query}, {"$group": {"_id": None, **sums}}])
        )
        return _tokens(rows[0] if rows else None)


def _upsert[R](operation: Callable[[], R]) -> R:
    """An upsert that lost the race to create its document: the second try updates it."""
    try:
        return operation()
    except DuplicateKeyError:
        return operation()


def _tokens(doc: dict[str, Any] | None) -> LLMTokens:
    if doc is None:
        return LLMTokens()
    return LLMTokens(**{name: int(doc.get(name) or 0) for name in _FIELDS})
