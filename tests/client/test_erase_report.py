"""The client's erasure report over several bounded requests: counts summed by kind, the
last request saying whether the erasure is complete."""

from __future__ import annotations

from memq_client.user_memory_calls import erased_in_total
from schemas.user_memory import UserErased


def test_two_batches_report_as_one() -> None:
    first = UserErased(
        user_id="u1",
        sessions=500,
        messages=9_000,
        memories=0,
        session_memories=480,
        analytics_rows=500,
        search_entries=8_990,
        complete=False,
    )
    last = UserErased(
        user_id="u1",
        sessions=12,
        messages=40,
        memories=2,
        session_memories=12,
        analytics_rows=11,
        search_entries=40,
        complete=True,
    )
    assert erased_in_total(first, last) == UserErased(
        user_id="u1",
        sessions=512,
        messages=9_040,
        memories=2,
        session_memories=492,
        analytics_rows=511,
        search_entries=9_030,
        complete=True,
    )
