"""The stored shape of a session's memory."""

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from schemas.bounds import SAFE_INTEGER, SEQ_LIMIT, Count, Instant


class TierName(StrEnum):
    RECENT = "recent"
    MID = "mid"
    OLD = "old"


class Budgets(BaseModel):
    """Token budget per tier (seed 000's defaults)."""

    verbatim: int = Field(default=400, gt=0)
    recent: int = Field(default=200, gt=0)
    mid: int = Field(default=250, gt=0)
    old: int = Field(default=200, gt=0)
    facts: int = Field(default=150, gt=0)
    #: The user-memory section (issue 11): taken from the budget only when there is one.
    user: int = Field(default=250, gt=0)

    def for_tier(self, tier: TierName) -> int:
        return int(getattr(self, tier.value))


class TierSummary(BaseModel):
    """One progressive summary and the span of the conversation it covers.

    Positions are 1-based message numbers in conversation order, as in seed
    000's ``[EARLY CONVERSATION - Messages 1-45]``.
    """

    tier: TierName
    text: str
    # Bounded as the wire's counts and seqs are: an imported document is stored as
    # it is, and MongoDB cannot hold an integer past 2^63.
    first_position: int = Field(ge=1, le=SAFE_INTEGER)
    last_position: int = Field(ge=1, le=SAFE_INTEGER)
    first_seq: int = Field(
        ge=0, lt=SEQ_LIMIT, description="gateway seq of the first message covered"
    )
    last_seq: int = Field(ge=0, lt=SEQ_LIMIT, description="gateway seq of the last message covered")
    token_estimate: Count
    engine: str = Field(description='"offline" or "claude:<model>"')
    engine_reason: str | None = Field(
        default=None,
        description='why the offline engine wrote it when Claude is configured (e.g. "daily '
        'token budget reached"); null otherwise',
    )
    updated_at: Instant


class FactValue(BaseModel):
    value: str
    source_message_id: str
    updated_at: Instant


class Fact(BaseModel):
    """A key fact; ``history`` keeps earlier values, oldest first."""

    key: str
    value: str
    source_message_id: str
    updated_at: Instant
    history: list[FactValue] = Field(default_factory=list)
    engine_reason: str | None = Field(
        default=None,
        description="why the offline engine set this value when Claude is configured; "
        "null otherwise",
    )


#: The kinds of value a detail states (``domain.memory.offline.values.Kind``), and of the
#: clauses it keeps when it states none.
DETAIL_KINDS = frozenset(
    {
        "email", "phone", "address", "date", "time", "amount", "duration", "weight",
        "length", "count", "measure", "identifier", "number",
    }
    # what a unit states without a value (``domain.memory.offline.kept_clauses``)
    | {"instruction", "choice", "person", "place", "problem", "correction", "answer"}
)  # fmt: skip


class ReplacedValue(BaseModel):
    """A value of a detail that a newer detail replaced (``domain.memory.detail_changes``),
    worked out at fold time so that a context only reads it."""

    old: str = Field(min_length=1, description="the detail's value that was replaced")
    new: str = Field(min_length=1, description="the newest value that replaced it")
    how: Literal["changed", "corrected"] = Field(
        description='"corrected": a mistake put right (named wrong, a typo): no value of '
        'anything; "changed": a value that was current until changed'
    )

    @property
    def corrected(self) -> bool:
        return self.how == "corrected"


class Detail(BaseModel):
    """A question–answer unit or sentence of the conversation that states a value (or, with
    none, a request, a choice, a person, a place or a fault: its clause is the value), kept
    word for word at fold time (the summaries may drop it): ``text`` is rendered as a
    summary is ("Assistant: What's the mileage?\nUser: 84,312")."""

    first_position: int = Field(ge=1, le=SAFE_INTEGER)
    last_position: int = Field(ge=1, le=SAFE_INTEGER)
    text: str
    #: The values the unit states, in order, and the kind of each (``values.Kind``).
    values: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)
    #: A newer detail says again what this one said, with its own values
    #: (``domain.memory.details.supersedes``): kept, but the context leaves it out.
    superseded: bool = False
    #: Its values a newer detail replaced, and with what (written by every fold).
    replaced: list[ReplacedValue] = Field(default_factory=list)
    #: When it was said, where known (``domain.memory.details.said_when``): a day it says
    #: only from then ("tomorrow at 9") counts from it, not from the last activity.
    said_at: Instant | None = None

    def problem(self) -> str | None:
        """What makes this detail one no fold would store, or None: an imported one is
        checked (the stored ones are written by the folds)."""
        if self.first_position > self.last_position:
            return "first_position is after last_position"
        if len(self.values) != len(self.kinds):
            return "values and kinds differ in length"
        if unknown := sorted(set(self.kinds) - DETAIL_KINDS):
            return f"unknown kinds {unknown}"
        if missing := [value for value in self.values if value not in self.text]:
            return f"values not in its text {missing}"
        if stray := [r.old for r in self.replaced if r.old not in self.values]:
            return f"replaced values not among its values {stray}"
        return None


class EngineFallback(BaseModel):
    """The session's memory is written by the offline engine instead of Claude, and why."""

    reason: str = Field(description='e.g. "daily token budget reached"')
    until: Instant = Field(description="when Claude takes over again (the next UTC day)")
