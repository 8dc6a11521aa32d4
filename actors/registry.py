"""Registers every actor on a broker, with its dependencies."""

from __future__ import annotations

import dramatiq

from actors import (
    analytics,
    context,
    ingest,
    ingest_batch,
    maintenance,
    memory,
    search,
    sessions,
    transfer,
    user_memory,
)
from actors.deps import Deps


def register_actors(broker: dramatiq.Broker, deps: Deps) -> None:
    ingest.register(broker, deps)
    ingest_batch.register(broker, deps)
    sessions.register(broker, deps)
    memory.register(broker, deps)
    context.register(broker, deps)
    analytics.register(broker, deps)
    maintenance.register(broker, deps)
    search.register(broker, deps)
    transfer.register(broker, deps)
    user_memory.register(broker, deps)
