"""Identifier rules shared by the gateway, the actors and the stores."""

from typing import Annotated

from pydantic import StringConstraints

ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"

#: Client-chosen opaque ids: sessions, messages, users.
Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
