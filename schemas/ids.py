"""Identifier rules shared by the gateway, the actors and the stores."""

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
#: The same ids without "." and "..", as the published schema states them (a client or a
#: property-based test reads the refusal there). No look-around: pydantic's regex has none.
#: Validation keeps ``ID_PATTERN`` and ``not_dot_segment``, whose error says what is wrong.
PUBLISHED_ID_PATTERN = (
    r"^(?:[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,127}"
    r"|\.[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,126}"
    r"|\.\.[A-Za-z0-9._:-]{1,126})$"
)


def not_dot_segment(value: str) -> str:
    """Refuse "." and "..": HTTP clients collapse them as path segments."""
    if value in {".", ".."}:
        raise ValueError('"." and ".." are not valid ids')
    return value


#: Client-chosen opaque ids: sessions, messages, users.
Identifier = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    AfterValidator(not_dot_segment),
    Field(json_schema_extra={"pattern": PUBLISHED_ID_PATTERN}),
]


#: A session's persona: the character the user talks to (seed 003: "meher").
PERSONA_NAME_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
PersonaName = Annotated[str, StringConstraints(pattern=PERSONA_NAME_PATTERN)]
