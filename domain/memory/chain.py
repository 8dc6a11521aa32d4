"""Which engine does the work: Claude when configured and up, else the offline engine."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from domain.memory.engine import MemoryEngine
from schemas.errors import PermanentError, TransientError

logger = logging.getLogger("memq.memory.engines")

T = TypeVar("T")


@dataclass
class Tally:
    """A count shared by worker threads."""

    value: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, count: int = 1) -> None:
        with self._lock:
            self.value += count


@dataclass
class EngineChain:
    """Runs an operation on the primary engine, falling back to the offline one.

    The fallback's output is recorded under its own name ("offline"), so a
    later run can have Claude redo it.
    """

    fallback: MemoryEngine
    primary: MemoryEngine | None = None
    #: Folds the offline engine did in Claude's place because an account's daily token
    #: budget was reached (``domain.memory.budget``), for metrics to read.
    budget_fallbacks: Tally = field(default_factory=lambda: Tally(), repr=False)

    def offline_only(self) -> EngineChain:
        """The same chain without its primary engine, sharing its counters."""
        return replace(self, primary=None)

    @property
    def preferred_name(self) -> str:
        return (self.primary or self.fallback).name

    def run(self, operation: Callable[[MemoryEngine], T]) -> tuple[T, str]:
        if self.primary is not None:
            try:
                return operation(self.primary), self.primary.name
            except (TransientError, PermanentError) as exc:
                # One retry layer: the SDK already retried; fall back rather than re-run.
                logger.warning(
                    "%s failed (%s); using the offline engine", self.primary.name, exc.code
                )
        return operation(self.fallback), self.fallback.name

    def try_primary(self, operation: Callable[[MemoryEngine], T]) -> T | None:
        """Run on the primary engine only; None when there is none or it failed."""
        if self.primary is None:
            return None
        try:
            return operation(self.primary)
        except (TransientError, PermanentError) as exc:
            logger.info("%s still unavailable for a redo (%s)", self.primary.name, exc.code)
            return None
