"""Keeps one session's memory up to date: the work behind the memory actor.

Single-flight: a job first takes the session's memory lease, so at most one
job works on a session at a time across all workers. The work is derived from
the stored state, not from the job: a duplicated or redelivered job finds
nothing new to fold and makes no LLM call. Messages arriving while a job runs
are taken by its next round or by the next job.

One job pending per session (``domain.ports.memory``): holding the lease, the
job clears the session's mark, so the next fold count publishes the next job,
then folds everything due, several folds in one run when it fell behind.
What it measures when it starts is the session's memory lag: messages past
the verbatim window not folded yet, and the age of the oldest of them.

Cost (``domain.memory.budget``): what each fold's LLM calls spent is recorded for the
session and its account's UTC day; past the account's daily token budget the job goes
on with the offline engine and marks what it writes.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from domain.config import MemorySettings
from domain.memory.budget import DailyTokenBudget
from domain.memory.chain import EngineChain
from domain.memory.folding import (
    TAIL_LINES,
    FoldPolicy,
    fold,
    folded_through,
    mark_fallback,
    redo_offline_tiers,
)
from domain.memory.spend import open_tab
from domain.ports.memory import MemoryStore
from schemas.analytics_model import LLMTokens
from schemas.errors import NotFound
from schemas.memory_model import EngineFallback, TierName
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage

logger = logging.getLogger("memq.memory")

#: Messages folded per engine call: bounded input, constant cost per message.
MAX_BATCH_FACTOR = 2
#: Messages a redo may re-read for one tier (recent and mid spans are bounded).
MAX_REDO_MESSAGES = 200


@dataclass(frozen=True)
class MemoryLag:
    """How far a session's memory is behind its messages."""

    #: Messages past the verbatim window not folded yet.
    messages: int = 0
    #: Seconds since the oldest of them was accepted (0 when there is none).
    seconds: float = 0.0
    #: When the oldest of them was accepted (None when there is none).
    oldest_at: datetime | None = None


@dataclass(frozen=True)
class UpdateOutcome:
    acquired: bool
    folds: int = 0
    folded_messages: int = 0
    redone: bool = False
    more: bool = False
    #: The lag found when the job started (None: lease not taken, nothing measured).
    lag: MemoryLag | None = None
    #: Folds the offline engine did in Claude's place (the daily token budget reached).
    budget_fallbacks: int = 0


def age_seconds(moment: datetime | None, now: datetime) -> float:
    """Seconds from ``moment`` to ``now`` (0 for None, never negative)."""
    return 0.0 if moment is None else max(0.0, round((now - moment).total_seconds(), 3))


class MemoryService:
    def __init__(
        self,
        memory: MemoryStore,
        engines: EngineChain,
        settings: MemorySettings,
        *,
        lease_seconds: int = 660,
        work_seconds: float = 60.0,
        budget: DailyTokenBudget | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.memory = memory
        self.engines = engines
        self.settings = settings
        #: None: spending is neither recorded nor bounded (no analytics store given).
        self.budget = budget
        self.clock = clock
        self.policy = FoldPolicy(
            verbatim_count=settings.memory_verbatim_count, fold_every=settings.memory_fold_every
        )
        self.lease_seconds = lease_seconds
        self.work_seconds = work_seconds

    def should_trigger(self, message_count: int | None) -> bool:
        """Ingest calls this after storing: a fold job every ``fold_every`` messages."""
        return message_count is not None and message_count % self.policy.fold_every == 0

    def update(self, account_id: str, session_id: str, *, final: bool = False) -> UpdateOutcome:
        """Fold what has left the verbatim window. ``final`` (session end) folds every
        unfolded message outside the window, even fewer than ``fold_every``."""
        owner = uuid.uuid4().hex
        now = datetime.now(UTC)
        until = now + timedelta(seconds=self.lease_seconds)
        if not self.memory.acquire_memory_lease(account_id, session_id, owner, until, now):
            logger.debug("memory of %s/%s is being updated by another job", account_id, session_id)
            return UpdateOutcome(acquired=False)
        try:
            # From here, a new fold count publishes a new job: this one may have
            # read past it already, and then the next finds nothing to do.
            self.memory.take_memory_mark(account_id, session_id)
            lag = self.lag(account_id, session_id, now)
            outcome = self._update_holding_lease(account_id, session_id, owner, final)
            return replace(outcome, lag=lag)
        except NotFound:
            logger.info("session %s/%s was deleted during a memory update", account_id, session_id)
            return UpdateOutcome(acquired=True)
        finally:
            self.memory.release_memory_lease(account_id, session_id, owner)

    def lag(self, account_id: str, session_id: str, now: datetime) -> MemoryLag:
        """Unfolded messages past the verbatim window, and the age of the oldest of them."""
        pending = self.memory.count_unfolded(account_id, session_id) - self.policy.verbatim_count
        if pending <= 0:
            return MemoryLag()
        oldest = self.memory.oldest_unfolded_at(account_id, session_id)
        return MemoryLag(pending, age_seconds(oldest, now), oldest)

    def republish(self, account_id: str, session_id: str, at: datetime) -> bool:
        """The scheduler found the session's mark older than the bound as of ``at``:
        renew it; True when the caller is to publish the job again (once, however
        many schedulers ask, until the bound passes again)."""
        return self.memory.renew_memory_mark(
            account_id,
            session_id,
            marked_before=at - timedelta(seconds=self.settings.memory_republish_after),
            now=max(at, datetime.now(UTC)),
        )

    def hand_on(self, account_id: str, session_id: str) -> bool:
        """A job that ran out of time marks the session for the next one; True when the
        caller is to publish it (False: a job is pending already, it takes the rest)."""
        return self.memory.mark_memory_pending(account_id, session_id, datetime.now(UTC))

    def _update_holding_lease(
        self, account_id: str, session_id: str, owner: str, final: bool
    ) -> UpdateOutcome:
        started = time.monotonic()
        budgets = self.settings.budgets_for(account_id)
        folds = folded = fallbacks = 0
        fallback = self._fallback_now(account_id)
        state = self.memory.load_memory(account_id, session_id)
        if state.last_fold_ids:
            # On MongoDB "mark folded" is a second write: finish it in case the last
            # job died between the two, before a new fold replaces last_fold_ids.
            if not self.memory.save_memory(account_id, session_id, state, owner):
                return UpdateOutcome(True)
            state = state.model_copy(update={"version": state.version + 1})
        while True:
            if time.monotonic() - started > self.work_seconds:
                return UpdateOutcome(True, folds, folded, more=True, budget_fallbacks=fallbacks)
            batch = self.memory.unfolded_messages(
                account_id,
                session_id,
                keep_last=self.policy.verbatim_count,
                exclude_ids=state.last_fold_ids,
                limit=self.policy.fold_every * MAX_BATCH_FACTOR,
            )
            if not final:
                # Whole multiples of fold_every: spans stay aligned ("every 5 new
                # messages") however the jobs interleave with ingest.
                batch = batch[: len(batch) // self.policy.fold_every * self.policy.fold_every]
            if not batch:
                break
            # Messages stored late fold on their own: the rest of the batch is read against
            # everything known, they against what was known when they were sent.
            # The messages sent just before them are the question they may answer.
            before = None
            boundary = folded_through(state)
            if batch[0].seq < boundary:
                batch = [message for message in batch if message.seq < boundary]
                before = self.memory.messages_before(
                    account_id, session_id, batch[0].seq, limit=TAIL_LINES
                )
            engines = self.engines if fallback is None else self.engines.offline_only()
            with open_tab() as tab:
                new_state = fold(
                    state, batch, engines, budgets, self.policy, datetime.now(UTC), before
                )
            if fallback is not None:
                fallbacks += 1
                self.engines.budget_fallbacks.add()
            new_state = mark_fallback(new_state, state, fallback)
            # Spent whether or not the save succeeds; past the budget the next fold is offline.
            fallback = self._record(account_id, session_id, tab.spent) or fallback
            if not self.memory.save_memory(account_id, session_id, new_state, owner):
                logger.warning(
                    "memory of %s/%s changed under the lease; stopping", account_id, session_id
                )
                return UpdateOutcome(True, folds, folded, budget_fallbacks=fallbacks)
            state = new_state.model_copy(update={"version": new_state.version + 1})
            folds += 1
            folded += len(batch)
        redone = False
        if fallback is None and self.engines.primary is not None and state.offline_tiers():
            with open_tab() as tab:
                redone_state = redo_offline_tiers(
                    state,
                    self._redo_sources(account_id, session_id, state),
                    self.engines,
                    budgets,
                    datetime.now(UTC),
                )
            self._record(account_id, session_id, tab.spent)
            if redone_state is not state:
                redone_state = mark_fallback(redone_state, state, None)
                redone = self.memory.save_memory(account_id, session_id, redone_state, owner)
        if folds or redone:
            logger.info(
                "memory of %s/%s: %d fold(s), %d message(s), redo=%s, budget fallbacks=%d",
                account_id,
                session_id,
                folds,
                folded,
                redone,
                fallbacks,
            )
        return UpdateOutcome(True, folds, folded, redone, budget_fallbacks=fallbacks)

    def fallback_in_force(self, state: MemoryState) -> EngineFallback | None:
        """The fallback the state's last fold marked, while it holds (the next UTC day
        the next fold has Claude again)."""
        fallback = state.engine_fallback
        return fallback if fallback is not None and fallback.until > self.clock() else None

    def engines_now(self, account_id: str) -> EngineChain:
        """The engines another memory step of the account (a user-memory merge) may use
        now: the offline engine alone past the account's daily token budget."""
        if self._fallback_now(account_id) is None:
            return self.engines
        self.engines.budget_fallbacks.add()
        return self.engines.offline_only()

    def record_spent(self, account_id: str, session_id: str, spent: LLMTokens) -> None:
        """Count what another memory step of the session (a user-memory merge) spent."""
        self._record(account_id, session_id, spent)

    def _fallback_now(self, account_id: str) -> EngineFallback | None:
        """The offline engine's turn in Claude's place, if the account's budget is spent."""
        if self.budget is None or self.engines.primary is None:
            return None
        return self.budget.fallback(account_id, self.clock())

    def _record(self, account_id: str, session_id: str, spent: LLMTokens) -> EngineFallback | None:
        """Count what a step spent; the fallback in force when it reached the budget."""
        if self.budget is None:
            return None
        return self.budget.record(account_id, session_id, spent, self.clock())

    def _redo_sources(
        self, account_id: str, session_id: str, state: MemoryState
    ) -> dict[TierName, list[StoredMessage]]:
        sources: dict[TierName, list[StoredMessage]] = {}
        for tier in (state.recent, state.mid):
            if tier is not None and tier.engine == "offline":
                sources[tier.tier] = self.memory.messages_between(
                    account_id, session_id, tier.first_seq, tier.last_seq, limit=MAX_REDO_MESSAGES
                )
        return sources
