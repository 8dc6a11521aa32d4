"""Session analytics (seed 001): buffered per session, flushed in batches.

There is no separate buffer: a session's stored messages are the buffer.
Assistant messages carry their answer's metadata (``confidence``, ``sources``,
``collection``, ``model``, ``latency_ms``, ``tokens``); a flush reads the
messages the session's analytics do not cover yet, folds them into its
``SessionAnalytics`` (``aggregate``) and saves the result together with "these
messages are covered" as one compare-and-set step (``service``). Ingest never
writes analytics.

Per-user activity and knowledge-base entry usage are sums over the account's
session analytics, computed when read: each session's figures are written by
exactly one atomic step per batch, so a replayed flush can never count twice.
"""
