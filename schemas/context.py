"""What ``GET /v1/sessions/{id}/context`` returns, per format."""

from typing import Any, Literal

from pydantic import BaseModel, Field

ContextFormat = Literal["text", "json", "anthropic", "openai"]
#: Whether the context carries a user-memory section, and why not.
UserMemoryStatus = Literal["shown", "empty", "no_user_id"]
#: The longest ``query`` a context request may carry, in characters.
MAX_QUERY_CHARS = 2000


class UserMemoryNote(BaseModel):
    """What the context shows of the user's memory from earlier conversations."""

    status: UserMemoryStatus = Field(
        description="shown: the section is in the context; empty: the user memory has "
        "nothing to show (yet, or within the budget); no_user_id: the session has no "
        "user_id, so it has no user memory"
    )
    user_id: str | None = None
    persona: str | None = Field(default=None, description='"" for the general memory')
    facts: int = Field(default=0, description="user facts shown")
    details: int = Field(
        default=0, description="details of earlier conversations shown (values word for word)"
    )
    conversations: list[str] = Field(
        default_factory=list, description="session ids of the earlier conversations shown"
    )
    estimated_tokens: int = Field(default=0, description="what the section costs")


class ContextReply(BaseModel):
    """One envelope for the four formats; the format decides which fields are set.

    - ``text``: ``text`` holds seed 000's layout.
    - ``json``: ``context`` holds tiers, facts, the messages shown word for word,
      covered ranges, dropped items and freshness.
    - ``anthropic``: ``system`` and ``messages`` go straight into
      ``client.messages.create(system=..., messages=...)``; append the user's new
      turn unless it is already last.
    - ``openai``: ``messages`` go straight into
      ``client.chat.completions.create(messages=...)``: the memory as the first,
      ``system``, message (when there is any), then ``user`` / ``assistant`` turns;
      append the user's new turn unless it is already last.
    """

    session_id: str
    format: ContextFormat
    budget: int
    estimated_tokens: int = Field(description="this format's token estimate; never above budget")
    dropped: list[dict[str, str]] = Field(
        default_factory=list, description="what was left out or cut to hold the budget, in order"
    )
    freshness: dict[str, Any] = Field(
        default_factory=dict,
        description="last message included; messages accepted but not yet folded",
    )
    user_memory: UserMemoryNote | None = Field(
        default=None,
        description="the section of the user's memory (facts, relevant earlier conversations) "
        "that comes first in every format, and whether there is one",
    )
    text: str | None = None
    context: dict[str, Any] | None = None
    system: str | None = None
    messages: list[dict[str, str]] | None = None
