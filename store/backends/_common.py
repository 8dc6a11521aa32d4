"""What both adapters derive the same way: times, titles, prompts, list cursors, memory."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from domain.ports.sessions import LAST_PROMPT_CHARS, TITLE_CHARS
from schemas.errors import InvalidInput
from schemas.limits import MAX_SEARCH_LIMIT
from schemas.memory_state import MemoryState
from schemas.sessions import CURSOR_PATTERN, CURSOR_SEPARATOR

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)

#: ``title_seq`` of a title given by the client: below every message seq (> 0),
#: so no message ever replaces it.
GIVEN_TITLE_SEQ = 0
#: Stands in for "no title yet" when comparing seqs (SQLite INTEGER max).
NO_SEQ = 2**63 - 1


def as_utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC; aware ones are converted to UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def to_micros(moment: datetime) -> int:
    return (as_utc(moment) - _EPOCH) // _MICRO


def from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


def title_from(content: str) -> str:
    """A one-line title: whitespace runs collapsed, then cut."""
    return " ".join(content.split())[:TITLE_CHARS]


def prompt_from(content: str) -> str:
    return content[:LAST_PROMPT_CHARS]


def check_limit(limit: int) -> None:
    if limit < 1:
        raise InvalidInput("limit must be at least 1")


def check_search_limit(limit: int) -> None:
    """``check_limit``, and at most ``MAX_SEARCH_LIMIT`` hits."""
    check_limit(limit)
    if limit > MAX_SEARCH_LIMIT:
        raise InvalidInput(f"limit must be at most {MAX_SEARCH_LIMIT}")


def check_batch(batch: int) -> None:
    if batch < 1:
        raise InvalidInput("batch must be at least 1")


def check_keep_last(keep_last: int) -> None:
    if keep_last < 0:
        raise InvalidInput("keep_last must not be negative")


def memory_document(state: MemoryState, version: int) -> dict[str, Any]:
    """``state`` as stored under ``version`` (JSON-ready: datetimes become strings)."""
    return state.model_copy(update={"version": version}).model_dump(mode="json")


def memory_state(document: dict[str, Any] | None, version: int) -> MemoryState:
    """What ``memory_document`` stored; the version column wins over the document's."""
    if document is None:
        return MemoryState()
    return MemoryState.model_validate({**document, "version": version})


def encode_cursor(last_activity: datetime, session_id: str) -> str:
    """Keyset cursor: the sort key of the last session on the page, in the form
    ``schemas.sessions.CURSOR_PATTERN`` states (so a client can tell one from its schema)."""
    return f"{to_micros(last_activity)}{CURSOR_SEPARATOR}{session_id}"


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    """Raises ``InvalidInput`` for anything not of ``encode_cursor``'s form."""
    if not re.fullmatch(CURSOR_PATTERN, cursor):
        raise InvalidInput("invalid cursor: pass the next_cursor of the previous page")
    micros, session_id = cursor.split(CURSOR_SEPARATOR, 1)
    return from_micros(int(micros)), session_id
