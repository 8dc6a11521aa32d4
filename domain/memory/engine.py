"""The interface every memory engine implements (``offline/engine.py``, ``claude/engine.py``);
``domain.memory.chain`` picks which one does the work.

Engines are pure with respect to memq's storage: they turn text into text and
facts. Each call takes bounded input (a previous summary within its budget plus
a bounded batch of messages), so the cost per message stays constant however
long a session grows.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class TranscriptLine:
    """One message handed to an engine. ``content`` is untrusted user data."""

    position: int
    message_id: str
    role: str
    content: str


@dataclass(frozen=True)
class ExtractedFact:
    key: str
    value: str
    source_message_id: str
    #: The conversation named this value as the old or wrong one ("instead of $189.00",
    #: "not 5B"): never a current value; a summary that quotes it is marked.
    replaced: bool = False


class MemoryEngine(Protocol):
    #: Recorded on every summary it writes: "offline" or "claude:<model>".
    name: str

    def fold(
        self,
        previous: str | None,
        lines: Sequence[TranscriptLine],
        budget_tokens: int,
        context: Sequence[TranscriptLine] = (),
    ) -> str:
        """Fold new messages into an existing summary; the result fits ``budget_tokens``.
        ``context`` are the messages just before ``lines`` (already folded): the question
        the first new message may answer."""
        ...

    def merge(self, older: str | None, newer: str, budget_tokens: int) -> str:
        """Fold a newer tier's summary into an older tier's summary within the budget."""
        ...

    def extract_facts(
        self,
        lines: Sequence[TranscriptLine],
        known: Sequence[tuple[str, str]],
        context: Sequence[TranscriptLine] = (),
        named_earlier: Sequence[str] = (),
    ) -> list[ExtractedFact]:
        """Key facts stated in ``lines``, each keyed by its subject (``delivery_address``,
        never just ``date``); ``known`` is the current (key, value) list, most recently
        updated first, so an engine reuses a key when a value changes; ``context`` as for
        ``fold``; ``named_earlier`` the names said before ``context`` (options the assistant
        offered, values held before): an option switched to by its name alone is one of
        them. Values stay in the conversation's language."""
        ...

    def open_items(
        self, lines: Sequence[TranscriptLine], earlier: Sequence[str], max_items: int
    ) -> list[str]:
        """What is still open after ``lines`` (the conversation's newest messages): promises,
        pending steps, an unanswered question, in the conversation's language, oldest
        first, at most ``max_items``; ``earlier`` are the items open before ``lines``."""
        ...
