"""A detail that keeps only a customer's bare answer to a what-question goes last in the
details' share: it takes only the room the details that hold other values leave."""

from __future__ import annotations

from domain.context.replaced_details import share_order
from tests.context.factories import detail

EMAIL = detail(10, "User: my email is sara@example.com", ["sara@example.com"], "email")
OLD = detail(
    20, "Assistant: Saturday 12 September is available.", ["Saturday 12 September"], "date"
)
NEW = detail(
    30, "Assistant: Saturday 19 September is available.", ["Saturday 19 September"], "date"
)
COLOUR = detail(
    40, "Assistant: What colour for the gift box?\nUser: burgundy", ["burgundy"], "answer"
)
BOX = detail(
    41,
    "Assistant: جعبه رو چه رنگی میخواید؟\nUser: زرشکی",
    ["زرشکی"],
    "answer",
)
INVOICE = detail(
    42,
    "Assistant: ออกใบกำกับในนามอะไรครับ\nUser: ร้านเจ๊ะหลงการเกษตร",
    ["ร้านเจ๊ะหลงการเกษตร"],
    "answer",
)
CHOSEN = detail(43, "User: I'll take the navy one", ["I'll take the navy one"], "choice")


def test_a_bare_answer_goes_after_every_other_detail() -> None:
    assert share_order([EMAIL, COLOUR]) == [EMAIL, COLOUR]


def test_bare_answers_keep_newest_first_among_themselves() -> None:
    assert share_order([EMAIL, COLOUR, BOX, INVOICE]) == [EMAIL, INVOICE, BOX, COLOUR]


def test_a_bare_answer_goes_after_a_detail_said_anew_too() -> None:
    assert share_order([OLD, NEW, COLOUR]) == [NEW, OLD, COLOUR]


def test_a_choice_the_customer_states_keeps_its_place() -> None:
    """Near miss: a stated choice is no bare answer; it is ordered as before."""
    assert share_order([EMAIL, CHOSEN, COLOUR]) == [CHOSEN, EMAIL, COLOUR]


def test_a_detail_with_an_answer_and_a_value_keeps_its_place() -> None:
    """Near miss: a detail holding an answer beside another value is ordered by its value."""
    both = EMAIL.model_copy(
        update={
            "first_position": 50,
            "last_position": 50,
            "text": "Assistant: Which email?\nUser: sara@example.com, the navy one",
            "values": ["sara@example.com", "the navy one"],
            "kinds": ["email", "answer"],
        }
    )
    assert share_order([COLOUR, both]) == [both, COLOUR]
