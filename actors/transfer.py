"""Request actors: export a session (its head, then pages of messages), import one.

All on the ``context`` pool: reads and a write a caller waits for.
"""

from __future__ import annotations

from datetime import UTC, datetime

import dramatiq

from actors.deps import Deps
from actors.requests import request_actor
from domain.transfer import service
from schemas.requests import reads
from schemas.transfer import ExportHead, ExportPage, ImportResult


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    store = deps.store
    prefix = deps.settings.queue_prefix

    @request_actor(broker, prefix, reads.ExportSession)
    def export_session(request: reads.ExportSession) -> ExportHead:
        return service.export_head(store, request.account_id, request.session_id)

    @request_actor(broker, prefix, reads.ExportMessages)
    def export_messages(request: reads.ExportMessages) -> ExportPage:
        return service.export_page(store, request.account_id, request.session_id, request.after)

    @request_actor(broker, prefix, reads.ImportSession)
    def import_session(request: reads.ImportSession) -> ImportResult:
        return service.import_session(
            store,
            request.account_id,
            request.document,
            session_id=request.session_id,
            now=datetime.now(UTC),
            copy=request.as_copy,
        )
