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
import math
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from domain.context.replaced import OLD_NOTE
from domain.search.tokenize import INDEX_VERSION, terms
from domain.user_memory.still_open import open_items_to_show
from schemas.user_memory import ConversationSummary, RecallIndex, UserFact, UserMemoryState

#: Before a conversation's open items, on its line.
OPEN_ITEMS_LABEL = "Open:"
#: Before what a conversation said that a later one changed, on its line.
SAID_LABEL = "Then:"


def rarity(count: int, holders: int) -> float:
    """What a search term held by ``holders`` of ``count`` items (conversations, details)
    is worth to a ranking: the fewer hold it, the more."""
    return math.log(1 + count / holders)


#: A conversation's facts that later conversations changed: (key, value), as it ended.
Said = Sequence[Sequence[str]]


def told(conversation: ConversationSummary, said: Said = ()) -> str:
    """What a conversation's line says: the values it gave that are no longer the user's
    current ones (first: they are what a shortened line keeps), its summary, its open
    items still to be done."""
    parts = [said_then(said), conversation.summary]
    # small talk in a future form is no open item for another conversation (``still_open``)
    items = open_items_to_show(conversation.open_items)
    if items:
        parts.append(f"{OPEN_ITEMS_LABEL} {'; '.join(items)}")
    return " ".join(part for part in parts if part).strip()


def said_then(said: Said) -> str:
    """The part of a conversation's line telling the values a later one changed."""
    if not said:
        return ""
    pairs = [(key, " ".join(value.split())) for key, value in said]
    # each value is no longer the user's: marked as a summary's replaced value is
    values = "; ".join(
        f"{pretty_key(key)}: {value}{OLD_NOTE}"
        for at, (key, value) in enumerate(pairs)
        if not _quoted_by_another(pairs, at)
    )
    return f"{SAID_LABEL} {values}."


#: A value too short or too plain to be one fact said twice: a count ("Adults: 2" beside
#: "Children: 2", "Nights: 3" beside "Room: Room 3") is another fact's by chance.
_MIN_DISTINCTIVE = 6
_BARE_NUMBER = re.compile(r"^[+\-]?[\d\u06f0-\u06f9\u0e50-\u0e59.,/\u066b\u066c]+$")


def _distinctive(value: str) -> bool:
    """Whether ``value`` is long enough that another key's equal value is the same fact
    (a phone, an address, a code, a day); a number is only when it is as long as a phone."""
    if len(value) < _MIN_DISTINCTIVE:
        return False
    return not _BARE_NUMBER.match(value) or sum(c.isdigit() for c in value) >= _MIN_DISTINCTIVE


def _quoted_by_another(pairs: Sequence[tuple[str, str]], at: int) -> bool:
    """Whether another value of ``pairs`` ends with the distinctive value at ``at`` (a phone
    a contact preference gives: "You can call me on +989121810111"), or an earlier one is the
    same value ("Check out date: Thursday", "Other date: Thursday"): that quote says it, its
    mark right after it, and another cost the line its words and a mark."""
    value = pairs[at][1]
    if not _distinctive(value):
        return False
    for other, (_, said) in enumerate(pairs):
        if other == at:
            continue
        if said == value:
            if other < at:
                return True
        elif said.endswith(" " + value):
            return True
    return False


def pretty_key(key: str) -> str:
    words = " ".join(key.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]


#: Keys whose values name a thing (an order, a ticket, a booking), not an attribute of
#: the user: another conversation's value names another thing, not an outdated one.
IDENTIFIER_KEY = re.compile(
    r"(?:^|_)(?:id|number|no|code|reference|ref|ticket|booking|tracking|serial)(?:_\d+)?$"
)


def said_in_conversations(facts: Sequence[UserFact]) -> dict[str, list[tuple[str, str]]]:
    """Per earlier conversation, the values it ended with that a later conversation
    changed: a returning customer's last delivery address and fee were about that
    order. Identifiers are left out (their fact line names them), and so is a value
    corrected within the conversation that gave the current one."""
    said: dict[str, list[tuple[str, str]]] = {}
    for fact in facts:
        if IDENTIFIER_KEY.search(fact.key):
            continue
        seen = {"", fact.session_id}
        for item in sorted(fact.history, key=lambda h: h.observed_at, reverse=True):
            if item.session_id not in seen and item.value != fact.value:
                said.setdefault(item.session_id, []).append((fact.key, item.value))
            seen.add(item.session_id)
    return said


def indexed(state: UserMemoryState) -> UserMemoryState:
    """``state`` with the index of its conversations as they are now."""
    conversations = state.conversations
    said = said_in_conversations(state.facts)
    texts = tuple(told(c, said.get(c.session_id, ())) for c in conversations)
    found = _computed(texts, _times(conversations))
    index = RecallIndex(
        version=INDEX_VERSION,
        sessions=[c.session_id for c in conversations],
        terms={term: list(positions) for term, positions in found.terms.items()},
        recency=list(found.recency),
        silent=list(found.silent),
        said={session: [[key, value] for key, value in pairs] for session, pairs in said.items()},
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


def said_of(state: UserMemoryState) -> Mapping[str, Said]:
    """What each conversation said that later ones changed: stored with the memory, or
    (a memory written before) computed now."""
    index = state.recall_index
    if index is not None and index.version == INDEX_VERSION:
        return index.said
    return said_in_conversations(state.facts)


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
