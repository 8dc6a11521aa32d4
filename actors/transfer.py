"""Request actors: export a session (its head, then pages of messages), import one.

All on the ``context`` pool: reads and a write a caller waits for.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from domain.transfer import service
from schemas.routing import ACTOR_QUEUES, ActorName
from schemas.transfer import ExportHead, ExportPage, ImportDocument, ImportResult


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store

    def actor(name: ActorName) -> Any:
        return request_actor(broker, deps.queue(ACTOR_QUEUES[name]), name.value)

    @actor(ActorName.EXPORT_SESSION)
    def export_session(account_id: str, session_id: str) -> ExportHead:
        return service.export_head(store, account_id, session_id)

    @actor(ActorName.EXPORT_MESSAGES)
    def export_messages(
        account_id: str, session_id: str, after: tuple[int, str] | None
    ) -> ExportPage:
        cursor = None if after is None else (int(after[0]), str(after[1]))
        return service.export_page(store, account_id, session_id, cursor)

    @actor(ActorName.IMPORT_SESSION)
    def import_session(
        account_id: str,
        document: dict[str, Any],
        session_id: str | None,
        copy: bool = False,  # absent from a request of a gateway older than copy
    ) -> ImportResult:
        doc = ImportDocument.model_validate(document)
        return service.import_session(
            store, account_id, doc, session_id=session_id, now=datetime.now(UTC), copy=copy
        )
