"""The HTTP requests behind the user-memory methods of both clients, without I/O."""

from __future__ import annotations

import re
from typing import Any

from memq_client.calls import Call, _model, _query, _validated, id_path
from memq_client.errors import InvalidRequest
from schemas.user_memory import (
    FACT_KEY_PATTERN,
    PERSONA_PATTERN,
    FactPatch,
    UserErased,
    UserMemoryDeleted,
    UserMemoryDocument,
    UserMemoryImported,
    UserMemorySearch,
    UserMemoryView,
)

_PERSONA = re.compile(PERSONA_PATTERN)
_FACT_KEY = re.compile(FACT_KEY_PATTERN)


def _invalid(problem: str) -> InvalidRequest:
    return InvalidRequest(problem, status=None, code="invalid_input", attempts=0)


def user_path(user_id: str, *rest: str) -> str:
    return id_path("/v1/users", "user_id", user_id, *rest)


def _persona(persona: str) -> str:
    if not _PERSONA.fullmatch(persona):
        raise _invalid(f"persona must be up to 64 of letters, digits and . _ : - (got {persona!r})")
    return persona


def user_memory(user_id: str, persona: str) -> Call[UserMemoryView]:
    return Call(
        "GET",
        user_path(user_id, "memory"),
        _model(UserMemoryView),
        params={"persona": _persona(persona)},
    )


def search_user_memory(user_id: str, query: str, persona: str) -> Call[UserMemorySearch]:
    if not query:
        raise _invalid("query must not be empty")
    return Call(
        "GET",
        user_path(user_id, "memory", "search"),
        _model(UserMemorySearch),
        params={"q": query, "persona": _persona(persona)},
    )


def patch_user_fact(
    user_id: str, key: str, value: str | None, persona: str
) -> Call[UserMemoryView]:
    if not _FACT_KEY.fullmatch(key):
        raise _invalid(f"key must be 1-100 of letters, digits and . _ : - (got {key!r})")
    body = _validated(FactPatch, value=value)
    return Call(
        "PATCH",
        user_path(user_id, "memory", "facts", key),
        _model(UserMemoryView),
        params={"persona": _persona(persona)},
        body=body.model_dump(mode="json"),
    )


def delete_user_memory(user_id: str, persona: str | None) -> Call[UserMemoryDeleted]:
    chosen = None if persona is None else _persona(persona)
    return Call(
        "DELETE",
        user_path(user_id, "memory"),
        _model(UserMemoryDeleted),
        params=_query(persona=chosen),
    )


def erase_user(user_id: str) -> Call[UserErased]:
    return Call("DELETE", user_path(user_id), _model(UserErased))


def export_user_memory(user_id: str) -> Call[UserMemoryDocument]:
    return Call("GET", user_path(user_id, "memory", "export"), _model(UserMemoryDocument))


def import_user_memory(
    user_id: str, document: UserMemoryDocument | dict[str, Any]
) -> Call[UserMemoryImported]:
    body = (
        document
        if isinstance(document, UserMemoryDocument)
        else _validated(UserMemoryDocument, **document)
    )
    return Call(
        "POST",
        user_path(user_id, "memory", "import"),
        _model(UserMemoryImported),
        body=body.model_dump(mode="json"),
    )


def erased_in_total(first: UserErased, then: UserErased) -> UserErased:
    """Two erasure requests' counts as one report (the later one says if it is complete)."""
    counts = [
        "sessions",
        "messages",
        "memories",
        "session_memories",
        "analytics_rows",
        "search_entries",
    ]
    summed = {name: getattr(first, name) + getattr(then, name) for name in counts}
    return then.model_copy(update=summed)
