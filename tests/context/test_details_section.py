"""The details section: stored details the rest of the context does not carry, newest
first, under one heading in every format, within a share of the budget past 400 tokens."""

from __future__ import annotations

import pytest

from domain.context import (
    AssembledContext,
    assemble,
    render_anthropic,
    render_json,
    render_openai,
    render_text,
)
from domain.context.assemble import DETAILS_SHARE
from domain.context.render import DETAILS_HEADING, details_section
from domain.tokens import estimate_tokens
from schemas.memory_model import Budgets, Detail, FactValue, ReplacedValue
from schemas.messages import Role
from tests.context.checks import all_formats
from tests.context.factories import NOW, detail, fact, memory, messages

TOTAL = 100
#: Ten newest messages (91-100), chit-chat: the values are only in the details.
_RECENT: list[tuple[Role, str]] = [
    ("user" if i % 2 else "assistant", f"Message {i}: thanks, that all sounds fine. " * 4)
    for i in range(10)
]


DETAILS = [
    detail(5, "Assistant: What's the mileage on it?\nUser: 84,312", ["84,312"], "number", last=6),
    detail(12, "User: My email is dan@example.com", ["dan@example.com"], "email"),
    detail(20, "Assistant: شهریه ترم ۲,۴۵۰,۰۰۰ تومان است.", ["۲,۴۵۰,۰۰۰ تومان"], "amount"),
    detail(
        30, "Assistant: ขอเบอร์โทรครับ\nUser: 081-234-5678 ค่ะ", ["081-234-5678"], "phone", last=31
    ),
    detail(40, "Assistant: Your courtesy car is YD68 PWE.", ["YD68"], "identifier"),
    detail(50, "Assistant: Update: the service total is now £259.", ["£259"], "amount"),
]


def _context(budget: int, **changes: object) -> AssembledContext:
    state = memory(recent="User: Thanks for the help so far.", spans=(45, 80, 90))
    state = state.model_copy(update={"details": DETAILS, **changes})
    return assemble(
        state,
        messages(_RECENT, first_position=91),
        total_messages=TOTAL,
        budget=budget,
        budgets=Budgets(),
        verbatim_count=5,
    )


def _shown(ctx: AssembledContext) -> list[str]:
    return [detail.text for detail in ctx.details]


def test_the_section_shows_new_details_newest_first_in_every_format() -> None:
    ctx = _context(1200)
    assert _shown(ctx) == [
        "Assistant: Update: the service total is now £259.",
        "Assistant: Your courtesy car is YD68 PWE.",
        "Assistant: ขอเบอร์โทร\nUser: 081-234-5678",  # compact: no closing particles
        "Assistant: شهریه ترم ۲,۴۵۰,۰۰۰ تومان است.",
        "User: My email is dan@example.com",
        "Assistant: What's the mileage on it?\nUser: 84,312",
    ]
    section = "\n".join([DETAILS_HEADING, *_shown(ctx)])
    assert section in render_text(ctx)
    assert section in render_anthropic(ctx)["system"]
    assert section in render_openai(ctx)[0]["content"]
    data = render_json(ctx)
    assert [d["text"] for d in data["details"]] == _shown(ctx)
    assert data["covered"]["details"] == {"first_position": 5, "last_position": 50}
    assert "details" in data["section_tokens"]


def test_every_format_holds_the_budget_and_more_budget_never_shows_less() -> None:
    before: AssembledContext | None = None
    for budget in range(300, 2400, 25):
        ctx = _context(budget)
        assert max(all_formats(ctx).values()) <= budget
        assert ctx.estimated_tokens["text"] <= budget
        if before is not None:
            assert set(_shown(before)) <= set(_shown(ctx))
            assert {f.key for f in before.facts} <= {f.key for f in ctx.facts}
            assert {m.position for m in before.verbatim} <= {m.position for m in ctx.verbatim}
        before = ctx


def test_no_details_up_to_400_tokens_and_those_left_out_are_named() -> None:
    # The newest messages fill 400 tokens: the details have no share of it.
    ctx = _context(400)
    assert len(ctx.verbatim) > 5
    assert ctx.details == []
    assert DETAILS_HEADING not in render_text(ctx)
    assert {"detail:5-6", "detail:50-50"} <= {d.kind for d in ctx.dropped}
    wide = _context(1200)
    left_out = {d.kind for d in wide.dropped if d.kind.startswith("detail:")}
    assert "detail:50-50" not in left_out


def test_a_detail_whose_values_a_key_fact_shows_is_left_out() -> None:
    ctx = _context(1200, facts=[fact("customer_email", "dan@example.com")])
    assert "User: My email is dan@example.com" not in _shown(ctx)
    assert "Assistant: Your courtesy car is YD68 PWE." in _shown(ctx)


def test_a_replaced_value_is_marked_in_every_language() -> None:
    ctx = _context(1200, replaced_values=["84,312", "۲,۴۵۰,۰۰۰ تومان", "081-234-5678"])
    text = render_text(ctx)
    assert "User: 84,312 (replaced)" in text
    assert "۲,۴۵۰,۰۰۰ تومان (replaced)" in text
    assert "081-234-5678 (replaced)" in text
    assert "YD68 PWE. (replaced" not in text


def test_a_detail_shown_word_for_word_is_not_shown_twice() -> None:
    state = memory(recent="User: hello", spans=(0, 0, 8)).model_copy(
        update={"details": [detail(3, "User: 84,312", ["84,312"], "number")]}
    )
    turns: list[tuple[Role, str]] = [("user", f"message {i}") for i in range(1, 11)]
    turns[2] = ("user", "84,312")
    ctx = assemble(state, messages(turns), total_messages=10, budget=5000, budgets=Budgets())
    assert ctx.details == []
    assert [m.position for m in ctx.verbatim] == list(range(1, 11))


def test_a_detail_a_shown_summary_carries_is_left_out_and_named() -> None:
    # The mid summary, extractive, quotes the detail word for word: once it is shown the
    # detail says nothing new; below that it is the only place the values are.
    mid = "Assistant: The service total is £239. We booked Friday. " * 3
    with_mid = memory(recent="User: Thanks.", mid=mid, spans=(45, 80, 90)).mid
    total = detail(60, "Assistant: The service total is £239.", ["£239"], "amount")

    def at(budget: int) -> AssembledContext:
        return _context(budget, mid=with_mid, details=[total])

    shown_from = [b for b in range(400, 3000, 10) if any(t.tier == "mid" for t in at(b).tiers)]
    assert shown_from
    wide = at(3000)
    assert _shown(wide) == []
    assert "£239" in render_text(wide)
    (named,) = [d for d in wide.dropped if d.kind == "detail:60-60"]
    assert named.detail == "its values are shown elsewhere in the context"
    narrow = [b for b in range(450, shown_from[0], 10) if _shown(at(b))]
    assert narrow  # before the mid summary fits, the detail shows the total
    for budget in range(400, 3000, 10):
        ctx = at(budget)
        # a part of the mid summary in what is left of the budget keeps the detail
        shown_mid = any(t.text == with_mid.text.strip() for t in ctx.tiers)
        assert not (shown_mid and _shown(ctx)), budget
        assert shown_mid or _shown(ctx) or budget < narrow[0], budget


@pytest.mark.parametrize(
    ("key", "current", "earlier", "said", "value"),
    [
        ("vehicle_mileage", "84,312 miles", "79,000 miles", "User: about 79,000 I think", "79,000"),
        ("vehicle_mileage", "۸۴,۳۱۲ کیلومتر", "۷۹,۰۰۰ کیلومتر", "User: حدود ۷۹,۰۰۰", "۷۹,۰۰۰"),
        ("monthly_rent", "12,500 บาท", "11,800 บาท", "User: ค่าเช่า 11,800 ครับ", "11,800"),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_replaced_value_worded_shorter_than_the_facts_history_is_marked(
    key: str, current: str, earlier: str, said: str, value: str
) -> None:
    replaced = fact(key, current).model_copy(
        update={"history": [FactValue(value=earlier, source_message_id="m1", updated_at=NOW)]}
    )
    other = detail(30, "User: 81,234 is the other number", ["81,234"], "number")
    ctx = _context(1200, facts=[replaced], details=[detail(20, said, [value], "number"), other])
    assert f"{value} (replaced by {current})" in _shown(ctx)[1]
    assert "(replaced" not in _shown(ctx)[0]


def test_a_summary_holding_a_longer_number_does_not_carry_a_detail() -> None:
    # "£24" is not in "£240", nor "12" in "12:30": the detail is still the only place.
    mid = "Assistant: The order total is £240, ready at 12:30."
    with_mid = memory(recent="User: Thanks.", mid=mid, spans=(45, 80, 90)).mid
    charge = detail(60, "Assistant: The delivery charge is £24.", ["£24"], "amount")
    ctx = _context(3000, mid=with_mid, details=[charge])
    assert any(t.tier == "mid" for t in ctx.tiers)
    assert _shown(ctx) == ["Assistant: The delivery charge is £24."]
    assert not [d for d in ctx.dropped if d.kind == "detail:60-60"]


def test_a_superseded_detail_is_left_out_and_named() -> None:
    older = detail(40, "Assistant: The service total is £239.", ["£239"], "amount")
    older = older.model_copy(update={"superseded": True})
    newer = detail(50, "Assistant: Update: the service total is now £259.", ["£259"], "amount")
    ctx = _context(3000, details=[older, newer])
    assert _shown(ctx) == [newer.text]
    (named,) = [d for d in ctx.dropped if d.kind == "detail:40-40"]
    assert named.detail == "a newer detail says it again with its own values"


def _assert_shown_from_a_budget_on(mid: str, stated: Detail, words: str) -> None:
    """Swept every 20 tokens with ``mid`` as the mid summary: ``words`` of the detail are
    shown from some budget on, and at every larger one."""
    with_mid = memory(recent="User: Thanks.", mid=mid * 3, spans=(45, 80, 90)).mid
    shown_at = []
    for budget in range(400, 3000, 20):
        ctx = _context(budget, mid=with_mid, details=[stated])
        shown_at.append(words in render_text(ctx))
    assert any(shown_at)
    first = shown_at.index(True)
    assert all(shown_at[first:])


@pytest.mark.parametrize(
    ("mid", "said", "value", "words"),
    [
        (
            "Assistant: The brakes are £352.80 and the service is £239. ",
            "Assistant: Full service £239 plus the front brakes £352.80.",
            "£239",
            "Full service",
        ),
        (
            "Assistant: جمع مبلغ ۳۸۵ هزار تومان است. ",
            "Assistant: با بیمه تأمین اجتماعی جمع مبلغ ۳۸۵ هزار تومان است.",
            "۳۸۵ هزار تومان",
            "تأمین اجتماعی",
        ),
        (
            "Assistant: มัดจำ 5,000 บาทค่ะ ",
            "Assistant: ลูกค้าจ่ายด้วยบัตรเครดิต มัดจำ 5,000 บาทค่ะ",
            "5,000 บาท",
            "บัตรเครดิต",
        ),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_detail_stays_while_the_summary_carrying_its_values_misses_its_words(
    mid: str, said: str, value: str, words: str
) -> None:
    # The mid summary states the detail's values but not what they are for: hiding the
    # detail once the summary fits would take back from a larger budget what a smaller
    # one showed.
    _assert_shown_from_a_budget_on(mid, detail(60, said, [value], "amount"), words)


@pytest.mark.parametrize(
    ("mid", "said", "value", "words"),
    [
        (
            "User: our parking space is new now. Assistant: That adds 17 pounds. ",
            "User: our parking is now space 17",
            "17",
            "space 17",
        ),
        (
            "User: پارکینگ شماره جدید رو بعدا میگم. Assistant: یعنی ۶ تومن اضافه. ",
            "User: پارکینگ ما شده پارکینگ شماره ۶",
            "۶",
            "شماره ۶",
        ),
        (
            "User: ที่จอดรถของเราเป็นช่องใหม่ Assistant: เพิ่มอีก 17 บาทค่ะ ",
            "User: ที่จอดรถของเราเป็นช่อง 17",
            "17",
            "ช่อง 17",
        ),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_bare_number_elsewhere_does_not_hide_the_detail_it_labels(
    mid: str, said: str, value: str, words: str
) -> None:
    # The summary holds the detail's words and a "17" of something else: the detail's
    # number is what its label says, so it stays at every budget that showed it.
    _assert_shown_from_a_budget_on(mid, detail(60, said, [value], "number"), words)


def test_the_details_come_before_the_recent_summary() -> None:
    # A detail is a value word for word in a few tokens; the recent summary, the
    # conversation around the values: where both do not fit, the details are shown.
    recent = "\n".join(
        f"User: Sentence {i} of the recent talk, nothing new in it." for i in range(12)
    )
    state = memory(recent=recent, spans=(45, 80, 90)).model_copy(update={"details": DETAILS})
    ctx = assemble(
        state,
        messages(_RECENT, first_position=91),
        total_messages=TOTAL,
        budget=500,
        budgets=Budgets(),
        verbatim_count=5,
    )
    assert _shown(ctx)[:2] == [DETAILS[5].text, DETAILS[4].text]
    (summary,) = ctx.tiers
    assert summary.text != recent
    assert "tier_truncated:recent" in {d.kind for d in ctx.dropped}


def test_the_details_may_use_their_share_of_a_large_budget() -> None:
    # Fifty messages no summary covers would fill the rest: the details get their share.
    many = [
        detail(i + 1, f"Assistant: Locker {i} has the code {1000 + i}.", [str(1000 + i)], "number")
        for i in range(60)
    ]
    state = memory(recent="User: Thanks.", spans=(10, 20, 40)).model_copy(update={"details": many})
    backlog = [
        ("user" if i % 2 else "assistant", f"Message {i}: fine, thanks. " * 4) for i in range(60)
    ]
    ctx = assemble(
        state,
        messages(backlog, first_position=41),  # type: ignore[arg-type]
        total_messages=100,
        budget=2000,
        budgets=Budgets(),
    )
    assert len(ctx.verbatim) < 60
    shown = estimate_tokens(details_section(ctx.details))
    assert (DETAILS_SHARE - 0.05) * 2000 < shown <= DETAILS_SHARE * 2000


def test_a_value_a_fold_stored_as_replaced_is_marked_where_it_is_quoted() -> None:
    # The context reads what the folds worked out (``Detail.replaced``): the detail that
    # replaced the value need not be stored any more.
    mid = "User gave mobile 07700 900418. Drop-off Tuesday 14th. رزرو ۴۵۱۲ ثبت شد."
    with_mid = memory(recent="User: Thanks.", mid=mid, spans=(45, 80, 90)).mid
    mobile = detail(28, "User: my mobile is 07700 900418", ["07700 900418"], "phone")
    drop_off = detail(30, "Assistant: Drop-off booked for Tuesday 14th.", ["Tuesday 14th"], "date")
    booking = detail(32, "User: کد رزرو ۴۵۱۲ هست", ["۴۵۱۲"], "number")
    stored = [
        mobile.model_copy(
            update={
                "replaced": [ReplacedValue(old="07700 900418", new="07700 900481", how="corrected")]
            }
        ),
        drop_off.model_copy(
            update={
                "replaced": [ReplacedValue(old="Tuesday 14th", new="Thursday 16th", how="changed")]
            }
        ),
        booking.model_copy(
            update={"replaced": [ReplacedValue(old="۴۵۱۲", new="۴۵۲۱", how="corrected")]}
        ),
    ]
    text = render_text(_context(3000, mid=with_mid, details=stored))
    assert "07700 900418 (replaced by 07700 900481)" in text
    assert "Tuesday 14th (replaced by Thursday 16th)" in text
    assert "۴۵۱۲ (replaced by ۴۵۲۱)" in text
    # a changed value a fact holds as current is another thing's: not marked; a corrected
    # one was nobody's, whatever a fact says
    facts = [fact("payment_date", "Tuesday 14th"), fact("mobile", "07700 900418")]
    text = render_text(_context(3000, mid=with_mid, details=stored, facts=facts))
    assert "Tuesday 14th (replaced" not in text
    assert "07700 900418 (replaced by 07700 900481)" in text
    # and without stored replaced values nothing is marked
    assert "(replaced" not in render_text(
        _context(3000, mid=with_mid, details=[mobile, drop_off, booking])
    )


def test_a_larger_share_never_takes_back_what_came_after_it() -> None:
    # Twelve details, more than the share holds, and a long mid summary after them: as
    # the share grows it lets in the next detail whole, and without a reserve the summary
    # would lose that detail's cost at once and show less at the larger budget.
    mid = " ".join(
        f"Assistant: Item {i} of the order, the blue model in the large size, is confirmed."
        for i in range(30)
    )
    state = memory(recent="User: Thanks.", mid=mid, spans=(45, 80, 90)).mid
    details = [
        detail(
            46 + 2 * i,
            f"Assistant: For parcel {i} the courier fee is £{10 + i}.50 and it leaves the "
            f"depot on the morning of day {i + 1} with the rest of the order.",
            [f"£{10 + i}.50"],
            "amount",
        )
        for i in range(12)
    ]
    previous: set[str] = set()
    for budget in range(420, 1500, 5):
        text = render_text(_context(budget, mid=state, details=details))
        shown = {line for line in text.splitlines() if line.startswith("Assistant: Item")}
        words = {w for line in shown for w in line.split() if not w.endswith("…")}
        assert previous <= words, budget
        previous = words


@pytest.mark.parametrize(
    ("older", "old", "new", "newer"),
    [
        (
            "Assistant: Your collection is at 4pm.",
            "4pm",
            "5:45pm",
            "Assistant: I've changed your collection to 5:45pm.",
        ),
        (
            "Assistant: نوبت شما پنجشنبه ساعت ۱۶ است.",
            "پنجشنبه ساعت ۱۶",
            "شنبه ساعت ۱۰",
            "Assistant: نوبت شما به شنبه ساعت ۱۰ تغییر کرد.",
        ),
        (
            "Assistant: นัดช่างวันจันทร์ที่ 2 ธันวาคม ครับ",
            "วันจันทร์ที่ 2 ธันวาคม",
            "วันพุธที่ 4 ธันวาคม",
            "Assistant: เลื่อนนัดช่างเป็นวันพุธที่ 4 ธันวาคม ครับ",
        ),
    ],
)
def test_a_detail_whose_every_value_a_newer_one_replaced_is_left_out(
    older: str, old: str, new: str, newer: str
) -> None:
    replaced = detail(40, older, [old], "date").model_copy(
        update={"replaced": [ReplacedValue(old=old, new=new, how="changed")]}
    )
    current = detail(50, newer, [new], "date")
    ctx = _context(1200, details=[replaced, current])
    assert [new in text for text in _shown(ctx)] == [True]
    assert old not in render_text(ctx)
    (named,) = [d for d in ctx.dropped if d.kind == "detail:40-40"]
    assert named.detail == "a newer detail replaced every value it states"


def test_a_detail_with_a_value_no_newer_one_replaced_stays() -> None:
    older = detail(40, "Assistant: Collection at 5pm, the fee is £24.", ["5pm", "£24"], "amount")
    older = older.model_copy(
        update={"replaced": [ReplacedValue(old="5pm", new="5:45pm", how="changed")]}
    )
    newer = detail(50, "Assistant: I've changed your collection to 5:45pm.", ["5:45pm"], "time")
    text = render_text(_context(1200, details=[older, newer]))
    assert "£24" in text


@pytest.mark.parametrize(
    ("older", "old", "new", "newer", "only_there"),
    [
        (
            "Assistant: Tom from Acme Plumbing will come at 10am and needs access to the loft.",
            "10am",
            "2pm",
            "Assistant: I've moved the visit to 2pm.",
            "loft",
        ),
        (
            "Assistant: تعمیرکار ساعت ۱۰ میاد و کلید انباری رو لازم داره.",
            "ساعت ۱۰",
            "ساعت ۱۴",
            "Assistant: نوبت رو به ساعت ۱۴ تغییر دادم.",
            "انباری",
        ),
        (
            "Assistant: ช่างที่จะขึ้นห้องใต้หลังคามาเวลา 10 โมงครับ",
            "10 โมง",
            "บ่าย 2 โมง",
            "Assistant: เลื่อนนัดเป็นบ่าย 2 โมงแล้วครับ",
            "ห้องใต้หลังคา",
        ),
    ],
)
def test_a_replaced_detail_that_says_more_than_its_values_stays_marked(
    older: str, old: str, new: str, newer: str, only_there: str
) -> None:
    replaced = detail(40, older, [old], "time").model_copy(
        update={"replaced": [ReplacedValue(old=old, new=new, how="changed")]}
    )
    current = detail(50, newer, [new], "time")
    shown = _shown(_context(1200, details=[replaced, current]))
    assert len(shown) == 2
    assert only_there in shown[1]
    assert f"{old} (replaced by {new})" in shown[1]


@pytest.mark.parametrize(
    ("older", "other", "newer"),
    [
        (
            ("Assistant: Your collection is booked for 4pm on the Friday.", "4pm"),
            ("Assistant: The courtesy car is YD68 PWE, keys at the front desk.", "YD68 PWE"),
            ("Assistant: Your collection is booked for 5:45pm, all confirmed.", "5:45pm"),
        ),
        (
            ("Assistant: تحویل مبل ساعت ۱۷ انجام میشه، راننده زنگ میزنه.", "ساعت ۱۷"),
            ("Assistant: کد پیگیری سفارش شما ۴۵۸۸۱۲ هست، لطفا یادداشت کنید.", "۴۵۸۸۱۲"),
            ("Assistant: تحویل مبل ساعت ۱۸:۳۰ انجام میشه.", "ساعت ۱۸:۳۰"),
        ),
        (
            ("Assistant: ช่างแจ้งว่าน่าจะเสร็จประมาณ 17:00 ค่ะ", "17:00"),
            ("Assistant: เลขที่ใบรับรถของคุณคือ JB-44817 นะคะ เก็บไว้ด้วยค่ะ", "JB-44817"),
            ("Assistant: ช่างแจ้งว่าใส่เสร็จน่าจะราว 18:30 ค่ะ", "18:30"),
        ),
    ],
)
def test_a_detail_a_newer_one_says_anew_comes_last_in_the_share(
    older: tuple[str, str], other: tuple[str, str], newer: tuple[str, str]
) -> None:
    # The older time is said anew with no word of change: the share shows the other
    # detail first, so at no budget does the older time stand without it.
    details = [
        detail(30, other[0], [other[1]], "identifier"),
        detail(40, older[0], [older[1]], "time"),
        detail(50, newer[0], [newer[1]], "time"),
    ]
    alone = []
    for budget in range(420, 1600, 10):
        text = render_text(_context(budget, details=details))
        if older[1] in text and other[1] not in text:
            alone.append(budget)
    assert not alone
    assert other[1] in render_text(_context(3000, details=details))
