"""Merging what one conversation left into a user's memory: pure, idempotent.

Facts: the value of the latest conversation wins, whatever order the jobs run
in (a conversation's time is its last activity); an earlier value stays in the
fact's history with the session it came from and is never shown as current.
A value the user asked to remove (``forgotten``) is never taken again, from
any conversation, however it is written there (``domain.user_memory.removed``).
Conversations: one summary each, replaced when the same conversation is merged
again, most recent first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from domain.search.tokenize import normalize
from domain.user_memory.details import merged_details, without_values
from domain.user_memory.recall_index import said_in_conversations
from domain.user_memory.removed import REMOVED, Removed, removal
from schemas.user_memory import (
    ConversationSummary,
    UserDetail,
    UserFact,
    UserFactValue,
    UserMemoryState,
)

#: Facts kept per user memory; the oldest-observed go first.
MAX_USER_FACTS = 100
#: Earlier values kept per fact.
MAX_USER_FACT_HISTORY = 10
#: Conversations kept per user memory; the least recent go first.
MAX_CONVERSATIONS = 200
#: Removed values remembered, so no batch brings them back.
MAX_FORGOTTEN = 500


@dataclass(frozen=True)
class SessionDigest:
    """What one conversation contributes: its current facts, its summary and its details;
    ``said_at``: when the message each fact's value came from was accepted, where known."""

    conversation: ConversationSummary
    facts: Sequence[tuple[str, str]]
    details: Sequence[UserDetail] = ()
    said_at: Mapping[str, datetime] = field(default_factory=dict)


def same_value(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def is_merged(state: UserMemoryState, conversation: ConversationSummary) -> bool:
    """Whether this much of the conversation is in the memory already (nothing to do)."""
    stored = next((c for c in state.conversations if c.session_id == conversation.session_id), None)
    return (
        stored is not None
        and stored.message_count >= conversation.message_count
        and (stored.ended or not conversation.ended)
    )


def is_cleared(state: UserMemoryState, conversation: ConversationSummary) -> bool:
    """A conversation with no activity since the memory was deleted stays out of it."""
    return state.cleared_at is not None and conversation.last_activity <= state.cleared_at


def merge_digest(state: UserMemoryState, digest: SessionDigest, now: datetime) -> UserMemoryState:
    """``state`` with ``digest`` merged in; the same digest twice changes nothing more."""
    if is_cleared(state, digest.conversation):
        return state
    removed = Removed(state.forgotten)
    # a fact that is a removed value goes with what holds it; one only quoting it, the quote
    gone = [value for _, value in digest.facts if removed.is_whole(value)]
    conversation = scrubbed_conversation(digest.conversation, gone, removed)
    facts = list(state.facts)
    for key, value in digest.facts:
        if not removed.holds(value):
            facts = merge_fact(
                facts,
                key,
                value,
                conversation.session_id,
                conversation.last_activity,
                said_at=digest.said_at.get(key),
            )
    facts.sort(key=lambda fact: fact.observed_at, reverse=True)
    conversations = [c for c in state.conversations if c.session_id != conversation.session_id]
    conversations.append(conversation)
    conversations.sort(key=lambda c: c.last_activity, reverse=True)
    details = without_values(digest.details, gone, removed)
    return state.model_copy(
        update={
            "facts": facts[:MAX_USER_FACTS],
            "conversations": conversations[:MAX_CONVERSATIONS],
            "details": merged_details(
                state.details, details, {conversation.session_id}, changed_values(facts)
            ),
            "updated_at": now,
        }
    )


def changed_values(facts: Sequence[UserFact]) -> list[str]:
    """The earlier values of facts whose value a later conversation changed: no longer
    the user's, so no detail stating only them is kept. An identifier's are left out:
    another conversation's order is still the user's (``recall``)."""
    said = said_in_conversations(facts)
    return [value for pairs in said.values() for _, value in pairs]


def merge_fact(
    facts: list[UserFact],
    key: str,
    value: str,
    session_id: str,
    at: datetime,
    *,
    said_at: datetime | None = None,
) -> list[UserFact]:
    """``facts`` with ``value`` of ``key`` seen in ``session_id`` at ``at`` (said at
    ``said_at``, when known): the latest wins."""
    index = next((i for i, fact in enumerate(facts) if fact.key == key), None)
    if index is None:
        new = UserFact(key=key, value=value, session_id=session_id, observed_at=at, said_at=said_at)
        return [*facts, new]
    current = facts[index]
    if same_value(current.value, value):
        if at >= current.observed_at:  # seen again later: the latest source, said then
            facts[index] = current.model_copy(
                update={"session_id": session_id, "observed_at": at, "said_at": said_at}
            )
        return facts
    seen = UserFactValue(value=value, session_id=session_id, observed_at=at)
    if at < current.observed_at:  # an older conversation's value: history only
        facts[index] = current.model_copy(update={"history": _with_earlier(current.history, seen)})
        return facts
    earlier = UserFactValue(
        value=current.value, session_id=current.session_id, observed_at=current.observed_at
    )
    history = [h for h in _with_earlier(current.history, earlier) if not same_value(h.value, value)]
    facts[index] = UserFact(
        key=key,
        value=value,
        session_id=session_id,
        observed_at=at,
        said_at=said_at,
        history=history,
    )
    return facts


def _with_earlier(history: list[UserFactValue], item: UserFactValue) -> list[UserFactValue]:
    kept = [
        h
        for h in history
        if not (same_value(h.value, item.value) and h.session_id == item.session_id)
    ]
    kept.append(item)
    kept.sort(key=lambda h: h.observed_at)
    return kept[-MAX_USER_FACT_HISTORY:]


def forget_fact(state: UserMemoryState, key: str, now: datetime) -> UserMemoryState:
    """Remove ``key`` (its current value and history): none of them comes back later."""
    fact = next((f for f in state.facts if f.key == key), None)
    if fact is None:
        return state
    values = [fact.value, *(h.value for h in fact.history)]
    removals = [removal(key, v) for v in values]
    # what the memory holds of them written another way goes too
    removed = Removed(removals)
    conversations = [scrubbed_conversation(c, values, removed) for c in state.conversations]
    return state.model_copy(
        update={
            "facts": [f for f in state.facts if f.key != key],
            "conversations": conversations,
            "details": without_values(state.details, values, removed),
            "forgotten": [*state.forgotten, *removals][-MAX_FORGOTTEN:],
            "updated_at": now,
        }
    )


def correct_fact(state: UserMemoryState, key: str, value: str, now: datetime) -> UserMemoryState:
    """Set ``key`` to ``value`` as the user says (session ``""``): it is current as of now,
    and the value it replaces is forgotten (a later batch of an old session cannot
    bring it back). A removal ``value`` holds is lifted: the user gave that back."""
    removed = forget_fact(state, key, now)
    kept = [f for f in removed.forgotten if not Removed([f]).holds(value)]
    facts = [
        UserFact(key=key, value=value, session_id="", observed_at=now),
        *removed.facts,
    ]
    return removed.model_copy(update={"facts": facts[:MAX_USER_FACTS], "forgotten": kept})


def scrubbed(summary: str, values: Iterable[str]) -> str:
    """``summary`` with every quote of ``values`` (ignoring case) replaced by "[removed]"."""
    for value in sorted({v.strip() for v in values if v.strip()}, key=len, reverse=True):
        summary = re.sub(re.escape(value), REMOVED, summary, flags=re.IGNORECASE)
    return summary


def scrubbed_conversation(
    conversation: ConversationSummary, values: Iterable[str], removed: Removed | None = None
) -> ConversationSummary:
    """``conversation`` with ``values`` and the quotes of ``removed`` values scrubbed from
    its summary and its open items; ``conversation`` itself when it quotes none."""
    values = list(values)

    def scrub(text: str) -> str:
        text = scrubbed(text, values)
        return removed.scrubbed(text) if removed else text

    summary = scrub(conversation.summary)
    open_items = [scrub(item) for item in conversation.open_items]
    if summary == conversation.summary and open_items == conversation.open_items:
        return conversation
    return conversation.model_copy(update={"summary": summary, "open_items": open_items})


def cleared(state: UserMemoryState, now: datetime) -> UserMemoryState:
    """``state`` emptied: conversations with no activity after ``now`` are not merged again,
    and removed values (digests only) stay removed."""
    return UserMemoryState(
        version=state.version, forgotten=state.forgotten, cleared_at=now, updated_at=now
    )
