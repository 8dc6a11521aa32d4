"""How memq's MongoDB collections are sharded on a cluster (commands: docs/deploy.md).

Every per-session collection (``sessions``, ``messages``, ``memory``,
``analytics``) is sharded on ``{account_id: 1, session_id: "hashed"}``: an
account's sessions spread evenly over the shards, and every query of a hot
path (ingest, memory, context, a session's messages) names both fields, so
mongos sends it to the one shard that holds the session. Listings of an
account's sessions name ``account_id``, so they go only to the shards holding
that account's chunks. Background scans (idle sessions, retention) run across
shards; they are paged and off every request's path.

``messages`` is unique per session (``message_once_in_session``, the shard
key's prefix, as sharding requires); the account-wide uniqueness of a message
id is kept by ``message_ids``, the claims, sharded on ``{account_id: 1,
message_id: "hashed"}``: ingest reads and writes a claim by its full key, so
one shard answers that too (``store.backends.mongo.message_ids``).

``llm_usage`` (a session's LLM tokens) is per session like the others.
``user_memory`` is sharded on ``{account_id: 1, user_id: "hashed"}``: a merge,
a recall and the user-memory API read and write it by account and user.
``llm_usage_days`` (one small document per account and UTC day, the daily
token budget's count) stays unsharded on purpose: at a few hundred bytes per
account a day it never outgrows a shard.
``tests/contract/test_mongo_shard_keys.py`` checks the query shapes.
"""

from __future__ import annotations

from store.backends.mongo.message_ids import CLAIM_SHARD_KEY

SESSION_SHARD_KEY: dict[str, object] = {"account_id": 1, "session_id": "hashed"}
USER_SHARD_KEY: dict[str, object] = {"account_id": 1, "user_id": "hashed"}

#: collection -> its shard key, for every sharded collection.
SHARD_KEYS: dict[str, dict[str, object]] = {
    "sessions": SESSION_SHARD_KEY,
    "messages": SESSION_SHARD_KEY,
    "memory": SESSION_SHARD_KEY,
    "analytics": SESSION_SHARD_KEY,
    "message_ids": CLAIM_SHARD_KEY,
    "llm_usage": SESSION_SHARD_KEY,
    "user_memory": USER_SHARD_KEY,
}
