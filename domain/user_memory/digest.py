"""What one conversation leaves for the user's memory: its current facts, one short
summary (what it was about, how it ended), its open items, in its own language, and
its details.

Built from what the session memory already holds (its tiers and facts, brought
up to date by the newest messages as a context is: ``domain.memory.current``),
plus the messages no tier covers yet. The summary is one engine call on
bounded input (the tiers within their budgets, at most ``DIGEST_LINES``
messages), on Claude when configured and up, else offline (``EngineChain``:
the session memory's failure rules). The open items are a second call on the
newest messages (promises are made near the end), given the items still open
from the conversation's previous batch.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.context.replaced import ReplacedMarks
from domain.memory.chain import EngineChain
from domain.memory.current import CONTEXT_LINES, CurrentMemory, current_memory
from domain.memory.details import details_of, kept_details, said_when
from domain.memory.engine import MemoryEngine, TranscriptLine
from domain.memory.folding import transcript
from domain.ports.memory import ContextSnapshot
from domain.tokens import estimate_tokens
from domain.user_memory.details import conversation_details
from domain.user_memory.language import language_of
from domain.user_memory.replaced_marks import ShortMarks
from schemas.sessions import Session
from schemas.user_memory import ConversationSummary, UserDetail

#: Tokens of one conversation's summary in the user memory, for English text.
SUMMARY_TOKENS = 120
#: Characters per token of English text (``domain.tokens``' estimate, on support chat).
ENGLISH_CHARS_PER_TOKEN = 3.5
#: The most a denser script widens a summary (Thai takes ~1.9x English's tokens).
MAX_SCRIPT_FACTOR = 2.0


def summary_budget(texts: Sequence[str]) -> int:
    """``SUMMARY_TOKENS`` widened by how many more tokens the conversation's script takes
    for the same content: a Persian or Thai conversation's summary then says as much as
    an English one (at 120 tokens a Thai summary held half the facts)."""
    sample = " ".join(texts)[:4000]
    if not sample.strip():
        return SUMMARY_TOKENS
    chars_per_token = len(sample) / max(1, estimate_tokens(sample))
    factor = min(MAX_SCRIPT_FACTOR, max(1.0, ENGLISH_CHARS_PER_TOKEN / chars_per_token))
    return round(SUMMARY_TOKENS * factor)


#: Newest messages read per digest: the verbatim window and any backlog not folded yet.
DIGEST_LINES = 60
#: Open items kept per conversation.
MAX_OPEN_ITEMS = 5


@dataclass(frozen=True)
class ConversationHead:
    """A conversation's identity and extent, before anything is summarized."""

    session: Session
    snapshot: ContextSnapshot

    @property
    def first_position(self) -> int:
        total = max(self.snapshot.message_count, len(self.snapshot.recent))
        return total - len(self.snapshot.recent) + 1

    def conversation(
        self, summary: str = "", engine: str = "offline", open_items: Sequence[str] = ()
    ) -> ConversationSummary:
        session = self.session
        texts = [m.content for m in self.snapshot.recent if m.role == "user"]
        texts += [tier.text for tier in self.snapshot.memory.tiers()]
        return ConversationSummary(
            session_id=session.session_id,
            summary=summary,
            open_items=list(open_items),
            language=language_of(texts),
            started_at=session.created_at,
            last_activity=session.last_message_at or session.updated_at,
            message_count=self.snapshot.message_count,
            ended=session.status == "ended",
            engine=engine,
        )

    @functools.cached_property
    def current(self) -> CurrentMemory:
        """The conversation's facts, with their histories, brought up to its newest messages."""
        return current_memory(self.snapshot.memory, self.snapshot.recent, self.first_position)

    def facts(self) -> list[tuple[str, str]]:
        """The conversation's current facts (the offline extractor's, for its newest
        messages), most recently updated first."""
        ordered = sorted(self.current.facts, key=lambda fact: fact.updated_at, reverse=True)
        return [(fact.key, fact.value) for fact in ordered]

    def said_at(self) -> dict[str, datetime]:
        """When the message each current fact's value came from was accepted, where known:
        a newest message's own time, else the one its fold kept (``fact_said_at``)."""
        accepted = {m.message_id: m.accepted_at for m in self.snapshot.recent}
        memory = self.snapshot.memory
        stored = {fact.key: fact.source_message_id for fact in memory.facts}
        said: dict[str, datetime] = {}
        for fact in self.current.facts:
            if fact.source_message_id in accepted:
                said[fact.key] = accepted[fact.source_message_id]
            elif stored.get(fact.key) == fact.source_message_id and fact.key in memory.fact_said_at:
                said[fact.key] = memory.fact_said_at[fact.key]
        return said

    def marks(self) -> ShortMarks:
        """The replaced values the conversation's own context marks: its facts' earlier
        values, the values it named as old, those a newer detail replaced. A summary
        written from its tiers quotes them as the tiers do, and the user's next
        conversation must not read them as current."""
        memory = self.snapshot.memory
        replaced = [item for detail in memory.details for item in detail.replaced]
        return ShortMarks(ReplacedMarks(self.current.facts, self.current.replaced_values, replaced))

    def details(self, facts: Sequence[tuple[str, str]]) -> list[UserDetail]:
        """The conversation's details as the user memory keeps them
        (``domain.user_memory.details``): its memory's, and those of its newest
        messages, which no fold has read (the verbatim window: where a conversation
        settles things); ``facts`` are its current facts."""
        memory = self.snapshot.memory
        lines = transcript(self.snapshot.recent, self.first_position)
        unfolded = [line for line in lines if line.position > memory.folded_count]
        before = [line for line in lines if line.position <= memory.folded_count]
        context = before[-CONTEXT_LINES:] or [
            TranscriptLine(line.position, line.message_id, line.role, line.content)
            for line in memory.tail
        ]
        newest = said_when(details_of(unfolded, context), unfolded, self.snapshot.recent)
        details = kept_details(memory.details, newest)
        session = self.session
        return conversation_details(
            details,
            facts,
            session.session_id,
            session.last_message_at or session.updated_at,
            session_facts=self.current.facts,
            old_values=self.current.replaced_values,
        )

    def summarize(self, engines: EngineChain, earlier: Sequence[str] = ()) -> ConversationSummary:
        """The summary and open items; ``earlier`` are the items open after the
        conversation's previous batch."""
        memory = self.snapshot.memory
        previous = "\n".join(tier.text for tier in memory.tiers()) or None
        lines = [
            line
            for line in transcript(self.snapshot.recent, self.first_position)
            if line.position > memory.folded_count
        ][-DIGEST_LINES:]

        budget = summary_budget([m.content for m in self.snapshot.recent])

        def summarize(engine: MemoryEngine) -> str:
            if lines:
                return engine.fold(previous, lines, budget)
            return engine.merge(None, previous or "", budget)

        newest = transcript(self.snapshot.recent, self.first_position)

        def open_items(engine: MemoryEngine) -> list[str]:
            return engine.open_items(newest, earlier, MAX_OPEN_ITEMS)

        marks = self.marks()
        if not lines and previous is None:
            items = engines.run(open_items)[0]
            return self.conversation(open_items=[marks.mark(item) for item in items])
        summary, engine = engines.run(summarize)
        items = [marks.mark(item) for item in engines.run(open_items)[0]]
        return self.conversation(marks.mark(summary.strip()), engine, items)
