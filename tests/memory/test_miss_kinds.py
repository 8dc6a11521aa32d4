"""bench.miss_kinds: why a current value is missing, and what each section carries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bench.dialogue_set import Dialogue
from bench.miss_kinds import Tally, miss_kind
from schemas.memory_model import Detail, Fact, FactValue, TierName, TierSummary
from schemas.memory_state import MemoryState

NOW = datetime(2026, 12, 7, tzinfo=UTC)


def _memory() -> MemoryState:
    return MemoryState(
        facts=[
            Fact(
                key="delivery_date",
                value="Friday 12 March",
                source_message_id="m9",
                updated_at=NOW,
                history=[FactValue(value="۱۴ آبان", source_message_id="m3", updated_at=NOW)],
            )
        ],
        details=[
            Detail(
                first_position=4, last_position=5, text="User: ORD-48213", values=["ORD-48213"],
                kinds=["identifier"],
            ),
            Detail(
                first_position=6, last_position=6, text="User: 2 boxes", values=["2 boxes"],
                kinds=["count"], superseded=True,
            ),
        ],
        old=TierSummary(
            tier=TierName.OLD, text="User: ขอส่งที่ 12/3 ซอย 5", first_position=1,
            last_position=3, first_seq=1, last_seq=3, token_estimate=9, engine="offline",
            updated_at=NOW,
        ),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("friday 12 march", "fact, out of room"),
        # the fact's history holds it (Persian digits read as ASCII ones)
        ("14 آبان", "history only"),
        ("ord-48213", "detail, out of room"),
        ("ซอย 5", "summary, out of room"),
        ("2 boxes", "superseded detail"),
        ("Zand Boulevard", "never kept"),
    ],
)
def test_a_missing_value_is_put_under_the_first_kind_that_holds_it(value: str, kind: str) -> None:
    assert miss_kind(_memory(), value) == kind


def test_a_tally_counts_values_by_section_and_old_ones_shown_as_current() -> None:
    dialogue = Dialogue(
        id="en-test",
        language="en",
        messages=[],
        subjects={
            "order id": ["ORD-48213"],
            "delivery address": ["12 Elm Street", "7 Zand Boulevard"],
            "coupon": ["SAVE10"],
        },
    )
    context = {
        "facts": [{"key": "order_id", "value": "ORD-48213"}],
        "details": [{"text": "User: 12 Elm Street (replaced by 7 Zand Boulevard)"}],
        "tiers": [{"text": "User: my address is 12 Elm Street"}],
        "verbatim": [{"content": "Use ORD-48213 please"}],
    }
    tally = Tally()
    tally.add(dialogue, _memory(), context)
    assert (tally.values, tally.shown) == (3, 2)
    assert tally.kinds == {"never kept": 1}  # SAVE10
    # the order id is in facts and messages; the new address only in the detail's mark
    assert tally.carried == {"facts": 1, "messages": 1, "details": 1}
    assert tally.only_here == {"details": 1}
    # the old address is marked in the detail, unmarked in the summary
    assert tally.stale == {"summaries": 1}
