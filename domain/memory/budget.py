"""The per-account daily token budget of the memory's LLM calls (``MEMQ_ACCOUNT_OVERRIDES``,
``{"acct": {"llm_daily_tokens": N}}``).

Past N input + output tokens in a UTC day, the account's memory is written by the offline
engine until the next UTC day, and what it writes is marked so. The day's total is kept
in the store (``domain.ports.llm_usage``): each fold's spending is one atomic increment
that answers the new total, so several memory workers count together, and a job reads
the total once when it starts. Nothing of this is on the ingest path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from domain.ports.llm_usage import LLMUsageStore
from schemas.analytics_model import LLMTokens
from schemas.memory_model import EngineFallback

BUDGET_REASON = "daily token budget reached"


def next_utc_day(now: datetime) -> datetime:
    """Midnight UTC after ``now`` (an aware datetime in UTC)."""
    return datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=now.tzinfo)


@dataclass
class DailyTokenBudget:
    usage: LLMUsageStore
    #: The account's daily token budget; None = unbounded.
    limit_for: Callable[[str], int | None]

    def fallback(self, account_id: str, now: datetime) -> EngineFallback | None:
        """The fallback in force for the account now (a store read only when it has a
        budget); None when Claude may be called."""
        limit = self.limit_for(account_id)
        if limit is None:
            return None
        return self._past(limit, self.usage.account_llm_usage(account_id, now.date()), now)

    def record(
        self, account_id: str, session_id: str, spent: LLMTokens, now: datetime
    ) -> EngineFallback | None:
        """Count ``spent`` for the session and the account's day; the fallback now in force
        when the day's total reached the budget."""
        if not spent.calls:
            return None
        day_total = self.usage.record_llm_usage(account_id, session_id, now.date(), spent)
        limit = self.limit_for(account_id)
        return None if limit is None else self._past(limit, day_total, now)

    @staticmethod
    def _past(limit: int, day_total: LLMTokens, now: datetime) -> EngineFallback | None:
        if day_total.total < limit:
            return None
        return EngineFallback(reason=BUDGET_REASON, until=next_utc_day(now))
