"""What the memory benches send: a five-line support exchange, repeated, folded every 5."""

from __future__ import annotations

VERBATIM = FOLD_EVERY = 5
#: Messages per ``ingest_batch`` job, as the gateway's group commit sends them.
BATCH = 50
#: Seconds between two readings of the memory lag.
SAMPLE_EVERY_S = 2.0
LINES = (
    "Hi, my order ORD-{n} has not arrived yet, can you check it?",
    "Sorry about that. Order ORD-{n} left our warehouse on Monday; the courier is DPD.",
    "I paid 89.99 for it and I need it before Friday at 12 Baker Street.",
    "I have asked the courier to deliver on Thursday; you will get a text message.",
    "Thanks. If it does not come, I want a refund to my card ending 4242.",
)
