"""What a Claude engine spent: calls, tokens and errors, counted for metrics to read."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class LLMUsage:
    """Counters of one engine's Claude traffic since start, for metrics to read.

    ``calls`` counts successful calls; SDK retries inside a call are not counted separately.
    """

    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_input_tokens: int = 0
    cache_creation_input_tokens: int = 0
    transient_errors: int = 0
    permanent_errors: int = 0
    trimmed_summaries: int = 0
    dropped_facts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **counts: int) -> None:
        with self._lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return {
                "calls": self.calls,
                "input_tokens": self.input_tokens,
                "output_tokens": self.output_tokens,
                "cache_read_input_tokens": self.cache_read_input_tokens,
                "cache_creation_input_tokens": self.cache_creation_input_tokens,
                "transient_errors": self.transient_errors,
                "permanent_errors": self.permanent_errors,
                "trimmed_summaries": self.trimmed_summaries,
                "dropped_facts": self.dropped_facts,
            }
