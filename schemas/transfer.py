"""The session export document: what ``GET /v1/sessions/{id}/export`` returns and
``POST /v1/sessions/import`` takes back.

Format ``memq.session``, version 1. Export streams any session the store
holds, page by page (``ExportHead``, then ``ExportPage``s through the workers);
an import takes at most ``MAX_IMPORT_MESSAGES`` messages (``ImportDocument``).
It never holds the account id: an import
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
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from schemas.analytics_model import SessionAnalytics
from schemas.bounds import Count, Instant, Metadata, Seq
from schemas.ids import Identifier, PersonaName
from schemas.limits import MAX_DETAILS
from schemas.memory_model import Detail, Fact, TierSummary
from schemas.messages import Channel, Content, Role
from schemas.sessions import SessionStatus

FORMAT: Literal["memq.session"] = "memq.session"
VERSION: Literal[1] = 1
#: The export's response header: messages in the session when the export began.
MESSAGE_COUNT_HEADER = "X-Memq-Message-Count"
#: Most messages an imported document may carry (the request body cap usually binds first).
MAX_IMPORT_MESSAGES = 10_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


#: "ended_at is required when status is ended", as JSON Schema states it.
_ENDED_NEEDS_ITS_TIME: JsonDict = {
    "if": {"properties": {"status": {"const": "ended"}}, "required": ["status"]},
    "then": {"required": ["ended_at"], "properties": {"ended_at": {"type": "string"}}},
}


class ExportedSession(_Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_ENDED_NEEDS_ITS_TIME)

    session_id: Identifier
    user_id: Identifier | None = None
    channel: Channel | None = None
    persona: PersonaName | None = None
    title: str | None = Field(default=None, max_length=200)
    metadata: Metadata = Field(default_factory=dict)
    status: SessionStatus = "active"
    ended_reason: str | None = Field(default=None, max_length=200)
    created_at: Instant
    ended_at: Instant | None = None

    @model_validator(mode="after")
    def _ended_with_its_time(self) -> Self:
        if self.status == "ended" and self.ended_at is None:
            raise ValueError("ended_at: required when status is ended")
        return self


class ExportedMessage(_Strict):
    message_id: Identifier
    role: Role
    content: Content
    seq: Seq
    accepted_at: Instant
    sent_at: Instant | None = None
    user_id: Identifier | None = None
    channel: Channel | None = None
    metadata: Metadata | None = None


class ExportedMemory(_Strict):
    folded_count: Count = Field(default=0, description="leading messages the tiers cover")
    recent: TierSummary | None = None
    mid: TierSummary | None = None
    old: TierSummary | None = None
    facts: list[Fact] = Field(default_factory=list)
    details: list[Detail] = Field(
        default_factory=list,
        max_length=MAX_DETAILS,
        description="units of the conversation that state a value",
    )
    updated_at: Instant | None = None

    @model_validator(mode="after")
    def _details_as_folds_write_them(self) -> Self:
        for index, detail in enumerate(self.details):
            if (problem := detail.problem()) is not None:
                raise ValueError(f"details[{index}]: {problem}")
        return self


class SessionDocument(_Strict):
    """The document ``GET /v1/sessions/{id}/export`` streams, whatever the session's size."""

    format: Literal["memq.session"] = FORMAT
    version: Literal[1] = VERSION
    session: ExportedSession
    messages: list[ExportedMessage] = Field(default_factory=list)
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
            # The tiers cannot cover messages the document does not hold: all of them,
            # as an export clamps it (the schema cannot state this relation).
            self.memory = self.memory.model_copy(update={"folded_count": len(self.messages)})
        return self

    def content_hash(self) -> str:
        """Hash of what an import stores (analytics left out): same content, same hash."""
        left_out: dict[str, Any] = {"analytics": True}
        if self.session.persona is None:
            # Fields added later count only when set: a document exported before
            # them keeps its hash (and its import id).
            left_out["session"] = {"persona"}
        body = self.model_dump(mode="json", exclude=left_out)
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


class ImportDocument(SessionDocument):
    """What ``POST /v1/sessions/import`` takes: a document of at most MAX_IMPORT_MESSAGES."""

    messages: list[ExportedMessage] = Field(default_factory=list, max_length=MAX_IMPORT_MESSAGES)


class ExportHead(BaseModel):
    """Everything of a document but its messages: the first part of a streamed export."""

    session: ExportedSession
    memory: ExportedMemory
    analytics: SessionAnalytics | None = None
    message_count: int = Field(description="the session's messages when the export began")

    def memory_after(self, exported: int) -> ExportedMemory:
        """The memory as the document states it: its tiers never cover more messages
        than the document holds (a message may be deleted while it streams)."""
        folded = min(self.memory.folded_count, exported)
        return self.memory.model_copy(update={"folded_count": folded})


class ExportPage(BaseModel):
    """The next messages of a streamed export, and where the page after starts."""

    messages: list[ExportedMessage]
    next_after: tuple[int, str] | None = Field(
        description="(seq, message_id) of the last message: ask for the page after it; "
        "null on the last page"
    )


class ImportResult(BaseModel):
    session_id: str
    messages_imported: int
    facts_imported: int
    already_imported: bool = Field(
        description="true when this document had been imported before: nothing was written"
    )
