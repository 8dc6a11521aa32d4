"""What both adapters compute for ``import_session`` (``store.transfer``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from schemas.memory_state import MemoryState
from schemas.transfer import ExportedMessage, SessionDocument
from store.backends._common import GIVEN_TITLE_SEQ, prompt_from, title_from


@dataclass(frozen=True)
class ImportedCounters:
    """What ``append_message`` would have counted for the document's messages."""

    message_count: int
    last_message_at: datetime | None
    title: str | None
    title_seq: int | None
    last_prompt: str | None
    last_prompt_seq: int | None


def counters(doc: SessionDocument) -> ImportedCounters:
    users = [m for m in doc.messages if m.role == "user"]
    first: ExportedMessage | None = users[0] if users else None
    last: ExportedMessage | None = users[-1] if users else None
    title = doc.session.title
    if title is None:
        title_seq = None
    elif first is not None and title == title_from(first.content):
        title_seq = first.seq  # derived from the first user message, as on ingest
    else:
        title_seq = GIVEN_TITLE_SEQ
    return ImportedCounters(
        message_count=len(doc.messages),
        last_message_at=max((m.accepted_at for m in doc.messages), default=None),
        title=title,
        title_seq=title_seq,
        last_prompt=None if last is None else prompt_from(last.content),
        last_prompt_seq=None if last is None else last.seq,
    )


def imported_memory(doc: SessionDocument, now: datetime) -> MemoryState | None:
    """The memory to store, or None when the document has none."""
    memory = doc.memory
    if not (memory.folded_count or memory.recent or memory.mid or memory.old or memory.facts):
        return None
    return MemoryState(
        folded_count=memory.folded_count,
        recent=memory.recent,
        mid=memory.mid,
        old=memory.old,
        facts=memory.facts,
        details=memory.details,
        updated_at=memory.updated_at or now,
    )
