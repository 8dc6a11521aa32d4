"""The session export document: what ``GET /v1/sessions/{id}/export`` returns and
``POST /v1/sessions/import`` takes back.

Format ``memq.session``, version 1. It never holds the account id: an import
recreates the session in the caller's account. ``session.session_id`` is the
exported id (informational: an import gets a new id unless one is asked for).
Messages are in conversation order (seq, then message_id) and keep their ids
and seqs. ``memory`` is the stored multi-tier memory (summaries, key facts,
how many messages the summaries cover). ``analytics`` is informational and
derived from the messages: an import leaves it out, and the next analytics
flush of the new session recomputes it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from memq.analytics.model import SessionAnalytics
from memq.memory.model import Fact, TierSummary
from schemas.bounds import INT64_MAX, Instant, Metadata
from schemas.ids import Identifier
from schemas.messages import Channel, Content, Role
from schemas.sessions import SessionStatus

FORMAT: Literal["memq.session"] = "memq.session"
VERSION: Literal[1] = 1
#: Most messages one document may carry (the request body cap usually binds first).
MAX_IMPORT_MESSAGES = 10_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExportedSession(_Strict):
    session_id: Identifier
    user_id: Identifier | None = None
    channel: Channel | None = None
    title: str | None = Field(default=None, max_length=200)
    metadata: Metadata = Field(default_factory=dict)
    status: SessionStatus = "active"
    ended_reason: str | None = Field(default=None, max_length=200)
    created_at: Instant
    ended_at: Instant | None = None


class ExportedMessage(_Strict):
    message_id: Identifier
    role: Role
    content: Content
    seq: int = Field(gt=0, lt=INT64_MAX)
    accepted_at: Instant
    sent_at: Instant | None = None
    user_id: Identifier | None = None
    channel: Channel | None = None
    metadata: Metadata | None = None


class ExportedMemory(_Strict):
    folded_count: int = Field(
        default=0, ge=0, le=MAX_IMPORT_MESSAGES, description="leading messages the tiers cover"
    )
    recent: TierSummary | None = None
    mid: TierSummary | None = None
    old: TierSummary | None = None
    facts: list[Fact] = Field(default_factory=list)
    updated_at: Instant | None = None


class SessionDocument(_Strict):
    format: Literal["memq.session"] = FORMAT
    version: Literal[1] = VERSION
    session: ExportedSession
    messages: list[ExportedMessage] = Field(default_factory=list, max_length=MAX_IMPORT_MESSAGES)
    memory: ExportedMemory = Field(default_factory=ExportedMemory)
    analytics: SessionAnalytics | None = Field(
        default=None, description="informational; not imported (recomputed from the messages)"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = [m.message_id for m in self.messages]
        if len(set(ids)) != len(ids):
            raise ValueError("messages: message_id values must be unique")
        order = [(m.seq, m.message_id) for m in self.messages]
        if order != sorted(order):
            raise ValueError("messages: must be in conversation order (seq, then message_id)")
        if self.memory.folded_count > len(self.messages):
            raise ValueError("memory.folded_count: larger than the number of messages")
        if self.session.status == "ended" and self.session.ended_at is None:
            raise ValueError("session.ended_at: required when status is ended")
        return self

    def content_hash(self) -> str:
        """Hash of what an import stores (analytics left out): same content, same hash."""
        body = self.model_dump(mode="json", exclude={"analytics"})
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


class ImportResult(BaseModel):
    session_id: str
    messages_imported: int
    facts_imported: int
    already_imported: bool = Field(
        description="true when this document had been imported before: nothing was written"
    )
