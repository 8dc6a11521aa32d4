"""A summary or detail shortened to what is left of the budget keeps its values first
(``domain.context.value_cut``), and more room never shows less."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

import pytest

from domain.context import AssembledContext, assemble, render_text
from domain.context.assemble import DETAILS_FROM
from domain.context.value_cut import laid_out, pieces, value_cut
from domain.tokens import ELLIPSIS, estimate_tokens, token_weight
from schemas.limits import MIN_BUDGET
from schemas.memory_model import Budgets
from schemas.messages import Role
from tests.context.checks import all_formats
from tests.context.factories import detail, memory, messages

#: (a summary whose values stand past where a cut of its tail would stop, its values)
SUMMARIES = {
    "en": (
        "User: hi there, I need to book my car in for a service, is this the right place?\n"
        "Assistant: Yes, happy to help with that. Could I take your name to start with?\n"
        "User: sure, the reg is KP16 XRF and the mileage is 84,312 as of this morning.",
        ["KP16 XRF", "84,312"],
    ),
    "fa": (
        "User: سلام وقت بخیر، کلینیک دامپزشکی مهرگان؟ می‌خواستم برای گربه‌ام نوبت بگیرم\n"
        "Assistant: سلام، بله در خدمتم. لطفاً اسم و سن گربه را بفرمایید تا ثبت کنم\n"
        "User: اسمش پشمکه، وزنش ۴.۶ کیلو است و نوبت دوشنبه ۱۴ آبان ساعت ۵ خوبه",
        ["۴.۶ کیلو", "دوشنبه ۱۴ آبان"],
    ),
    "th": (
        "User: สวัสดีค่ะ อยากสอบถามเรื่องเปลี่ยนเที่ยวบินภายในประเทศค่ะ ทำได้ไหมคะ\n"
        "Assistant: ได้ครับ รบกวนขอรหัสการจองและชื่อผู้โดยสารด้วยครับ\n"
        "User: รหัสการจอง QX7P2M ค่ะ เบอร์ติดต่อ 081-234-5678 ค่ะ",
        ["QX7P2M", "081-234-5678"],
    ),
}

MARKED = (
    "Assistant: Full service first, then the brakes. "
    "I've changed your collection to 5:45 (replaced by Saturday 10am) tomorrow, "
    "and the total comes to £591.80 with the Mintex parts."
)


@pytest.mark.parametrize("language", sorted(SUMMARIES))
def test_the_values_past_a_tail_cut_are_kept_first(language: str) -> None:
    # Given a summary whose values stand in its last line, and room for a third of it
    text, values = SUMMARIES[language]
    room = token_weight(text) / 3

    # When it is cut to that room
    cut = value_cut(text, values, token_weight, room)

    # Then every value is there, with an ellipsis where words were left out, within room
    assert all(value in cut for value in values), cut
    assert ELLIPSIS in cut
    assert token_weight(cut) <= room


@pytest.mark.parametrize("language", sorted(SUMMARIES))
def test_more_room_never_shows_less(language: str) -> None:
    # Given a summary, cut at every room from nothing to all of it
    text, values = SUMMARIES[language]
    cuts = [value_cut(text, values, token_weight, room / 2) for room in range(0, 240)]

    # Then each cut is within its room, and the values and words one shows the next
    # shows too, up to the whole text
    for room, (smaller, larger) in enumerate(pairwise(cuts)):
        assert token_weight(smaller) <= room / 2
        assert {v for v in values if v in smaller} <= {v for v in values if v in larger}
        shown = [w.strip(ELLIPSIS) for w in smaller.split()]
        assert all(w in larger for w in shown if w), (room, smaller, larger)
    assert cuts[-1] == text


def test_a_value_and_its_mark_are_never_parted() -> None:
    # Given a marked summary line, cut at every room
    for room in range(0, 80):
        cut = value_cut(MARKED, ["£591.80"], token_weight, room / 2)

        # Then its old value is never shown without its "(replaced …)" mark
        assert "5:45" not in cut or "5:45 (replaced by Saturday 10am)" in cut, cut


def test_the_words_before_a_value_say_what_it_is() -> None:
    # Given room for a value with its clause, not for the line
    cut = value_cut(SUMMARIES["en"][0], ["84,312"], token_weight, 20)

    # Then the value stands with the words around it in its clause, whole words only
    assert cut == f"{ELLIPSIS}the reg is KP16 XRF and the mileage is 84,312 as of this{ELLIPSIS}"


#: An old value with commas in it, marked, then a sentence with a current value.
OLD_ADDRESS = (
    "Delivery to Unit 3, Kirkstall Business Park, Leeds LS5 3BT "
    "(replaced by 14 Bramley Close, Harrogate HG2 7DL). Slot agreed: between 9am and 1pm on "
    "Friday."
)
#: A current value in the sentence of a long marked old value, past its mark.
AFTER_OLD_ADDRESS = (
    "Customer first asked delivery to Unit 3, Kirkstall Business Park, Leeds LS5 3BT "
    "(replaced by 14 Bramley Close, Harrogate HG2 7DL) and then the time slot between 9am "
    "and 1pm was agreed with the driver for Friday morning."
)
_OLD_WORDS = ("Unit 3", "Kirkstall", "Business Park", "Leeds", "LS5 3BT")
_MARKED_OLD = "Unit 3, Kirkstall Business Park, Leeds LS5 3BT (replaced by"


@pytest.mark.parametrize("text", [OLD_ADDRESS, AFTER_OLD_ADDRESS])
def test_no_part_of_an_old_value_with_commas_is_shown_without_its_mark(text: str) -> None:
    # Given an old address with commas in it, marked "(replaced …)", cut at every room
    for room in range(0, 120):
        cut = value_cut(text, ["between 9am and 1pm"], estimate_tokens, room / 2)

        # Then no word of it is shown unless the whole of it is, with its mark
        assert _MARKED_OLD in cut or not any(w in cut for w in _OLD_WORDS), (room, cut)


def test_an_old_value_with_commas_is_left_out_whole_and_the_value_kept() -> None:
    # When the text is cut to room for the slot's sentence, not for the address
    cut = value_cut(OLD_ADDRESS, ["between 9am and 1pm"], estimate_tokens, 24)

    # Then the slot is shown with its clause, and not a word of the old address
    assert cut == f"{ELLIPSIS}Slot agreed: between 9am and 1pm on{ELLIPSIS}"


def test_an_old_value_in_a_values_clause_does_not_make_its_piece_too_long() -> None:
    # Given a value whose clause follows a long marked old value in one sentence
    value = "between 9am and 1pm"
    whole = estimate_tokens(AFTER_OLD_ADDRESS)

    # When it is cut at every room from that clause's to all of it
    cuts = [
        value_cut(AFTER_OLD_ADDRESS, [value], estimate_tokens, room) for room in range(24, whole)
    ]

    # Then the value is shown at each, with its clause but not the old value before it
    assert all(value in cut for cut in cuts), cuts
    assert cuts[0] == (
        f"{ELLIPSIS}and then the time slot between 9am and 1pm was agreed with the driver "
        f"for Friday{ELLIPSIS}"
    )


def _linear_cut(text: str, values: Sequence[str], cost: Callable[[str], float], room: float) -> str:
    """``value_cut`` as a walk through every run of the pieces: the last one that fits."""
    if cost(text) <= room:
        return text
    order = pieces(text, values)
    fitting = [laid_out(text, order[:count]) for count in range(1, len(order) + 1)]
    return next((c for c in reversed(fitting) if c != text and cost(c) <= room), "")


@pytest.mark.parametrize("cost", [token_weight, estimate_tokens])
def test_the_longest_run_found_by_halving_is_the_one_a_walk_finds(
    cost: Callable[[str], float],
) -> None:
    # Given summaries with values, marks and lines, cut at every room up to all of them
    texts = [
        *SUMMARIES.values(),
        (MARKED, ["£591.80"]),
        (OLD_ADDRESS, ["between 9am and 1pm"]),
        (AFTER_OLD_ADDRESS, ["between 9am and 1pm", "Friday"]),
    ]
    for text, values in texts:
        for room in range(0, 2 * math.ceil(cost(text)) + 2):
            # Then the cut is the one a walk through every run of the pieces finds
            assert value_cut(text, values, cost, room / 2) == _linear_cut(
                text, values, cost, room / 2
            ), (text, room)


# -- in a context: the first summary that does not fit whole --------------------------------

#: Chit-chat summary lines, then the one that states a value a detail holds.
_FILLER = {
    "en": "User: thanks, that all sounds fine, see you then.",
    "fa": "User: ممنون، همه چیز خوبه، پس می‌بینمتون.",
    "th": "User: ขอบคุณค่ะ ทุกอย่างโอเคค่ะ แล้วเจอกันนะคะ",
}
_VALUE_LINES = {
    "en": ("Assistant: Your new booking reference is QX7P2M, keep it handy.", "QX7P2M"),
    "fa": ("Assistant: کد رهگیری جدید شما ۸۸۴۲۱۹ است، نگهش دارید.", "۸۸۴۲۱۹"),
    "th": ("Assistant: รหัสการจองใหม่คือ QX7P2M นะครับ", "QX7P2M"),
}


def _context_at(language: str, budget: int) -> AssembledContext:
    line, value = _VALUE_LINES[language]
    summary = "\n".join([_FILLER[language]] * 8 + [line])
    state = memory(mid=summary, spans=(0, 95, 95)).model_copy(
        update={"details": [detail(90, line, [value], "identifier")]}
    )
    turns: list[tuple[Role, str]] = [
        ("user" if i % 2 else "assistant", _FILLER[language].removeprefix("User: "))
        for i in range(5)
    ]
    return assemble(
        state,
        messages(turns, first_position=96),
        total_messages=100,
        budget=budget,
        budgets=Budgets(mid=1000),
    )


@pytest.mark.parametrize("language", sorted(_VALUE_LINES))
def test_a_summary_cut_to_what_is_left_keeps_the_value_in_its_last_line(language: str) -> None:
    # Given a summary of small talk whose last line holds a value (a detail's),
    # over what is left of the budget after the messages
    _, value = _VALUE_LINES[language]
    whole = max(_context_at(language, 5000).estimated_tokens.values())

    # When the context is assembled at budgets that hold a part of it
    cut = [
        _context_at(language, budget)
        for budget in range(whole - 80, min(whole - 30, DETAILS_FROM), 5)
    ]

    # Then the summary is cut, and its value is there, within the budget
    assert cut
    for ctx in cut:
        assert max(all_formats(ctx).values()) <= ctx.budget
        assert any(d.kind == "tier_truncated:mid" for d in ctx.dropped)
        assert ctx.details == []  # not the detail's: the summary's
        assert any(value in t.text for t in ctx.tiers), ctx.budget


@pytest.mark.parametrize("language", sorted(_VALUE_LINES))
def test_what_a_cut_summary_shows_at_a_budget_it_shows_at_every_larger_one(
    language: str,
) -> None:
    # Given the same session at every budget from the smallest to what it all needs
    whole = max(_context_at(language, 5000).estimated_tokens.values())
    previous: set[str] = set()
    for budget in range(MIN_BUDGET, whole + 10):
        text = render_text(_context_at(language, budget))
        # Then the words shown at one budget are shown at the next (a cut word ends "…")
        words = {w.strip(ELLIPSIS) for w in text.split() if not w.endswith(ELLIPSIS)}
        assert previous <= words | {w for w in previous if w.isdigit()}, budget
        previous = {w for w in words if not w.startswith("[") and not w.endswith("]")}
