"""Properties of memq.context.assemble over random budgets and multilingual sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from memq.context import MIN_BUDGET, AssembledContext, ContextMessage, assemble, render_anthropic
from memq.context.render import fact_line, message_line
from memq.memory.model import Budgets, Fact, TierName, TierSummary
from memq.memory.state import MemoryState
from memq.tokens import ELLIPSIS, estimate_tokens
from schemas.messages import Role, StoredMessage
from tests.context.checks import all_formats, assert_valid_anthropic
from tests.context.factories import fact, messages, tier

ALPHABET = (
    list("abcdeXYZ 0189,.!?\n-$")
    + list("سلامتهرانگارانتی۰۱۹٬،؟\u200c")
    + list("ขอบคุณครับราคา๑่้")
    + list("你好咖啡。")
    + ["😀", "é"]
)
letters = st.sampled_from(ALPHABET)
texts = st.text(letters, min_size=1, max_size=300).filter(str.strip)
long_texts = st.text(letters, min_size=300, max_size=1000).filter(str.strip)
roles = st.sampled_from(["user", "user", "assistant", "assistant", "system"])
fact_keys = st.sampled_from(["product", "order_id", "price", "قیمت", "ราคา", "city", "name"])

OVER = "over the context budget"
HUGE = 10**9


@dataclass
class Scenario:
    state: MemoryState
    pending: list[StoredMessage]
    total: int
    budget: int
    budgets: Budgets
    verbatim_count: int

    def assemble(self, budget: int | None = None) -> AssembledContext:
        return assemble(
            self.state,
            self.pending,
            total_messages=self.total,
            budget=self.budget if budget is None else budget,
            budgets=self.budgets,
            verbatim_count=self.verbatim_count,
        )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    position, tiers = 0, dict[str, TierSummary]()
    for name in (TierName.OLD, TierName.MID, TierName.RECENT):
        if draw(st.booleans()):
            length = draw(st.integers(1, 40))
            tiers[name.value] = tier(name, draw(texts), position + 1, position + length)
            position += length
    facts: list[Fact] = [
        fact(draw(fact_keys), draw(texts), minutes_ago=draw(st.integers(0, 1000)))
        for _ in range(draw(st.integers(0, 8)))
    ]
    state = MemoryState(
        folded_count=position,
        facts=facts,
        old=tiers.get("old"),
        mid=tiers.get("mid"),
        recent=tiers.get("recent"),
    )
    turns: list[tuple[Role, str]] = draw(st.lists(st.tuples(roles, texts), max_size=12))
    long_newest: bool = draw(st.booleans())
    if turns and long_newest:  # a newest message that may be over any budget
        turns[-1] = (turns[-1][0], draw(long_texts))
    capped = draw(st.integers(0, 3)) if turns else 0
    first = position + capped + 1
    budgets = Budgets(
        verbatim=draw(st.integers(1, 500)),
        recent=draw(st.integers(1, 300)),
        mid=draw(st.integers(1, 300)),
        old=draw(st.integers(1, 300)),
        facts=draw(st.integers(1, 200)),
    )
    return Scenario(
        state=state,
        pending=messages(turns, first_position=first),
        total=first + len(turns) - 1,
        budget=MIN_BUDGET,  # chosen by each test
        budgets=budgets,
        verbatim_count=draw(st.integers(1, 7)),
    )


def rank_of(kind: str, reference: AssembledContext) -> int:
    """Where an overall-budget drop sits in the drop order."""
    unfolded = {f"message:{m.message_id}" for m in reference.unfolded}
    ranks = {"tier:old": 0, "tier:mid": 1, "tier:recent": 3}
    if kind in ranks:
        return ranks[kind]
    if kind in unfolded:
        return 2
    if kind.startswith("fact:"):
        return 4
    if kind.startswith("message:"):
        return 5
    assert kind.startswith("truncated:")
    return 6


def present_ranks(ctx: AssembledContext) -> set[int]:
    ranks = {{"old": 0, "mid": 1, "recent": 3}[t.tier.value] for t in ctx.tiers}
    if ctx.unfolded:
        ranks.add(2)
    if ctx.facts:
        ranks.add(4)
    if len(ctx.verbatim) > 1:
        ranks.add(5)
    return ranks


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.data())
def test_every_format_holds_the_budget_and_the_drop_order(
    scenario: Scenario, data: st.DataObject
) -> None:
    # Given a random multilingual session, and a budget between MIN_BUDGET and a bit over
    # what its whole context needs
    reference = scenario.assemble(HUGE)
    need = max(reference.estimated_tokens.values())
    scenario.budget = data.draw(st.integers(MIN_BUDGET, max(MIN_BUDGET, need + 20)), "budget")

    # When its context is assembled
    ctx = scenario.assemble()

    # Then every format, as rendered, is within the budget, as reported
    assert all_formats(ctx) == ctx.estimated_tokens
    assert max(ctx.estimated_tokens.values()) <= scenario.budget

    # and the newest message is always there, at worst cut with an ellipsis
    if scenario.pending:
        newest, original = ctx.verbatim[-1], scenario.pending[-1]
        assert newest.message_id == original.message_id
        assert newest.position == scenario.total
        if newest.truncated:
            assert newest.content.endswith(ELLIPSIS)
        else:
            assert newest.content == original.content

    # and nothing was dropped for the budget while something later in the order stayed
    over = [item.kind for item in ctx.dropped if item.detail == OVER]
    for kind in over:
        assert not {r for r in present_ranks(ctx) if r < rank_of(kind, reference)}, kind

    # and within a section the newest messages / latest facts are the ones kept
    def ids(items: Sequence[ContextMessage]) -> list[str]:
        return [m.message_id for m in items]

    kept_unfolded = ids(ctx.unfolded)
    assert kept_unfolded == ids(reference.unfolded)[len(reference.unfolded) - len(kept_unfolded) :]
    assert [f.key for f in ctx.facts] == [f.key for f in reference.facts][: len(ctx.facts)]
    kept_verbatim = ids(ctx.verbatim)
    assert kept_verbatim == ids(reference.verbatim)[len(reference.verbatim) - len(kept_verbatim) :]
    assert {t.tier for t in ctx.tiers} <= {t.tier for t in reference.tiers}

    # and whatever the budget left out is listed as dropped
    kept = {f"message:{i}" for i in kept_unfolded + kept_verbatim}
    kept |= {f"fact:{f.key}" for f in ctx.facts} | {f"tier:{t.tier.value}" for t in ctx.tiers}
    wanted = {f"message:{m.message_id}" for m in reference.unfolded + reference.verbatim}
    wanted |= {f"fact:{f.key}" for f in reference.facts}
    wanted |= {f"tier:{t.tier.value}" for t in reference.tiers}
    assert wanted - kept == set(over) - {k for k in over if k.startswith("truncated:")}

    # and the Messages API shape is valid, system-role messages only in system
    payload = render_anthropic(ctx)
    assert_valid_anthropic(payload)
    for message in ctx.verbatim:
        if message.role == "system":
            assert message_line(message) in payload["system"]


@settings(max_examples=30, deadline=None)
@given(scenarios())
def test_sections_hold_their_own_budgets_and_pending_messages_all_show(scenario: Scenario) -> None:
    # Given a random session / When assembled with no overall limit
    ctx = scenario.assemble(HUGE)
    budgets = scenario.budgets

    # Then no overall drop happened, and every pending message appears, unfolded or verbatim
    assert all(item.detail != OVER for item in ctx.dropped)
    assert [m.message_id for m in ctx.unfolded + ctx.verbatim] == [
        m.message_id for m in scenario.pending
    ]
    assert ctx.freshness.pending_unfolded >= len(scenario.pending) - scenario.verbatim_count

    # and each section is within its own budget
    for summary in ctx.tiers:
        assert estimate_tokens(summary.text) <= budgets.for_tier(summary.tier)
    assert estimate_tokens("\n".join(fact_line(f) for f in ctx.facts)) <= budgets.facts
    keys = [f.key for f in ctx.facts]
    assert len(keys) == len(set(keys))
    assert [f.updated_at for f in ctx.facts] == sorted(
        (f.updated_at for f in ctx.facts), reverse=True
    )
    if ctx.verbatim:
        lines = estimate_tokens("\n".join(message_line(m) for m in ctx.verbatim))
        newest_floor = estimate_tokens(
            message_line(ctx.verbatim[-1].model_copy(update={"content": ELLIPSIS}))
        )
        assert lines <= max(budgets.verbatim, newest_floor)
