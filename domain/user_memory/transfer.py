"""A user's memory out of one account and into another (or back): export and import.

Export is every persona's memory of the user: facts with their history,
conversation summaries with their open items, the details of the conversations,
and the digests of removed values.
Import merges a document into the caller's account, for the user named in the
request, by the rules of a merge job, so importing the same document twice
changes nothing the second time: the latest value of a fact wins (older ones go
to its history), a conversation already held with as many messages is kept (with
its details; one taken from the document comes with the document's), and a value
removed in either memory stays removed, however it is written: from facts,
conversations and details too. It writes only under the caller's account: the
document carries no account.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from domain.ports.user_memory import UserMemoryStore
from domain.user_memory.corrections import write_checked
from domain.user_memory.details import merged_details, without_values
from domain.user_memory.merge import (
    MAX_CONVERSATIONS,
    MAX_FORGOTTEN,
    MAX_USER_FACTS,
    changed_values,
    is_merged,
    merge_fact,
    scrubbed_conversation,
)
from domain.user_memory.removed import Removed
from schemas.user_memory import (
    ExportedUserMemory,
    UserDetail,
    UserFact,
    UserMemoryDocument,
    UserMemoryImported,
    UserMemoryState,
)


def export_user_memory(users: UserMemoryStore, account_id: str, user_id: str) -> UserMemoryDocument:
    memories = []
    for persona in users.user_memory_personas(account_id, user_id):
        state = users.load_user_memory(account_id, user_id, persona)
        if state.facts or state.conversations or state.forgotten:
            memories.append(
                ExportedUserMemory(
                    persona=persona,
                    facts=state.facts,
                    conversations=state.conversations,
                    forgotten=state.forgotten,
                    details=state.details,
                )
            )
    return UserMemoryDocument(user_id=user_id, memories=memories)


def import_user_memory(
    users: UserMemoryStore, account_id: str, user_id: str, document: UserMemoryDocument
) -> UserMemoryImported:
    now = datetime.now(UTC)
    changed = facts = conversations = 0
    for memory in document.memories:
        facts += len(memory.facts)
        conversations += len(memory.conversations)
        wrote: list[bool] = []  # the last compare-and-set attempt's outcome

        def change(
            state: UserMemoryState, memory: ExportedUserMemory = memory, wrote: list[bool] = wrote
        ) -> UserMemoryState:
            result = merged(state, memory, now)
            wrote[:] = [result is not state]
            return result

        write_checked(users, account_id, user_id, memory.persona, change)
        changed += wrote == [True]
    return UserMemoryImported(
        user_id=user_id, memories=changed, facts=facts, conversations=conversations
    )


def merged(state: UserMemoryState, memory: ExportedUserMemory, now: datetime) -> UserMemoryState:
    """``state`` with ``memory`` merged in; ``state`` itself when that changes nothing."""
    # a removal stored before it had its match forms and the same one with them are two
    seen = {(item.key, item.digest, item.words) for item in state.forgotten}
    forgotten = [
        *state.forgotten,
        *(item for item in memory.forgotten if (item.key, item.digest, item.words) not in seen),
    ]
    # A value removed in either memory stays removed, however it is written: not taken
    # as a fact, scrubbed from every conversation and detail, the stored ones too.
    removed = Removed(forgotten)
    facts = without_removed(state.facts, removed)
    for fact in memory.facts:
        seen_values: list[tuple[str, str, datetime, datetime | None]] = [
            (h.value, h.session_id, h.observed_at, None) for h in fact.history
        ]
        seen_values.append((fact.value, fact.session_id, fact.observed_at, fact.said_at))
        for value, source, at, said_at in seen_values:
            if not removed.holds(value):
                facts = merge_fact(facts, fact.key, value, source, at, said_at=said_at)
    facts.sort(key=lambda fact: fact.observed_at, reverse=True)
    conversations = list(state.conversations)
    taken: set[str] = set()
    for conversation in memory.conversations:
        if not is_merged(state, conversation):
            conversations = [c for c in conversations if c.session_id != conversation.session_id]
            conversations.append(conversation)
            taken.add(conversation.session_id)
    conversations = [scrubbed_conversation(c, (), removed) for c in conversations]
    conversations.sort(key=lambda c: c.last_activity, reverse=True)
    details = merged_details(
        without_values(state.details, (), removed),
        # only the conversations taken from the document bring their details
        without_values(
            [d for d in memory.details if d.session_id in taken and importable(d)], (), removed
        ),
        taken,
        changed_values(facts),
        chosen=True,
    )
    result = state.model_copy(
        update={
            "facts": facts[:MAX_USER_FACTS],
            "conversations": conversations[:MAX_CONVERSATIONS],
            "forgotten": forgotten[-MAX_FORGOTTEN:],
            "details": details,
        }
    )
    if not _differs(state, result):
        return state
    return result.model_copy(update={"updated_at": now})


def without_removed(facts: Sequence[UserFact], removed: Removed) -> list[UserFact]:
    """``facts`` without a value ``removed`` holds: a fact whose current value it is goes
    with its history (as a removal takes it), an earlier value leaves the history."""
    kept = []
    for fact in facts:
        if removed.holds(fact.value):
            continue
        history = [h for h in fact.history if not removed.holds(h.value)]
        kept.append(
            fact if history == fact.history else fact.model_copy(update={"history": history})
        )
    return kept


#: The longest detail text an import takes (a merge stores them shortened, far below).
MAX_IMPORTED_DETAIL = 2_000


def importable(detail: UserDetail) -> bool:
    """Whether a document's detail is one a merge could have stored: it states values,
    each in its text, and its text is not overlong."""
    return (
        bool(detail.values)
        and len(detail.text) <= MAX_IMPORTED_DETAIL
        and all(value and value in detail.text for value in detail.values)
    )


def _differs(before: UserMemoryState, after: UserMemoryState) -> bool:
    keep = {"facts", "conversations", "forgotten", "details"}
    return before.model_dump(include=keep) != after.model_dump(include=keep)
