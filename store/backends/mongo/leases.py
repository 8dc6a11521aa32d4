"""The memory lease of a MongoDB memory document (a session's, or a user's): taken and
given back by one atomic write each, keyed by the document's unique index."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError

from store.backends._common import as_utc
from store.backends.mongo.database import ms


def take_lease(
    docs: Collection[Any], key: dict[str, Any], owner: str, until: datetime, now: datetime
) -> bool:
    """Take the lease of the document at ``key`` if it is free, expired or ``owner``'s
    already, creating an empty document when none exists; True when ``owner`` holds it.

    One atomic upsert: when another owner holds a live lease the filter misses, the
    insert hits the unique index on ``key``, and we lose. Two first-time acquirers race
    the same way: one insert wins."""
    takeable = {
        "$or": [
            {"lease_owner": None},
            {"lease_owner": owner},
            {"lease_until": {"$lt": as_utc(now)}},
        ]
    }
    try:
        docs.update_one(
            {**key, **takeable},
            {
                "$set": {"lease_owner": owner, "lease_until": ms(until)},
                "$setOnInsert": {"version": 0, "state": None},
            },
            upsert=True,
        )
    except DuplicateKeyError:
        return False
    return True


def give_back_lease(docs: Collection[Any], key: dict[str, Any], owner: str) -> None:
    """Free the lease if ``owner`` holds it; otherwise do nothing."""
    docs.update_one(
        {**key, "lease_owner": owner}, {"$set": {"lease_owner": None, "lease_until": None}}
    )
