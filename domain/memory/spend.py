"""What one memory job's LLM calls spent: a tab the engines charge while it is open.

The engines are shared by every worker thread, and their own counters (``LLMUsage``)
are per process; a job needs the tokens of its own calls, to record against its session
and account. ``open_tab`` opens a tab in the current context (each Dramatiq worker
thread has its own), and an engine call charges the tab open there, if any.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from schemas.analytics_model import LLMTokens


@dataclass
class Tab:
    input_tokens: int = 0
    output_tokens: int = 0
    calls: int = 0

    @property
    def spent(self) -> LLMTokens:
        return LLMTokens(
            input_tokens=self.input_tokens, output_tokens=self.output_tokens, calls=self.calls
        )


_OPEN: ContextVar[Tab | None] = ContextVar("memq_llm_tab", default=None)


@contextmanager
def open_tab() -> Iterator[Tab]:
    """Count the LLM calls made in this context until the block ends."""
    tab = Tab()
    token = _OPEN.set(tab)
    try:
        yield tab
    finally:
        _OPEN.reset(token)


def charge(input_tokens: int, output_tokens: int) -> None:
    """One successful LLM call's ``usage``, on the tab open here (none: not counted)."""
    tab = _OPEN.get()
    if tab is not None:
        tab.input_tokens += input_tokens
        tab.output_tokens += output_tokens
        tab.calls += 1
