"""The offline memory engine: extractive summaries and rule-based facts, no network.

It is deterministic (same input, same output) and needs no API key, so it is
the default engine and the fallback when Claude is unavailable.
"""

from collections.abc import Sequence

from domain.memory.engine import ExtractedFact, TranscriptLine
from domain.memory.offline.facts import extract_facts
from domain.memory.offline.open_items import open_items
from domain.memory.offline.summarizer import fold_summary, merge_summaries


class OfflineEngine:
    name = "offline"

    def fold(
        self,
        previous: str | None,
        lines: Sequence[TranscriptLine],
        budget_tokens: int,
        context: Sequence[TranscriptLine] = (),
    ) -> str:
        return fold_summary(previous, lines, budget_tokens, context)

    def merge(self, older: str | None, newer: str, budget_tokens: int) -> str:
        return merge_summaries(older, newer, budget_tokens)

    def extract_facts(
        self,
        lines: Sequence[TranscriptLine],
        known: Sequence[tuple[str, str]],
        context: Sequence[TranscriptLine] = (),
        named_earlier: Sequence[str] = (),
    ) -> list[ExtractedFact]:
        return extract_facts(lines, known, context, named_earlier)

    def open_items(
        self, lines: Sequence[TranscriptLine], earlier: Sequence[str], max_items: int
    ) -> list[str]:
        return open_items(lines, earlier, max_items)
