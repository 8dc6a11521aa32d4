"""Message ids claimed once per account, so that ``messages`` can be sharded by session.

MongoDB enforces a unique index on a sharded collection only when the shard key
is its prefix, so ``messages`` (sharded on ``{account_id: 1, session_id:
"hashed"}``) can only be unique per session. The store's contract is stronger:
a message id is stored once per account, across all its sessions. A small
collection of claims keeps that: one doc per ``(account_id, message_id)``
(unique ``claim_once``, sharded on ``{account_id: 1, message_id: "hashed"}``)
naming the session that holds the id. Ingest claims the id first, then inserts
the message, then counts it (``store.backends.mongo.sessions``).

A claim without its message is a crash between the two inserts (or an insert in
flight): it belongs to its session, and the next delivery of the id to that
session stores the message; the same id sent to any other session is refused as
a duplicate. Claims go with their messages: every deletion (a session deleted,
purged past retention, its tombstone removed, a message dropped or refused by
the cap) removes the claims with the filter that removed the messages, after
them, so a deleted message's id can be used again, as on SQLite, and no id is
ever free while its message is still stored. A claim carries the message's ``accepted_at``
for those filters.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, NamedTuple

from pymongo import ASCENDING
from pymongo.collection import Collection
from pymongo.errors import BulkWriteError, DuplicateKeyError

from schemas.errors import StoreUnavailable
from schemas.messages import MessageEvent

log = logging.getLogger("memq.store.mongo")

#: The shard key of the claims collection (docs/deploy.md).
CLAIM_SHARD_KEY: dict[str, object] = {"account_id": 1, "message_id": "hashed"}
#: Rounds of "the claim we collided with was deleted before we read it" (transient).
CLAIM_ATTEMPTS = 3
_DUPLICATE_KEY = 11000
#: Messages read per page when claims are created for an existing database.
BACKFILL_PAGE = 1000


def claim_indexes(claims: Collection[Any]) -> None:
    claims.create_index(
        [("account_id", ASCENDING), ("message_id", ASCENDING)], unique=True, name="claim_once"
    )
    # The deletions remove a session's claims by the filter that removed its messages.
    claims.create_index(
        [("account_id", ASCENDING), ("session_id", ASCENDING), ("accepted_at", ASCENDING)],
        name="claims_by_session",
    )


def claim_doc(
    account_id: str, session_id: str, message_id: str, accepted_at: Any
) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "message_id": message_id,
        "session_id": session_id,
        "accepted_at": accepted_at,
    }


class Claim(NamedTuple):
    #: The session that holds the message id.
    session_id: str
    #: This call created the claim (so it may give it back when it cannot store).
    created: bool


def claim(claims: Collection[Any], event: MessageEvent, accepted_at: Any) -> Claim:
    """Claim ``event``'s message id, or learn which session holds it."""
    doc = claim_doc(event.account_id, event.session_id, event.message_id, accepted_at)
    for _ in range(CLAIM_ATTEMPTS):
        try:
            claims.insert_one(doc)
            return Claim(event.session_id, created=True)
        except DuplicateKeyError:
            pass
        holder = claims.find_one(
            {"account_id": event.account_id, "message_id": event.message_id},
            {"_id": 0, "session_id": 1},
        )
        if holder is not None:
            return Claim(str(holder["session_id"]), created=False)
        # Deleted between our insert and our read: claim it again.
    raise StoreUnavailable(f"message {event.message_id}: its claim kept changing")


def release(claims: Collection[Any], event: MessageEvent) -> None:
    """Give up the claim of a message this delivery did not keep (dropped or refused)."""
    claims.delete_one(
        {
            "account_id": event.account_id,
            "message_id": event.message_id,
            "session_id": event.session_id,
        }
    )


def claim_all(claims: Collection[Any], docs: list[dict[str, Any]]) -> list[int]:
    """Insert claims, unordered; the positions in ``docs`` of those this call made
    (the ids already claimed, by anyone, are left as they are)."""
    if not docs:
        return []
    try:
        claims.insert_many(docs, ordered=False)
    except BulkWriteError as exc:
        errors = exc.details["writeErrors"]
        if any(e.get("code") != _DUPLICATE_KEY for e in errors):
            raise
        taken = {e["index"] for e in errors}
        return [i for i in range(len(docs)) if i not in taken]
    return list(range(len(docs)))


def claim_first_occurrences(
    claims: Collection[Any], events: Sequence[tuple[MessageEvent, Any]]
) -> dict[int, Claim]:
    """A batch's claims in one round trip: index -> ``Claim`` for each (event,
    accepted_at) whose id this call claimed. Only an id's first occurrence in the
    batch is claimed here, so that a later one meets it as it would one by one;
    an id not claimed here (taken, or repeated) is claimed when its turn comes."""
    first: dict[tuple[str, str], int] = {}
    for index, (event, _) in enumerate(events):
        first.setdefault((event.account_id, event.message_id), index)
    indexes = sorted(first.values())
    docs = [
        claim_doc(ev.account_id, ev.session_id, ev.message_id, at)
        for ev, at in (events[i] for i in indexes)
    ]
    return {
        indexes[position]: Claim(events[indexes[position]][0].session_id, created=True)
        for position in claim_all(claims, docs)
    }


def backfill_claims(messages: Collection[Any], claims: Collection[Any]) -> int:
    """Claim the id of every stored message (a database from before the claims);
    idempotent, so a start cut short is finished by the next. The claims created."""
    created = 0
    after: Any = None
    fields = {"_id": 1, "account_id": 1, "session_id": 1, "message_id": 1, "accepted_at": 1}
    while True:
        query = {} if after is None else {"_id": {"$gt": after}}
        page = list(messages.find(query, fields).sort("_id", ASCENDING).limit(BACKFILL_PAGE))
        if not page:
            break
        docs = [
            claim_doc(m["account_id"], m["session_id"], m["message_id"], m.get("accepted_at"))
            for m in page
        ]
        created += len(claim_all(claims, docs))
        after = page[-1]["_id"]
    log.info("claimed the ids of existing messages: %d claims created", created)
    return created
