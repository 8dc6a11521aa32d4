"""Choose what goes into a session's context so that it fits a token budget.

Everything a context can show is put in one order of priority (``PRIORITY``):

    1. the newest message (cut with "…" when it alone is over the verbatim budget
       or the whole budget)
    2. key facts, what the conversation is about first (``fact_order``), as many as
       fit the facts budget
    3. the rest of the verbatim window (the last ``verbatim_count`` messages),
       newest first, as many as fit the verbatim budget
    4. the key facts the facts budget left out: a fact line says more per token
       than a summary, which carries the turns around the values
    5. details (``domain.memory.details``), newest first (one whose every value a newer
       detail says anew, with no word of change, after the others: ``share_order``),
       each in its compact form
       (``compact_detail``: its values and the words that say what they are; a bare
       answer as "topic: answer", ``answer_lines``), within the
       details' share of the budget (``details_room``: none up to ``DETAILS_FROM``
       tokens): a value the summaries dropped is only there. While a detail is left
       out of the share, what the share does not use is kept (``_reserve``): what
       comes after it then gets more room at every larger budget, never less
    6. the recent summary
    7. older messages that no summary covers yet, newest first
    8. the mid summary, then the old one
    9. older messages, newest first, back to the first one read
    10. the other details, newest first

The context is the longest prefix of that order that fits the budget, where a
summary or detail whose every message is already shown word for word costs nothing
and is left out, and so is a detail once a summary or an older message in the prefix
carries its values and its words (the summaries are extractive: they quote it), named in
``dropped``. A detail is shown only when some of its values are not in what comes
before it in that order (a fold drops a detail that a newer one supersedes); its replaced
values are marked as a summary's are, and one whose every value a newer detail replaced
(``Detail.replaced``) and whose other words the newer details that replaced them say too is
not shown (``replaced_details``): it says nothing current and its room goes to what does. A
summary line whose every term one detail in the share says is left out of the summary
(``repeated.without_said``): the summary's budget goes to its lines the context does not hold
yet. The recent summary shows only its lines that state a value the memory holds (a fact's or
a detail's) or a number, or carry a "(replaced …)" mark (``value_lines``): at the end of a
conversation it is often small talk, and its budget goes to what comes after it. A fact
whose value is part of a longer fact's value, or the value of another fact about the same
subject, is not shown twice (``fact_order``). So more budget never shows less: the facts
and messages shown at one budget are shown at every larger one, leftover budget goes to
more messages word for word, and when the whole history fits it is the context, as it was
written. The first summary or detail that does not fit whole is shortened to what is left,
its values that the context does not show yet first, with their clauses, then its text from
the start (``value_cut``): more room shows more of it, never less. Messages form one
unbroken run up to the newest.

Every format is held to the budget (``domain.context.render`` counts each); a
summary that still quotes a value that was replaced since says so
("12 Elm Street (replaced by 7 Zand Boulevard)"), and a summary line that only
repeats the value of a key fact is left out
(``domain.context.repeated``). Everything left out or cut is listed in
``AssembledContext.dropped``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from domain.context.answer_lines import answer_line
from domain.context.compact_detail import compact_detail
from domain.context.fact_order import held_elsewhere, in_showing_order
from domain.context.model import (
    TIER_LABELS,
    AssembledContext,
    ContextDetail,
    ContextFact,
    ContextMessage,
    ContextTier,
    DroppedItem,
    Freshness,
)
from domain.context.render import (
    anthropic_tokens,
    current_heading,
    details_section,
    fact_line,
    facts_section,
    message_line,
    render_anthropic,
    render_text,
    text_tokens,
    tier_section,
)
from domain.context.repeated import normalized, without_repeats, without_said
from domain.context.replaced import ReplacedMarks, fit_marked
from domain.context.replaced_details import says_nothing_current, share_order
from domain.context.value_cut import value_cut
from domain.context.value_lines import carries, lines_with_values
from domain.memory.offline.terms import content_terms
from domain.memory.speakers import without_speakers
from domain.tokens import ELLIPSIS, estimate_tokens, fit_to_budget, token_weight
from schemas.errors import InvalidInput
from schemas.limits import MIN_BUDGET
from schemas.memory_model import Budgets, Fact, TierName
from schemas.memory_state import MemoryState
from schemas.messages import StoredMessage

#: What is shown first (see the module docstring).
PRIORITY = (
    "the newest message",
    "key facts within the facts budget, what the conversation is about first",
    "the verbatim window within the verbatim budget, newest first",
    "the other key facts",
    "details within their share of the budget, newest first",
    "tier:recent",
    "messages no summary covers yet, newest first",
    "tier:mid",
    "tier:old",
    "older messages, newest first",
    "the other details, newest first",
)

#: The details' share of the budget (step 5 of ``PRIORITY``), reached at
#: ``DETAILS_FROM / (1 - DETAILS_SHARE / DETAILS_SLOPE)`` tokens; up to ``DETAILS_FROM`` the
#: facts, messages and summaries have the budget to themselves.
DETAILS_SHARE = 0.35
DETAILS_FROM = 400
#: How fast the share grows past ``DETAILS_FROM``: under 1, so a larger budget never
#: shows less of what comes after the details.
DETAILS_SLOPE = 0.8

_OVER_BUDGET = "over the context budget"
_CARRIED = "its values are shown elsewhere in the context"
_SUPERSEDED = "a newer detail says it again with its own values"
_ALL_REPLACED = "a newer detail replaced every value it states"
_SAID_IN_SHARE = "the details shown say all it says"
_NO_VALUE = "none of its lines states a value the memory holds"
#: What a newline weighs (``memq.tokens``), and a blank line between sections.
NEWLINE = 0.5
_BLANK = 2 * NEWLINE
#: Heading and blank-line cost of the facts and messages sections, counted once each.
_FACTS_HEADER = token_weight(facts_section([])) + NEWLINE + _BLANK
_MESSAGES_HEADER = token_weight(current_heading(99_999)) + NEWLINE + _BLANK
_DETAILS_HEADER = token_weight(details_section([])) + NEWLINE + _BLANK


def details_room(budget: int) -> float:
    """What the details may use at step 5 of ``PRIORITY`` (module doc)."""
    return max(0.0, min(DETAILS_SHARE * budget, DETAILS_SLOPE * (budget - DETAILS_FROM)))


def assemble(
    memory: MemoryState,
    recent: Sequence[StoredMessage],
    *,
    total_messages: int,
    budget: int,
    budgets: Budgets,
    verbatim_count: int = 5,
    facts: Sequence[Fact] | None = None,
    replaced_values: Sequence[str] | None = None,
) -> AssembledContext:
    """The context of a session within ``budget`` tokens in every format.

    ``recent`` are the session's newest messages in conversation order, folded or
    not (the caller reads as many as the budget may use); they hold positions
    ``total_messages - len(recent) + 1 … total_messages``. ``facts`` are the current
    facts (default: the memory's own) and ``replaced_values`` the values named as old
    (default: the memory's own). Raises ``InvalidInput`` when
    ``budget < MIN_BUDGET`` or the counts disagree.
    """
    _validate(recent, total_messages=total_messages, budget=budget, verbatim_count=verbatim_count)
    current_facts = list(memory.facts if facts is None else facts)
    old_values = list(memory.replaced_values if replaced_values is None else replaced_values)
    plan = _Plan.build(
        memory, recent, total_messages, budgets, verbatim_count, current_facts, old_values, budget
    )
    chosen = plan.choose(budget, _cut_values(memory, old_values))
    return chosen.context(memory, recent, total_messages, verbatim_count, budget)


def _validate(
    recent: Sequence[StoredMessage], *, total_messages: int, budget: int, verbatim_count: int
) -> None:
    if budget < MIN_BUDGET:
        raise InvalidInput(f"budget must be at least {MIN_BUDGET} tokens (got {budget})")
    if verbatim_count < 1:
        raise InvalidInput(f"verbatim_count must be at least 1 (got {verbatim_count})")
    if total_messages < len(recent):
        raise InvalidInput(
            f"total_messages ({total_messages}) is less than the messages passed ({len(recent)})"
        )


def _message(message: StoredMessage, position: int) -> ContextMessage:
    return ContextMessage(
        message_id=message.message_id,
        role=message.role,
        content=message.content,
        position=position,
        seq=message.seq,
    )


def _context_fact(fact: Fact) -> ContextFact:
    return ContextFact(
        key=fact.key,
        value=fact.value,
        source_message_id=fact.source_message_id,
        updated_at=fact.updated_at,
    )


def _line_cost(line: str) -> float:
    # Lines are joined by newlines, which no run crosses: weights add up exactly.
    return token_weight(line) + NEWLINE


# -- the plan: every item in priority order ----------------------------------------------------


@dataclass(frozen=True)
class _Item:
    cost: float
    message: ContextMessage | None = None
    fact: ContextFact | None = None
    tier: ContextTier | None = None
    detail: ContextDetail | None = None
    #: Room the details' share keeps when a detail did not fit it (``_reserve``): the
    #: position of the oldest detail it is kept for (0: not a reserve).
    reserve_from: int = 0


@dataclass
class _Plan:
    items: list[_Item]
    #: Drops decided before the budget: tiers shortened to their own budget, the newest
    #: message cut to the verbatim budget.
    dropped: list[DroppedItem]
    newest: ContextMessage | None
    #: ``hidden_by[k]``: the details (indexes in ``items``) whose every value item ``k``, a
    #: later summary or message, carries with what comes before it: shown up to it only.
    hidden_by: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        memory: MemoryState,
        recent: Sequence[StoredMessage],
        total: int,
        budgets: Budgets,
        verbatim_count: int,
        facts: Sequence[Fact],
        old_values: Sequence[str],
        budget: int,
    ) -> _Plan:
        dropped: list[DroppedItem] = []
        first_position = total - len(recent) + 1
        newest_first = [_message(m, first_position + i) for i, m in enumerate(recent)][::-1]
        fact_items = [_fact_item(f) for f in in_showing_order(facts)]
        dropped += [
            DroppedItem(kind=f"fact:{key}", detail=f"its value is shown in fact {holder}")
            for key, holder in held_elsewhere(facts).items()
        ]
        capped_facts, other_facts = _within(fact_items, budgets.facts)
        items: list[_Item] = []
        newest: ContextMessage | None = None
        window: list[_Item] = []
        later_messages: list[ContextMessage] = []
        if newest_first:
            newest = newest_first[0]
            if _line_cost(message_line(newest)) > budgets.verbatim:
                newest = _cut(newest, budgets.verbatim)
                dropped.append(
                    _truncation(newest, f"over the {budgets.verbatim}-token verbatim budget")
                )
            window, spilled = _within(
                [_message_item(m) for m in newest_first[1:verbatim_count]],
                budgets.verbatim - _line_cost(message_line(newest)),
            )
            later_messages = [i.message for i in spilled if i.message] + newest_first[
                verbatim_count:
            ]
            items.append(_message_item(newest))
        unsummarized = [m for m in later_messages if m.position > memory.folded_count]
        summarized = later_messages[len(unsummarized) :]
        # the values newer details replaced, as the folds stored them (worked out there)
        detail_replaced = [replaced for d in memory.details for replaced in d.replaced]
        marks = ReplacedMarks(facts, old_values, detail_replaced)
        items += capped_facts + window
        items += other_facts
        details = _new_to(items, _detail_items(memory, marks))
        room = details_room(budget) - _DETAILS_HEADER
        within, others = _within([item for item, _ in details], room)
        # a summary line a detail of the share says already is left out of the summary
        in_share = [_terms(_item_text(item)) for item in within]
        fitted = _fit_tiers(memory, budgets, facts, marks, dropped, in_share)
        tiers = {t.tier: t for t in fitted}
        before_details = len(items)
        items += within
        later_from = len(items)
        items += _reserve(within, others, details_room(budget))
        items += [_tier_item(tiers[TierName.RECENT])] if TierName.RECENT in tiers else []
        items += [_message_item(m) for m in unsummarized]
        items += [_tier_item(tiers[name]) for name in (TierName.MID, TierName.OLD) if name in tiers]
        items += [_message_item(m) for m in summarized]
        hidden_by = _hidden_by(items, before_details, later_from, {id(i): s for i, s in details})
        left = {id(item) for item in others}
        items += [item for item, _ in _new_to(items, [d for d in details if id(d[0]) in left])]
        return cls(items, dropped, newest, hidden_by)

    def costs(self) -> list[float]:
        """``costs[k]``: what the first ``k`` items weigh together, headings included, a
        summary counted only while some of its messages are not shown word for word."""
        costs = [0.0]
        total = 0.0
        run_start: int | None = None
        counted: list[ContextTier] = []
        details: list[_Item] = []
        reserved, reserve_from = 0.0, 0
        share_seen = False  # a detail came before the reserve (the share holds one)
        facts_seen = messages_seen = False
        for index, item in enumerate(self.items):
            total += item.cost
            if item.fact is not None and not facts_seen:
                facts_seen, total = True, total + _FACTS_HEADER
            if item.message is not None:
                if not messages_seen:
                    messages_seen, total = True, total + _MESSAGES_HEADER
                run_start = item.message.position
                for tier in [t for t in counted if t.first_position >= run_start]:
                    counted.remove(tier)
                    total -= _tier_cost(tier)
                for shown in [d for d in details if _position(d) >= run_start]:
                    details.remove(shown)
                    total -= shown.cost + (0 if details else _DETAILS_HEADER)
            if item.tier is not None:
                if run_start is not None and item.tier.first_position >= run_start:
                    total -= item.cost  # already shown word for word
                else:
                    counted.append(item.tier)
            if item.detail is not None:
                if run_start is not None and item.detail.first_position >= run_start:
                    total -= item.cost  # already shown word for word
                else:
                    total += 0 if details else _DETAILS_HEADER
                    details.append(item)
            if item.reserve_from:
                if details or not share_seen:
                    reserved, reserve_from = item.cost, item.reserve_from
                else:
                    total -= item.cost  # the share's details are shown word for word
            share_seen |= item.detail is not None
            for hidden in [self.items[k] for k in self.hidden_by.get(index, ())]:
                if any(hidden is counted for counted in details):  # shown now elsewhere
                    details.remove(hidden)
                    total -= hidden.cost + (0 if details else _DETAILS_HEADER)
            covered = run_start is not None and run_start <= reserve_from
            if reserved and ((share_seen and not details) or covered):
                total -= reserved  # what it was kept for is shown elsewhere now
                reserved = 0.0
            costs.append(total)
        return costs

    def choose(self, budget: int, values: Sequence[str] = ()) -> _Chosen:
        """The longest prefix of the items that fits ``budget``, and the first item left
        out shortened into what is left, the ``values`` it states first (``value_cut``)."""
        costs = self.costs()
        fitting = [k for k, cost in enumerate(costs) if math.ceil(cost - 1e-9) <= budget]
        count = max(fitting)
        while True:
            chosen = self._chosen(count, budget - costs[count], values)
            if chosen.fits(budget) or count == 0:
                return chosen
            count -= 1  # the estimates are upper bounds; this is a rare safety net

    def _chosen(self, count: int, left: float, values: Sequence[str] = ()) -> _Chosen:
        items = self.items[:count]
        newest = self.newest
        if count == 0 and newest is not None:
            # Not even the newest message fits as it is: cut it to the budget.
            items = [_message_item(newest)]
        hidden = {id(self.items[k]) for at, ks in self.hidden_by.items() if at < count for k in ks}
        items = [item for item in items if id(item) not in hidden]
        chosen = _Chosen(items, None, list(self.dropped), self.items)
        if count == 0 or count == len(self.items):
            return chosen
        # the room goes to the values the context does not show yet
        shown = normalized("\n".join(_item_text(item) for item in items))
        values = [v for v in values if not carries(shown, normalized(v))]
        after = self.items[count]
        if after.tier is not None:
            chosen.shortened = _shortened_tier(after.tier, left, values)
        elif after.detail is not None and chosen.before_run(after.detail.first_position):
            header = 0.0 if chosen.shows_details() else _DETAILS_HEADER
            chosen.shortened_detail = _shortened_detail(after.detail, left - header, values)
        return chosen


def _reserve(within: list[_Item], others: list[_Item], room: float) -> list[_Item]:
    """What the details' share leaves unused when a detail did not fit it, kept: a larger
    budget has a larger share, which lets in the next detail whole, and without the
    reserve what comes after the share (summaries, older messages) would lose that
    detail's cost all at once and show less than at the smaller budget. Once the details
    it is kept for are shown elsewhere (the share's by a summary, or all of them word for
    word), nothing is kept."""
    if not others:
        return []  # every detail fits: a larger share lets in nothing more
    used = sum(item.cost for item in within) + (_DETAILS_HEADER if within else 0.0)
    oldest = min(_position(item) for item in [*within, *others])
    return [_Item(max(0.0, room - used), reserve_from=max(1, oldest))]


def _within(items: list[_Item], limit: float) -> tuple[list[_Item], list[_Item]]:
    """(the leading ``items`` whose costs add up within ``limit``, the rest)."""
    used = 0.0
    for index, item in enumerate(items):
        used += item.cost
        if used > limit:
            return items[:index], items[index:]
    return items, []


def _message_item(message: ContextMessage) -> _Item:
    return _Item(_line_cost(message_line(message)), message=message)


def _fact_item(fact: Fact) -> _Item:
    context_fact = _context_fact(fact)
    return _Item(_line_cost(fact_line(context_fact)), fact=context_fact)


def _position(item: _Item) -> int:
    return item.detail.first_position if item.detail is not None else 0


def _detail_items(memory: MemoryState, marks: ReplacedMarks) -> list[tuple[_Item, _Said]]:
    """The stored details, newest first, those a newer one says anew last (``share_order``),
    each in its compact form (``compact_detail``, or ``answer_lines`` for a bare answer) with
    its replaced values marked, and what it says there (a fold has flagged those a newer
    detail supersedes, and those whose every value and word newer details replaced or say
    (``says_nothing_current``) are left out)."""
    items: list[tuple[_Item, _Said]] = []
    for detail in share_order(memory.details):
        if detail.superseded or says_nothing_current(detail, memory.details):
            continue
        compact = answer_line(detail) or compact_detail(detail.text.strip(), detail.values)
        shown = ContextDetail(
            text=marks.mark_detail(compact, detail.values),
            first_position=detail.first_position,
            last_position=detail.last_position,
        )
        said = _Said(detail.values, _terms(without_speakers(compact)))
        items.append((_Item(_line_cost(shown.text), detail=shown), said))
    return items


def _with_its_label(value: str, text: str) -> str:
    """A bare number with the word before it in ``text`` ("شماره ۶", "room 12"): a "6"
    anywhere else in the context does not say what the detail says, and a detail taken
    for said at a larger budget would show less there than at a smaller one."""
    number = value.strip()
    if not number.isdigit():
        return value
    found = re.search(rf"(\S*?)(\s?)(?<![\d.,]){re.escape(number)}(?![\d])", text)
    if found is None or not found.group(1) or found.group(1).endswith(":"):
        return value
    word = re.split(r"[\d.,]", found.group(1))[-1] if found.group(2) == "" else found.group(1)
    return f"{word}{found.group(2)}{number}" if word else value


def _item_text(item: _Item) -> str:
    if item.message is not None:
        return item.message.content
    if item.fact is not None:
        return item.fact.value
    if item.tier is not None:
        return item.tier.text
    return item.detail.text if item.detail is not None else ""


@dataclass(frozen=True)
class _Said:
    """What a detail says: its values, and its content terms, which the later items that
    hide it at a larger budget must say too (without them "Full service £239 plus the
    front brakes £352.80" would go once "£239" and "£352.80" stand elsewhere, and
    "Full service" with it: a larger budget would show less)."""

    values: list[str]
    terms: frozenset[str]


#: A detail's or a summary's terms are asked for by every context until the next fold.
@functools.lru_cache(maxsize=8192)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(text))


def _new_to(
    before: Sequence[_Item], details: Sequence[tuple[_Item, _Said]]
) -> list[tuple[_Item, _Said]]:
    """The details with a value that nothing in ``before`` (nor a detail kept before them)
    carries. The same at every budget, so its words need not be carried too: leaving a
    detail out here never takes back what a smaller budget showed."""
    shown = normalized("\n".join(_item_text(item) for item in before))
    kept: list[tuple[_Item, _Said]] = []
    for item, said in details:
        if all(carries(shown, normalized(value)) for value in said.values):
            continue
        kept.append((item, said))
        shown += "\n" + normalized(_item_text(item))
    return kept


def _hidden_by(
    items: Sequence[_Item], start: int, later_from: int, said: dict[int, _Said]
) -> dict[int, list[int]]:
    """For the details ``items[start:later_from]``: the index of the first later item (a
    summary, an older message) by which the items before it say all the detail
    says; a detail shown until then says what they would say again."""
    earlier_raw = "\n".join(_item_text(item) for item in items[:start])
    earlier, earlier_terms = normalized(earlier_raw), frozenset(content_terms(earlier_raw))
    later_raw = [_item_text(item) for item in items[later_from:]]
    later = [normalized(text) for text in later_raw]
    # ``said_by[k]``: the terms of the items before the details and of later items 0..k
    said_by: list[frozenset[str]] = []
    for text in later_raw:
        said_by.append((said_by[-1] if said_by else earlier_terms) | _terms(text))
    hidden_by: dict[int, list[int]] = {}
    for index in range(start, later_from):
        wanted = said[id(items[index])]
        at = later_from - 1
        for value in wanted.values:
            value = normalized(_with_its_label(value, _item_text(items[index])))
            if carries(earlier, value):
                continue
            found = next((k for k, text in enumerate(later) if carries(text, value)), None)
            if found is None:
                break
            at = max(at, later_from + found)
        else:
            first = at - later_from  # -1: the items before the details carry every value
            if first < 0 and wanted.terms <= earlier_terms:
                continue
            k = next(
                (k for k in range(max(first, 0), len(later)) if wanted.terms <= said_by[k]), None
            )
            if k is not None:
                hidden_by.setdefault(later_from + k, []).append(index)
    return hidden_by


def _tier_cost(tier: ContextTier) -> float:
    return token_weight(tier_section(tier)) + _BLANK


def _tier_item(tier: ContextTier) -> _Item:
    return _Item(_tier_cost(tier), tier=tier)


def _fit_tiers(
    memory: MemoryState,
    budgets: Budgets,
    facts: Sequence[Fact],
    marks: ReplacedMarks,
    dropped: list[DroppedItem],
    in_share: Sequence[frozenset[str]] = (),
) -> list[ContextTier]:
    """Each stored summary within its own budget, replaced values marked, without the
    lines that only repeat a key fact (every fact comes before every summary in
    ``PRIORITY``) nor those whose every term one detail in the share says (``in_share``: the
    terms of each)."""
    shown_before = [f.value for f in facts]
    tiers: list[ContextTier] = []
    for tier in memory.tiers():
        limit = budgets.for_tier(tier.tier)
        marked = marks.mark(tier.text.strip())
        marked = without_repeats(marked, shown_before).strip()
        if not marked:
            dropped.append(
                DroppedItem(kind=f"tier:{tier.tier.value}", detail="only repeats the key facts")
            )
            continue
        marked = without_said(marked, in_share)
        if not marked:
            dropped.append(DroppedItem(kind=f"tier:{tier.tier.value}", detail=_SAID_IN_SHARE))
            continue
        if tier.tier == TierName.RECENT:
            marked = lines_with_values(marked, _stored_values(memory, facts))
            if not marked:
                dropped.append(DroppedItem(kind=f"tier:{tier.tier.value}", detail=_NO_VALUE))
                continue
        text = fit_marked(marked, limit)
        if not text:
            dropped.append(
                DroppedItem(kind=f"tier:{tier.tier.value}", detail=f"over its {limit}-token budget")
            )
            continue
        if text != marked:
            dropped.append(
                DroppedItem(
                    kind=f"tier_truncated:{tier.tier.value}",
                    detail=f"shortened to its {limit}-token budget",
                )
            )
        tiers.append(
            ContextTier(
                tier=tier.tier,
                label=TIER_LABELS[tier.tier],
                text=text,
                first_position=tier.first_position,
                last_position=tier.last_position,
                engine=tier.engine,
            )
        )
    return tiers


def _stored_values(memory: MemoryState, facts: Sequence[Fact]) -> list[str]:
    """Every value the memory holds: the facts' (current and earlier) and the details'."""
    values = [f.value for f in facts]
    values += [v.value for f in [*facts, *memory.facts] for v in f.history]
    values += [f.value for f in memory.facts]
    return values + [v for d in memory.details for v in d.values]


def _shortened_tier(tier: ContextTier, left: float, values: Sequence[str]) -> ContextTier | None:
    """``tier`` within ``left`` with its heading, its values first (``value_cut``)."""

    def cost(text: str) -> float:
        return _tier_cost(tier.model_copy(update={"text": text}))

    text = value_cut(tier.text, values, cost, left)
    return tier.model_copy(update={"text": text}) if text else None


def _shortened_detail(
    detail: ContextDetail, left: float, values: Sequence[str]
) -> ContextDetail | None:
    """``detail`` within ``left``, its values first (``value_cut``)."""
    text = value_cut(detail.text, values, _line_cost, left)
    return detail.model_copy(update={"text": text}) if text else None


def _cut_values(memory: MemoryState, old_values: Sequence[str]) -> list[str]:
    """The values a shortened summary or detail keeps first: the details' values, but not
    those replaced (an old value without its mark would read as current)."""
    old = {
        normalized(v) for v in [*old_values, *(r.old for d in memory.details for r in d.replaced)]
    }
    values = [v for d in memory.details if not d.superseded for v in d.values]
    return [v for v in values if normalized(v) not in old]


def _cut(message: ContextMessage, limit: float) -> ContextMessage:
    """``message`` cut (ending "…") to the longest prefix whose line costs ``limit``."""
    low, high, best = 0, estimate_tokens(message.content), ELLIPSIS
    while low <= high:
        middle = (low + high) // 2
        content = fit_to_budget(message.content, middle) or ELLIPSIS
        if _line_cost(message_line(message.model_copy(update={"content": content}))) <= limit:
            best, low = content, middle + 1
        else:
            high = middle - 1
    return message.model_copy(update={"content": best, "truncated": True})


def _truncation(message: ContextMessage, detail: str) -> DroppedItem:
    return DroppedItem(kind=f"truncated:{message.message_id}", detail=detail)


# -- the choice as a context -------------------------------------------------------------------


@dataclass
class _Chosen:
    items: list[_Item]
    shortened: ContextTier | None
    dropped: list[DroppedItem]
    plan: list[_Item] = field(repr=False)
    #: The first detail left out, shortened into what is left (``value_cut``).
    shortened_detail: ContextDetail | None = None

    def _run_start(self) -> int | None:
        positions = [i.message.position for i in self.items if i.message is not None]
        return min(positions) if positions else None

    def before_run(self, position: int) -> bool:
        """Whether an item from message ``position`` on is not shown word for word."""
        run_start = self._run_start()
        return run_start is None or position < run_start

    def shows_details(self) -> bool:
        return any(
            i.detail is not None and self.before_run(i.detail.first_position) for i in self.items
        )

    def _parts(
        self, budget: int
    ) -> tuple[list[ContextTier], list[ContextFact], list[ContextDetail], list[ContextMessage]]:
        messages = sorted(
            (i.message for i in self.items if i.message is not None), key=lambda m: m.position
        )
        if messages and len(self.items) == 1 and self.items[0].message is not None:
            messages = [self._fitted_newest(messages[0], budget)]
        run_start = messages[0].position if messages else None
        tiers = [i.tier for i in self.items if i.tier is not None]
        if self.shortened is not None:
            tiers.append(self.shortened)
        shown = [t for t in tiers if run_start is None or t.first_position < run_start]
        order = {TierName.OLD: 0, TierName.MID: 1, TierName.RECENT: 2}
        shown.sort(key=lambda t: order[t.tier])
        facts = [i.fact for i in self.items if i.fact is not None]
        details = [
            i.detail
            for i in self.items
            if i.detail is not None and (run_start is None or i.detail.first_position < run_start)
        ]
        if self.shortened_detail is not None:
            details.append(self.shortened_detail)
        details.sort(key=lambda d: d.last_position, reverse=True)
        return shown, facts, details, messages

    def _fitted_newest(self, newest: ContextMessage, budget: int) -> ContextMessage:
        if math.ceil(_line_cost(message_line(newest)) + _MESSAGES_HEADER) <= budget:
            return newest
        cut = _cut(newest, budget - _MESSAGES_HEADER)
        if not any(d.kind == f"truncated:{newest.message_id}" for d in self.dropped):
            self.dropped.append(_truncation(newest, _OVER_BUDGET))
        return cut

    def fits(self, budget: int) -> bool:
        context = self._bare(budget)
        return max(text_tokens(context), anthropic_tokens(render_anthropic(context))) <= budget

    def _bare(self, budget: int) -> AssembledContext:
        tiers, facts, details, messages = self._parts(budget)
        return AssembledContext(
            budget=budget, tiers=tiers, facts=facts, details=details, verbatim=messages
        )

    def context(
        self,
        memory: MemoryState,
        recent: Sequence[StoredMessage],
        total: int,
        verbatim_count: int,
        budget: int,
    ) -> AssembledContext:
        bare = self._bare(budget)
        dropped = self.dropped + self._left_out(bare, memory, recent, total)
        chat = anthropic_tokens(render_anthropic(bare))
        estimates = {
            "text": text_tokens(bare),
            "json": text_tokens(bare),
            "anthropic": chat,
            "openai": chat,  # the same contents, the memory as a system message
        }
        return bare.model_copy(
            update={
                "dropped": dropped,
                "estimated_tokens": estimates,
                "freshness": _freshness(memory, recent, verbatim_count, total),
            }
        )

    def _left_out(
        self,
        bare: AssembledContext,
        memory: MemoryState,
        recent: Sequence[StoredMessage],
        total: int,
    ) -> list[DroppedItem]:
        dropped: list[DroppedItem] = []
        shown_facts = {f.key for f in bare.facts}
        shown_tiers = {t.tier for t in bare.tiers}
        shown_details = {(d.first_position, d.last_position) for d in bare.details}
        if self.shortened_detail is not None:
            cut = self.shortened_detail
            kind = f"detail_truncated:{cut.first_position}-{cut.last_position}"
            dropped.append(DroppedItem(kind=kind, detail=_OVER_BUDGET))
        run_start = bare.verbatim[0].position if bare.verbatim else total + 1
        shown_text = normalized(render_text(bare))
        for detail in memory.details:
            if (
                detail.first_position < run_start
                and (detail.first_position, detail.last_position) not in shown_details
            ):
                kind = f"detail:{detail.first_position}-{detail.last_position}"
                carried = all(carries(shown_text, normalized(v)) for v in detail.values)
                why = (
                    _SUPERSEDED
                    if detail.superseded
                    else _ALL_REPLACED
                    if says_nothing_current(detail, memory.details)
                    else _CARRIED
                    if carried
                    else _OVER_BUDGET
                )
                dropped.append(DroppedItem(kind=kind, detail=why))
        for item in self.plan:
            if item.fact is not None and item.fact.key not in shown_facts:
                dropped.append(DroppedItem(kind=f"fact:{item.fact.key}", detail=_OVER_BUDGET))
            tier = item.tier
            if tier is not None and tier.first_position < run_start:
                if tier.tier not in shown_tiers:
                    dropped.append(DroppedItem(kind=f"tier:{tier.tier.value}", detail=_OVER_BUDGET))
                elif self.shortened is not None and self.shortened.tier == tier.tier:
                    dropped.append(
                        DroppedItem(kind=f"tier_truncated:{tier.tier.value}", detail=_OVER_BUDGET)
                    )
        first_read = total - len(recent) + 1
        unshown_from = max(memory.folded_count + 1, first_read)
        if unshown_from < run_start:
            dropped.append(
                DroppedItem(
                    kind=f"messages:{unshown_from}-{run_start - 1}",
                    detail="not summarized yet; " + _OVER_BUDGET,
                )
            )
        if first_read - 1 > memory.folded_count:
            dropped.append(
                DroppedItem(
                    kind="messages:not_provided",
                    detail=f"messages {memory.folded_count + 1}-{first_read - 1} are not folded "
                    "yet and were not read",
                )
            )
        return dropped


def _freshness(
    memory: MemoryState, recent: Sequence[StoredMessage], verbatim_count: int, total: int
) -> Freshness:
    pending_unfolded = max(0, total - memory.folded_count - verbatim_count)
    if recent:
        return Freshness(
            last_message_id=recent[-1].message_id,
            last_message_seq=recent[-1].seq,
            pending_unfolded=pending_unfolded,
        )
    seqs = [tier.last_seq for tier in memory.tiers()]
    return Freshness(last_message_seq=max(seqs, default=None), pending_unfolded=pending_unfolded)
