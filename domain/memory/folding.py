"""Progressive folding: messages leaving the verbatim window go into ``recent``;
an overflowing ``recent`` goes into ``mid``, an overflowing ``mid`` into ``old``.

Pure: given the current state, the batch of messages to fold and the engines,
it returns the new state. Each engine call takes a bounded input (a previous
summary within its budget plus at most one batch), so the cost per message is
constant however long the session grows; nothing is ever re-summarized from
the whole history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.memory.chain import EngineChain
from domain.memory.corrected_facts import corrected_facts
from domain.memory.details import details_of, kept_details, said_when
from domain.memory.engine import ExtractedFact, MemoryEngine, TranscriptLine
from domain.memory.gone_back import gone_back_facts
from domain.memory.offline.changed_counts import changed_counts
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.no_longer import no_longer
from domain.memory.offline.offered_names import offered_since
from domain.memory.offline.superseded import superseded
from domain.memory.offline.switched_options import switched_options
from domain.tokens import estimate_tokens
from schemas.memory_model import (
    Budgets,
    EngineFallback,
    Fact,
    FactValue,
    TierName,
    TierSummary,
)
from schemas.memory_state import MemoryState, TailLine
from schemas.messages import StoredMessage

#: Stored facts per session; the context shows what fits the facts budget.
MAX_FACTS = 60
#: Earlier values kept per fact.
MAX_FACT_HISTORY = 10
#: Old values named in a conversation that a context still marks in its summaries.
MAX_REPLACED_VALUES = 40
#: Messages of a fold kept for the next one (the question its first message may answer).
TAIL_LINES = 3
#: Characters of each kept message: a question is short, a bound keeps the state small.
TAIL_CHARS = 600


@dataclass(frozen=True)
class FoldPolicy:
    verbatim_count: int = 5
    fold_every: int = 5
    #: Messages ``recent`` may cover before it is folded into ``mid``.
    recent_span: int = 15
    #: Messages ``mid`` may cover before it is folded into ``old``.
    mid_span: int = 50


def transcript(messages: Sequence[StoredMessage], first_position: int) -> list[TranscriptLine]:
    return [
        TranscriptLine(
            position=first_position + offset,
            message_id=message.message_id,
            role=message.role,
            content=message.content,
        )
        for offset, message in enumerate(messages)
    ]


def fold(
    state: MemoryState,
    batch: Sequence[StoredMessage],
    engines: EngineChain,
    budgets: Budgets,
    policy: FoldPolicy,
    now: datetime,
    before: Sequence[StoredMessage] | None = None,
) -> MemoryState:
    """Fold ``batch`` (in conversation order, just past ``state.folded_count``) into the tiers.

    ``before``: the messages sent just before ``batch`` when it holds messages stored late
    (the service folds those on their own; the question they may answer); otherwise the
    tail of the previous fold serves.
    """
    if not batch:
        return state
    lines = transcript(batch, state.folded_count + 1)
    recent, mid, old = state.recent, state.mid, state.old
    if recent is not None and _span(recent) + len(lines) > policy.recent_span:
        if mid is not None and _span(mid) + _span(recent) > policy.mid_span:
            old = _merge(old, mid, TierName.OLD, engines, budgets, now)
            mid = None
        mid = _merge(mid, recent, TierName.MID, engines, budgets, now)
        recent = None
    previous = recent.text if recent is not None else None
    context = [
        TranscriptLine(line.position, line.message_id, line.role, line.content)
        for line in state.tail
    ]
    if before:
        context = transcript(before, lines[0].position - len(before))
    text, engine = engines.run(lambda e: e.fold(previous, lines, budgets.recent, context))
    recent = _summary(
        TierName.RECENT,
        text,
        engine,
        first=(recent.first_position, recent.first_seq)
        if recent
        else (lines[0].position, batch[0].seq),
        # A straggler folded late must not pull the boundary back below what
        # is already summarized (the context shows messages past it verbatim).
        last=(lines[-1].position, max(batch[-1].seq, recent.last_seq if recent else 0)),
        now=now,
    )
    late = _stragglers(state, batch)
    # A late message is read against what was known when it was sent: not against values
    # said after it (a wrong number answered late is not a second order).
    sent_first = min(late.values(), default=None)
    known = [
        (fact.key, fact.value)
        for fact in state.facts
        if sent_first is None or state.fact_seqs.get(fact.key, sent_first + 1) < sent_first
    ]
    # A message stored late is read against what was known when it was sent: no name since.
    earlier = [] if late else named_earlier(state)
    extracted, _ = engines.run(lambda e: e.extract_facts(lines, known, context, earlier))
    facts = merge_facts(state.facts, extracted, now, late=late, said_at=state.fact_seqs)
    # a value gone back to («برگردیم همون ۴ شب», "back to the Classic") is its fact's again
    facts, gone_back = (
        ([*facts], []) if late else gone_back_facts(facts, lines, now, MAX_FACT_HISTORY)
    )
    replaced = [fact.value for fact in extracted if fact.replaced]
    earlier_replaced = state.replaced_values
    if not late:
        # What messages stored late changed was changed again after them, maybe: they
        # name no old value and un-mark none.
        changes = superseded(
            [tier.text for tier in (state.old, state.mid, state.recent) if tier is not None]
            + [line.content for line in context],
            [line.content for line in lines],
        )
        # counts and options no fact holds, changed: «۳ کارگر» → «۴ کارگر», interim → full;
        # choices said to hold no longer («دیگه کارت به کارت نمیکنم»)
        said = _said_before(state)
        unheld = [
            find(said, context, lines) for find in (changed_counts, switched_options, no_longer)
        ]
        replaced += changes.old + [old for change in unheld for old in change.old]
        # A value changed back to is current again: no longer marked as replaced.
        new = {*changes.new, *(value for change in unheld for value in change.new), *gone_back}
        earlier_replaced = [v for v in state.replaced_values if v not in new]
    details = kept_details(state.details, said_when(details_of(lines, context), lines, batch))
    # a part of a fact the details put right («ببخشید ۰۹۱۲۳۴۵۶۷۹۸», "its HG2 7DL") is stored
    # corrected, not only shown so: the memory and the user memory read the stored facts
    facts = corrected_facts(facts, details, MAX_FACT_HISTORY)
    return state.model_copy(
        update={
            "folded_count": state.folded_count + len(lines),
            "last_fold_ids": [message.message_id for message in batch],
            "recent": recent,
            "mid": mid,
            "old": old,
            "facts": facts,
            "fact_seqs": _fact_seqs(facts, batch, state.fact_seqs),
            "fact_said_at": _fact_said_at(facts, batch, state.fact_said_at),
            "replaced_values": remember_replaced(
                earlier_replaced, [value for value in replaced if value not in gone_back]
            ),
            "offered_names": offered_since(state.offered_names, lines),
            "details": details,
            # The question the next batch may answer is still the last one folded in order.
            "tail": state.tail if late else _tail(lines),
            "updated_at": now,
        }
    )


def _said_before(state: MemoryState) -> list[str]:
    """The summaries and the details of ``state`` in the order said (a summary before the
    details of its last messages): where a changed value was said before."""
    texts = [(tier.last_position, 0, tier.text) for tier in state.tiers()]
    texts += [(detail.last_position, 1, detail.text) for detail in state.details]
    return [text for *_, text in sorted(texts, key=lambda item: item[:2])]


def _tail(lines: Sequence[TranscriptLine]) -> list[TailLine]:
    return [
        TailLine(
            position=line.position,
            message_id=line.message_id,
            role=line.role,
            content=line.content[:TAIL_CHARS],
        )
        for line in lines[-TAIL_LINES:]
    ]


def redo_offline_tiers(
    state: MemoryState,
    sources: Mapping[TierName, Sequence[StoredMessage]],
    engines: EngineChain,
    budgets: Budgets,
    now: datetime,
) -> MemoryState:
    """Have the primary engine rewrite tiers the offline engine wrote while it was down.

    ``recent`` and ``mid`` are redone from their source messages (bounded by the
    policy's spans); ``old``, whose span is unbounded, from its own text.
    """
    if engines.primary is None:
        return state
    update: dict[str, TierSummary] = {}
    for tier in state.offline_tiers():
        messages = sources.get(tier.tier)
        budget = budgets.for_tier(tier.tier)
        text = engines.try_primary(_redo_operation(tier, messages, budget))
        if text is None:
            break  # still down: leave the rest for the next run
        update[tier.tier.value] = tier.model_copy(
            update={
                "text": text,
                "token_estimate": estimate_tokens(text),
                "engine": engines.primary.name,
                "engine_reason": None,
                "updated_at": now,
            }
        )
    return state.model_copy(update={**update, "updated_at": now}) if update else state


def mark_fallback(
    new: MemoryState, old: MemoryState, fallback: EngineFallback | None
) -> MemoryState:
    """``new``, a fold of ``old``: with a fallback, what the fold wrote (tiers, facts) is
    marked with its reason and the state carries it; without one, the state no longer
    does (a fold that had Claude again)."""
    if fallback is None:
        return (
            new if new.engine_fallback is None else new.model_copy(update={"engine_fallback": None})
        )
    update: dict[str, object] = {"engine_fallback": fallback}
    for name in TierName:
        tier = new.tier(name)
        if tier is not None and tier is not old.tier(name) and tier.engine == "offline":
            update[name.value] = tier.model_copy(update={"engine_reason": fallback.reason})
    kept = {id(fact) for fact in old.facts}
    update["facts"] = [
        fact if id(fact) in kept else fact.model_copy(update={"engine_reason": fallback.reason})
        for fact in new.facts
    ]
    return new.model_copy(update=update)


def remember_replaced(earlier: Sequence[str], named: Sequence[str]) -> list[str]:
    """``earlier`` and the newly ``named`` old values, each once, the newest last."""
    values = [v for v in earlier if v not in named] + list(dict.fromkeys(named))
    return values[-MAX_REPLACED_VALUES:]


def named_earlier(state: MemoryState) -> list[str]:
    """The names said before ``state``'s tail that a switch by name may take again: the
    options the assistant offered and the values facts held before their current ones."""
    held_before = [old.value for fact in state.facts for old in fact.history]
    return [*state.offered_names, *held_before]


def folded_through(state: MemoryState) -> int:
    """The seq of the last message the tiers cover (0 before the first fold)."""
    folded = [tier.last_seq for tier in (state.recent, state.mid, state.old) if tier is not None]
    return max(folded, default=0)


def _stragglers(state: MemoryState, batch: Sequence[StoredMessage]) -> dict[str, int]:
    """The seq of each message of ``batch`` sent before messages already folded (stored
    late, after a retry)."""
    boundary = folded_through(state)
    return {message.message_id: message.seq for message in batch if message.seq < boundary}


def _fact_seqs(
    facts: Sequence[Fact], batch: Sequence[StoredMessage], before: Mapping[str, int]
) -> dict[str, int]:
    """The seq of the message each current value comes from, where known."""
    return _per_current_value(facts, {m.message_id: m.seq for m in batch}, before)


def _fact_said_at(
    facts: Sequence[Fact], batch: Sequence[StoredMessage], before: Mapping[str, datetime]
) -> dict[str, datetime]:
    """When the message each current value comes from was accepted, where known."""
    return _per_current_value(facts, {m.message_id: m.accepted_at for m in batch}, before)


def _per_current_value[T](
    facts: Sequence[Fact], of_message: Mapping[str, T], before: Mapping[str, T]
) -> dict[str, T]:
    """Per fact key, what ``of_message`` says of the message its current value comes from
    (a value from this batch), else what ``before`` kept; keys no fact holds are dropped."""
    kept = dict(before)
    for fact in facts:
        if fact.source_message_id in of_message:
            kept[fact.key] = of_message[fact.source_message_id]
    return {fact.key: kept[fact.key] for fact in facts if fact.key in kept}


def merge_facts(
    existing: Sequence[Fact],
    extracted: Sequence[ExtractedFact],
    now: datetime,
    late: Mapping[str, int] | None = None,
    said_at: Mapping[str, int] | None = None,
) -> list[Fact]:
    """A later value for a key replaces the earlier one, which goes into its history.

    Only a value about the same subject (the same key) replaces another. A value that
    merely restates part of the current one ("Tuesday" after "Tuesday 3 December")
    leaves it as it is, so a fact never loses detail to a shorter mention. A value from
    a ``late`` message (its seq given) folded after the current value but sent before
    it (``said_at``: the current value's seq per key; unknown counts as after) goes into
    the history, never over what was said after it.
    """
    late, said_at = late or {}, said_at or {}
    facts = {fact.key: fact for fact in existing}
    for item in extracted:
        if item.replaced:
            continue  # an old value named as such: history, not a fact
        current = facts.get(item.key)
        sent = late.get(item.source_message_id)
        if current is not None and sent is not None and sent < said_at.get(item.key, sent + 1):
            facts[item.key] = _with_earlier(current, item, now)
        elif current is None or (
            current.value != item.value and not restates(item.value, current.value)
        ):
            facts[item.key] = _replacing(current, item, now)
    ordered = sorted(facts.values(), key=lambda fact: fact.updated_at, reverse=True)
    return ordered[:MAX_FACTS]


def _replacing(current: Fact | None, item: ExtractedFact, now: datetime) -> Fact:
    """``item`` as its key's value from ``now``, the ``current`` one (if any) last in its
    history."""
    history = []
    if current is not None:
        earlier = FactValue(
            value=current.value,
            source_message_id=current.source_message_id,
            updated_at=current.updated_at,
        )
        history = [*current.history, earlier][-MAX_FACT_HISTORY:]
    return Fact(
        key=item.key,
        value=item.value,
        source_message_id=item.source_message_id,
        updated_at=now,
        history=history,
    )


def _with_earlier(current: Fact, item: ExtractedFact, now: datetime) -> Fact:
    known = {current.value, *(earlier.value for earlier in current.history)}
    if item.value in known or restates(item.value, current.value):
        return current
    earlier = FactValue(value=item.value, source_message_id=item.source_message_id, updated_at=now)
    # Newest earlier value last: the late one was said before the current value.
    return current.model_copy(update={"history": [*current.history, earlier][-MAX_FACT_HISTORY:]})


def _redo_operation(
    tier: TierSummary, messages: Sequence[StoredMessage] | None, budget: int
) -> Callable[[MemoryEngine], str]:
    if messages:
        lines = transcript(messages, tier.first_position)
        return lambda engine: engine.fold(None, lines, budget)
    return lambda engine: engine.merge(None, tier.text, budget)


def _merge(
    older: TierSummary | None,
    newer: TierSummary,
    into: TierName,
    engines: EngineChain,
    budgets: Budgets,
    now: datetime,
) -> TierSummary:
    previous = older.text if older is not None else None
    text, engine = engines.run(lambda e: e.merge(previous, newer.text, budgets.for_tier(into)))
    # A tier written by the offline engine stays marked so, even if merged by Claude.
    if "offline" in (newer.engine, older.engine if older else None):
        engine = "offline"
    first = (
        (older.first_position, older.first_seq)
        if older
        else (newer.first_position, newer.first_seq)
    )
    merged = _summary(into, text, engine, first, (newer.last_position, newer.last_seq), now)
    # ... and so does why the offline engine wrote it.
    reason = newer.engine_reason or (older.engine_reason if older else None)
    return merged.model_copy(update={"engine_reason": reason}) if engine == "offline" else merged


def _summary(
    tier: TierName,
    text: str,
    engine: str,
    first: tuple[int, int],
    last: tuple[int, int],
    now: datetime,
) -> TierSummary:
    return TierSummary(
        tier=tier,
        text=text,
        first_position=first[0],
        first_seq=first[1],
        last_position=last[0],
        last_seq=last[1],
        token_estimate=estimate_tokens(text),
        engine=engine,
        updated_at=now,
    )


def _span(tier: TierSummary) -> int:
    return tier.last_position - tier.first_position + 1
