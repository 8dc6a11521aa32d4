"""Which details of earlier conversations a context shows, for the message at hand.

After the user's facts and the conversations' summaries, what is left of the user
memory's room goes to the details (``domain.user_memory.details``): those sharing
the query's content terms first (each term weighted by how few details hold it),
then the conversations' newest in turn (``_turns``), those stating only measures (how
long something takes, how many: ``details.only_measures``) after the others. A detail
whose every value the section shows already is left out for free; a line keeps only
the detail's sentences stating its values (``detail_sentences``), with no bullet and no
speaker labels: the heading sets the details apart, the words say who spoke ("I've
booked you in", "I'd rather you email me"), and "- ", "User:" and "Assistant:" took
about a tenth of the details' room (returning user at 1,200 over dev, dev2, dev4,
holdout, fresh, blind, blind2: 720 -> 731 values present). The memory holds at most
``MAX_USER_DETAILS``, and their lines, weights and terms are made once per memory
(``per_memory``), so a request's cost does not grow with the user's history.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from domain.memory.offline.terms import content_terms
from domain.search.tokenize import normalize
from domain.tokens import token_weight
from domain.user_memory.detail_sentences import unlabelled, value_sentences
from domain.user_memory.details import all_stated, is_weak, only_measures, strong
from domain.user_memory.fact_values import only_relative_day
from domain.user_memory.per_memory import ByIdentity
from domain.user_memory.recall_index import rarity
from domain.user_memory.replaced_marks import ShortMarks, unmarked
from domain.user_memory.said_when import said_on
from schemas.user_memory import UserDetail

DETAILS_HEADING = "[DETAILS FROM EARLIER CONVERSATIONS]"
NEWLINE = 0.5
#: The heading's weight with the newline before it.
HEADING_COST = NEWLINE + token_weight(DETAILS_HEADING)


class _Prepared(NamedTuple):
    lines: Sequence[str]
    #: Each line's weight with its newline.
    costs: Sequence[float]
    #: Each detail's values, normalized.
    values: Sequence[Sequence[str]]
    #: Each detail's values that make it worth a line (``details.strong``), normalized.
    wanted: Sequence[Sequence[str]]
    #: Which details (positions) hold each content term.
    terms: Mapping[str, Sequence[int]]
    #: Positions in the order recall shows them without a query (``_turns``).
    order: Sequence[int]
    #: The weight of the shortest line.
    cheapest: float
    #: Whether each detail's every value is marked replaced on its line: not shown.
    replaced: Sequence[bool]


_PREPARED = ByIdentity[_Prepared]()


@functools.lru_cache(maxsize=1024)
def _normalized(shown: str) -> str:
    """Memoized: a user's next requests show the same facts and conversations."""
    return normalize(shown)


def detail_line(detail: UserDetail, marks: ShortMarks | None = None) -> str:
    """The detail's line: its sentences stating a value, unlabelled (module doc), with
    the values a later conversation replaced marked (``marks``: ``later_replaced``)."""
    # "tomorrow" in an earlier conversation was another day's tomorrow (``said_when``)
    text = value_sentences(" ".join(detail.text.split()), detail.values)
    if marks is not None:
        text = marks.mark_detail(text, detail.values)
    return said_on(unlabelled(text), detail.said_at or detail.observed_at)


def _prepared(details: Sequence[UserDetail], marks: ShortMarks | None) -> _Prepared:
    def make() -> _Prepared:
        lines = [detail_line(d, marks) for d in details]
        # a detail quoting only values a later conversation replaced says nothing current
        said_nothing = [
            bool(d.values) and not unmarked(line, d.values)
            for d, line in zip(details, lines, strict=True)
        ]
        costs = [NEWLINE + token_weight(line) for line in lines]
        index: dict[str, list[int]] = {}
        for position, detail in enumerate(details):
            for term in content_terms(detail.text):
                index.setdefault(term, []).append(position)
        values = [[normalize(v) for v in d.values] for d in details]
        return _Prepared(
            lines,
            costs,
            values,
            [strong(v) for v in values],
            index,
            _turns(details),
            min(costs, default=0.0),
            said_nothing,
        )

    return _PREPARED.get((details, marks), make)


def _turns(details: Sequence[UserDetail]) -> list[int]:
    """Positions of ``details`` (most recent first) taking turns between conversations,
    the most recent first: each earlier conversation's newest details come before a
    later one's older ones (a returning user's earlier errand is as much theirs). Those
    stating only bare small numbers or only measures go last: as a session's facts
    (``domain.context.fact_order``), measures, durations and counts follow what the
    conversation is about ("the link is valid for 7 days" after "the deposit is £500").
    So do those stating only a day counted from then ("I'll transfer it tomorrow
    morning", «فردا عصر میام»): that moment's plan, read in a later conversation, whose
    day is mostly over (returning user at 1,200: dev4 English 77 -> 80 %, dev6 Persian
    62 -> 63 % and stale shown 24 -> 22)."""
    place: dict[str, int] = {}
    turn: list[int] = []
    for detail in details:
        turn.append(place.get(detail.session_id, 0))
        place[detail.session_id] = turn[-1] + 1
    return sorted(
        range(len(details)),
        key=lambda p: (
            all(map(is_weak, details[p].values))
            or only_measures(details[p])
            or only_relative_days(details[p]),
            turn[p],
            p,
        ),
    )


def only_relative_days(detail: UserDetail) -> bool:
    """Whether every value of ``detail`` is a day counted from when it was said, with no
    digit ("tomorrow morning", «فردا عصر», «พรุ่งนี้เช้า»: ``fact_values.only_relative_day``)."""
    return bool(detail.values) and all(only_relative_day("date", v) for v in detail.values)


def ranked(
    details: Sequence[UserDetail], query: str, marks: ShortMarks | None = None
) -> Sequence[int]:
    """Positions of ``details`` (stored most recent first): matches of ``query``'s content
    terms first, the best first, then the rest in turns (``_turns``)."""
    prepared = _prepared(details, marks)
    index = prepared.terms
    score: dict[int, float] = {}
    for term in content_terms(query):
        holders = index.get(term, ())
        if holders and len(holders) < len(details):
            weight = rarity(len(details), len(holders))
            for position in holders:
                score[position] = score.get(position, 0.0) + weight
    if not score:
        return prepared.order
    best = sorted(score, key=lambda p: (-score[p], p))
    return best + [p for p in prepared.order if p not in score]


@dataclass
class ChosenDetails:
    details: list[UserDetail] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    weight: float = 0.0
    #: Details that did not fit (at most: past the room, those saying only what is shown
    #: are counted too).
    left_out: int = 0


def chosen_details(
    details: Sequence[UserDetail],
    query: str,
    room: float,
    shown: str,
    *,
    current_session: str,
    marks: ShortMarks | None = None,
) -> ChosenDetails:
    """The details best matching ``query`` within ``room`` (the heading included), each
    stating some value ``shown`` (the section so far) does not."""
    chosen = ChosenDetails()
    if not details:
        return chosen
    prepared = _prepared(details, marks)
    seen = _normalized(shown)
    used = HEADING_COST
    for position in ranked(details, query, marks):
        detail = details[position]
        if detail.session_id == current_session:
            continue
        if room - used < prepared.cheapest:
            # Nothing more fits: the rest is counted without reading each (some may
            # say only what is shown, so "at most").
            chosen.left_out += 1
            continue
        if prepared.replaced[position] or all_stated(prepared.wanted[position], [seen]):
            continue
        values = prepared.values[position]
        cost = prepared.costs[position]
        if used + cost > room:
            chosen.left_out += 1
            continue
        chosen.details.append(detail)
        chosen.lines.append(prepared.lines[position])
        seen += "\n" + " ".join(values)
        used += cost
    if chosen.details:
        chosen.lines.insert(0, DETAILS_HEADING)
        chosen.weight = used
    return chosen
