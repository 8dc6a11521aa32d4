"""What ``GET /v1/sessions/{id}/memory`` returns: the stored tiers, key facts and details."""

from datetime import datetime

from pydantic import BaseModel, Field

from schemas.memory_model import Detail, EngineFallback, Fact, TierSummary


class MemoryView(BaseModel):
    session_id: str
    tiers: list[TierSummary] = Field(description="old, mid, recent: those written so far")
    facts: list[Fact] = Field(description="latest value per key, most recently updated first")
    details: list[Detail] = Field(
        default_factory=list,
        description="each folded question-answer unit or sentence that states a value, word "
        "for word, oldest first; those a newer one restates are flagged superseded",
    )
    folded_messages: int = Field(description="messages covered by the tiers")
    unfolded_messages: int = Field(
        description="messages not yet folded (the verbatim window and what waits for the next fold)"
    )
    pending_unfolded: int = Field(
        default=0,
        description="messages past the verbatim window not folded yet: how far the memory is "
        "behind (0 when it is up to date)",
    )
    pending_since: datetime | None = Field(
        default=None, description="when the oldest of those messages was accepted"
    )
    pending_age_seconds: float = Field(
        default=0.0, description="how long ago that was, when this answer was read (0 when none)"
    )
    preferred_engine: str = Field(description='"offline" or "claude:<model>"')
    engine_fallback: EngineFallback | None = Field(
        default=None,
        description="set while the session's memory is written by the offline engine in "
        "Claude's place (the account's daily token budget reached): why, and until when",
    )
    updated_at: datetime | None = None
