"""What a context shows of the user's memory, for the message at hand, within a budget.

The user-memory section lists the user's facts (most recently observed first, under
the day they were said or set: ``said_when``, one heading a day, the facts of every
conversation of that day under it; an identifier also with the values earlier
conversations gave it, but a noted code's on their own lines: ``noted_codes``; a fact
whose value another fact of its conversation shows is left out: ``held_facts``),
then the summaries of earlier conversations (each with its open items: what
was promised or left to do) most relevant to the query: a
keyword score over the search terms (``domain.search.tokenize``, English,
Persian and Thai alike), each term weighted by how few of the user's
conversations hold it (so "my", "the" and "order" count little), plus a
small bonus for recency that orders the rest. Everything that does not fit
is named in ``dropped`` (past ``MAX_NAMED_DROPS`` conversations, counted). A
conversation's line leaves out the summary sentences that only repeat a fact's value
(``repeated_turns``): the fact line above says it; past ``MAX_CONVERSATION_LINE_TOKENS``
(besides the values a later conversation changed) it is shortened as a line that does
not fit is, its sentences stating no value left out first (``valued_turns``), and the
room goes to the details. What is left of the room shows details of earlier
conversations (``recall_details``). The current conversation is left out: its own
tiers and facts are in the context already.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NamedTuple

from domain.context.replaced import OLD_NOTE
from domain.search.tokenize import terms
from domain.tokens import fit_to_budget, token_weight
from domain.user_memory.fact_values import NOTED_CODE, code_of, day_gone, noted_line
from domain.user_memory.held_facts import held_facts
from domain.user_memory.named_days import with_named_day
from domain.user_memory.noted_codes import with_noted_codes_apart
from domain.user_memory.per_memory import ByIdentity
from domain.user_memory.recall_details import chosen_details
from domain.user_memory.recall_index import (
    IDENTIFIER_KEY,
    Prepared,
    Said,
    prepared,
    pretty_key,
    rarity,
    said_of,
    said_then,
    told,
)
from domain.user_memory.repeated_turns import stated_values, without_repeated_turns
from domain.user_memory.replaced_marks import ShortMarks, later_marks
from domain.user_memory.said_when import said_heading
from domain.user_memory.valued_turns import valued_turns
from schemas.user_memory import (
    ConversationSummary,
    RecallIndex,
    UserDetail,
    UserFact,
    UserMemoryState,
)

USER_HEADING = "[USER MEMORY - from earlier conversations]"
CONVERSATIONS_HEADING = "[EARLIER CONVERSATIONS]"
#: What recency adds to a score: enough to order equals, never to outrank a match.
RECENCY_WEIGHT = 0.1
#: A conversation summary shortened into what is left must keep at least this much.
MIN_SHORTENED_SUMMARY = 16
#: The most one conversation's line takes. A Persian or Thai summary is twice an English
#: one (``digest.summary_budget``): two such lines, with their open items, took 500-700
#: of a returning user's 1,200 tokens and left nothing for the details, which carry the
#: values the summaries and facts do not. Past it, a line is shortened as one that does
#: not fit is (``_shortened``: the changed values first, then the summary's sentences that
#: state a value, ``valued_turns``, the open items). The changed values ("Then: …") are
#: not counted: they are the earlier conversation's own values, and a cap over them left
#: a long address's line with nothing else (at 1,200 tokens, 200 → 120 with them left
#: out of the cap: returning-user misses 131 → 124 over dev, dev2, holdout, fresh,
#: blind, blind2; capping them too cost dev, fresh and blind 3-5 values each).
#: Nor are the "(replaced)" notes the rest of the line carries (``replaced_marks``):
#: each pushed a value out of a line that said it unmarked.
MAX_CONVERSATION_LINE_TOKENS = 120
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
    details: list[UserDetail] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    tokens: int = 0

    @property
    def empty(self) -> bool:
        return not self.facts and not self.conversations and not self.details


#: Other conversations' identifiers shown beside the latest one.
MAX_OTHER_IDENTIFIERS = 3


def other_conversations_values(fact: UserFact) -> tuple[str, ...]:
    """For an identifier, the values earlier conversations gave it (newest first): a
    returning customer's earlier order is still theirs. A value corrected within one
    conversation, or a value of an attribute (an address, a name), is history only.
    Each is its code alone: the sentence that led to it ("an enquiry for you, your quote
    reference is …") costs tokens and says nothing the key does not."""
    if not IDENTIFIER_KEY.search(fact.key) or NOTED_CODE.match(fact.key):
        # a noted code of another conversation is another thing, on its own line
        return ()
    values: list[str] = []
    sessions = {"", fact.session_id}
    shown = code_of(fact.value)
    for item in sorted(fact.history, key=lambda h: h.observed_at, reverse=True):
        # Each earlier conversation's last value: the one it ended with.
        code = code_of(item.value)
        if item.session_id not in sessions and code not in values and code != shown:
            values.append(code)
        sessions.add(item.session_id)
    return tuple(values[:MAX_OTHER_IDENTIFIERS])


def fact_line(fact: UserFact) -> str:
    """The fact's line; the day it was said is on the line over its conversation's facts."""
    return _fact_line(fact.key, fact.value, other_conversations_values(fact))


@functools.lru_cache(maxsize=8192)
def _fact_line(key: str, value: str, others: tuple[str, ...] = ()) -> str:
    # a noted code is named by the words that led to it, not by a numbered key
    label, shown = noted_line(key, value) or (pretty_key(key), value)
    # no bullet: the line over the conversation's facts sets them apart (a token a fact)
    line = f"{label}: {' '.join(shown.split())}"
    if others:
        line += f" (earlier conversations: {', '.join(' '.join(v.split()) for v in others)})"
    return line


def recallable(conversation: ConversationSummary) -> bool:
    return bool(conversation.summary or conversation.open_items)


def conversation_line(
    conversation: ConversationSummary, summary: str | None = None, said: Said = ()
) -> str:
    return _conversation_line(
        told(conversation, said) if summary is None else summary,
        conversation.last_activity.date().isoformat(),
        conversation.language,
        conversation.ended,
    )


@functools.lru_cache(maxsize=8192)
def _conversation_line(summary: str, day: str, language: str, ended: bool) -> str:
    status = "" if ended else ", ongoing"
    return f"- {day} ({language}{status}): {' '.join(summary.split())}"


def _recent(place: int) -> float:
    """The score of the ``place``-th most recent conversation, from recency alone."""
    return RECENCY_WEIGHT / (1 + place)


class Ranking(NamedTuple):
    """The best-ranked conversations, and how many more (ranked lower) there are."""

    best: list[RankedConversation]
    more: int = 0


#: Conversations a context considers at most: more than any budget share shows, and
#: a request's cost stays the same however long the user's history grows.
MAX_CANDIDATES = 24


def rank(
    conversations: Sequence[ConversationSummary],
    query: str,
    index: RecallIndex | None = None,
    *,
    leave_out: str | None = None,
) -> list[RankedConversation]:
    """Best match to ``query`` first; without a match, most recent first. ``index`` is the
    memory's stored one (used when it was made for ``conversations``); ``leave_out``
    names a session (the current one) not to return, nor any conversation with nothing
    to recall."""
    return rank_best(conversations, query, index, leave_out=leave_out, limit=None).best


def rank_best(
    conversations: Sequence[ConversationSummary],
    query: str,
    index: RecallIndex | None = None,
    *,
    leave_out: str | None = None,
    limit: int | None = MAX_CANDIDATES,
) -> Ranking:
    """``rank``'s first ``limit`` conversations, and how many follow them."""
    count = len(conversations)
    positions = _positions(conversations, index)
    holders_of = positions.prepared.terms
    # Only conversations sharing a term with the query are scored: any match outranks
    # recency (``RECENCY_WEIGHT`` < log 2), so the rest follow, most recent first. A
    # term every conversation holds ("order" for a shop) adds the same to each.
    matched: dict[int, float] = {}
    common = 0.0
    for term in set(terms(query)):
        holders = holders_of.get(term, ())
        if len(holders) == count:
            common += math.log(2)
        elif holders:
            weight = rarity(count, len(holders))
            for position in holders:
                matched[position] = matched.get(position, 0.0) + weight
    recent = positions.recent
    for position in matched:
        matched[position] += recent[position]
    # Nothing to recall, and the current conversation: never returned.
    current = positions.where.get(leave_out, -1) if leave_out is not None else -1
    silent = positions.silent
    skipped = len(silent) + (current >= 0 and current not in silent)
    chosen = [
        position
        for position in sorted(sorted(matched), key=matched.__getitem__, reverse=True)
        if position not in silent and position != current
    ][:limit]
    if limit is None or len(chosen) < limit:
        # The rest, most recent first: as many as are left to choose, and no more.
        wanted = None if limit is None else limit - len(chosen) + len(matched) + 1
        chosen += [
            position
            for position in itertools.islice(positions.recallable, wanted)
            if position not in matched and position != current
        ][: None if limit is None else limit - len(chosen)]
    best = [
        RankedConversation(conversations[i], common + matched.get(i, recent[i])) for i in chosen
    ]
    return Ranking(best, count - skipped - len(best))


class _Positions(NamedTuple):
    prepared: Prepared
    #: Each position's score from recency alone.
    recent: Sequence[float]
    #: Positions with something to recall, most recent first.
    recallable: Sequence[int]
    #: Each session's position.
    where: Mapping[str, int]
    silent: frozenset[int]


_POSITIONS = ByIdentity[_Positions]()


def _positions(
    conversations: Sequence[ConversationSummary], index: RecallIndex | None
) -> _Positions:
    """The ranking's lookups of a memory: made once per memory, not per request."""

    def make() -> _Positions:
        found = prepared(conversations, index)
        where: dict[str, int] = {}
        for position, session in enumerate(found.sessions):
            where.setdefault(session, position)
        recent = [0.0] * len(found.sessions)
        for place, position in enumerate(found.recency):
            recent[position] = _recent(place)
        silent = frozenset(found.silent)
        recallable = [position for position in found.recency if position not in silent]
        return _Positions(found, recent, recallable, where, silent)

    return _POSITIONS.get((conversations, index), make)


def recall(
    state: UserMemoryState,
    query: str,
    budget_tokens: int,
    *,
    current_session: str,
    ranked: Ranking | None = None,
    now: datetime | None = None,
) -> Recalled:
    """The facts, then the conversations best matching ``query`` (or in the order of
    ``ranked``, when the caller ranked them already), within ``budget_tokens``, read at
    ``now`` (default: the clock's)."""
    today = (now or datetime.now(UTC)).astimezone(UTC).date()
    listed = with_noted_codes_apart(state.facts)
    facts = [f for f in listed if f.session_id != current_session]
    if ranked is None:
        ranked = rank_best(
            state.conversations, query, state.recall_index, leave_out=current_session
        )
    chosen = Recalled()
    if not facts and not ranked.best and not state.details:
        return chosen
    lines: list[str] = [USER_HEADING]
    weight = token_weight(USER_HEADING)
    if weight > budget_tokens:
        chosen.dropped = [(f"user_fact:{f.key}", "over the user memory budget") for f in facts]
        chosen.dropped += left_out(ranked.best, ranked.more)
        return chosen
    # Each day's heading once, its facts under it: the days in the order their first
    # fact comes, each day's facts in their own order.
    under: dict[str, list[tuple[UserFact, str]]] = {}
    for fact, line in zip(listed, _fact_lines(listed), strict=True):
        if fact.session_id == current_session or line.held:
            continue
        if line.gone and line.until < today:
            continue
        cost = line.cost + (0.0 if line.heading in under else line.heading_cost)
        if weight + cost <= budget_tokens:
            under.setdefault(line.heading, []).append((fact, line.line))
            weight += cost
        else:
            chosen.dropped.append((f"user_fact:{fact.key}", "over the user memory budget"))
    for heading, of_the_day in under.items():
        lines.append(heading)
        lines += [line for _, line in of_the_day]
        chosen.facts += [fact for fact, _ in of_the_day]
    heading_cost = NEWLINE + token_weight(CONVERSATIONS_HEADING)
    said = said_of(state)
    known_lines = _CONVERSATION_LINES.get((state.conversations, said, state.facts), dict)
    stated = _STATED.get((state.facts,), lambda: stated_values(state))
    marks = later_marks(state.facts)
    for place, item in enumerate(ranked.best):
        conversation = item.conversation
        extra = 0.0 if chosen.conversations else heading_cost
        if budget_tokens - weight - extra - NEWLINE < MIN_SHORTENED_SUMMARY:
            # Not even a shortened one fits: the rest is left out without trying each.
            chosen.dropped += left_out(ranked.best[place:], ranked.more)
            break
        known = known_lines.get(id(conversation))
        if known is None:
            known = _conversation_line_of(
                conversation, said.get(conversation.session_id, ()), stated, marks
            )
            known_lines[id(conversation)] = known
        shown, cost = known.line, known.cost
        # the notes saying a value was replaced do not take the room of what it said
        cap = MAX_CONVERSATION_LINE_TOKENS + known.then + known.marks
        if weight + extra + cost > budget_tokens or cost > cap:
            room = min(budget_tokens - weight - extra - NEWLINE, cap)
            shortened = _shortened(conversation, room, known)
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
    else:
        if ranked.more:  # all considered were tried: those ranked below them are left out
            chosen.dropped += left_out([], ranked.more)
    details = chosen_details(
        state.details,
        query,
        budget_tokens - weight,
        "\n".join(lines),
        current_session=current_session,
        marks=marks,
    )
    lines += details.lines
    weight += details.weight
    chosen.details = details.details
    if details.left_out:
        chosen.dropped.append((f"user_details:{details.left_out}", "over the user memory budget"))
    if chosen.empty:
        return chosen
    chosen.text = "\n".join(lines)
    chosen.tokens = math.ceil(weight - 1e-9)
    return chosen


class _FactLine(NamedTuple):
    line: str
    #: What the line adds to the section, its newline too.
    cost: float
    #: The line over its day's facts (``said_heading``), and what it adds.
    heading: str
    heading_cost: float
    #: Another fact of its conversation shows its value (``held_facts``): not shown.
    held: bool = False
    #: A date that was a weekday alone or a day said only from then (``fact_values.day_gone``):
    #: shown with the days it names (``named_days``), until the last of them (``until``) is
    #: over; one naming no day it could read, until the day it was said is over.
    gone: bool = False
    until: date = date.min


#: Per memory: each fact's line and heading, and what they add to the section.
_FACT_LINES = ByIdentity[tuple[_FactLine, ...]]()


class _ConversationLine(NamedTuple):
    line: str
    #: What the whole line adds to the section, its newline too.
    cost: float
    #: What the line says with only the summary's sentences stating a value
    #: (``valued_turns``): what a line over its room is shortened from.
    valued: str
    #: The weight of the line with nothing said.
    bare: float
    #: The weight of what the conversation said that a later one changed ("Then: …").
    then: float = 0.0
    #: The weight of the "(replaced)" notes the rest of the line carries.
    marks: float = 0.0


def _conversation_line_of(
    conversation: ConversationSummary, said: Said, stated: Sequence[str], marks: ShortMarks
) -> _ConversationLine:
    # what it quotes of the values a later conversation replaced says so (``later_replaced``)
    conversation = conversation.model_copy(
        update={
            "summary": marks.mark(conversation.summary),
            "open_items": [marks.mark(item) for item in conversation.open_items],
        }
    )
    summary = without_repeated_turns(conversation, stated)
    told_then = told(conversation.model_copy(update={"summary": summary}), said)
    line = conversation_line(conversation, told_then)
    bare = token_weight(conversation_line(conversation, ""))
    valued = told(
        conversation.model_copy(update={"summary": valued_turns(summary, conversation.open_items)}),
        said,
    )
    then_text = said_then(said)
    then = token_weight(then_text) if said else 0.0
    notes = (line.count(OLD_NOTE) - then_text.count(OLD_NOTE)) * token_weight(OLD_NOTE)
    return _ConversationLine(line, NEWLINE + token_weight(line), valued, bare, then, notes)


#: Per memory: the values its facts state (``repeated_turns``).
_STATED = ByIdentity[list[str]]()

#: Per memory: its conversations' full lines and their cost, made as recall reaches them
#: (keyed by the conversation object, held by the memory's list).
_CONVERSATION_LINES = ByIdentity[dict[int, _ConversationLine]]()


def _fact_lines(facts: list[UserFact]) -> tuple[_FactLine, ...]:
    def make() -> tuple[_FactLine, ...]:
        gone = [day_gone(fact.key, fact.value) for fact in facts]
        # a gone date's line is not shown: it holds back no other fact's value
        kept = [at for at in range(len(facts)) if not gone[at]]
        held = {kept[at] for at in held_facts([facts[at] for at in kept])}
        return tuple(
            (_gone_line_of(fact) if gone[at] else _fact_line_of(fact))._replace(held=at in held)
            for at, fact in enumerate(facts)
        )

    return _FACT_LINES.get((facts,), make)


def _gone_line_of(fact: UserFact) -> _FactLine:
    """A gone date's line: its value with the days it names, kept until the last of them.
    Counted from the day the message said it, not the day its conversation went quiet (a
    conversation may run over days). Days are UTC days: a session carries no time zone,
    so "tomorrow" said at 01:00 in Tehran (21:30 UTC) counts from the UTC day before."""
    said = (fact.said_at or fact.observed_at).astimezone(UTC).date()
    value, until = with_named_day(fact.value, said)
    line = _fact_line_of(fact.model_copy(update={"value": value}))
    return line._replace(gone=True, until=until)


def _fact_line_of(fact: UserFact) -> _FactLine:
    line = fact_line(fact)
    heading = said_heading(fact.session_id, fact.observed_at)
    return _FactLine(line, NEWLINE + token_weight(line), heading, NEWLINE + token_weight(heading))


def left_out(ranked: Sequence[RankedConversation], more: int = 0) -> list[tuple[str, str]]:
    """``dropped`` items for conversations left out: the most relevant by name, the rest
    counted (a long history would otherwise fill the reply with ids)."""
    named = [
        (f"user_conversation:{r.conversation.session_id}", "over the user memory budget")
        for r in ranked[:MAX_NAMED_DROPS]
    ]
    rest = len(ranked) - len(named) + more
    if rest > 0:
        named.append((f"user_conversations:{rest}", "less relevant earlier conversations left out"))
    return named


@functools.lru_cache(maxsize=1024)
def _fitted(text: str, budget_tokens: int) -> str:
    """Memoized: a user's next requests shorten the same summary to the same room."""
    return fit_to_budget(" ".join(text.split()), budget_tokens)


def _shortened(
    conversation: ConversationSummary, room: float, known: _ConversationLine
) -> str | None:
    left = math.floor(room - known.bare)
    if left < MIN_SHORTENED_SUMMARY:
        return None
    summary = _fitted(known.valued, left)
    if not summary:
        return None
    return conversation_line(conversation, summary)
