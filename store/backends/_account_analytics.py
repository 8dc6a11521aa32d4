"""Building ``AccountAnalytics`` from either adapter's rows (same names in both)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from schemas.analytics_model import (
    LATENCY_BUCKETS,
    AccountAnalytics,
    AccountDay,
    AccountLowConfidence,
)

#: The name of each summed latency bucket in a day's row.
LATENCY_COLUMNS = tuple(f"l{i}" for i in range(LATENCY_BUCKETS))


def account_analytics_of(
    days: Iterable[Mapping[str, Any]], low: Iterable[tuple[str, Mapping[str, Any]]]
) -> AccountAnalytics:
    """``days``: rows of day, messages, sessions and ``LATENCY_COLUMNS``;
    ``low``: (session id, stored ``LowConfidenceQuery``)."""
    return AccountAnalytics(
        days=[
            AccountDay(
                day=row["day"],
                messages=row["messages"],
                sessions=row["sessions"],
                latency=[row[column] for column in LATENCY_COLUMNS],
            )
            for row in days
        ],
        low_confidence=[
            AccountLowConfidence(**query, session_id=session_id) for session_id, query in low
        ],
    )
