"""Merging what one conversation left into a user's memory: pure, idempotent.

Facts: the value of the latest conversation wins, whatever order the jobs run
in (a conversation's time is its last activity); an earlier value stays in the
fact's history with the session it came from and is never shown as current.
A value the user asked to remove (``forgotten``) is never taken again, from
any conversation. Conversations: one summary each, replaced when the same
conversation is merged again, most recent first.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.search.tokenize import normalize
from domain.user_memory.details import merged_details, without_values
from domain.user_memory.recall_index import said_in_conversations
from schemas.user_memory import (
    ConversationSummary,
    ForgottenValue,
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
#: What a removed value becomes where a conversation summary quoted it.
REMOVED = "[removed]"


@dataclass(frozen=True)
class SessionDigest:
    """What one conversation contributes: its current facts, its summary and its details."""

    conversation: ConversationSummary
    facts: Sequence[tuple[str, str]]
    details: Sequence[UserDetail] = ()


def same_value(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def value_digest(value: str) -> str:
    return hashlib.sha256(" ".join(normalize(value).split()).encode()).hexdigest()


def is_forgotten(state: UserMemoryState, key: str, value: str) -> bool:
    digest = value_digest(value)
    return any(item.key == key and item.digest == digest for item in state.forgotten)


def forgotten_anywhere(state: UserMemoryState) -> Callable[[str], bool]:
    """Whether the user asked to remove a value as the value of any fact: a detail
    states values without a key."""
    digests = {item.digest for item in state.forgotten}
    return lambda value: value_digest(value) in digests


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
    conversation = digest.conversation
    removed = [value for key, value in digest.facts if is_forgotten(state, key, value)]
    if removed:
        conversation = scrubbed_conversation(conversation, removed)
    facts = list(state.facts)
    for key, value in digest.facts:
        if not is_forgotten(state, key, value):
            facts = merge_fact(
                facts, key, value, conversation.session_id, conversation.last_activity
            )
    facts.sort(key=lambda fact: fact.observed_at, reverse=True)
    conversations = [c for c in state.conversations if c.session_id != conversation.session_id]
    conversations.append(conversation)
    conversations.sort(key=lambda c: c.last_activity, reverse=True)
    details = without_values(digest.details, removed, forgotten_anywhere(state))
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
    facts: list[UserFact], key: str, value: str, session_id: str, at: datetime
) -> list[UserFact]:
    """``facts`` with ``value`` of ``key`` seen in ``session_id`` at ``at``: the latest wins."""
    index = next((i for i, fact in enumerate(facts) if fact.key == key), None)
    if index is None:
        return [*facts, UserFact(key=key, value=value, session_id=session_id, observed_at=at)]
    current = facts[index]
    if same_value(current.value, value):
        if at >= current.observed_at:  # seen again later: the latest source
            facts[index] = current.model_copy(update={"session_id": session_id, "observed_at": at})
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
        key=key, value=value, session_id=session_id, observed_at=at, history=history
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
    removed = [fact.value, *(h.value for h in fact.history)]
    forgotten = [
        *state.forgotten,
        *(ForgottenValue(key=key, digest=value_digest(v)) for v in removed),
    ]
    conversations = [scrubbed_conversation(c, removed) for c in state.conversations]
    return state.model_copy(
        update={
            "facts": [f for f in state.facts if f.key != key],
            "conversations": conversations,
            "details": without_values(state.details, removed),
            "forgotten": forgotten[-MAX_FORGOTTEN:],
            "updated_at": now,
        }
    )


def correct_fact(state: UserMemoryState, key: str, value: str, now: datetime) -> UserMemoryState:
    """Set ``key`` to ``value`` as the user says (session ``""``): it is current as of now,
    and the value it replaces is forgotten (a later batch of an old session cannot
    bring it back)."""
    removed = forget_fact(state, key, now)
    digest = value_digest(value)
    forgotten = [f for f in removed.forgotten if not (f.key == key and f.digest == digest)]
    facts = [
        UserFact(key=key, value=value, session_id="", observed_at=now),
        *removed.facts,
    ]
    return removed.model_copy(update={"facts": facts[:MAX_USER_FACTS], "forgotten": forgotten})


def scrubbed(summary: str, values: Iterable[str]) -> str:
    """``summary`` with every quote of ``values`` (ignoring case) replaced by "[removed]"."""
    for value in sorted({v.strip() for v in values if v.strip()}, key=len, reverse=True):
        summary = re.sub(re.escape(value), REMOVED, summary, flags=re.IGNORECASE)
    return summary


def scrubbed_conversation(
    conversation: ConversationSummary, values: Iterable[str]
) -> ConversationSummary:
    """``conversation`` with ``values`` scrubbed from its summary and its open items."""
    values = list(values)
    return conversation.model_copy(
        update={
            "summary": scrubbed(conversation.summary, values),
            "open_items": [scrubbed(item, values) for item in conversation.open_items],
        }
    )


def cleared(state: UserMemoryState, now: datetime) -> UserMemoryState:
    """``state`` emptied: conversations with no activity after ``now`` are not merged again,
    and removed values (digests only) stay removed."""
    return UserMemoryState(
        version=state.version, forgotten=state.forgotten, cleared_at=now, updated_at=now
    )
