"""What ``GET /v1/sessions/{id}/context`` returns, per format."""

from typing import Any, Literal

from pydantic import BaseModel, Field

ContextFormat = Literal["text", "json", "anthropic", "openai"]


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
    text: str | None = None
    context: dict[str, Any] | None = None
    system: str | None = None
    messages: list[dict[str, str]] | None = None
