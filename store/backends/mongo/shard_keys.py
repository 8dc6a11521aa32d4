"""How memq's MongoDB collections are sharded on a cluster (commands: docs/deploy.md).

Every per-session collection is sharded on ``{account_id: 1, session_id:
"hashed"}``: an account's sessions spread evenly over the shards, and every
query of a hot path (ingest, memory, context, a session's messages) names
both fields, so mongos sends it to the one shard that holds the session.
Listings of an account's sessions name ``account_id``, so they go only to the
shards holding that account's chunks. Background scans (idle sessions,
retention) run across shards; they are paged and off every request's path.
``tests/contract/test_mongo_shard_keys.py`` checks the query shapes.

One unique index stands in the way of ``messages``: ``message_once`` keeps a
message id once per account across all its sessions (the store contract),
and MongoDB enforces a unique index on a sharded collection only when the
shard key is its prefix. Until message ids are unique per session, or claimed
in a collection of their own sharded on ``{account_id: 1, message_id:
"hashed"}``, ``messages`` stays unsharded (on the primary shard) while
sessions, memory and analytics are sharded.
"""

from __future__ import annotations

SESSION_SHARD_KEY: dict[str, object] = {"account_id": 1, "session_id": "hashed"}

#: collection -> its shard key, for every collection sharded today.
SHARD_KEYS: dict[str, dict[str, object]] = {
    "sessions": SESSION_SHARD_KEY,
    "memory": SESSION_SHARD_KEY,
    "analytics": SESSION_SHARD_KEY,
}

#: Collections whose queries carry the shard key all the same, ready for it.
SHARD_READY = ("messages",)
