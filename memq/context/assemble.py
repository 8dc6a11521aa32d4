"""Choose what goes into a session's context so that it fits a token budget.

First every section is held to its own budget (``Budgets``): each tier summary
(re-fitted defensively, they are stored within budget), the key facts (latest
value per key, most recently updated first, as many as fit), and the verbatim
window (the last ``verbatim_count`` pending messages, newest first, as many as
fit; the newest is always kept, cut with "…" if it alone is too long). Pending
messages older than the window, and window messages the verbatim budget
pushed out, are "unfolded": shown word for word as the overall budget allows.

Then the overall budget is held against every format's rendering (text,
json and anthropic, as ``memq.context.render`` counts them): when the largest
is over, items go in ``DROP_ORDER``, as few as will do (build, render,
measure; the number of drops is found by bisection). Every drop and cut is
listed in ``AssembledContext.dropped``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from memq.context.model import (
    TIER_LABELS,
    AssembledContext,
    ContextFact,
    ContextFormat,
    ContextMessage,
    ContextTier,
    DroppedItem,
    Freshness,
)
from memq.context.render import (
    anthropic_tokens,
    fact_line,
    message_line,
    render_anthropic,
    text_tokens,
)
from memq.errors import InvalidInput
from memq.memory.model import Budgets, Fact, TierName
from memq.memory.state import MemoryState
from memq.tokens import ELLIPSIS, estimate_tokens, fit_to_budget
from schemas.messages import StoredMessage

#: The smallest overall budget accepted. The floor of any context is the newest
#: message cut to "…" with its heading: about 12 tokens as text, up to 22 in the
#: Anthropic format (an assistant or system message goes into ``system`` under a
#: heading with its position); the rest is room for actual content.
MIN_BUDGET = 64

#: What goes first when the overall budget is short.
DROP_ORDER = (
    "tier:old",
    "tier:mid",
    "unfolded messages, oldest first",
    "tier:recent",
    "facts, least recently updated first",
    "verbatim messages, oldest first, never the newest",
    "the newest message's content, cut with an ellipsis",
)


def assemble(
    memory: MemoryState,
    pending: Sequence[StoredMessage],
    *,
    total_messages: int,
    budget: int,
    budgets: Budgets,
    verbatim_count: int = 5,
) -> AssembledContext:
    """The context of a session within ``budget`` tokens in every format.

    ``pending`` are the session's messages not folded into a summary yet, in
    conversation order (the caller may cap them to the newest K); they hold
    positions ``total_messages - len(pending) + 1 … total_messages``.
    Raises ``InvalidInput`` when ``budget < MIN_BUDGET`` or the counts disagree.
    """
    _validate(pending, total_messages=total_messages, budget=budget, verbatim_count=verbatim_count)
    first_position = total_messages - len(pending) + 1
    messages = [_message(m, first_position + i) for i, m in enumerate(pending)]
    dropped: list[DroppedItem] = []
    missing_to = first_position - 1
    if missing_to > memory.folded_count:
        dropped.append(
            DroppedItem(
                kind="messages:not_provided",
                detail=f"messages {memory.folded_count + 1}-{missing_to} are not folded yet "
                "and were not passed in",
            )
        )
    tiers = _fit_tiers(memory, budgets, dropped)
    facts = _fit_facts(memory.facts, budgets.facts, dropped)
    window = messages[-verbatim_count:]
    verbatim, spilled = _fit_verbatim(window, budgets.verbatim, dropped)
    full = _Selection(
        tiers=tiers,
        facts=facts,
        unfolded=messages[: len(messages) - len(window)] + spilled,
        verbatim=verbatim,
        budget=budget,
        freshness=_freshness(memory, pending, verbatim_count, total_messages),
        dropped=dropped,
    )
    newest_content = pending[-1].content if pending else None
    return _Shrinker(full, newest_content).run().context()


def _validate(
    pending: Sequence[StoredMessage], *, total_messages: int, budget: int, verbatim_count: int
) -> None:
    if budget < MIN_BUDGET:
        raise InvalidInput(f"budget must be at least {MIN_BUDGET} tokens (got {budget})")
    if verbatim_count < 1:
        raise InvalidInput(f"verbatim_count must be at least 1 (got {verbatim_count})")
    if total_messages < len(pending):
        raise InvalidInput(
            f"total_messages ({total_messages}) is less than the pending messages ({len(pending)})"
        )


def _message(message: StoredMessage, position: int) -> ContextMessage:
    return ContextMessage(
        message_id=message.message_id,
        role=message.role,
        content=message.content,
        position=position,
        seq=message.seq,
    )


def _freshness(
    memory: MemoryState, pending: Sequence[StoredMessage], verbatim_count: int, total: int
) -> Freshness:
    unfolded_total = max(len(pending), total - memory.folded_count)
    pending_unfolded = max(0, unfolded_total - verbatim_count)
    if pending:
        return Freshness(
            last_message_id=pending[-1].message_id,
            last_message_seq=pending[-1].seq,
            pending_unfolded=pending_unfolded,
        )
    seqs = [tier.last_seq for tier in memory.tiers()]
    return Freshness(last_message_seq=max(seqs, default=None), pending_unfolded=pending_unfolded)


# -- each section within its own budget ------------------------------------------------


def _fit_tiers(
    memory: MemoryState, budgets: Budgets, dropped: list[DroppedItem]
) -> dict[TierName, ContextTier]:
    tiers: dict[TierName, ContextTier] = {}
    for tier in memory.tiers():
        limit = budgets.for_tier(tier.tier)
        text = fit_to_budget(tier.text, limit)
        if not text:
            dropped.append(
                DroppedItem(kind=f"tier:{tier.tier.value}", detail=f"over its {limit}-token budget")
            )
            continue
        if text != tier.text.strip():
            dropped.append(
                DroppedItem(
                    kind=f"tier_truncated:{tier.tier.value}",
                    detail=f"shortened to its {limit}-token budget",
                )
            )
        tiers[tier.tier] = ContextTier(
            tier=tier.tier,
            label=TIER_LABELS[tier.tier],
            text=text,
            first_position=tier.first_position,
            last_position=tier.last_position,
            engine=tier.engine,
        )
    return tiers


def _latest_per_key(facts: Sequence[Fact]) -> list[Fact]:
    latest: dict[str, Fact] = {}
    for fact in facts:
        current = latest.get(fact.key)
        if current is None or fact.updated_at > current.updated_at:
            latest[fact.key] = fact
    return sorted(latest.values(), key=lambda fact: fact.updated_at, reverse=True)


def _fit_facts(facts: Sequence[Fact], limit: int, dropped: list[DroppedItem]) -> list[ContextFact]:
    """Most recently updated first, each one that still fits the facts budget."""
    kept: list[ContextFact] = []
    lines: list[str] = []
    for fact in _latest_per_key(facts):
        item = ContextFact(
            key=fact.key,
            value=fact.value,
            source_message_id=fact.source_message_id,
            updated_at=fact.updated_at,
        )
        line = fact_line(item)
        if estimate_tokens("\n".join([*lines, line])) <= limit:
            kept.append(item)
            lines.append(line)
        else:
            dropped.append(
                DroppedItem(kind=f"fact:{fact.key}", detail=f"over the {limit}-token facts budget")
            )
    return kept


def _fit_verbatim(
    window: list[ContextMessage], limit: int, dropped: list[DroppedItem]
) -> tuple[list[ContextMessage], list[ContextMessage]]:
    """(kept, pushed out): the newest messages of the window whose lines fit ``limit``.

    The newest message is always kept, cut to the budget if it alone is over.
    Pushed-out messages become unfolded ones.
    """
    if not window:
        return [], []
    kept: list[ContextMessage] = []
    for message in reversed(window):
        lines = [message_line(m) for m in (message, *kept)]
        if estimate_tokens("\n".join(lines)) > limit:
            break
        kept.insert(0, message)
    if not kept:
        newest = window[-1]
        cut = _truncated(newest, lambda m: estimate_tokens(message_line(m)), limit)
        dropped.append(_truncation(newest, f"over the {limit}-token verbatim budget"))
        kept = [cut]
    return kept, window[: len(window) - len(kept)]


def _truncated(
    original: ContextMessage, cost: Callable[[ContextMessage], int], limit: int
) -> ContextMessage:
    """``original`` cut (ending "…") to the longest prefix whose ``cost`` is within
    ``limit``; at worst a bare "…". Called when ``original`` itself is over."""

    def cut(tokens: int) -> ContextMessage:
        content = fit_to_budget(original.content, tokens) or ELLIPSIS
        return original.model_copy(update={"content": content, "truncated": True})

    # Step down by the excess until a cut fits (the cost follows the content's
    # tokens nearly one for one), then bisect between it and the last cut over.
    over_at = estimate_tokens(original.content)
    tokens = over_at - 1
    while True:
        tokens = max(tokens, 0)
        candidate = cut(tokens)
        excess = cost(candidate) - limit
        if excess <= 0 or tokens == 0:
            break
        over_at, tokens = tokens, tokens - excess
    if excess > 0:
        return candidate  # a bare "…", still over: the caller decides
    best, low, high = candidate, tokens + 1, over_at - 1
    while low <= high:
        middle = (low + high) // 2
        candidate = cut(middle)
        if cost(candidate) <= limit:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def _truncation(message: ContextMessage, detail: str) -> DroppedItem:
    return DroppedItem(kind=f"truncated:{message.message_id}", detail=detail)


# -- the overall budget ----------------------------------------------------------------

_TIER_ORDER = (TierName.OLD, TierName.MID, TierName.RECENT)
_OVER_BUDGET = "over the context budget"


@dataclass
class _Selection:
    tiers: dict[TierName, ContextTier]
    facts: list[ContextFact]  # most recently updated first
    unfolded: list[ContextMessage]  # conversation order
    verbatim: list[ContextMessage]  # conversation order
    budget: int
    freshness: Freshness
    dropped: list[DroppedItem] = field(default_factory=list)

    def context(self) -> AssembledContext:
        """The selection as an ``AssembledContext``, its token estimates filled in."""
        context = self._bare_context
        return context.model_copy(
            update={"dropped": list(self.dropped), "estimated_tokens": self.estimates()}
        )

    @cached_property
    def _bare_context(self) -> AssembledContext:
        return AssembledContext(
            budget=self.budget,
            tiers=[self.tiers[name] for name in _TIER_ORDER if name in self.tiers],
            facts=list(self.facts),
            unfolded=list(self.unfolded),
            verbatim=list(self.verbatim),
            freshness=self.freshness,
        )

    @cached_property
    def _text_tokens(self) -> int:
        return text_tokens(self._bare_context)

    @cached_property
    def _anthropic_tokens(self) -> int:
        return anthropic_tokens(render_anthropic(self._bare_context))

    def estimates(self) -> dict[ContextFormat, int]:
        # json reports the text layout's estimate (see memq.context.render)
        text = self._text_tokens
        return {"text": text, "json": text, "anthropic": self._anthropic_tokens}

    def cost(self) -> int:
        return max(self._text_tokens, self._anthropic_tokens)

    def fits(self) -> bool:
        return self._text_tokens <= self.budget and self._anthropic_tokens <= self.budget


# A drop: what it removes (("tier", name) / ("fact", key) / ("message", position)), and its kind.
_Drop = tuple[tuple[str, object], str]


class _Shrinker:
    """Fits a selection to its budget by dropping in ``DROP_ORDER``.

    The drops form one sequence (old, mid, unfolded oldest first, recent, facts
    least recently updated first, verbatim oldest first but the newest); the
    result is the shortest prefix of it that fits, found by bisection since the
    cost falls as items go. (Rarely it does not: a dropped user message can
    move the assistant turns after it into the Anthropic ``system`` block
    under a heading. Bisection then may drop a few more than needed; the
    result still fits and still follows the order.) If even dropping all of it
    is not enough, the newest message is cut.
    """

    def __init__(self, full: _Selection, newest_content: str | None) -> None:
        self.full = full
        self.newest_content = newest_content  # before any cut to the verbatim budget
        self.plan = self._plan()
        self._after: dict[int, _Selection] = {0: full}

    def _plan(self) -> list[_Drop]:
        full = self.full

        def tier(name: TierName) -> list[_Drop]:
            return [(("tier", name), f"tier:{name.value}")] if name in full.tiers else []

        def message(m: ContextMessage) -> _Drop:
            return ("message", m.position), f"message:{m.message_id}"

        return [
            *tier(TierName.OLD),
            *tier(TierName.MID),
            *(message(m) for m in full.unfolded),
            *tier(TierName.RECENT),
            *((("fact", f.key), f"fact:{f.key}") for f in reversed(full.facts)),
            *(message(m) for m in full.verbatim[:-1]),
        ]

    def after(self, count: int) -> _Selection:
        """The selection once the first ``count`` drops of the plan are made."""
        if count not in self._after:
            self._after[count] = self._apply(count)
        return self._after[count]

    def _apply(self, count: int) -> _Selection:
        gone = {target for target, _ in self.plan[:count]}
        full = self.full
        return replace(
            full,
            tiers={name: t for name, t in full.tiers.items() if ("tier", name) not in gone},
            facts=[f for f in full.facts if ("fact", f.key) not in gone],
            unfolded=[m for m in full.unfolded if ("message", m.position) not in gone],
            verbatim=[m for m in full.verbatim if ("message", m.position) not in gone],
            dropped=[
                *full.dropped,
                *(DroppedItem(kind=kind, detail=_OVER_BUDGET) for _, kind in self.plan[:count]),
            ],
        )

    def run(self) -> _Selection:
        if self.full.fits():
            return self.full
        low, high = 1, len(self.plan)
        if not self.after(high).fits():
            return self._cut_newest(self.after(high))
        while low < high:  # after(high) fits, after(low - 1) does not
            middle = (low + high) // 2
            if self.after(middle).fits():
                high = middle
            else:
                low = middle + 1
        return self.after(high)

    def _cut_newest(self, selection: _Selection) -> _Selection:
        if not selection.verbatim:
            return selection  # nothing left at all: fits
        newest = selection.verbatim[-1]
        original = newest.model_copy(update={"content": self.newest_content or newest.content})

        def cost(candidate: ContextMessage) -> int:
            return replace(selection, verbatim=[candidate]).cost()

        cut = _truncated(original, cost, selection.budget)
        kind = f"truncated:{newest.message_id}"
        dropped = [item for item in selection.dropped if item.kind != kind]
        result = replace(
            selection,
            verbatim=[cut],
            dropped=[*dropped, _truncation(newest, _OVER_BUDGET)],
        )
        if result.fits():
            return result
        # Unreachable for budget >= MIN_BUDGET; the budget still wins.
        return replace(
            result,
            verbatim=[],
            dropped=[
                *result.dropped,
                DroppedItem(kind=f"message:{newest.message_id}", detail=_OVER_BUDGET),
            ],
        )
