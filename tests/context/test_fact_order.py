"""The order in which a context shows key facts (en, fa, th)."""

from __future__ import annotations

import pytest

from domain.context import MIN_BUDGET, assemble
from domain.context.fact_order import held_elsewhere, in_showing_order
from schemas.memory_model import Budgets, Fact
from tests.context.factories import fact, memory, messages


def _keys(facts: list[Fact]) -> list[str]:
    return [f.key for f in in_showing_order(facts)]


@pytest.mark.parametrize(
    ("newer", "older", "other"),
    [
        # a time inside its date: the newer time ranks with the date, yet goes last
        (
            ("delivery_time", "between 1 and 5pm"),
            ("delivery_date", "Friday 10 October, between 1 and 5pm"),
            ("product_width", "150 cm"),
        ),
        (
            ("delivery_time", "ساعت ۱۴ تا ۱۸"),
            ("delivery_date", "شنبه ۱۷ آذر، ساعت ۱۴ تا ۱۸"),
            ("product_width", "۸۰ سانت"),
        ),
        (
            ("delivery_time", "เวลา 10.00 น."),
            ("delivery_date", "วันเสาร์ที่ 21 ธันวาคม เวลา 10.00 น."),
            ("product_width", "60 ซม."),
        ),
    ],
)
def test_a_value_part_of_a_longer_fact_value_is_not_shown_twice(
    newer: tuple[str, str], older: tuple[str, str], other: tuple[str, str]
) -> None:
    facts = [fact(*newer, minutes_ago=0), fact(*older, minutes_ago=1), fact(*other, 2)]
    assert _keys(facts) == [older[0], other[0]]
    assert held_elsewhere(facts) == {newer[0]: older[0]}


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        # another subject's value inside a longer one: the check-in is not the check-out
        (("check_in_date", "Friday 10 October"), ("check_out_date", "Friday 10 October, 11am")),
        (("pickup_date", "۲۳ آبان"), ("delivery_date", "۲۳ آبان ساعت ۱۱")),
        (("installation_time", "13.00-15.00 น."), ("visit_date", "วันเสาร์ที่ 7 ธ.ค. 13.00-15.00 น.")),
    ],
)
def test_another_subjects_value_inside_a_longer_one_is_still_shown_last(
    part: tuple[str, str], whole: tuple[str, str]
) -> None:
    facts = [fact(*part, minutes_ago=0), fact(*whole, minutes_ago=1), fact("fee", "£24", 2)]
    assert _keys(facts) == [whole[0], "fee", part[0]]
    assert held_elsewhere(facts) == {}


@pytest.mark.parametrize(
    "value",
    ["Wednesday 20 March, 8am to 1pm", "سه‌شنبه ۱۲ تیر ساعت ۸ تا ۱۱ صبح", "27 ธ.ค. 14.00 น."],
)
def test_of_two_subjects_with_one_value_the_second_goes_last(value: str) -> None:
    # the assembly is on the delivery's day: its key says something the value does not
    facts = [fact("delivery_date", value), fact("assembly_date", value, 1), fact("fee", "£24", 2)]
    assert _keys(facts) == ["delivery_date", "fee", "assembly_date"]
    assert held_elsewhere(facts) == {}


@pytest.mark.parametrize("value", ["£36.00", "۶۸۷٬۵۰۰ تومان", "1,250 บาท"])
def test_of_two_facts_about_one_subject_with_one_value_one_is_shown(value: str) -> None:
    facts = [fact("refund_amount", value), fact("refund_amount_2", value, 1)]
    assert _keys(facts) == ["refund_amount"]
    assert held_elsewhere(facts) == {"refund_amount_2": "refund_amount"}


@pytest.mark.parametrize(
    ("held", "holder"),
    [
        ("ORD-5843", "ORD-58432"),  # part of a word is not the value
        ("۰۹۱۲۷۶۵۱۲", "۰۹۱۲۷۶۵۱۲۰۳"),
        ("Tue", "Tue 3 June"),  # too short to tell
        ("081-234-567", "081-234-5678"),
    ],
)
def test_a_value_inside_another_word_or_too_short_keeps_its_place(held: str, holder: str) -> None:
    facts = [fact("order_id", held, minutes_ago=0), fact("ticket_id", holder, minutes_ago=1)]
    assert _keys(facts) == ["order_id", "ticket_id"]


def test_unrelated_values_keep_rank_and_recency() -> None:
    facts = [
        fact("product_width", "150 cm", minutes_ago=0),
        fact("customer_phone", "07700 900481", minutes_ago=5),
        fact("delivery_date", "วันเสาร์ที่ 21 ธันวาคม", minutes_ago=1),
    ]
    assert _keys(facts) == ["customer_phone", "delivery_date", "product_width"]


#: Holds the date's line and the coupon's (25.4 tokens).
FACTS_BUDGET = 26


def test_a_tight_facts_budget_spends_itself_on_values_not_shown_yet() -> None:
    # Given a facts budget that holds two fact lines, a third whose value one of them
    # holds, and a long recent summary
    facts = [
        fact("delivery_time", "ساعت ۱۴ تا ۱۸", minutes_ago=0),
        fact("delivery_date", "شنبه ۱۷ آذر، ساعت ۱۴ تا ۱۸", minutes_ago=1),
        fact("coupon_code", "AZAR10", minutes_ago=2),
    ]
    summary = "\n".join(f"User: پیام شماره {n} درباره سفارش" for n in range(30))
    state = memory(recent=summary, facts=facts)
    recent = messages([("user", "مرسی"), ("assistant", "خواهش می‌کنم")], 96)
    budgets = Budgets(facts=FACTS_BUDGET)
    contexts = [
        assemble(state, recent, total_messages=97, budget=b, budgets=budgets)
        for b in range(MIN_BUDGET, 600, 10)
    ]
    shown = [{f.key for f in ctx.facts} for ctx in contexts]

    # Then the date and the coupon come in together; the time the date carries is never
    # shown a second time, and every context says where it is
    assert {"delivery_date", "coupon_code"} in shown
    assert all("delivery_time" not in keys for keys in shown)
    assert shown[-1] == {"delivery_date", "coupon_code"}
    for ctx in contexts:
        held = [d for d in ctx.dropped if d.kind == "fact:delivery_time"]
        assert [d.detail for d in held] == ["its value is shown in fact delivery_date"]
