"""What recall derives from a memory alone is made once per memory and never outlives it:
a memory with new lists (a merge, a correction) is recalled from its own lines."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.user_memory.per_memory import ByIdentity
from domain.user_memory.recall import rank_best, recall
from domain.user_memory.recall_index import indexed
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import past_conversation

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def test_a_derivation_is_made_once_per_object_and_again_for_an_equal_one() -> None:
    kept: ByIdentity[list[int]] = ByIdentity(size=2)
    made: list[list[str]] = []

    def make(source: list[str]) -> list[int]:
        made.append(source)
        return [len(source)]

    first, equal = ["سفارش"], ["سفارش"]
    assert kept.get((first,), lambda: make(first)) is kept.get((first,), lambda: make(first))
    assert kept.get((equal,), lambda: make(equal)) == [1]
    assert made == [first, equal]
    assert made[0] is first and made[1] is equal
    # beyond its size the least recently used is let go, and made again when asked
    third = ["ส่ง"]
    kept.get((third,), lambda: make(third))
    kept.get((first,), lambda: make(first))
    assert len(made) == 4


def memory(address: str, summary: str) -> UserMemoryState:
    fact = UserFact(key="address", value=address, session_id="s1", observed_at=T0)
    conversation = past_conversation("s1", 1, "en", summary, [])
    return indexed(UserMemoryState(facts=[fact], conversations=[conversation]))


def test_a_changed_memory_is_recalled_from_its_own_lines() -> None:
    before = memory("12 Elm Street", "Sara asked where order ORD-48213 is.")
    shown = recall(before, "order", 200, current_session="now")
    assert "12 Elm Street" in shown.text and "ORD-48213" in shown.text
    # When a merge replaces the fact and the conversation (new lists, as every write makes)
    after = memory("خیابان ولیعصر ۱۲", "Sara asked for a refund of ORD-55120.")
    again = recall(after, "order", 200, current_session="now")
    # Then the new memory's lines are shown, none of the earlier one's
    assert "خیابان ولیعصر ۱۲" in again.text and "ORD-55120" in again.text
    assert "Elm" not in again.text and "ORD-48213" not in again.text
    # and the earlier memory, still held by a request, still recalls as it did
    assert recall(before, "order", 200, current_session="now").text == shown.text
    assert rank_best(after.conversations, "refund", after.recall_index).best[0].score > 0
