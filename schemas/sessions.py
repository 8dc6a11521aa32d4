"""Sessions: a conversation, created by its first message or by POST /v1/sessions."""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from schemas.bounds import Metadata
from schemas.ids import Identifier, PersonaName
from schemas.messages import Channel

SessionStatus = Literal["active", "ended"]

CURSOR_SEPARATOR = "~"
#: A list cursor: the last listed session's activity (microseconds since the
#: epoch, up to 16 digits) and id. Any string of this form is a valid place.
CURSOR_PATTERN = r"^-?[0-9]{1,16}~[A-Za-z0-9._:-]{1,128}$"
Cursor = Annotated[
    str,
    StringConstraints(pattern=CURSOR_PATTERN),
    Field(description="the next_cursor of the previous page"),
]
Title = str

#: Whose memory a session feeds: without a persona, the user's general one.
PERSONA_DESCRIPTION = (
    'the character the user talks to (e.g. "meher"): the session feeds and recalls the '
    "user memory of that persona; absent, the user's general memory"
)


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: Identifier | None = Field(
        default=None, description="client-chosen id; generated when absent"
    )
    user_id: Identifier
    channel: Channel | None = None
    persona: PersonaName | None = Field(default=None, description=PERSONA_DESCRIPTION)
    title: str | None = Field(default=None, min_length=1, max_length=200)
    metadata: Metadata | None = None


class SessionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=200)
    persona: PersonaName | None = Field(
        default=None,
        description="another persona (its user memory from then on); null = the general memory",
    )
    metadata: Metadata | None = None


class Session(BaseModel):
    session_id: str
    user_id: str | None = None
    channel: str | None = None
    persona: str | None = Field(default=None, description=PERSONA_DESCRIPTION)
    title: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    status: SessionStatus = "active"
    ended_reason: str | None = None
    created_at: datetime
    updated_at: datetime
    last_message_at: datetime | None = None
    ended_at: datetime | None = None
    message_count: int = 0
    last_prompt: str | None = None


class SessionList(BaseModel):
    sessions: list[Session]
    next_cursor: str | None = Field(
        default=None, description="pass as ?cursor= for the next page; null on the last page"
    )
