"""OfflineEngine as a MemoryEngine: the protocol, determinism, a session's lifecycle."""

import os
import subprocess
import sys

from domain.memory.engine import ExtractedFact, MemoryEngine, TranscriptLine
from domain.memory.offline import OfflineEngine
from domain.tokens import estimate_tokens

SCRIPT = """
from domain.memory.engine import TranscriptLine
from domain.memory.offline import OfflineEngine
lines = [
    TranscriptLine(1, "m1", "user", "سلام، اسم من سارا است. قیمت نانوپرسو چنده؟"),
    TranscriptLine(2, "m2", "assistant", "قیمت نانوپرسو ۸٬۲۴۹٬۰۰۰ تومان است و ۲ سال گارانتی دارد."),
    TranscriptLine(3, "m3", "user", "ผมสนใจ Nanopresso ครับ ราคา 1,500 บาท ใช่ไหม"),
    TranscriptLine(4, "m4", "assistant", "Yes, and the Minipresso is $49.99 with free shipping."),
]
engine = OfflineEngine()
print(engine.fold(None, lines, 60))
print(engine.merge("User: older key content about the 2-year warranty.", "Assistant: ok", 30))
print(engine.extract_facts(lines, []))
"""


def test_it_is_a_memory_engine_named_offline() -> None:
    engine: MemoryEngine = OfflineEngine()
    assert engine.name == "offline"


def test_output_does_not_depend_on_hash_seeds() -> None:
    outputs = {
        subprocess.run(
            [sys.executable, "-c", SCRIPT],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_a_long_session_folds_in_batches_within_every_budget() -> None:
    """Given a session folded five messages at a time, as the memory actor does,
    when it runs long, then every tier stays within budget and early key facts survive."""
    engine = OfflineEngine()
    recent: str | None = None
    mid: str | None = None
    known: dict[str, str] = {}
    opening = [
        ("user", "Hi, my name is Sara. I'm interested in the Nanopresso."),
        ("assistant", "The Nanopresso costs 8,249,000 Toman and has a 2-year warranty."),
        ("user", "ok thanks"),
        ("assistant", "You're welcome!"),
        ("user", "Great."),
    ]
    chatter = [("user", "lol ok"), ("assistant", "Sure thing!"), ("user", "thanks again")]
    pairs = opening + chatter * 10
    for start in range(0, len(pairs), 5):
        batch = [
            TranscriptLine(position, f"m{position}", role, content)
            for position, (role, content) in enumerate(pairs[start : start + 5], start=start + 1)
        ]
        recent = engine.fold(recent, batch, 200)
        assert estimate_tokens(recent) <= 200
        mid = engine.merge(mid, recent, 250)
        assert estimate_tokens(mid) <= 250
        for fact in engine.extract_facts(batch, list(known.items())):
            known[fact.key] = fact.value
    assert mid is not None and "8,249,000 Toman" in mid
    assert known == {
        "customer_name": "Sara",
        "product": "Nanopresso",
        "price": "8,249,000 Toman",
        "warranty_period": "2-year",
    }


def test_facts_name_their_source_message() -> None:
    facts = OfflineEngine().extract_facts(
        [TranscriptLine(7, "msg-7", "user", "My email is sara@example.com")], []
    )
    assert facts == [ExtractedFact("customer_email", "sara@example.com", "msg-7")]
