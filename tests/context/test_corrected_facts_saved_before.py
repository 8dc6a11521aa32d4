"""A memory saved before the fold stored corrections (its fact still holds the mistaken
part a detail put right) shows the correction in its context all the same, until its next
fold stores it. Over a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from domain.context.service import build_context
from runtime.settings import Settings
from schemas.memory_model import Detail, Fact, ReplacedValue
from schemas.memory_state import MemoryState
from schemas.messages import MessageEvent
from store.backends.sqlite import SqliteStore

ACCOUNT, SESSION, OWNER = "acct", "sess", "worker-1"
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)

#: (the fact as an older fold stored it, the part put right, its correction)
SAVED_BEFORE = [
    ("14 Bramley Close, Harrogate HG2 7DN", "HG2 7DN", "HG2 7DL"),
    ("تهران، خیابان ستارخان، کد پستی ۱۴۵۶۷۸۹۰۱۲", "۱۴۵۶۷۸۹۰۱۲", "۱۴۵۶۷۸۹۰۲۱"),
    ("99/5 ถ.สุขุมวิท แขวงคลองตัน กรุงเทพฯ 10110", "10110", "10120"),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore(tmp_path / "memq.sqlite3")
    yield opened
    opened.close()


@pytest.mark.parametrize(("value", "old", "new"), SAVED_BEFORE)
def test_a_memory_saved_before_shows_the_correction(
    store: SqliteStore, value: str, old: str, new: str
) -> None:
    # Given a session whose stored memory (saved by an older fold) keeps the mistake in
    # its fact while a detail records the part put right
    for n in (1, 2):
        event = MessageEvent(
            account_id=ACCOUNT,
            session_id=SESSION,
            message_id=f"m{n}",
            role="user",
            content=f"message {n}",
            seq=1_000_000 + n,
            accepted_at=T0 + timedelta(seconds=n),
        )
        store.sessions.append_message(event, f"d-{n}")
    state = MemoryState(
        folded_count=2,
        last_fold_ids=["m1", "m2"],
        facts=[Fact(key="delivery_address", value=value, source_message_id="m1", updated_at=T0)],
        details=[
            Detail(
                first_position=2,
                last_position=2,
                text=f"User: {new}",
                values=[new],
                kinds=["number"],
                replaced=[ReplacedValue(old=old, new=new, how="corrected")],
            )
        ],
    )
    now = datetime.now(UTC)
    assert store.memory.acquire_memory_lease(ACCOUNT, SESSION, OWNER, now + timedelta(1), now)
    assert store.memory.save_memory(ACCOUNT, SESSION, state, OWNER)
    # When its context is asked for
    reply = build_context(store.memory, Settings(), ACCOUNT, SESSION, budget=400, fmt="json")
    # Then the fact shows the correction, not the mistake
    assert reply.context is not None
    shown = {fact["key"]: fact["value"] for fact in reply.context["facts"]}
    assert shown["delivery_address"] == value.replace(old, new)
