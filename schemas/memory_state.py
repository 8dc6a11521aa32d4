"""A session's memory as stored: tiers, facts, and how far folding has got."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from schemas.memory_model import Detail, EngineFallback, Fact, TierName, TierSummary


class TailLine(BaseModel):
    position: int
    message_id: str
    role: str
    content: str


class MemoryState(BaseModel):
    """Everything the memory actor keeps for one session.

    ``folded_count`` messages (positions 1..folded_count) live in the tiers;
    the rest are still verbatim. ``last_fold_ids`` lists the messages of the
    latest fold, so a fold whose "mark folded" step was interrupted is not
    folded twice. ``version`` guards every write (compare-and-set).
    """

    version: int = 0
    folded_count: int = 0
    last_fold_ids: list[str] = Field(default_factory=list)
    recent: TierSummary | None = None
    mid: TierSummary | None = None
    old: TierSummary | None = None
    facts: list[Fact] = Field(default_factory=list)
    #: The seq of the message each current fact value comes from: a message stored
    #: late (folded after later ones) can tell whether it was said before that value.
    fact_seqs: dict[str, int] = Field(default_factory=dict)
    #: When the message each current fact value comes from was accepted (its
    #: ``accepted_at``): a later conversation reads "tomorrow" from that day, not from the
    #: day the conversation went quiet (``domain.user_memory.named_days``). Missing for a
    #: value folded before this was kept.
    fact_said_at: dict[str, datetime] = Field(default_factory=dict)
    #: The last messages of the latest fold (content clipped): the question the
    #: next fold's first message may be answering.
    tail: list[TailLine] = Field(default_factory=list)
    #: Values the conversation named as old or wrong, newest last (bounded): a summary
    #: that still quotes one is marked in the context.
    replaced_values: list[str] = Field(default_factory=list)
    #: The names of options the assistant offered, newest last (bounded,
    #: ``domain.memory.offline.offered_names``): a later switch to one by its name alone.
    offered_names: list[str] = Field(default_factory=list)
    #: Every unit of the conversation that states a value, oldest first (bounded,
    #: ``domain.memory.details``): what the summaries dropped is still there to show.
    details: list[Detail] = Field(default_factory=list)
    #: Set by a fold the offline engine did in Claude's place (the account's daily
    #: token budget reached); cleared by the next fold that had Claude.
    engine_fallback: EngineFallback | None = None
    updated_at: datetime | None = None

    def tier(self, name: TierName) -> TierSummary | None:
        result: TierSummary | None = getattr(self, name.value)
        return result

    def tiers(self) -> list[TierSummary]:
        """Present tiers, oldest span first."""
        return [t for t in (self.old, self.mid, self.recent) if t is not None]

    def offline_tiers(self) -> list[TierSummary]:
        return [t for t in self.tiers() if t.engine == "offline"]
