"""An option taken by its name alone ("Express it is") is a product; a plain colour taken so
("Green it is") is a colour, and a number alone ("22 it is") is how many, no option's name
(``domain.memory.offline.named_choices``)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("text", "colour"),
    [
        ("Green it is. Any sponsor on the front?", "Green"),
        ("Blue it is then.", "Blue"),
        ("Black it is, same price.", "Black"),
    ],
)
def test_a_plain_colour_picked_is_a_colour(text: str, colour: str) -> None:
    facts = facts_of(("assistant", text))
    assert facts.get("colour") == colour
    assert "product" not in facts


@pytest.mark.parametrize(
    "text",
    ["22 it is. Numbers only, or names on the back too?", "let's do 3 then"],
)
def test_a_number_picked_is_no_product(text: str) -> None:
    assert "product" not in facts_of(("assistant", text))


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("No problem, Express it is.", "Express"),
        ("Gold it is.", "Gold"),  # a level as often as a colour
        ("ok fine, Silver then", "Silver"),
        ("let's do the Pro 12 then.", "Pro 12"),
    ],
)
def test_other_names_picked_stay_products(text: str, product: str) -> None:
    assert facts_of(("assistant", text)).get("product") == product
