"""What an assembled context holds, independent of the format it is rendered in."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from schemas.context import ContextFormat as WireContextFormat
from schemas.memory_model import TierName
from schemas.messages import Role

#: The formats a context is rendered in: the wire contract's (``schemas.context``).
ContextFormat = WireContextFormat

#: Section headings of seed 000, per tier.
TIER_LABELS: dict[TierName, str] = {
    TierName.OLD: "EARLY CONVERSATION",
    TierName.MID: "MID CONVERSATION",
    TierName.RECENT: "RECENT MESSAGES",
}


class ContextTier(BaseModel):
    """A tier summary as included: possibly shortened (with "…") to its tier budget."""

    tier: TierName
    label: str
    text: str
    first_position: int
    last_position: int
    engine: str


class ContextDetail(BaseModel):
    """A stored detail as shown: a unit of earlier messages that states a value the rest of
    the context does not carry, replaced values marked."""

    text: str
    first_position: int
    last_position: int


class ContextFact(BaseModel):
    key: str
    value: str
    source_message_id: str
    updated_at: datetime


class ContextMessage(BaseModel):
    """A message shown word for word; ``truncated`` when its content was cut (ends "…")."""

    message_id: str
    role: Role
    content: str
    position: int = Field(description="1-based message number in the session")
    seq: int
    truncated: bool = False


class DroppedItem(BaseModel):
    """Something left out or cut to hold a budget.

    ``kind`` is ``tier:<old|mid|recent>``, ``tier_truncated:<tier>``, ``fact:<key>``,
    ``detail:<first>-<last>`` (a stored detail of those messages),
    ``messages:<first>-<last>`` (positions of messages shown neither word for word nor
    in a summary), ``truncated:<id>`` or ``messages:not_provided``; ``detail`` says why.
    """

    kind: str
    detail: str


class Freshness(BaseModel):
    """How current the context is.

    ``pending_unfolded`` counts the messages not folded yet beyond the verbatim
    window, whether or not they made it into the context; ``pending_since`` is
    when the oldest of them was accepted and ``pending_age_seconds`` how long
    ago that was when the context was read (None and 0 when there is none).
    """

    last_message_id: str | None = None
    last_message_seq: int | None = None
    pending_unfolded: int = 0
    pending_since: datetime | None = None
    pending_age_seconds: float = 0.0


class AssembledContext(BaseModel):
    """The chosen content, oldest section first.

    ``tiers`` run old → mid → recent; ``facts`` most recently updated first;
    ``details`` newest first;
    ``verbatim`` the newest messages word for word, in conversation order (one
    unbroken run up to the newest). ``estimated_tokens`` holds each format's own
    count (see ``domain.context.render``); ``assemble`` guarantees every one of them
    is within ``budget``.
    """

    budget: int
    tiers: list[ContextTier] = Field(default_factory=list)
    facts: list[ContextFact] = Field(default_factory=list)
    details: list[ContextDetail] = Field(default_factory=list)
    verbatim: list[ContextMessage] = Field(default_factory=list)
    dropped: list[DroppedItem] = Field(default_factory=list)
    estimated_tokens: dict[ContextFormat, int] = Field(default_factory=dict)
    freshness: Freshness = Field(default_factory=Freshness)
