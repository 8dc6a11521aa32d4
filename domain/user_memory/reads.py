"""Reading a user's memory through the API: the whole of it, or what matches a query."""

from __future__ import annotations

from domain.ports.user_memory import UserMemoryStore
from domain.search.tokenize import terms
from domain.user_memory.detail_search import matching_details
from domain.user_memory.recall import RECENCY_WEIGHT, rank
from schemas.user_memory import UserDetailHit, UserMemoryHit, UserMemorySearch, UserMemoryView

#: Conversations a search returns at most.
MAX_HITS = 20


def view(users: UserMemoryStore, account_id: str, user_id: str, persona: str) -> UserMemoryView:
    state = users.load_user_memory(account_id, user_id, persona)
    return UserMemoryView(
        user_id=user_id,
        persona=persona,
        facts=state.facts,
        conversations=state.conversations,
        details=state.details,
        updated_at=state.updated_at,
    )


def search(
    users: UserMemoryStore, account_id: str, user_id: str, persona: str, query: str
) -> UserMemorySearch:
    """Facts whose key or value shares a term with ``query``; conversations whose
    summary or open items do, best first (the ranking a context recalls them by); and
    details whose text or values do, best first (``detail_search``)."""
    state = users.load_user_memory(account_id, user_id, persona)
    wanted = set(terms(query))
    facts = [
        fact
        for fact in state.facts
        if wanted & set(terms(f"{fact.key.replace('_', ' ')} {fact.value}"))
    ]
    hits = [
        UserMemoryHit(
            session_id=r.conversation.session_id,
            summary=r.conversation.summary,
            open_items=r.conversation.open_items,
            language=r.conversation.language,
            last_activity=r.conversation.last_activity,
            score=round(r.score, 4),
        )
        for r in rank(state.conversations, query, state.recall_index)
        if r.score > RECENCY_WEIGHT  # a keyword matched, not recency alone
    ]
    details = [
        UserDetailHit(
            session_id=m.detail.session_id,
            observed_at=m.detail.observed_at,
            text=m.detail.text,
            values=m.detail.values,
            score=round(m.score, 4),
        )
        for m in matching_details(state.details, query)
    ]
    return UserMemorySearch(
        user_id=user_id,
        persona=persona,
        facts=facts,
        conversations=hits[:MAX_HITS],
        details=details,
    )
