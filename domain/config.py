"""The settings the domain reads, as protocols: what each service needs to know.

The domain never imports the composition root's settings; the one settings
object (``runtime.settings.Settings``) satisfies every protocol here and is
passed in at start-up. A test may pass anything with the same attributes.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import SecretStr

from schemas.memory_model import Budgets


class BudgetSettings(Protocol):
    memory_verbatim_count: int

    def budgets_for(self, account_id: str) -> Budgets: ...


class MemorySettings(BudgetSettings, Protocol):
    memory_fold_every: int
    memory_republish_after: int


class UserMemorySettings(Protocol):
    user_memory_every: int


class AnalyticsSettings(Protocol):
    analytics_flush_batch: int
    low_confidence_threshold: float


class LifecycleSettings(Protocol):
    memory_republish_after: int
    maintenance_batch: int
    maintenance_interval: int
    session_idle_timeout: int
    analytics_flush_interval: int
    retention_days: int

    def idle_timeout_for(self, account_id: str) -> int: ...

    def accounts_with_own_idle_timeout(self) -> list[str]: ...


class LLMSettings(Protocol):
    anthropic_api_key: SecretStr | None
    anthropic_base_url: str | None
    llm_timeout: int
    llm_max_retries: int
    llm_model: str
    llm_max_tokens: int
    llm_temperature: float | None
