"""Summary lines that only repeat a key fact shown above them are left out (en, fa, th)."""

from __future__ import annotations

import pytest

from domain.context import assemble
from domain.context.render import render_text
from domain.context.repeated import only_repeats, without_repeats, without_said
from domain.tokens import estimate_tokens
from schemas.memory_model import Budgets
from tests.context.factories import detail, fact, memory, messages


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("User: ORD-58432", "ORD-58432"),
        ("Assistant: Yes, 07700 900481.", "07700 900481"),
        ("User: sure: hannah.okafor@fastmail.com", "hannah.okafor@fastmail.com"),
        ("Assistant: بله، ۰۹۳۶۲۲۰۸۴۱۵.", "۰۹۳۶۲۲۰۸۴۱۵"),
        ("User: کد رهگیری: ۸۸۷۲۱", "۸۸۷۲۱"),
        ("User: 081-234-5678", "081-234-5678"),
        ("Assistant: ได้เลย, BK-20491", "BK-20491"),
        ("User: 086-445-9021 ครับ", "086-445-9021"),
    ],
)
def test_a_line_that_only_answers_with_a_fact_value_goes(line: str, value: str) -> None:
    assert only_repeats(line, [value])


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # a word of the value's own before it: a brand, a city, an insurer
        ("User: Bosch SMS46NI01", "SMS46NI01"),
        ("User: he's with Coastline Insurance, policy CL-448190", "CL-448190"),
        ("User: بوش SMS46NI01", "SMS46NI01"),
        ("User: اهواز کیانپارس خیابان ۷ غربی پلاک ۵۶", "خیابان ۷ غربی پلاک ۵۶"),
        ("User: ทะเบียน กข 1234", "กข 1234"),
        ("User: กข 1234 กรุงเทพมหานคร ครับ", "กข 1234"),
        # a second value beside it
        ("Assistant: ORD-58432, £36.00 in total.", "ORD-58432"),
        ("Assistant: سفارش ۵۵۱۲، مبلغ ۶۸۷٬۵۰۰ تومان", "سفارش ۵۵۱۲"),
        ("Assistant: BK-20491, 1,250 บาท", "BK-20491"),
        # the value inside a longer one
        ("User: Wednesday 20 March, 8am to 1pm", "20 March"),
        # a value marked as replaced: the mark is what says it is old
        ("Assistant: 12 Elm Street (replaced by 7 Zand Boulevard)", "7 Zand Boulevard"),
        ("Assistant: خیابان مطهری (replaced by نارمک، کوچه ۲۴)", "نارمک، کوچه ۲۴"),
        # no fact value at all, or one too short to tell
        ("User: ขอบคุณครับ", "081-234-5678"),
        ("User: 12", "12"),
    ],
)
def test_a_line_with_more_than_a_fact_value_stays(line: str, value: str) -> None:
    assert not only_repeats(line, [value])


def test_a_line_with_a_long_clause_beside_the_value_stays() -> None:
    line = (
        "Assistant: Noted, the driver will ring the bell twice and wait at the gate: 07700 900481"
    )
    assert not only_repeats(line, ["07700 900481"])


def test_only_the_repeating_lines_go_in_every_language() -> None:
    summary = "\n".join(
        [
            "Assistant: Could you share your order number?",
            "User: ORD-58432",
            "Assistant: شماره تماس؟",
            "User: ۰۹۱۲۷۶۵۱۲۰۳",
            "Assistant: ขอเบอร์โทรด้วยค่ะ",
            "User: 081-234-5678",
        ]
    )
    # A question goes with its answer: neither is left hanging
    assert without_repeats(summary, ["ORD-58432", "۰۹۱۲۷۶۵۱۲۰۳", "081-234-5678"]) == ""
    # and a question whose answer says more stays with it
    kept = without_repeats(
        summary.replace("User: ORD-58432", "User: ORD-58432, and my phone is 07700 900481"),
        ["ORD-58432"],
    )
    assert kept.split("\n")[:2] == [
        "Assistant: Could you share your order number?",
        "User: ORD-58432, and my phone is 07700 900481",
    ]


def test_a_long_line_before_a_repeated_answer_stays() -> None:
    summary = "Assistant: " + "We looked into the delayed parcel and the courier confirmed it. " * 2
    summary += "What's your order number?\nUser: ORD-58432"
    assert without_repeats(summary, ["ORD-58432"]) == summary.split("\n")[0]


def _history(count: int) -> list:
    return messages([("user" if i % 2 else "assistant", f"turn {i}") for i in range(count)], 96)


def test_the_recent_summary_leaves_out_a_line_repeating_a_fact_shown_above_it() -> None:
    # Given a recent summary whose answer line only repeats the order id fact
    state = memory(
        recent="Assistant: Your order number?\nUser: ORD-58432\nUser: the desk wobbles on 2 legs",
        facts=[fact("order_id", "ORD-58432")],
    )
    ctx = assemble(state, _history(5), total_messages=100, budget=1200, budgets=Budgets())

    # Then the order id is shown once, as a fact, the question goes with its answer, and
    # the rest of the summary stays
    text = render_text(ctx)
    assert text.count("ORD-58432") == 1
    assert "• Order id: ORD-58432" in text
    assert "User: the desk wobbles on 2 legs" in text
    assert "Your order number?" not in text


@pytest.mark.parametrize(
    ("name", "phone", "chatter"),
    [
        ("Hannah Okafor", "07700 900481", "Assistant: It is 21 degrees in Leeds, lovely today."),
        ("سارا احمدی", "۰۹۱۲۷۶۵۱۲۰۳", "Assistant: هوای تهران امروز ۲۱ درجه‌ست، خیلی خوبه."),
        ("สมชาย ใจดี", "081-234-5678", "Assistant: วันนี้เชียงใหม่ 21 องศา อากาศดีมากครับ"),
    ],
)
def test_a_fact_beyond_the_facts_budget_comes_before_the_recent_summary(
    name: str, phone: str, chatter: str
) -> None:
    # Given a facts budget that holds the first fact only, and a recent summary that
    # quotes the second among much small talk
    facts = [fact("customer_name", name), fact("customer_phone", phone, minutes_ago=1)]
    summary = "\n".join(["Assistant: Your phone?", f"User: {phone}", *[chatter] * 20])
    state = memory(recent=summary, facts=facts)
    budgets = Budgets(facts=12)

    # When the budget holds the facts and the messages but not the whole summary
    ctx = assemble(state, _history(5), total_messages=100, budget=300, budgets=budgets)

    # Then both facts are shown, the phone once: as a fact, not as a summary line
    assert [f.value for f in ctx.facts] == [name, phone]
    assert any(d.kind == "tier_truncated:recent" for d in ctx.dropped)
    assert render_text(ctx).count(phone) == 1


def test_a_summary_that_only_repeats_facts_is_left_out_and_says_why() -> None:
    state = memory(
        recent="User: ORD-58432\nUser: ۰۹۱۲۷۶۵۱۲۰۳",
        facts=[
            fact("order_id", "ORD-58432"),
            fact("customer_phone", "۰۹۱۲۷۶۵۱۲۰۳"),
        ],
    )
    ctx = assemble(state, _history(5), total_messages=100, budget=1200, budgets=Budgets())

    assert not [t for t in ctx.tiers if t.tier.value == "recent"]
    assert any(d.kind == "tier:recent" and "repeats" in d.detail for d in ctx.dropped)
    assert {f.value for f in ctx.facts} == {"ORD-58432", "۰۹۱۲۷۶۵۱۲۰۳"}


#: Ten newest messages (91-100), chit-chat: the values are only in the memory.
_CHAT = [
    ("user" if i % 2 else "assistant", f"Message {i}: thanks, that all sounds fine. " * 4)
    for i in range(10)
]


@pytest.mark.parametrize(
    ("said", "next_line", "value"),
    [
        (
            "User: My email is dan@example.com",
            "Assistant: Your booking reference is AM-W-20417, keep it handy.",
            "AM-W-20417",
        ),
        (
            "Assistant: شهریه ترم ۲,۴۵۰,۰۰۰ تومان است.",
            "Assistant: کد پیگیری ثبت نام شما ۴۸۲۱۷ است.",
            "۴۸۲۱۷",
        ),
        (
            "User: เบอร์โทร 081-234-5678",
            "Assistant: เลขที่การจองของคุณคือ TH-4821 นะคะ",
            "TH-4821",
        ),
    ],
)
def test_a_summary_line_a_shown_detail_says_leaves_its_room_to_the_next(
    said: str, next_line: str, value: str
) -> None:
    # The recent summary's budget holds one line: the one the detail says again goes, and
    # the next line, with a value the context holds nowhere else, takes its room.
    detail_of_said = detail(85, said, [said.split(" ")[-1]], "number")
    state = memory(recent=f"{said}\n{next_line}", spans=(45, 80, 90))
    state = state.model_copy(update={"details": [detail_of_said]})
    small_recent = Budgets(recent=estimate_tokens(next_line) + 1)
    ctx = assemble(
        state,
        messages(_CHAT, first_position=91),
        total_messages=100,
        budget=1200,
        budgets=small_recent,
    )
    text = render_text(ctx)
    assert value in text
    assert [d.text for d in ctx.details] == [said]
    (recent,) = ctx.tiers
    assert said not in recent.text


def test_a_summary_line_with_words_no_detail_says_stays() -> None:
    text = "User: My email is dan@example.com and my partner's is sam@example.com"
    assert without_said(text, [frozenset({"email", "dan@example.com"})]) == text
    assert without_said(text, []) == text
    # each detail says part of it, none says it all: the line keeps what it pairs
    halves = [frozenset({"email", "dan@example.com"}), frozenset({"partner", "sam@example.com"})]
    assert without_said(text, halves) == text
    marked = "User: Drop-off Tuesday 14th (replaced by Thursday 16th)"
    assert without_said(marked, [frozenset({"drop", "tuesday", "14th"})]) == marked


def test_a_summary_the_shown_details_say_whole_is_left_out_and_named() -> None:
    said = "Assistant: Your booking reference is AM-W-20417."
    state = memory(recent=said, spans=(45, 80, 90))
    state = state.model_copy(update={"details": [detail(85, said, ["AM-W-20417"], "identifier")]})
    ctx = assemble(
        state,
        messages(_CHAT, first_position=91),
        total_messages=100,
        budget=1200,
        budgets=Budgets(),
    )
    assert [d.text for d in ctx.details] == [said]
    assert not ctx.tiers
    (named,) = [d for d in ctx.dropped if d.kind == "tier:recent"]
    assert named.detail == "the details shown say all it says"
