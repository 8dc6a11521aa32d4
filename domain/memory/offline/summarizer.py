"""Extractive summaries that always fit their token budget.

Sentences are scored (``scoring``) and grouped into units (a question with the
reply that answers it, every other sentence alone); units a later sentence
restates with a new value are dropped (``restatements``: the old value is not
current), near-duplicate units too, then units chosen greedily by information
per token with a redundancy penalty (MMR-style), so a budget buys many distinct
facts rather than one long sentence or five restatements. A question is kept
with its answer or both go. The chosen sentences keep their original order and
speaker labels, one line per turn. Filler is used only when there is nothing
else. A sentence is shortened (at a word or clause boundary, with "…") only
when no whole unit fits at all.
"""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import (
    Candidate,
    context_question,
    from_lines,
    from_summary,
    render,
    units,
)
from domain.memory.offline.restatements import superseded
from domain.memory.offline.scoring import score_candidates, similarity
from domain.memory.offline.terms import content_terms
from domain.tokens import estimate_tokens, fit_to_budget

#: Term overlap at which two sentences say the same thing.
NEAR_DUPLICATE = 0.7
#: How much overlap with already chosen sentences discounts a candidate.
REDUNDANCY_PENALTY = 0.6
#: Bound on the work per call; the weakest candidates beyond it never win.
MAX_CANDIDATES = 200
#: Mild preference for what an earlier summary kept, so one chatty batch of new
#: messages does not wipe out older key content.
CARRY_OVER_PRIOR = 1.25
#: How many of the best sentences to try shortening when none fits whole.
SHORTENING_ATTEMPTS = 5

_NOT_WORD = re.compile(r"[\W_]+")


def _normalized(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class _Unit:
    """Candidates chosen together (a question and its answer), scored as one."""

    members: tuple[Candidate, ...]
    terms: frozenset[str]
    score: float

    @property
    def candidate(self) -> Candidate:
        return self.members[0]

    @property
    def is_filler(self) -> bool:
        return not self.terms


def _scored_units(candidates: Sequence[Candidate]) -> list[_Unit]:
    scored = {item.candidate: item for item in score_candidates(candidates)}
    result: list[_Unit] = []
    for members in units(candidates):
        items = [scored[member] for member in members]
        terms = frozenset().union(*(item.terms for item in items))
        result.append(_Unit(members, terms, sum(item.score for item in items)))
    return result


def _is_near_duplicate(item: _Unit, other: _Unit) -> bool:
    small, large = sorted((len(item.terms), len(other.terms)))
    # Jaccard can reach the threshold only when the sizes are close: skip the rest cheaply.
    if small < NEAR_DUPLICATE * large:
        return False
    return similarity(item.terms, other.terms) >= NEAR_DUPLICATE


def _without_near_duplicates(ranked: Sequence[_Unit], limit: int) -> list[_Unit]:
    """The first ``limit`` of ``ranked`` (best first) that do not repeat a better one."""
    kept: list[_Unit] = []
    seen: set[str] = set()
    for item in ranked:
        text = _normalized(" ".join(member.text for member in item.members))
        if text in seen or any(_is_near_duplicate(item, other) for other in kept):
            continue
        kept.append(item)
        seen.add(text)
        if len(kept) == limit:
            break
    return kept


def _unit_cost(unit: _Unit) -> int:
    return max(1, estimate_tokens(render(unit.members)))


def _select_within_budget(pool: Sequence[_Unit], budget_tokens: int) -> list[_Unit]:
    costs = [_unit_cost(item) for item in pool]
    redundancy = [0.0] * len(pool)
    remaining = set(range(len(pool)))
    selected: list[_Unit] = []

    def gain(index: int) -> tuple[float, int]:
        value = pool[index].score * (1 - REDUNDANCY_PENALTY * redundancy[index])
        # Ties go to the better-ranked (earlier) candidate.
        return value / math.sqrt(costs[index]), -index

    while remaining:
        best = max(remaining, key=gain)
        remaining.discard(best)
        trial = render([m for item in (*selected, pool[best]) for m in item.members])
        if estimate_tokens(trial) > budget_tokens:
            continue
        selected.append(pool[best])
        for index in remaining:
            overlap = similarity(pool[index].terms, pool[best].terms)
            redundancy[index] = max(redundancy[index], overlap)
    return selected


def _shortened(candidate: Candidate, budget_tokens: int) -> str:
    """The candidate cut at a word boundary with "…" to fit; "" when what would
    remain says nothing (a lone "The…" is not a summary)."""
    label_cost = estimate_tokens(f"{candidate.speaker}:") if candidate.speaker else 0
    for body_budget in range(budget_tokens - label_cost, 0, -1):
        body = fit_to_budget(candidate.text, body_budget)
        if not body or not content_terms(body):
            return ""
        text = render([Candidate(body, candidate.speaker, candidate.order)])
        if estimate_tokens(text) <= budget_tokens:
            return text
    return ""


def summarize(candidates: Sequence[Candidate], budget_tokens: int) -> str:
    """The most informative candidates, in order, within ``budget_tokens``."""
    if budget_tokens <= 0 or not candidates:
        return ""
    old = superseded(candidates)
    scored = [u for u in _scored_units(candidates) if not old.intersection(u.members)]
    content = [item for item in scored if not item.is_filler]
    ranked = sorted(content or scored, key=lambda item: (-item.score, item.candidate.order))
    pool = _without_near_duplicates(ranked, MAX_CANDIDATES)
    selected = _select_within_budget(pool, budget_tokens)
    if selected:
        return render(member for item in selected for member in item.members)
    # Nothing fits whole: shorten the best lone sentence that still says something.
    for item in pool[:SHORTENING_ATTEMPTS]:
        if len(item.members) > 1:
            continue
        shortened = _shortened(item.candidate, budget_tokens)
        if shortened:
            return shortened
    return ""


def fold_summary(
    previous: str | None,
    lines: Sequence[TranscriptLine],
    budget_tokens: int,
    context: Sequence[TranscriptLine] = (),
) -> str:
    """``previous`` summary and new messages, summarized together. A question in
    ``context`` that the first new message answers joins it (leaving the previous
    summary, where it stood alone)."""
    carried = from_summary(previous, first_source=0, prior=CARRY_OVER_PRIOR)
    first_new = 1 + max((candidate.order[0] for candidate in carried), default=0)
    question = context_question(lines, context, first_new)
    if question is not None:
        asked = _normalized(question.text)
        carried = [c for c in carried if _normalized(c.text) != asked]
        first_new += 1
    fresh = from_lines(lines, first_source=first_new)
    return summarize([*carried, *([question] if question else []), *fresh], budget_tokens)


def merge_summaries(older: str | None, newer: str, budget_tokens: int) -> str:
    """An older tier's summary with a newer tier's folded in."""
    carried = from_summary(older, first_source=0, prior=CARRY_OVER_PRIOR)
    first_new = 1 + max((candidate.order[0] for candidate in carried), default=0)
    newer_candidates = from_summary(newer, first_source=first_new, prior=1.0)
    return summarize(carried + newer_candidates, budget_tokens)
