"""What actors need, built once per worker process and passed in."""

from __future__ import annotations

from dataclasses import dataclass

from memq.settings import Settings
from schemas.routing import QueueKind, queue_name
from store.base import Store


@dataclass
class Deps:
    settings: Settings
    store: Store

    def queue(self, kind: QueueKind) -> str:
        return queue_name(self.settings.queue_prefix, kind)
