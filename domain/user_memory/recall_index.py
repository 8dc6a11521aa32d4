"""The search terms of a user's past conversations, computed when the memory is written.

A context request ranks every past conversation of the user against the message
at hand. Tokenising their summaries then (100 conversations: thousands of terms)
would cost every request what one merge can pay once: every write of a user
memory stores the terms with it (``indexed``), and recall reads them
(``prepared``). A memory written before the index existed, or by another
tokenizer version, is tokenised on read until its next write.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from domain.search.tokenize import INDEX_VERSION, terms
from schemas.user_memory import ConversationSummary, RecallIndex, UserMemoryState


def told(conversation: ConversationSummary) -> str:
    """What a conversation's line says: its summary, then its open items."""
    if not conversation.open_items:
        return conversation.summary
    items = "; ".join(conversation.open_items)
    return f"{conversation.summary} {OPEN_ITEMS_LABEL} {items}".strip()


#: Before a conversation's open items, on its line.
OPEN_ITEMS_LABEL = "Open:"


def indexed(state: UserMemoryState) -> UserMemoryState:
    """``state`` with the index of its conversations as they are now."""
    conversations = state.conversations
    found = _computed(tuple(told(c) for c in conversations), _times(conversations))
    index = RecallIndex(
        version=INDEX_VERSION,
        sessions=[c.session_id for c in conversations],
        terms={term: list(positions) for term, positions in found.terms.items()},
        recency=list(found.recency),
        silent=list(found.silent),
    )
    return state.model_copy(update={"recall_index": index})


class Prepared(NamedTuple):
    sessions: Sequence[str]
    #: Which conversations (positions in ``sessions``) hold each term.
    terms: Mapping[str, Sequence[int]]
    #: Positions, most recent first.
    recency: Sequence[int]
    #: Positions of conversations with nothing to recall (no summary, no open item).
    silent: Sequence[int]


def prepared(conversations: Sequence[ConversationSummary], index: RecallIndex | None) -> Prepared:
    """The stored index when it was made for exactly these conversations by this
    tokenizer, else the same computed now."""
    sessions = [c.session_id for c in conversations]
    if index is not None and index.version == INDEX_VERSION and index.sessions == sessions:
        return Prepared(index.sessions, index.terms, index.recency, index.silent)
    found = _computed(tuple(told(c) for c in conversations), _times(conversations))
    return found._replace(sessions=sessions)


def _times(conversations: Sequence[ConversationSummary]) -> tuple[float, ...]:
    return tuple(c.last_activity.timestamp() for c in conversations)


@functools.lru_cache(maxsize=256)
def _computed(summaries: tuple[str, ...], times: tuple[float, ...]) -> Prepared:
    """Memoized for memories without an index: the same user's requests rank the same
    summaries."""
    index: dict[str, list[int]] = {}
    for position, summary in enumerate(summaries):
        for term in set(terms(summary)):
            index.setdefault(term, []).append(position)
    return Prepared(
        sessions=(),
        terms={term: tuple(positions) for term, positions in index.items()},
        recency=tuple(sorted(range(len(times)), key=times.__getitem__, reverse=True)),
        silent=tuple(i for i, summary in enumerate(summaries) if not summary),
    )
