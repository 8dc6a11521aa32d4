"""What actors need, built once per worker process and passed in."""

from __future__ import annotations

from dataclasses import dataclass, field

import dramatiq

from domain.analytics.service import AnalyticsService
from domain.lifecycle import Lifecycle
from domain.memory.budget import DailyTokenBudget
from domain.memory.chain import EngineChain
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from domain.ports.store import Store
from domain.user_memory.service import UserMemoryService
from runtime.settings import Settings
from schemas.requests.base import ActorRequest
from schemas.routing import QueueKind, new_message, queue_name


@dataclass
class Deps:
    settings: Settings
    store: Store
    broker: dramatiq.Broker
    engines: EngineChain = field(init=False)
    memory: MemoryService = field(init=False)
    analytics: AnalyticsService = field(init=False)
    #: The flush a read runs first: bounded well within the gateway's wait for a reply.
    analytics_for_read: AnalyticsService = field(init=False)
    lifecycle: Lifecycle = field(init=False)
    user_memory: UserMemoryService = field(init=False)

    def __post_init__(self) -> None:
        self.engines = build_engines(self.settings)
        self.memory = MemoryService(
            self.store.memory,
            self.engines,
            self.settings,
            budget=DailyTokenBudget(self.store.lifecycle, self.settings.llm_daily_tokens_for),
        )
        self.analytics = AnalyticsService(self.store, self.settings)
        self.analytics_for_read = AnalyticsService(
            self.store,
            self.settings,
            max_batches=4,
            work_seconds=self.settings.request_timeout / 4,
        )
        self.lifecycle = Lifecycle(self.store.lifecycle, self.settings)
        self.user_memory = UserMemoryService(
            self.store.sessions,
            self.store.memory,
            self.store.user_memory,
            self.engines,
            self.settings,
            session_memory=self.memory,
        )

    def queue(self, kind: QueueKind) -> str:
        return queue_name(self.settings.queue_prefix, kind)

    def enqueue(self, job: ActorRequest) -> None:
        """Send a job to another pool by its model (actors never import each other)."""
        self.broker.enqueue(new_message(self.settings.queue_prefix, job.actor, job.kwargs()))

    def enqueue_later(self, delay_ms: int, job: ActorRequest) -> None:
        """``enqueue``, delivered after ``delay_ms`` (the broker's delay queue)."""
        message = new_message(self.settings.queue_prefix, job.actor, job.kwargs())
        self.broker.enqueue(message, delay=delay_ms)
