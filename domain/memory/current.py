"""The facts a context shows: the stored ones, brought up to date by the newest messages.

Facts are stored when messages are folded, so the last few messages (the
verbatim window, and any backlog the memory pool has not reached) are not in
them yet. A correction there ("I moved, my new address is …") must not leave
the old value on show as current. So the context reads those messages with
the offline rules (cheap, deterministic, no LLM on the request path) and
applies what they state with the same replace-and-keep-history rule as a
fold. Nothing is written: the memory actor stores facts when it folds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from domain.memory.engine import ExtractedFact, TranscriptLine
from domain.memory.folding import merge_facts, named_earlier, remember_replaced
from domain.memory.offline.facts import extract_facts
from schemas.memory_model import Fact
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage

#: Messages before the first unfolded one read for the question it may answer.
CONTEXT_LINES = 3

_Line = tuple[int, str, str, str]


@dataclass(frozen=True)
class CurrentMemory:
    facts: list[Fact]
    #: Values named as old or wrong: the stored ones and those of the newest messages.
    replaced_values: list[str]


def current_memory(
    memory: MemoryState, messages: Sequence[StoredMessage], first_position: int
) -> CurrentMemory:
    """The memory's facts updated by what ``messages`` past its folded count state.

    ``messages`` are the newest messages in conversation order, the first at
    ``first_position``.
    """
    stored = CurrentMemory(list(memory.facts), list(memory.replaced_values))
    lines = [
        (first_position + index, m.message_id, m.role, m.content)
        for index, m in enumerate(messages)
    ]
    unfolded = [line for line in lines if line[0] > memory.folded_count]
    if not unfolded:
        return stored
    before = [line for line in lines if line[0] <= memory.folded_count][-CONTEXT_LINES:]
    known = tuple((fact.key, fact.value) for fact in memory.facts)
    extracted = _extract(tuple(unfolded), tuple(before), known, tuple(named_earlier(memory)))
    if not extracted:
        return stored
    when = {m.message_id: m.accepted_at for m in messages}
    facts = stored.facts
    for fact in extracted:
        facts = merge_facts(facts, [fact], when[fact.source_message_id])
    named = [fact.value for fact in extracted if fact.replaced]
    return CurrentMemory(facts, remember_replaced(stored.replaced_values, named))


@lru_cache(maxsize=4096)
def _extract(
    lines: tuple[_Line, ...],
    before: tuple[_Line, ...],
    known: tuple[tuple[str, str], ...],
    named: tuple[str, ...],
) -> tuple[ExtractedFact, ...]:
    """Memoized: a channel asks for the same session's context again and again."""
    return tuple(
        extract_facts(
            [TranscriptLine(*line) for line in lines],
            known,
            [TranscriptLine(*line) for line in before],
            named,
        )
    )
