"""Irish Eircodes and postcodes in addresses: "H91 K7P3" is one code, not a loose "K7P3"; the
Thai «code» cue is no end of an English word ("eircode" was a coupon); "eircode" names the
postcode; a postcode in a reply to "what's the address?" ends the address, no reference;
and a postcode put right puts the held address right (``values``, ``subjects``,
``postcodes_put_right``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("22 Ard na Mara, Salthill, H91 K7P3", "H91 K7P3"),
        ("the eircode is D6W XY12", "D6W XY12"),
        ("it's A65 F4E2", "A65 F4E2"),
    ],
)
def test_an_eircode_is_one_code(text: str, code: str) -> None:
    assert (Kind.IDENTIFIER, code) in [(v.kind, v.text) for v in find_values(text)]


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("oh wait the eircode is H91 K7B3, B not P", "postcode", "H91 K7B3"),
        ("my promocode is SAVE10", "coupon_code", "SAVE10"),
        ("ใส่codeนี้ SAVE50 ค่ะ", "coupon_code", "SAVE50"),
    ],
)
def test_code_words(text: str, key: str, value: str) -> None:
    facts = facts_of(("user", text))
    assert facts.get(key) == value
    assert key == "coupon_code" or "coupon_code" not in facts


def test_the_barcode_is_no_coupon() -> None:
    assert "coupon_code" not in facts_of(("user", "the barcode is 5012345678900"))


_ADDRESS_GIVEN = (
    ("user", "can you send them to my house instead of the clubhouse?"),
    ("assistant", "Sure, what's the address?"),
    ("user", "22 Ard na Mara, Salthill, H91 K7P3"),
)


def test_a_postcode_ends_the_address_asked_for() -> None:
    values = current(conversation(*_ADDRESS_GIVEN))
    assert values.get("delivery_address") == "22 Ard na Mara, Salthill, H91 K7P3"
    assert not [key for key in values if key.startswith("reference")]


def test_a_postcode_put_right_puts_the_address_right() -> None:
    facts = conversation(
        *_ADDRESS_GIVEN,
        ("assistant", "Thanks. Is 087 341 2290 the best number for the courier?"),
        ("user", "oh wait the eircode is H91 K7B3, B not P. autocorrect"),
    )
    values = current(facts)
    assert values.get("delivery_address") == "22 Ard na Mara, Salthill, H91 K7B3"
    assert history(facts, "delivery_address") == ["22 Ard na Mara, Salthill, H91 K7P3"]
    assert "coupon_code" not in values


def test_a_postcode_unlike_the_held_one_moves_no_address() -> None:
    facts = conversation(
        ("assistant", "What is the delivery address?"),
        ("user", "14 Brook Street, Leeds LS6 2AB"),
        ("user", "we are moving next month, the new postcode is M3 4PQ"),
    )
    assert current(facts).get("delivery_address") == "14 Brook Street, Leeds LS6 2AB"


_LEEDS = (
    ("assistant", "What is the delivery address?"),
    ("user", "12 High Street, Leeds LS1 4AB"),
)


@pytest.mark.parametrize(
    "later",
    [
        (("assistant", "And the billing postcode?"), ("user", "LS1 4AD")),
        (("assistant", "What's the postcode at work?"), ("user", "LS1 4AD")),
        (("user", "we are moving next month, the new postcode is LS1 4DB"),),
    ],
    ids=["billing-asked", "work-asked", "move"],
)
def test_a_neighbouring_postcode_no_correction_leaves_the_address(
    later: tuple[tuple[str, str], ...],
) -> None:
    # neighbouring UK postcodes are as alike as a typo: no correction said, none put right
    facts = conversation(*_LEEDS, *later)
    assert current(facts).get("delivery_address") == "12 High Street, Leeds LS1 4AB"
    assert history(facts, "delivery_address") == []


@pytest.mark.parametrize(
    "message",
    ["sorry, the postcode is LS1 4AD not LS1 4AB", "the postcode is LS1 4AD, D not B"],
    ids=["sorry", "x-not-y"],
)
def test_a_neighbouring_postcode_said_as_a_correction_puts_the_address_right(
    message: str,
) -> None:
    facts = conversation(*_LEEDS, ("user", message))
    assert current(facts).get("delivery_address") == "12 High Street, Leeds LS1 4AD"
    assert history(facts, "delivery_address") == ["12 High Street, Leeds LS1 4AB"]
