"""Request actors: export a session's document, import one (the ``context`` pool)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from memq.transfer import service
from schemas.routing import ACTOR_QUEUES, ActorName
from schemas.transfer import ImportResult, SessionDocument


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store

    def actor(name: ActorName) -> Any:
        return request_actor(broker, deps.queue(ACTOR_QUEUES[name]), name.value)

    @actor(ActorName.EXPORT_SESSION)
    def export_session(account_id: str, session_id: str) -> SessionDocument:
        return service.export_session(store, account_id, session_id)

    @actor(ActorName.IMPORT_SESSION)
    def import_session(
        account_id: str, document: dict[str, Any], session_id: str | None
    ) -> ImportResult:
        doc = SessionDocument.model_validate(document)
        return service.import_session(
            store, account_id, doc, session_id=session_id, now=datetime.now(UTC)
        )
