"""What a context shows of the user's memory, for the message at hand, within a budget.

The user-memory section lists the user's facts (most recently observed first; an
identifier also with the values earlier conversations gave it),
then the summaries of earlier conversations (each with its open items: what
was promised or left to do) most relevant to the query: a
keyword score over the search terms (``domain.search.tokenize``, English,
Persian and Thai alike), each term weighted by how few of the user's
conversations hold it (so "my", "the" and "order" count little), plus a
small bonus for recency that orders the rest. Everything that does not fit
is named in ``dropped`` (past ``MAX_NAMED_DROPS`` conversations, counted). The
current conversation is left out: its own tiers and facts are in the context
already.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from domain.search.tokenize import terms
from domain.tokens import fit_to_budget, token_weight
from schemas.user_memory import ConversationSummary, UserFact, UserMemoryState

USER_HEADING = "[USER MEMORY - from earlier conversations]"
CONVERSATIONS_HEADING = "[EARLIER CONVERSATIONS]"
#: What recency adds to a score: enough to order equals, never to outrank a match.
RECENCY_WEIGHT = 0.1
#: A conversation summary shortened into what is left must keep at least this much.
MIN_SHORTENED_SUMMARY = 16
NEWLINE = 0.5
#: Conversations left out that ``dropped`` names one by one; the rest are counted.
MAX_NAMED_DROPS = 10


class RankedConversation(NamedTuple):
    # A tuple, not a dataclass: a request ranks every past conversation of the user.
    conversation: ConversationSummary
    score: float


@dataclass
class Recalled:
    """The chosen part of a user memory, rendered; ``tokens`` its estimate."""

    facts: list[UserFact] = field(default_factory=list)
    conversations: list[RankedConversation] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    tokens: int = 0

    @property
    def empty(self) -> bool:
        return not self.facts and not self.conversations


def _pretty_key(key: str) -> str:
    words = " ".join(key.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]


#: Keys whose values name a thing (an order, a ticket, a booking), not an attribute of
#: the user: another conversation's value names another thing, not an outdated one.
IDENTIFIER_KEY = re.compile(
    r"(?:^|_)(?:id|number|no|code|reference|ref|ticket|booking|tracking|serial)(?:_\d+)?$"
)
#: Other conversations' identifiers shown beside the latest one.
MAX_OTHER_IDENTIFIERS = 3


def other_conversations_values(fact: UserFact) -> tuple[str, ...]:
    """For an identifier, the values earlier conversations gave it (newest first): a
    returning customer's earlier order is still theirs. A value corrected within one
    conversation, or a value of an attribute (an address, a name), is history only."""
    if not IDENTIFIER_KEY.search(fact.key):
        return ()
    values: list[str] = []
    sessions = {"", fact.session_id}
    for item in sorted(fact.history, key=lambda h: h.observed_at, reverse=True):
        # Each earlier conversation's last value: the one it ended with.
        if item.session_id not in sessions and item.value not in values:
            values.append(item.value)
        sessions.add(item.session_id)
    return tuple(values[:MAX_OTHER_IDENTIFIERS])


def fact_line(fact: UserFact) -> str:
    return _fact_line(fact.key, fact.value, other_conversations_values(fact))


@functools.lru_cache(maxsize=8192)
def _fact_line(key: str, value: str, others: tuple[str, ...] = ()) -> str:
    line = f"• {_pretty_key(key)}: {' '.join(value.split())}"
    if others:
        line += f" (earlier conversations: {', '.join(' '.join(v.split()) for v in others)})"
    return line


#: Before a conversation's open items, on its line.
OPEN_ITEMS_LABEL = "Open:"


def told(conversation: ConversationSummary) -> str:
    """What a conversation's line says: its summary, then its open items."""
    if not conversation.open_items:
        return conversation.summary
    items = "; ".join(conversation.open_items)
    return f"{conversation.summary} {OPEN_ITEMS_LABEL} {items}".strip()


def recallable(conversation: ConversationSummary) -> bool:
    return bool(conversation.summary or conversation.open_items)


def conversation_line(conversation: ConversationSummary, summary: str | None = None) -> str:
    return _conversation_line(
        told(conversation) if summary is None else summary,
        conversation.last_activity.date().isoformat(),
        conversation.language,
        conversation.ended,
    )


@functools.lru_cache(maxsize=8192)
def _conversation_line(summary: str, day: str, language: str, ended: bool) -> str:
    status = "" if ended else ", ongoing"
    return f"- {day} ({language}{status}): {' '.join(summary.split())}"


@functools.lru_cache(maxsize=256)
def _inverted(summaries: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Which of ``summaries`` hold each term. Memoized: a user's summaries stay the same
    from one merge to the next, and every context request in between ranks them."""
    index: dict[str, list[int]] = {}
    for position, summary in enumerate(summaries):
        for term in set(terms(summary)):
            index.setdefault(term, []).append(position)
    return {term: tuple(positions) for term, positions in index.items()}


def rank(conversations: Sequence[ConversationSummary], query: str) -> list[RankedConversation]:
    """Best match to ``query`` first; without a match, most recent first."""
    count = len(conversations)
    by_recency = sorted(range(count), key=lambda i: conversations[i].last_activity, reverse=True)
    scores = [0.0] * count
    for place, position in enumerate(by_recency):
        scores[position] = RECENCY_WEIGHT / (1 + place)
    index = _inverted(tuple(told(c) for c in conversations))
    for term in set(terms(query)):
        holders = index.get(term, ())
        for position in holders:
            scores[position] += math.log(1 + count / len(holders))
    order = sorted(range(count), key=scores.__getitem__, reverse=True)
    return [RankedConversation(conversations[i], scores[i]) for i in order]


def recall(
    state: UserMemoryState,
    query: str,
    budget_tokens: int,
    *,
    current_session: str,
    ranked: Sequence[RankedConversation] | None = None,
) -> Recalled:
    """The facts, then the conversations best matching ``query`` (or in the order of
    ``ranked``, when the caller ranked them already), within ``budget_tokens``."""
    facts = [f for f in state.facts if f.session_id != current_session]
    if ranked is None:
        past = [c for c in state.conversations if c.session_id != current_session and recallable(c)]
        ranked = rank(past, query)
    chosen = Recalled()
    if not facts and not ranked:
        return chosen
    lines: list[str] = [USER_HEADING]
    weight = token_weight(USER_HEADING)
    if weight > budget_tokens:
        chosen.dropped = [(f"user_fact:{f.key}", "over the user memory budget") for f in facts]
        chosen.dropped += left_out(ranked)
        return chosen
    for fact in facts:
        line = fact_line(fact)
        cost = NEWLINE + token_weight(line)
        if weight + cost <= budget_tokens:
            lines.append(line)
            weight += cost
            chosen.facts.append(fact)
        else:
            chosen.dropped.append((f"user_fact:{fact.key}", "over the user memory budget"))
    heading_cost = NEWLINE + token_weight(CONVERSATIONS_HEADING)
    for place, item in enumerate(ranked):
        conversation = item.conversation
        extra = 0.0 if chosen.conversations else heading_cost
        if budget_tokens - weight - extra - NEWLINE < MIN_SHORTENED_SUMMARY:
            # Not even a shortened one fits: the rest is left out without trying each.
            chosen.dropped += left_out(ranked[place:])
            break
        shown = conversation_line(conversation)
        cost = NEWLINE + token_weight(shown)
        if weight + extra + cost > budget_tokens:
            shortened = _shortened(conversation, budget_tokens - weight - extra - NEWLINE)
            if shortened is None:
                kind = f"user_conversation:{conversation.session_id}"
                chosen.dropped.append((kind, "over the user memory budget"))
                continue
            chosen.dropped.append(
                (f"user_conversation_truncated:{conversation.session_id}", "shortened to fit")
            )
            shown = shortened
            cost = NEWLINE + token_weight(shown)
        if not chosen.conversations:
            lines.append(CONVERSATIONS_HEADING)
        lines.append(shown)
        weight += extra + cost
        chosen.conversations.append(item)
    if chosen.empty:
        return chosen
    chosen.text = "\n".join(lines)
    chosen.tokens = math.ceil(weight - 1e-9)
    return chosen


def left_out(ranked: Sequence[RankedConversation]) -> list[tuple[str, str]]:
    """``dropped`` items for conversations left out: the most relevant by name, the rest
    counted (a long history would otherwise fill the reply with ids)."""
    named = [
        (f"user_conversation:{r.conversation.session_id}", "over the user memory budget")
        for r in ranked[:MAX_NAMED_DROPS]
    ]
    rest = len(ranked) - len(named)
    if rest > 0:
        named.append((f"user_conversations:{rest}", "less relevant earlier conversations left out"))
    return named


def _shortened(conversation: ConversationSummary, room: float) -> str | None:
    empty = token_weight(conversation_line(conversation, ""))
    left = math.floor(room - empty)
    if left < MIN_SHORTENED_SUMMARY:
        return None
    summary = fit_to_budget(" ".join(told(conversation).split()), left)
    if not summary:
        return None
    return conversation_line(conversation, summary)
