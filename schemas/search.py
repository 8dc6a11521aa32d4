"""What the search endpoints return."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

#: Longest accepted query text.
MAX_QUERY_CHARS = 500


class SearchHitView(BaseModel):
    session_id: str
    message_id: str
    role: str
    seq: int
    score: float = Field(description="higher is better; comparable within one response only")
    snippet: str = Field(
        description="at most 160 characters of the message around the first hit ('…' at cuts)"
    )
    accepted_at: datetime
    user_id: str | None = None


class SearchResult(BaseModel):
    hits: list[SearchHitView] = Field(description="best first")
