"""The gateway parts a tool call uses: the same ones the HTTP routes get."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gateway.ingest_batcher import IngestBatcher
from gateway.recent_ids import RecentIds
from gateway.sequencer import Sequencer
from gateway.transport import Transport
from runtime.settings import Settings


@dataclass(frozen=True)
class Backend:
    transport: Transport
    settings: Settings
    batcher: IngestBatcher
    sequencer: Sequencer
    recent_ids: RecentIds

    @classmethod
    def of_app(cls, state: Any) -> Backend:
        """The backend of a gateway app (``app.state``): its transport, batcher and
        recent ids, so a message added over MCP is deduplicated with the HTTP API's."""
        return cls(
            transport=state.transport,
            settings=state.settings,
            batcher=state.batcher,
            sequencer=state.sequencer,
            recent_ids=state.recent_ids,
        )
