"""A user's memory across conversations: one per (account, user_id, persona).

``persona`` is the session's character (its ``persona`` field, e.g. "meher");
``""`` is the user's general memory, for sessions without one.
It holds the user's facts (latest value wins, earlier values kept with the
session they came from) and one short summary per past conversation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from schemas.bounds import Count
from schemas.ids import Identifier

#: Persona names: the identifier alphabet, or "" for the general memory.
PERSONA_PATTERN = r"^[A-Za-z0-9._:-]{0,64}$"
Persona = Annotated[str, StringConstraints(pattern=PERSONA_PATTERN)]
#: Fact keys a client may name (PATCH …/facts/{key}).
FACT_KEY_PATTERN = r"^[A-Za-z0-9._:-]{1,100}$"
#: A fact value a client may set with PATCH.
FactText = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]


class UserFactValue(BaseModel):
    """An earlier value of a user fact, with the conversation it came from."""

    value: str
    session_id: str
    observed_at: datetime = Field(description="the last activity of that conversation")


class UserFact(BaseModel):
    key: str
    value: str
    session_id: str = Field(description='the conversation it came from ("" when set by PATCH)')
    observed_at: datetime = Field(
        description="the last activity of the conversation it came from (when set by PATCH: "
        "that time); a context lists the user's facts under its day"
    )
    said_at: datetime | None = Field(
        default=None,
        description="when the message that said the value was accepted: the day a value "
        'such as "tomorrow" is counted from; null when unknown (then observed_at counts)',
    )
    history: list[UserFactValue] = Field(
        default_factory=list, description="earlier values, oldest first"
    )


class ConversationSummary(BaseModel):
    """One past conversation, as short as it can be told."""

    session_id: str
    summary: str
    open_items: list[str] = Field(
        default_factory=list,
        description="what was promised or left to do when it stopped, and an unanswered "
        "question, in its language, oldest first",
    )
    language: str = Field(description='"en", "fa", "th", … or "und" when unknown')
    started_at: datetime
    last_activity: datetime
    message_count: Count
    ended: bool = Field(description="false while the conversation may still go on")
    engine: str = Field(description='"offline" or "claude:<model>"')


class UserDetail(BaseModel):
    """A sentence or question–answer unit of a past conversation that states a value, as
    its session memory kept it (``schemas.memory_model.Detail``), shortened around its
    values: what the user's facts do not key and the summaries may not carry."""

    session_id: str
    observed_at: datetime = Field(description="the last activity of that conversation")
    position: int = Field(ge=0, description="where it ended in that conversation")
    text: str
    values: list[str] = Field(default_factory=list, description="the values it states")
    kinds: list[str] = Field(default_factory=list, description="the kind of each value")
    said_at: datetime | None = Field(
        default=None, description="when it was said, where known (else observed_at counts)"
    )


#: Runs of digits remembered of one removed value.
MAX_FORGOTTEN_NUMBERS = 16


class ForgottenValue(BaseModel):
    """A value the user asked to remove, kept only as a digest: no later batch brings it
    back, and the memory does not hold it any more."""

    key: str
    digest: str = Field(description="sha256 of the normalized value, hex")
    #: Found inside later texts however written (``domain.user_memory.removed``); a
    #: removal stored before these were is recognized by ``digest`` only.
    words: str | None = Field(
        default=None, description="sha256 of the value's match form (words and numbers), hex"
    )
    size: int = Field(default=0, ge=0, description="the length of that match form")
    head: str | None = Field(
        default=None,
        description="sha256 of the first window (160 characters) of a longer match form, hex",
    )
    numbers: list[str] = Field(
        default_factory=list,
        max_length=MAX_FORGOTTEN_NUMBERS,
        description="sha256 of each long run of digits of the value, hex",
    )


class RecallIndex(BaseModel):
    """The search terms of the conversations (summary and open items), computed when the
    memory is written: a context request ranks them without tokenising them again."""

    version: int = Field(description="the tokenizer's INDEX_VERSION the terms were made with")
    sessions: list[str] = Field(description="the conversations' session ids, in stored order")
    terms: dict[str, list[int]] = Field(description="term -> positions in ``sessions``")
    recency: list[int] = Field(description="positions in ``sessions``, most recent first")
    silent: list[int] = Field(description="positions of conversations with nothing to recall")
    said: dict[str, list[list[str]]] = Field(
        default_factory=dict,
        description="session id -> [key, value] it ended with that a later conversation changed",
    )


class UserMemoryState(BaseModel):
    """Everything stored for one user memory; ``version`` guards every write."""

    version: int = 0
    facts: list[UserFact] = Field(default_factory=list)
    conversations: list[ConversationSummary] = Field(default_factory=list)
    forgotten: list[ForgottenValue] = Field(default_factory=list)
    #: Details of past conversations (``domain.user_memory.details``), most recent first.
    details: list[UserDetail] = Field(default_factory=list)
    #: Set by DELETE …/memory: conversations with no activity after it are not merged again.
    cleared_at: datetime | None = None
    updated_at: datetime | None = None
    #: Rebuilt by every write (``domain.user_memory.recall_index``); absent in older ones.
    recall_index: RecallIndex | None = None


class UserMemoryView(BaseModel):
    """What ``GET /v1/users/{user_id}/memory`` returns."""

    user_id: str
    persona: str = Field(description='"" for the general memory')
    facts: list[UserFact] = Field(description="latest value per key, most recent first")
    conversations: list[ConversationSummary] = Field(description="most recent first")
    details: list[UserDetail] = Field(
        default_factory=list,
        description="what earlier conversations stated, word for word around each value, "
        "most recent first",
    )
    updated_at: datetime | None = None


class UserMemoryHit(BaseModel):
    session_id: str
    summary: str
    open_items: list[str] = Field(default_factory=list)
    language: str
    last_activity: datetime
    score: float


#: Details a search of a user memory returns at most.
MAX_SEARCH_DETAILS = 20


class UserDetailHit(BaseModel):
    """A detail of an earlier conversation (``UserDetail``) that matches a search."""

    session_id: str
    observed_at: datetime = Field(description="the last activity of that conversation")
    text: str
    values: list[str] = Field(description="the values it states")
    score: float = Field(description="the query's terms it shares, each weighted by its rarity")


class UserMemorySearch(BaseModel):
    """What ``GET /v1/users/{user_id}/memory/search`` returns."""

    user_id: str
    persona: str
    facts: list[UserFact] = Field(description="facts whose key or value matches the query")
    conversations: list[UserMemoryHit] = Field(description="best match first")
    details: list[UserDetailHit] = Field(
        default_factory=list,
        description="details of earlier conversations sharing a term with the query "
        f"(what no fact names), best match first, then the newest; at most {MAX_SEARCH_DETAILS}",
    )


class FactPatch(BaseModel):
    """Body of ``PATCH /v1/users/{user_id}/memory/facts/{key}``: a new value, or null to
    remove the fact (its current value is then never brought back by a later batch).
    ``value`` must be there and nothing else: a misspelt field must not read as a removal."""

    model_config = ConfigDict(extra="forbid")

    value: FactText | None


class UserMemoryDeleted(BaseModel):
    user_id: str
    memories: Count = Field(description="user memories deleted (one per persona)")


class UserErased(BaseModel):
    """What one ``DELETE /v1/users/{user_id}`` erased in the caller's account, by kind.
    A request erases at most ``ERASE_BATCH`` sessions: ``complete`` false means more
    remain, and the same request erases the next ones (the user memories go last)."""

    user_id: str
    sessions: Count
    messages: Count
    memories: Count = Field(description="user memories deleted (one per persona)")
    session_memories: Count = Field(
        default=0, description="session memories (summaries, key facts) deleted"
    )
    analytics_rows: Count = Field(default=0, description="analytics records deleted")
    search_entries: Count = Field(default=0, description="search index entries deleted")
    complete: bool = Field(
        default=True,
        description="false: more sessions of the user remain; send the request again",
    )


USER_MEMORY_FORMAT: Literal["memq.user_memory"] = "memq.user_memory"
#: Bounds of an import document (a stored memory keeps fewer: the merge's own caps).
MAX_IMPORT_PERSONAS = 100
MAX_IMPORT_ITEMS = 1_000


class ExportedUserMemory(BaseModel):
    """One persona's memory in an export document: what the user told, and what they
    asked to remove (digests only, so an import never brings it back)."""

    model_config = ConfigDict(extra="forbid")

    persona: Persona
    facts: list[UserFact] = Field(default_factory=list, max_length=MAX_IMPORT_ITEMS)
    conversations: list[ConversationSummary] = Field(
        default_factory=list, max_length=MAX_IMPORT_ITEMS
    )
    forgotten: list[ForgottenValue] = Field(default_factory=list, max_length=MAX_IMPORT_ITEMS)
    details: list[UserDetail] = Field(default_factory=list, max_length=MAX_IMPORT_ITEMS)


class UserMemoryDocument(BaseModel):
    """``GET /v1/users/{user_id}/memory/export``, the body of ``…/memory/import``: every
    persona's memory of one user. The account never appears in it."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["memq.user_memory"] = USER_MEMORY_FORMAT
    version: Literal[1] = 1
    user_id: Identifier = Field(description="the user it was exported for (informative)")
    memories: list[ExportedUserMemory] = Field(max_length=MAX_IMPORT_PERSONAS)


class UserMemoryImported(BaseModel):
    user_id: str
    memories: Count = Field(description="personas whose memory the import changed")
    facts: Count = Field(description="facts in the document, merged (latest value wins)")
    conversations: Count = Field(description="conversation summaries in the document")
