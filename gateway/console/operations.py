"""What the operations page needs of the deployment, as a port the composition root fills.

The gateway holds no broker tooling of its own: ``memq`` passes an implementation
(``memq.console_ops``) reading queue depths and the dead-letter queues. Dead
letters are shown to an account only when every id they carry is that account's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class QueueRow:
    name: str
    ready: int
    consumers: int | None  # None: not known here (the in-process broker)
    oldest_age_s: float | None


@dataclass(frozen=True)
class LetterRow:
    """A dead letter as the page shows it: ids, actor, why, never content."""

    id: str
    queue: str
    actor: str | None
    kind: str
    reason: str | None
    error: str | None
    detail: str | None
    dead_lettered_at: str | None
    replays: int
    summary: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    done: bool
    message: str
    #: The broker did not answer: nothing is known of the letter (503, not 404).
    unavailable: bool = False

    @property
    def status(self) -> int:
        return 200 if self.done else 503 if self.unavailable else 404


class Operations(Protocol):
    #: Why dead-letter tooling does not apply here (None when it does).
    dead_letters_unavailable: str | None
    #: What the queue figures are, in words, for the page.
    broker_label: str

    async def queues(self) -> list[QueueRow] | None:
        """Each queue's figures; None when they could not be read (broker down)."""
        ...

    async def dead_letters(self, account_id: str) -> list[LetterRow] | None:
        """The account's dead letters; None when they could not be read (broker down)."""
        ...

    async def requeue(self, account_id: str, letter_id: str) -> Outcome: ...

    async def discard(self, account_id: str, letter_id: str) -> Outcome: ...


class NoDeadLetters:
    """Where dead-letter tooling does not apply: every action says why."""

    dead_letters_unavailable: str | None = "this gateway was started without broker tooling"

    async def dead_letters(self, account_id: str) -> list[LetterRow] | None:
        return []

    async def requeue(self, account_id: str, letter_id: str) -> Outcome:
        return Outcome(False, self.dead_letters_unavailable or "")

    async def discard(self, account_id: str, letter_id: str) -> Outcome:
        return Outcome(False, self.dead_letters_unavailable or "")


class NoOperations(NoDeadLetters):
    """A gateway built without deployment tooling (tests, the API document)."""

    broker_label = "unknown"

    async def queues(self) -> list[QueueRow] | None:
        return []
