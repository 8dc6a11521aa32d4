"""An option switched to or gone back to by its name ("switch to the Pro", "Switched to Pro
✅", "back to the Classic please") is taken: it replaces the option before it, so in an
A -> B -> A the B a summary still quotes is marked replaced (``named_choices``)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("ugh ok. go on so, switch to the Pro", "Pro"),
        ("Switched to Pro ✅ That's €984 in all.", "Pro"),
        ("back to the Classic please, the budget is the budget", "Classic"),
        ("ok so back to Express then", "Express"),
        ("yep back to Commercial Essentials. sorry for messing you about", "Commercial Essentials"),
    ],
)
def test_an_option_switched_to_is_taken(text: str, product: str) -> None:
    offer = "We have Classic, Pro, Express and Commercial Essentials."
    assert facts_of(("user", text), context=[("assistant", offer)]).get("product") == product


@pytest.mark.parametrize(
    "text",
    [
        "ugh ok. go on so, switch to the Pro",
        "back to the Classic please, the budget is the budget",
        "yep back to Commercial Essentials. sorry for messing you about",
    ],
)
def test_an_option_never_offered_nor_held_is_not_switched_to(text: str) -> None:
    assert "product" not in facts_of(("user", text))


@pytest.mark.parametrize(
    "text",
    [
        "Flight lands at 6, then I go back to Dublin.",
        "my husband will collect, he switched to Revolut.",
        "ok back to Jim then, he handles the money",
        "right, back to Sarah please",
        "Back to Ireland.",
        "I switched to Vodafone.",
        "go back to the Hilton.",
    ],
)
def test_a_name_switched_to_is_no_product_unless_offered_or_held(text: str) -> None:
    offer = ("assistant", "The Classic is €40 a month and the Pro €60.")
    facts = facts_of(("user", text), known=[("product", "Classic")], context=[offer])
    assert facts.get("product", "Classic") == "Classic"


def test_a_product_held_before_is_gone_back_to() -> None:
    facts = facts_of(
        ("user", "ok back to Classic then"), known=[("product", "Pro"), ("plan", "Classic")]
    )
    assert facts.get("product") == "Classic"


def test_an_option_gone_back_to_replaces_the_one_between() -> None:
    facts = conversation(
        ("assistant", "There's the Classic at €40 or the Pro at €60."),
        ("user", "ok we'll do the Classic, they're only 11 and 12"),
        ("assistant", "Lovely."),
        ("user", "ugh ok. go on so, switch to the Pro"),
        ("assistant", "Done."),
        ("user", "back to the Classic please, the budget is the budget"),
        batch=6,
    )
    assert current(facts)["product"] == "Classic"
    assert history(facts, "product")[-1] == "Pro"


@pytest.mark.parametrize(
    "text",
    [
        "I'll get back to Sarah about it tomorrow.",
        "I switched to Vodafone last year and regret it.",
        "can we switch to Monday?",
        "Switch to Monday.",
        "we came back to the Hilton after dinner",
        "she's leaving end of the month anyway, going back to Krakow 😢",
    ],
)
def test_no_option_switched_to(text: str) -> None:
    assert "product" not in facts_of(("user", text))
