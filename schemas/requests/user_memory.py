"""Requests about a user's memory across conversations: the merge job (the memory
pool) and the reads and commands a caller waits for (the context pool)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from schemas.context import MAX_QUERY_CHARS
from schemas.ids import Identifier
from schemas.requests.base import AccountRequest, SessionRequest
from schemas.routing import ActorName
from schemas.user_memory import FACT_KEY_PATTERN, FactPatch, Persona, UserMemoryDocument

PersonaField = Annotated[
    Persona, Field(description='the persona (a session\'s persona); "" = general memory')
]


class UpdateUserMemory(SessionRequest):
    """Merge the session's facts and summary into its user's memory; ``final`` at its end
    (a no-op for a session without a user id)."""

    actor = ActorName.UPDATE_USER_MEMORY

    final: bool = False


class UserRequest(AccountRequest):
    user_id: Identifier


class GetUserMemory(UserRequest):
    actor = ActorName.GET_USER_MEMORY

    persona: PersonaField = ""


class SearchUserMemory(UserRequest):
    """The user's facts, past conversations and their details that match ``query``, best
    first."""

    actor = ActorName.SEARCH_USER_MEMORY

    query: Annotated[str, Field(min_length=1, max_length=MAX_QUERY_CHARS)]
    persona: PersonaField = ""


class PatchUserFact(UserRequest):
    """Correct one fact (``patch.value``), or remove it (``patch.value`` null)."""

    actor = ActorName.PATCH_USER_FACT

    key: Annotated[str, Field(pattern=FACT_KEY_PATTERN, description="e.g. delivery_address")]
    patch: FactPatch
    persona: PersonaField = ""


class DeleteUserMemory(UserRequest):
    actor = ActorName.DELETE_USER_MEMORY

    persona: Persona | None = Field(default=None, description="null = every persona")


class EraseUser(UserRequest):
    """Every session, message and memory of the user in the account."""

    actor = ActorName.ERASE_USER


class ExportUserMemory(UserRequest):
    """Every persona's memory of the user, as a document another account can import."""

    actor = ActorName.EXPORT_USER_MEMORY


class ImportUserMemory(UserRequest):
    """Merge ``document`` into the memory of ``user_id`` in the caller's account."""

    actor = ActorName.IMPORT_USER_MEMORY

    document: UserMemoryDocument
