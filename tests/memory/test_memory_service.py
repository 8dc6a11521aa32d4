"""The memory service over a real store: folding, single-flight, idempotency, fallback.

No broker here: the service is what the memory actor calls. Claude is the
real anthropic client against the loopback fake Messages API.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from domain.memory.chain import EngineChain
from domain.memory.engine import ExtractedFact, TranscriptLine
from domain.memory.factory import build_engines
from domain.memory.offline.engine import OfflineEngine
from domain.memory.service import MemoryService
from domain.tokens import estimate_tokens
from runtime.settings import Settings
from schemas.messages import MessageEvent
from store.backends.sqlite import SqliteStore
from tests.support.fake_anthropic import FakeAnthropic, overloaded_reply, text_reply, tool_reply

ACCOUNT, SESSION = "acct", "sess"
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def publish(store: SqliteStore, start: int, count: int, session: str = SESSION) -> None:
    for i in range(start, start + count):
        role = "user" if i % 2 == 0 else "assistant"
        content = (
            f"My order number is A-{1000 + i} and I paid ${i}.99 for item {i}."
            if role == "user"
            else f"Thanks, order A-{1000 + i} ships in {i % 7 + 1} days with a 2 years warranty."
        )
        event = MessageEvent(
            account_id=ACCOUNT,
            session_id=session,
            message_id=f"m{i:04d}",
            role=role,
            content=content,
            seq=1_000_000 + i,
            accepted_at=T0 + timedelta(seconds=i),
        )
        store.sessions.append_message(event, delivery_id=f"d{i}")


class RecordingEngine:
    """Delegates to the real offline engine and records how big each call's input was."""

    name = "offline"

    def __init__(self) -> None:
        self.inner = OfflineEngine()
        self.fold_inputs: list[int] = []

    def fold(
        self,
        previous: str | None,
        lines: Sequence[TranscriptLine],
        budget: int,
        context: Sequence[TranscriptLine] = (),
    ) -> str:
        self.fold_inputs.append(len(lines))
        return self.inner.fold(previous, lines, budget, context)

    def merge(self, older: str | None, newer: str, budget: int) -> str:
        return self.inner.merge(older, newer, budget)

    def extract_facts(
        self,
        lines: Sequence[TranscriptLine],
        known: Sequence[tuple[str, str]],
        context: Sequence[TranscriptLine] = (),
        named_earlier: Sequence[str] = (),
    ) -> list[ExtractedFact]:
        return self.inner.extract_facts(lines, known, context, named_earlier)


def test_a_300_message_conversation_is_accounted_for_exactly_once(store: SqliteStore) -> None:
    # Given the offline engine and a fold triggered every 5 messages, as ingest does
    engine = RecordingEngine()
    settings = Settings()
    service = MemoryService(store.memory, EngineChain(fallback=engine), settings)
    for start in range(0, 300, 5):
        publish(store, start, 5)
        service.update(ACCOUNT, SESSION)
    # Then the tiers tile positions 1..folded_count with no gap or overlap
    memory = store.memory.load_memory(ACCOUNT, SESSION)
    tiers = memory.tiers()
    assert [t.tier.value for t in tiers] == ["old", "mid", "recent"]
    assert tiers[0].first_position == 1
    for older, newer in itertools.pairwise(tiers):
        assert newer.first_position == older.last_position + 1
    assert tiers[-1].last_position == memory.folded_count
    # and every other message is still verbatim: exactly the last 5
    assert memory.folded_count == 295
    assert store.memory.count_unfolded(ACCOUNT, SESSION) == 5
    unfolded = store.memory.unfolded_messages(
        ACCOUNT, SESSION, keep_last=0, exclude_ids=[], limit=50
    )
    assert [m.message_id for m in unfolded] == [f"m{i:04d}" for i in range(295, 300)]
    # And each tier fits its budget, and no call ever took more than one batch
    budgets = settings.budgets_for(ACCOUNT)
    for tier in tiers:
        assert estimate_tokens(tier.text) <= budgets.for_tier(tier.tier)
    assert max(engine.fold_inputs) <= settings.memory_fold_every * 2
    assert memory.facts, "facts were extracted"


def test_a_final_update_folds_fewer_than_a_batch(store: SqliteStore) -> None:
    service = MemoryService(store.memory, EngineChain(fallback=OfflineEngine()), Settings())
    publish(store, 0, 8)
    assert service.update(ACCOUNT, SESSION).folds == 0  # 3 outside the window: not yet
    assert service.update(ACCOUNT, SESSION, final=True).folded_messages == 3
    assert store.memory.count_unfolded(ACCOUNT, SESSION) == 5


def claude_settings(fake: FakeAnthropic) -> Settings:
    return Settings(
        anthropic_api_key="sk-test-not-a-real-key",  # type: ignore[arg-type]
        anthropic_base_url=fake.base_url,
        llm_max_retries=0,
        llm_timeout=5,
    )


def test_duplicated_and_concurrent_jobs_cost_no_second_llm_call(
    store: SqliteStore, fake_anthropic: FakeAnthropic
) -> None:
    # Given 10 messages: 5 have left the verbatim window, so one fold is due
    settings = claude_settings(fake_anthropic)
    service = MemoryService(store.memory, build_engines(settings), settings)
    publish(store, 0, 10)
    # and Claude scripted for exactly one fold: a summary, then the facts
    fake_anthropic.enqueue(text_reply("The user placed orders A-1000 to A-1004."))
    fake_anthropic.enqueue(
        tool_reply(
            "record_facts",
            {"facts": [{"key": "order_id", "value": "A-1004", "source_message_id": "m0004"}]},
        )
    )
    # When eight jobs for the session run at once, and two more run after them
    threads = [threading.Thread(target=service.update, args=(ACCOUNT, SESSION)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    service.update(ACCOUNT, SESSION)
    service.update(ACCOUNT, SESSION)
    # Then Claude was called exactly twice (one fold), and the memory shows it once
    assert len(fake_anthropic.requests) == 2
    assert fake_anthropic.unscripted == 0
    memory = store.memory.load_memory(ACCOUNT, SESSION)
    assert memory.folded_count == 5
    assert memory.recent is not None
    assert memory.recent.engine == f"claude:{settings.llm_model}"
    assert memory.recent.text == "The user placed orders A-1000 to A-1004."
    assert [(f.key, f.value) for f in memory.facts] == [("order_id", "A-1004")]


def test_offline_engine_fills_in_while_claude_is_down_and_claude_redoes_it(
    store: SqliteStore, fake_anthropic: FakeAnthropic
) -> None:
    settings = claude_settings(fake_anthropic)
    service = MemoryService(store.memory, build_engines(settings), settings)
    publish(store, 0, 10)
    # Given Claude overloaded for the fold and for the facts (no SDK retries here)
    fake_anthropic.enqueue(overloaded_reply(), times=2)
    # and back up for the redo that follows in the same job
    fake_anthropic.enqueue(text_reply("Orders A-1000 to A-1004, shipping soon."))
    service.update(ACCOUNT, SESSION)
    # Then the fold fell back to the offline engine, and was redone by Claude
    memory = store.memory.load_memory(ACCOUNT, SESSION)
    assert memory.recent is not None
    assert memory.recent.engine == f"claude:{settings.llm_model}"
    assert memory.recent.text == "Orders A-1000 to A-1004, shipping soon."
    assert memory.recent.first_position == 1 and memory.recent.last_position == 5
    assert len(fake_anthropic.requests) == 3
    # and the redo re-read the tier's own source messages, not the whole history
    redo_request = fake_anthropic.requests[2].json
    transcript = str(redo_request["messages"])
    assert "m0000" in transcript and "m0004" in transcript and "m0005" not in transcript


def test_offline_tiers_stay_marked_while_claude_stays_down(
    store: SqliteStore, fake_anthropic: FakeAnthropic
) -> None:
    settings = claude_settings(fake_anthropic)
    service = MemoryService(store.memory, build_engines(settings), settings)
    publish(store, 0, 10)
    fake_anthropic.enqueue(overloaded_reply(), times=3)  # fold, facts, redo attempt
    service.update(ACCOUNT, SESSION)
    memory = store.memory.load_memory(ACCOUNT, SESSION)
    assert memory.recent is not None and memory.recent.engine == "offline"
    assert memory.recent.text.strip()


ENGLISH_CORRECTION = [
    ("user", "Hi, this is Sara Kim, my headphones arrived broken."),
    ("assistant", "Sorry to hear that. Could you share your order number?"),
    ("user", "Sure, it's ORD-48213."),
    ("assistant", "I can't find that one. Could you check the order number again?"),
    ("user", "Sorry, typo: ORD-48231."),
]
PERSIAN_CORRECTION = [
    ("user", "سلام، من رضا احمدی هستم. گوشی که خریدم روشن نمیشه."),
    ("assistant", "سلام رضا جان، متاسفم. شماره سفارشتون رو لطف می‌کنید؟"),
    ("user", "بله، ۷۳۰۵۹۲"),
    ("assistant", "با این شماره سفارشی پیدا نمیشه. یه بار دیگه چک کنید؟"),
    ("user", "وای ببخشید، اشتباه تایپ کردم. ۷۳۰۹۵۲ درسته"),
]
CHAT_ON = [
    ("assistant", "Found it, thank you."),
    ("user", "Can you replace it?"),
    ("assistant", "Yes, a new one ships tomorrow."),
    ("user", "Great."),
    ("assistant", "Anything else?"),
    ("user", "No, thanks."),
    ("assistant", "Have a good day."),
]


@pytest.mark.parametrize(
    ("opening", "wrong", "right", "late"),
    [
        (ENGLISH_CORRECTION, "ORD-48213", "ORD-48231", 3),
        (ENGLISH_CORRECTION, "ORD-48213", "ORD-48231", 5),
        (PERSIAN_CORRECTION, "۷۳۰۵۹۲", "۷۳۰۹۵۲", 3),
        (PERSIAN_CORRECTION, "۷۳۰۵۹۲", "۷۳۰۹۵۲", 5),
    ],
    ids=["en wrong late", "en correction late", "fa wrong late", "fa correction late"],
)
def test_a_message_stored_late_keeps_its_place_among_the_values(
    store: SqliteStore, opening: list[tuple[str, str]], wrong: str, right: str, late: int
) -> None:
    # Given a chat where one message (the first order number, or its correction) was
    # stored only after the messages around it had been folded, as a retried ingest leaves it
    turns = opening + CHAT_ON

    service = MemoryService(store.memory, EngineChain(fallback=OfflineEngine()), Settings())
    for position in range(1, len(turns) + 1):
        if position != late:
            append_turn(store, turns, position)
    assert service.update(ACCOUNT, SESSION, final=True).folded_messages == 6
    assert current_order(store) == ((right, []) if late == 3 else (wrong, []))
    # When the straggler arrives and is folded after the others
    append_turn(store, turns, late)
    assert service.update(ACCOUNT, SESSION, final=True).folded_messages == 1
    # Then the corrected number is current and the wrong one is its earlier value
    assert current_order(store) == (right, [wrong])


def append_turn(store: SqliteStore, turns: list[tuple[str, str]], position: int) -> None:
    """Store turn ``position`` (1-based) with seq = position, whenever it is appended."""
    role, content = turns[position - 1]
    event = MessageEvent(
        account_id=ACCOUNT,
        session_id=SESSION,
        message_id=f"m{position:02d}",
        role=role,
        content=content,
        seq=position,
        accepted_at=T0 + timedelta(seconds=position),
    )
    store.sessions.append_message(event, delivery_id=f"d{position}")


def current_order(store: SqliteStore) -> tuple[str, list[str]]:
    memory = store.memory.load_memory(ACCOUNT, SESSION)
    (fact,) = [fact for fact in memory.facts if fact.key == "order_id"]
    return fact.value, [earlier.value for earlier in fact.history]


def test_messages_folded_beside_a_late_one_are_read_against_everything_known(
    store: SqliteStore,
) -> None:
    # Given a folded chat that knows order ORD-48231, then a late message and, after it in
    # the same fold, a customer's second order
    turns = [
        *ENGLISH_CORRECTION[:2],
        ("user", "Sure, it's ORD-48231."),
        *CHAT_ON[:5],
        ("user", "I also have a second order, ORD-77120, for a charger."),
        *CHAT_ON[:8],
    ]

    service = MemoryService(store.memory, EngineChain(fallback=OfflineEngine()), Settings())
    for position in [1, 3, 4, 5, 6, 7, 8, 10, 11, 12]:
        append_turn(store, turns, position)
    service.update(ACCOUNT, SESSION, final=True)
    for position in [2, 9, *range(13, len(turns) + 1)]:
        append_turn(store, turns, position)
    service.update(ACCOUNT, SESSION, final=True)
    # Then the second order is a second order, and the first stays as it was
    facts = {fact.key: fact for fact in store.memory.load_memory(ACCOUNT, SESSION).facts}
    assert facts["order_id"].value == "ORD-48231" and not facts["order_id"].history
    assert facts["order_id_2"].value == "ORD-77120"
