"""The console's operations tooling (``gateway.console.operations``), built by ``memq``.

Queue figures come from the worker metrics' queue probe; dead letters from
``memq.dlq`` (the same code as ``memq dlq``), run in a thread since pika is
blocking. A dead letter belongs to an account when every id it carries is that
account's: a batch mixing accounts, or a body that cannot be read, is left to
``memq dlq`` on the command line.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeVar

from pika.exceptions import AMQPError

from actors.metrics.queue_depth import QueueProbe, QueueReading, memq_queue_names
from gateway.console.operations import LetterRow, NoDeadLetters, Outcome, QueueRow
from memq.dlq import DeadLetters, NoDeadLetterQueues
from memq.dlq_letter import DeadLetter

logger = logging.getLogger("memq.console")

#: The most dead letters read for one page (oldest first, over every queue).
LETTERS_READ = 500

T = TypeVar("T")


class BrokerOperations:
    """A RabbitMQ deployment: queue depths and consumers, and its dead-letter queues."""

    dead_letters_unavailable: str | None = None
    broker_label = "RabbitMQ: ready messages and consumers of each queue (.DQ: delayed retries)"

    def __init__(self, prefix: str, probe: QueueProbe, dead_letters: DeadLetters) -> None:
        self._names = memq_queue_names(prefix)
        self._probe = probe
        self._dlq = dead_letters

    async def queues(self) -> list[QueueRow] | None:
        try:
            readings = await asyncio.to_thread(self._probe, self._names)
        except (AMQPError, OSError) as exc:  # unknown, not "no queues"
            logger.warning("console: queue figures unavailable (%s)", type(exc).__name__)
            return None
        return rows(self._names, readings, consumers_known=True)

    async def _letters(self) -> list[DeadLetter] | None:
        """Every dead letter (up to LETTERS_READ); None when RabbitMQ does not answer."""
        try:
            return await asyncio.to_thread(self._dlq.list, None, LETTERS_READ)
        except NoDeadLetterQueues:
            return []
        except (AMQPError, OSError) as exc:
            logger.warning("console: dead letters unavailable (%s)", type(exc).__name__)
            return None

    async def dead_letters(self, account_id: str) -> list[LetterRow] | None:
        letters = await self._letters()
        if letters is None:
            return None
        return [row(letter) for letter in letters if owned(letter, account_id)]

    async def _find(self, account_id: str, letter_id: str) -> DeadLetter | Outcome:
        """The account's letter, or the outcome that says why nothing can be done to it."""
        letters = await self._letters()
        if letters is None:
            return unanswered(letter_id)
        found = next((x for x in letters if x.id == letter_id and owned(x, account_id)), None)
        if found is None:
            return Outcome(False, f"no dead letter {letter_id} of this account (already handled?)")
        return found

    async def _handle(
        self, account_id: str, letter_id: str, verb: str, work: Callable[..., T]
    ) -> tuple[DeadLetter, T] | Outcome:
        """``work`` (the dlq's replay or drop) on the account's letter; else why not."""
        letter = await self._find(account_id, letter_id)
        if isinstance(letter, Outcome):
            return letter
        try:
            return letter, await asyncio.to_thread(work, None, {letter_id})
        except (AMQPError, OSError) as exc:
            logger.warning("console: %s of %s failed (%s)", verb, letter_id, type(exc).__name__)
            return unanswered(letter_id)

    async def requeue(self, account_id: str, letter_id: str) -> Outcome:
        handled = await self._handle(account_id, letter_id, "requeue", self._dlq.replay)
        if isinstance(handled, Outcome):
            return handled
        letter, done = handled
        if letter_id in done.replayed:
            return Outcome(True, f"requeued {letter_id} to {letter.source_queue}")
        why = done.skipped.get(letter_id) or done.errors.get(letter_id) or "it left the queue"
        return Outcome(False, f"{letter_id} not requeued: {why}")

    async def discard(self, account_id: str, letter_id: str) -> Outcome:
        handled = await self._handle(account_id, letter_id, "discard", self._dlq.drop)
        if isinstance(handled, Outcome):
            return handled
        if letter_id in handled[1].dropped:
            return Outcome(True, f"discarded {letter_id}")
        return Outcome(False, f"{letter_id} not discarded: it left the queue")


class EmbeddedOperations(NoDeadLetters):
    """``memq serve`` on the in-process broker: its queues, and no dead-letter queue."""

    dead_letters_unavailable: str | None = (
        "Not on this deployment: memq serve runs on the in-process broker, which keeps no "
        "dead-letter queue to inspect. Requeue and discard apply to a RabbitMQ deployment "
        "(MEMQ_AMQP_URL)."
    )
    broker_label = (
        "In-process broker (memq serve): messages waiting in each queue; consumer counts do "
        "not apply (the workers share this process)."
    )

    def __init__(self, prefix: str, probe: QueueProbe) -> None:
        self._names = [n for n in memq_queue_names(prefix) if not n.endswith(".XQ")]
        self._probe = probe

    async def queues(self) -> list[QueueRow] | None:
        return rows(self._names, self._probe(self._names), consumers_known=False)


def rows(
    names: list[str], readings: dict[str, QueueReading], consumers_known: bool
) -> list[QueueRow]:
    return [
        QueueRow(
            name,
            readings[name].messages,
            readings[name].consumers if consumers_known else None,
            readings[name].oldest_age_s,
        )
        for name in names
        if name in readings
    ]


def unanswered(letter_id: str) -> Outcome:
    return Outcome(
        False,
        f"RabbitMQ did not answer: {letter_id} was left as it was; try again once it is back",
        unavailable=True,
    )


def owned(letter: DeadLetter, account_id: str) -> bool:
    """Whether every id ``letter`` carries is ``account_id``'s (and it carries one)."""
    summary = letter.summary()
    events = summary.get("event_ids")
    if isinstance(events, list):
        return bool(events) and all(e.get("account_id") == account_id for e in events)
    return summary.get("account_id") == account_id


def row(letter: DeadLetter) -> LetterRow:
    shown = letter.as_dict()
    return LetterRow(
        id=letter.id,
        queue=letter.queue,
        actor=letter.actor,
        kind=letter.kind,
        reason=letter.death_reason,
        error=letter.error,
        detail=letter.detail,
        dead_lettered_at=shown["dead_lettered_at"],
        replays=letter.replays,
        summary=letter.summary(),
    )
