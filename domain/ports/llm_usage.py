"""The store port's LLM-spending part, within analytics: the tokens the memory's LLM calls
spent, per session and per account and UTC day.

The memory worker records what each fold spent with one atomic increment in the store
(several workers may fold the same account's sessions at once: no read-modify-write),
and the increment answers the account's total for the day, which is all the daily
token budget needs. A session's figures go with the session (deletion, retention); an
account's days stay: the money was spent.
"""

from __future__ import annotations

import abc
from datetime import date

from schemas.analytics_model import LLMTokens


class LLMUsageStore(abc.ABC):
    @abc.abstractmethod
    def record_llm_usage(
        self, account_id: str, session_id: str, day: date, spent: LLMTokens
    ) -> LLMTokens:
        """Add ``spent`` to the session's figures and to the account's figures of ``day``
        (UTC), each an atomic increment; the account's figures of ``day`` after it."""

    @abc.abstractmethod
    def session_llm_usage(self, account_id: str, session_id: str) -> LLMTokens:
        """What the session's memory spent so far (zeros when nothing)."""

    @abc.abstractmethod
    def account_llm_usage(self, account_id: str, day: date | None = None) -> LLMTokens:
        """What the account spent on ``day`` (UTC), or over every day when None."""
