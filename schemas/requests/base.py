"""The base of every actor request: one model per actor, named by it."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from schemas.ids import Identifier
from schemas.routing import ActorName


class ActorRequest(BaseModel):
    """An actor's keyword arguments. Unknown fields are refused: a misspelt field
    would otherwise be silently ignored and its default used."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: The actor this request is for (and so its queue: ``schemas.routing.ACTOR_QUEUES``).
    actor: ClassVar[ActorName]

    def kwargs(self) -> dict[str, Any]:
        """The message's ``kwargs``: JSON types only; fields left unset are left out
        (a patch must not send the fields its caller did not set)."""
        return self.model_dump(mode="json", exclude_unset=True)


class AccountRequest(ActorRequest):
    account_id: Identifier


class SessionRequest(AccountRequest):
    session_id: Identifier
