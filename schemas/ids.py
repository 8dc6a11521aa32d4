"""Identifier rules shared by the gateway, the actors and the stores."""

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"


def not_dot_segment(value: str) -> str:
    """Refuse "." and "..": HTTP clients collapse them as path segments."""
    if value in {".", ".."}:
        raise ValueError('"." and ".." are not valid ids')
    return value


#: Client-chosen opaque ids: sessions, messages, users.
Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN), AfterValidator(not_dot_segment)]


#: A session's persona: the character the user talks to (seed 003: "meher").
PERSONA_NAME_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
PersonaName = Annotated[str, StringConstraints(pattern=PERSONA_NAME_PATTERN)]
