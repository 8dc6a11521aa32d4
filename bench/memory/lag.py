"""How far each session's memory is behind, read from the SQLite file behind the store
(read-only, like ``bench.ingest`` reads ``max(id)``): messages past the verbatim window
not folded yet, and the age of the oldest of them."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from bench.support.stats import percentile

_LAG = """
SELECT s.message_count - coalesce(json_extract(m.state, '$.folded_count'), 0) AS unfolded,
       (SELECT u.accepted_at FROM messages AS u INDEXED BY messages_unfolded
         WHERE u.account_id = s.account_id AND u.session_id = s.session_id AND u.folded = 0
         ORDER BY u.seq, u.message_id LIMIT 1) AS oldest
  FROM sessions AS s LEFT JOIN memory AS m USING (account_id, session_id)
 WHERE s.account_id = ?
"""


@dataclass(frozen=True)
class LagSample:
    """One reading across sessions: per session, messages behind and seconds behind."""

    messages: list[int]
    seconds: list[float]

    def summary(self) -> tuple[float, float, float, float]:
        """p50 and p99 of messages, then of seconds."""
        return (
            percentile([float(m) for m in self.messages], 50),
            percentile([float(m) for m in self.messages], 99),
            percentile(self.seconds, 50),
            percentile(self.seconds, 99),
        )


def sample_lag(path: Path, account: str, verbatim: int) -> LagSample:
    now_us = time.time() * 1_000_000
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        rows = conn.execute(_LAG, (account,)).fetchall()
    finally:
        conn.close()
    messages, seconds = [], []
    for unfolded, oldest in rows:
        pending = max(0, int(unfolded) - verbatim)
        messages.append(pending)
        seconds.append(max(0.0, (now_us - oldest) / 1e6) if pending and oldest else 0.0)
    return LagSample(messages or [0], seconds or [0.0])


def stored_count(path: Path) -> int:
    """Messages stored so far (``id`` is assigned in commit order)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        row = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()
    finally:
        conn.close()
    return int(row[0])


def worst(samples: list[LagSample]) -> tuple[float, float, float, float]:
    """The worst p50 and p99 of messages and of seconds across the readings."""
    if not samples:
        return (0.0, 0.0, 0.0, 0.0)
    summaries = [s.summary() for s in samples]
    return tuple(max(s[i] for s in summaries) for i in range(4))  # type: ignore[return-value]


def print_lag(
    during: tuple[str, list[LagSample]], after: LagSample | None, drained_in: float | None
) -> None:
    """The lag rows of a report: the worst reading while behind, after the drain, and how
    long the drain took."""
    after_summary = after.summary() if after is not None else (0.0,) * 4
    for name, (m50, m99, s50, s99) in (
        (during[0], worst(during[1])),
        ("after the drain", after_summary),
    ):
        print(
            f"memory lag {name:<24} p50 {m50:>5.0f} msgs {s50:>6.1f} s   "
            f"p99 {m99:>5.0f} msgs {s99:>6.1f} s"
        )
    drain = "not within the timeout" if drained_in is None else f"{drained_in:,.0f} s"
    print(f"time to drain, memory pool alone    {drain:>8}")
