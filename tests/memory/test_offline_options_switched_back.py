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
    assert facts_of(("user", text)).get("product") == product


def test_an_option_gone_back_to_replaces_the_one_between() -> None:
    facts = conversation(
        ("user", "ok we'll do the Classic, they're only 11 and 12"),
        ("assistant", "Lovely."),
        ("user", "ugh ok. go on so, switch to the Pro"),
        ("assistant", "Done."),
        ("user", "back to the Classic please, the budget is the budget"),
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
