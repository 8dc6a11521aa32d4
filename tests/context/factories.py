"""Builders of memory states and pending messages for the context tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from schemas.memory_model import Detail, Fact, FactValue, TierName, TierSummary
from schemas.memory_state import MemoryState
from schemas.messages import Role, StoredMessage

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def tier(name: TierName, text: str, first: int, last: int) -> TierSummary:
    return TierSummary(
        tier=name,
        text=text,
        first_position=first,
        last_position=last,
        first_seq=1000 + first,
        last_seq=1000 + last,
        token_estimate=0,
        engine="offline",
        updated_at=NOW,
    )


def fact(key: str, value: str, minutes_ago: int = 0, source: str = "m1") -> Fact:
    return Fact(
        key=key,
        value=value,
        source_message_id=source,
        updated_at=NOW - timedelta(minutes=minutes_ago),
    )


def moved(key: str, old: str, new: str) -> Fact:
    """A fact at ``new`` whose history holds ``old``."""
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


def detail(first: int, text: str, values: list[str], kind: str, last: int | None = None) -> Detail:
    """A stored detail of messages ``first``..``last`` whose values are all of ``kind``."""
    return Detail(
        first_position=first,
        last_position=first if last is None else last,
        text=text,
        values=values,
        kinds=[kind] * len(values),
    )


def messages(
    turns: Sequence[tuple[Role, str]], first_position: int = 1, prefix: str = "m"
) -> list[StoredMessage]:
    """Stored messages for ``turns``; ids ``m<position>``, seq ``1000 + position``."""
    return [
        StoredMessage(
            message_id=f"{prefix}{first_position + i}",
            session_id="s1",
            role=role,
            content=content,
            seq=1000 + first_position + i,
            accepted_at=NOW,
        )
        for i, (role, content) in enumerate(turns)
    ]


def memory(
    *,
    old: str | None = None,
    mid: str | None = None,
    recent: str | None = None,
    spans: tuple[int, int, int] = (45, 80, 95),
    facts: Sequence[Fact] = (),
) -> MemoryState:
    """Tiers covering 1..spans[0], ..spans[1], ..spans[2] (seed 000's 1-45, 46-80, 81-95)."""
    old_end, mid_end, recent_end = spans
    return MemoryState(
        folded_count=recent_end if recent else (mid_end if mid else (old_end if old else 0)),
        old=tier(TierName.OLD, old, 1, old_end) if old else None,
        mid=tier(TierName.MID, mid, old_end + 1, mid_end) if mid else None,
        recent=tier(TierName.RECENT, recent, mid_end + 1, recent_end) if recent else None,
        facts=list(facts),
    )
