"""Properties of domain.context.assemble over random budgets and multilingual sessions."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.context import MIN_BUDGET, AssembledContext, assemble, render_anthropic, render_text
from domain.context.render import message_line
from domain.tokens import ELLIPSIS
from schemas.memory_model import Budgets, Fact, TierName, TierSummary
from schemas.memory_state import MemoryState
from schemas.messages import Role, StoredMessage
from tests.context.checks import all_formats, assert_valid_anthropic
from tests.context.factories import detail, fact, messages, tier

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
fact_keys = st.sampled_from(
    ["product", "order_id", "delivery_date", "قیمت", "ราคา", "customer_name", "refund_amount"]
)

HUGE = 10**9


@dataclass
class Scenario:
    state: MemoryState
    recent: list[StoredMessage]
    total: int
    budgets: Budgets
    verbatim_count: int

    def assemble(self, budget: int) -> AssembledContext:
        return assemble(
            self.state,
            self.recent,
            total_messages=self.total,
            budget=budget,
            budgets=self.budgets,
            verbatim_count=self.verbatim_count,
        )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """A session of ``total`` messages, the first ``folded`` of them in tiers, of which the
    caller read the newest ``len(recent)`` (folded or not)."""
    total = draw(st.integers(0, 40))
    folded = draw(st.integers(0, total))
    position, tiers = 0, dict[str, TierSummary]()
    for name in (TierName.OLD, TierName.MID, TierName.RECENT):
        if position < folded and draw(st.booleans()):
            end = folded if name is TierName.RECENT else draw(st.integers(position + 1, folded))
            tiers[name.value] = tier(name, draw(texts), position + 1, end)
            position = end
    facts: list[Fact] = [
        fact(draw(fact_keys), draw(texts), minutes_ago=draw(st.integers(0, 1000)))
        for _ in range(draw(st.integers(0, 8)))
    ]
    # Details of folded messages, some with a value shown elsewhere, some superseded.
    details = [
        detail(position, draw(texts), [draw(texts)], draw(st.sampled_from(["amount", "date"])))
        for position in sorted(draw(st.lists(st.integers(1, max(folded, 1)), max_size=6)))
        if folded
    ]
    state = MemoryState(
        folded_count=folded,
        facts=facts,
        details=details,
        old=tiers.get("old"),
        mid=tiers.get("mid"),
        recent=tiers.get("recent"),
    )
    read = draw(st.integers(0, total))
    turns: list[tuple[Role, str]] = draw(
        st.lists(st.tuples(roles, texts), min_size=read, max_size=read)
    )
    if turns and draw(st.booleans()):  # a newest message that may be over any budget
        turns[-1] = (turns[-1][0], draw(long_texts))
    budgets = Budgets(
        verbatim=draw(st.integers(1, 500)),
        recent=draw(st.integers(1, 300)),
        mid=draw(st.integers(1, 300)),
        old=draw(st.integers(1, 300)),
        facts=draw(st.integers(1, 200)),
    )
    return Scenario(
        state=state,
        recent=messages(turns, first_position=total - read + 1),
        total=total,
        budgets=budgets,
        verbatim_count=draw(st.integers(1, 7)),
    )


def budgets_of(data: st.DataObject, scenario: Scenario) -> tuple[int, int]:
    need = max(scenario.assemble(HUGE).estimated_tokens.values())
    top = max(MIN_BUDGET, need + 40)
    first = data.draw(st.integers(MIN_BUDGET, top), "budget")
    second = data.draw(st.integers(MIN_BUDGET, top), "larger budget")
    return min(first, second), max(first, second)


@settings(max_examples=80, deadline=None)
@given(scenarios(), st.data())
def test_every_format_holds_the_budget_and_more_budget_never_shows_less(
    scenario: Scenario, data: st.DataObject
) -> None:
    # Given a random multilingual session and two budgets B1 <= B2
    small, large = budgets_of(data, scenario)

    # When its context is assembled at each
    at_small, at_large = scenario.assemble(small), scenario.assemble(large)

    for ctx, budget in ((at_small, small), (at_large, large)):
        # Then every format, as rendered, is within its budget, as reported
        assert all_formats(ctx) == ctx.estimated_tokens
        assert max(ctx.estimated_tokens.values()) <= budget
        # and the messages shown form one unbroken run up to the newest
        positions = [m.position for m in ctx.verbatim]
        if positions:
            assert positions == list(range(positions[0], scenario.total + 1))
        # and the Messages API shape is valid, system-role messages only in system
        payload = render_anthropic(ctx)
        assert_valid_anthropic(payload)
        for message in ctx.verbatim:
            if message.role == "system":
                assert message_line(message) in payload["system"]

    # and the facts and messages shown at B1 are shown at B2
    assert {f.key for f in at_small.facts} <= {f.key for f in at_large.facts}
    whole_small = {m.position for m in at_small.verbatim if not m.truncated}
    assert whole_small <= {m.position for m in at_large.verbatim}
    # and so are the details, unless their messages now are, word for word, or a summary
    # or message shown carries their values
    shown_from = at_large.verbatim[0].position if at_large.verbatim else scenario.total + 1
    large_text = " ".join(render_text(at_large).casefold().split())
    values = {(d.first_position, d.last_position): d.values for d in scenario.state.details}
    cut = {d.kind.removeprefix("detail_truncated:") for d in at_small.dropped}
    for shown in at_small.details:
        said = values[(shown.first_position, shown.last_position)]
        if f"{shown.first_position}-{shown.last_position}" in cut:
            # a detail cut to what was left: the values it showed
            said = [v for v in said if v.casefold() in shown.text.casefold()]
        carried = all(" ".join(v.casefold().split()) in large_text for v in said)
        assert shown in at_large.details or shown.first_position >= shown_from or carried


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.data())
def test_the_newest_message_comes_first_and_the_order_of_priority_holds(
    scenario: Scenario, data: st.DataObject
) -> None:
    # Given a random session at a random budget
    budget, _ = budgets_of(data, scenario)
    ctx = scenario.assemble(budget)
    reference = scenario.assemble(HUGE)

    # Then the newest message is always there, at worst cut with an ellipsis
    if scenario.recent:
        newest, original = ctx.verbatim[-1], scenario.recent[-1]
        assert newest.message_id == original.message_id
        assert newest.position == scenario.total
        if newest.truncated:
            assert newest.content.endswith(ELLIPSIS)
        else:
            assert newest.content == original.content

    # and facts go most recently updated first: those shown are the first of the list
    assert [f.key for f in ctx.facts] == [f.key for f in reference.facts][: len(ctx.facts)]

    # and a message older than the verbatim window, or the mid or old summary, is shown
    # only once every fact is
    window_start = scenario.total - scenario.verbatim_count + 1
    later = any(m.position < window_start for m in ctx.verbatim) or any(
        t.tier in (TierName.MID, TierName.OLD) and t.text == r.text
        for t in ctx.tiers
        for r in reference.tiers
        if r.tier == t.tier
    )
    if later:
        assert len(ctx.facts) == len(reference.facts)

    # and whatever was left out is listed as dropped
    dropped = {item.kind for item in ctx.dropped}
    for left_out in {f.key for f in reference.facts} - {f.key for f in ctx.facts}:
        assert f"fact:{left_out}" in dropped
    run_start = ctx.verbatim[0].position if ctx.verbatim else scenario.total + 1
    for summary in reference.tiers:
        if summary.first_position < run_start and summary.tier not in {t.tier for t in ctx.tiers}:
            assert f"tier:{summary.tier.value}" in dropped


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_with_budget_to_spare_every_message_read_is_shown_word_for_word(
    scenario: Scenario,
) -> None:
    # Given a random session / When assembled with no overall limit
    ctx = scenario.assemble(HUGE)

    # Then every message read is in the context as written, but a newest message over
    # the verbatim budget
    shown = [m.message_id for m in ctx.verbatim]
    assert shown == [m.message_id for m in scenario.recent]
    for message, original in zip(ctx.verbatim[:-1], scenario.recent[:-1], strict=True):
        assert message.content == original.content

    # and a summary appears only for messages not shown word for word
    if ctx.verbatim:
        assert all(t.first_position < ctx.verbatim[0].position for t in ctx.tiers)

    # and every fact, one per key
    keys = [f.key for f in ctx.facts]
    assert len(keys) == len(set(keys)) == len({f.key for f in scenario.state.facts})
