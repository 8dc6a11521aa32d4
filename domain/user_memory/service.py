"""Keeps user memories up to date: the work behind the user-memory job.

Single-flight per user memory: a job first takes the memory's lease, so at
most one job merges into it at a time across all workers; a job that finds
it taken fails with ``UserMemoryBusy`` and Dramatiq retries it later. The work
is derived from the stored state, not from the job: a duplicated or
redelivered job finds the conversation merged already and makes no engine
call. It never runs on the ingest or context path: ingest only enqueues it.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from domain.config import UserMemorySettings
from domain.memory.chain import EngineChain
from domain.memory.service import MemoryService
from domain.memory.spend import open_tab
from domain.ports.memory import MemoryStore
from domain.ports.sessions import SessionStore
from domain.ports.user_memory import UserMemoryStore
from domain.user_memory.digest import DIGEST_LINES, ConversationHead
from domain.user_memory.fact_values import shown_facts, users_facts
from domain.user_memory.merge import SessionDigest, is_cleared, is_merged, merge_digest
from domain.user_memory.persona import UserMemoryKey, memory_key
from domain.user_memory.recall_index import indexed
from schemas.errors import NotFound, TransientError

logger = logging.getLogger("memq.user_memory")

MergeResult = Literal["merged", "up_to_date", "no_user", "no_session"]


class UserMemoryBusy(TransientError):
    """Another job holds the user memory, or a correction changed it under this one."""

    code = "user_memory_busy"


@dataclass(frozen=True)
class MergeOutcome:
    result: MergeResult
    key: UserMemoryKey | None = None


class UserMemoryService:
    def __init__(
        self,
        sessions: SessionStore,
        memory: MemoryStore,
        users: UserMemoryStore,
        engines: EngineChain,
        settings: UserMemorySettings,
        *,
        session_memory: MemoryService | None = None,
        lease_seconds: int = 660,
    ) -> None:
        self.sessions = sessions
        self.memory = memory
        self.users = users
        self.engines = engines
        self.every = settings.user_memory_every
        self.session_memory = session_memory
        self.lease_seconds = lease_seconds

    def should_merge(self, message_count: int | None) -> bool:
        """Ingest calls this after storing: a merge every ``user_memory_every`` messages."""
        return message_count is not None and message_count % self.every == 0

    def merge_session(self, account_id: str, session_id: str, *, final: bool) -> MergeOutcome:
        """Merge the session's facts and summary into its user's memory. ``final`` (the
        session ended) first folds what the session memory has not (a no-op when the
        final fold ran already)."""
        try:
            session = self.sessions.get_session(account_id, session_id)
        except NotFound:
            return MergeOutcome("no_session")
        key = memory_key(account_id, session)
        if key is None:
            return MergeOutcome("no_user")
        if final and self.session_memory is not None:
            self.session_memory.update(account_id, session_id, final=True)
        owner = uuid.uuid4().hex
        now = datetime.now(UTC)
        until = now + timedelta(seconds=self.lease_seconds)
        if not self.users.acquire_user_memory_lease(*_parts(key), owner, until, now):
            raise UserMemoryBusy(f"user memory of session {session_id} is being merged")
        try:
            return self._merge_holding_lease(key, session_id, owner)
        except NotFound:
            return MergeOutcome("no_session", key)
        finally:
            self.users.release_user_memory_lease(*_parts(key), owner)

    def _merge_holding_lease(self, key: UserMemoryKey, session_id: str, owner: str) -> MergeOutcome:
        state = self.users.load_user_memory(*_parts(key))
        session = self.sessions.get_session(key.account_id, session_id)
        snapshot = self.memory.context_snapshot(
            key.account_id, session_id, recent_limit=DIGEST_LINES
        )
        head = ConversationHead(session, snapshot)
        conversation = head.conversation()
        if is_merged(state, conversation) or is_cleared(state, conversation):
            return MergeOutcome("up_to_date", key)
        earlier = next(
            (c.open_items for c in state.conversations if c.session_id == session_id), []
        )
        # A merge's Claude calls count like a fold's: against the session and its
        # account's day, and past the account's daily budget the offline engine merges.
        memory = self.session_memory
        engines = self.engines if memory is None else memory.engines_now(key.account_id)
        kept = users_facts(head.facts())
        facts = kept.facts
        # the turns a code came in keep their other words, as the conversation's details
        at = session.last_message_at or session.updated_at
        details = [*head.details(shown_facts(facts)), *kept.details(session_id, at)]
        with open_tab() as tab:
            digest = SessionDigest(
                head.summarize(engines, earlier), facts, details, said_at=head.said_at()
            )
        if memory is not None:
            memory.record_spent(key.account_id, session_id, tab.spent)
        merged = indexed(merge_digest(state, digest, datetime.now(UTC)))
        if not self.users.save_user_memory(*_parts(key), merged, owner):
            raise UserMemoryBusy(f"user memory of session {session_id} changed during a merge")
        logger.info(
            "user memory of %s/%s: merged session %s (%d facts)",
            key.account_id,
            key.user_id,
            session_id,
            len(digest.facts),
        )
        return MergeOutcome("merged", key)


def _parts(key: UserMemoryKey) -> tuple[str, str, str]:
    return key.account_id, key.user_id, key.persona
