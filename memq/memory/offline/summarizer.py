"""Extractive summaries that always fit their token budget.

Sentences are scored (``scoring``), near-duplicates dropped, then chosen
greedily by information per token with a redundancy penalty (MMR-style), so a
budget buys many distinct facts rather than one long sentence or five
restatements. The chosen sentences keep their original order and speaker
labels. Filler is used only when there is nothing else. A sentence is
shortened (at a word or clause boundary, with "…") only when no whole
sentence fits at all.
"""

import math
import re
from collections.abc import Sequence

from memq.memory.engine import TranscriptLine
from memq.memory.offline.candidates import Candidate, from_lines, from_summary, render
from memq.memory.offline.scoring import Scored, score_candidates, similarity
from memq.memory.offline.terms import content_terms
from memq.tokens import estimate_tokens, fit_to_budget

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


def _is_near_duplicate(item: Scored, other: Scored) -> bool:
    small, large = sorted((len(item.terms), len(other.terms)))
    # Jaccard can reach the threshold only when the sizes are close: skip the rest cheaply.
    if small < NEAR_DUPLICATE * large:
        return False
    return similarity(item.terms, other.terms) >= NEAR_DUPLICATE


def _without_near_duplicates(ranked: Sequence[Scored], limit: int) -> list[Scored]:
    """The first ``limit`` of ``ranked`` (best first) that do not repeat a better one."""
    kept: list[Scored] = []
    seen: set[str] = set()
    for item in ranked:
        text = _normalized(item.candidate.text)
        if text in seen or any(_is_near_duplicate(item, other) for other in kept):
            continue
        kept.append(item)
        seen.add(text)
        if len(kept) == limit:
            break
    return kept


def _line_cost(candidate: Candidate) -> int:
    label = f"{candidate.speaker}: " if candidate.speaker else ""
    return max(1, estimate_tokens(label + candidate.text))


def _select_within_budget(pool: Sequence[Scored], budget_tokens: int) -> list[Scored]:
    costs = [_line_cost(item.candidate) for item in pool]
    redundancy = [0.0] * len(pool)
    remaining = set(range(len(pool)))
    selected: list[Scored] = []

    def gain(index: int) -> tuple[float, int]:
        value = pool[index].score * (1 - REDUNDANCY_PENALTY * redundancy[index])
        # Ties go to the better-ranked (earlier) candidate.
        return value / math.sqrt(costs[index]), -index

    while remaining:
        best = max(remaining, key=gain)
        remaining.discard(best)
        trial = render([item.candidate for item in selected] + [pool[best].candidate])
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
    scored = score_candidates(candidates)
    content = [item for item in scored if not item.is_filler]
    ranked = sorted(content or scored, key=lambda item: (-item.score, item.candidate.order))
    pool = _without_near_duplicates(ranked, MAX_CANDIDATES)
    selected = _select_within_budget(pool, budget_tokens)
    if selected:
        return render(item.candidate for item in selected)
    # Nothing fits whole: shorten the best sentence that still says something.
    for item in pool[:SHORTENING_ATTEMPTS]:
        shortened = _shortened(item.candidate, budget_tokens)
        if shortened:
            return shortened
    return ""


def fold_summary(previous: str | None, lines: Sequence[TranscriptLine], budget_tokens: int) -> str:
    """``previous`` summary and new messages, summarized together."""
    carried = from_summary(previous, first_source=0, prior=CARRY_OVER_PRIOR)
    first_new = 1 + max((candidate.order[0] for candidate in carried), default=0)
    return summarize(carried + from_lines(lines, first_source=first_new), budget_tokens)


def merge_summaries(older: str | None, newer: str, budget_tokens: int) -> str:
    """An older tier's summary with a newer tier's folded in."""
    carried = from_summary(older, first_source=0, prior=CARRY_OVER_PRIOR)
    first_new = 1 + max((candidate.order[0] for candidate in carried), default=0)
    newer_candidates = from_summary(newer, first_source=first_new, prior=1.0)
    return summarize(carried + newer_candidates, budget_tokens)
