"""The account's analytics over a window of UTC days: what the console's charts draw.

The store sums the per-day figures each session's flush keeps (``SessionAnalytics.days``)
over the account's sessions active in the window; this module fills the days without
messages and turns the response-time histogram into percentiles.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from domain.ports.store import Store
from schemas.analytics import AccountAnalyticsView, DayCount, LatencyBucket, ResponseTimes
from schemas.analytics_model import LATENCY_BOUNDS_MS, LATENCY_BUCKETS


def account_analytics(
    store: Store,
    account_id: str,
    *,
    days: int,
    now: datetime,
    kb_top: int,
    low_confidence: int,
    threshold: float,
) -> AccountAnalyticsView:
    """Two store reads (the window's sums, the knowledge-base entries), whatever the size."""
    first = now.astimezone(UTC).date() - timedelta(days=days - 1)
    since = datetime(first.year, first.month, first.day, tzinfo=UTC)
    sums = store.lifecycle.account_analytics(account_id, since=since, low_confidence=low_confidence)
    by_day = {row.day: row for row in sums.days}
    latency = [0] * LATENCY_BUCKETS
    for summed in sums.days:
        latency = [total + count for total, count in zip(latency, summed.latency, strict=True)]
    per_day = []
    for offset in range(days):
        key = (first + timedelta(days=offset)).isoformat()
        row = by_day.get(key)
        per_day.append(
            DayCount(
                day=key,
                messages=0 if row is None else row.messages,
                sessions=0 if row is None else row.sessions,
            )
        )
    return AccountAnalyticsView(
        days=days,
        since=first.isoformat(),
        per_day=per_day,
        messages=sum(day.messages for day in per_day),
        top_kb=store.lifecycle.kb_usage(account_id, top=kb_top),
        low_confidence_threshold=threshold,
        low_confidence_queries=sums.low_confidence,
        response_times=response_times(latency),
    )


def response_times(histogram: Sequence[int]) -> ResponseTimes:
    """Percentiles read off the histogram: each is its bucket's upper bound."""
    answers = sum(histogram)
    return ResponseTimes(
        answers=answers,
        p50_ms=percentile(histogram, 0.50),
        p90_ms=percentile(histogram, 0.90),
        p99_ms=percentile(histogram, 0.99),
        buckets=[
            LatencyBucket(
                up_to_ms=LATENCY_BOUNDS_MS[i] if i < len(LATENCY_BOUNDS_MS) else None,
                count=count,
            )
            for i, count in enumerate(histogram)
        ],
    )


def percentile(histogram: Sequence[int], fraction: float) -> int | None:
    """The upper bound of the bucket holding the ``fraction`` percentile; None when there
    are no answers, or it falls in the last bucket (slower than every bound)."""
    total = sum(histogram)
    if not total:
        return None
    rank = max(1, math.ceil(fraction * total))
    seen = 0
    for index, count in enumerate(histogram):
        seen += count
        if seen >= rank:
            return LATENCY_BOUNDS_MS[index] if index < len(LATENCY_BOUNDS_MS) else None
    return None
