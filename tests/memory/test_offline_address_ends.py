"""An English address is read to its end: a UK postcode after a full stop
("…, Bishopston. BS7 8NU") and a floor named by its ordinal before the street
("3rd Floor, 18 Queen Square, …") are parts of it."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current


@pytest.mark.parametrize(
    ("message", "address"),
    [
        ("212 Gloucester Road, Bishopston. BS7 8NU", "212 Gloucester Road, Bishopston. BS7 8NU"),
        ("it's 14 Hollybank Road. SK4 3LP", "14 Hollybank Road. SK4 3LP"),
        (
            "we moved. 3rd Floor, 18 Queen Square, BS1 4NT. the old one is gone",
            "3rd Floor, 18 Queen Square, BS1 4NT",
        ),
        ("2nd floor, 9 Elm Street please", "2nd floor, 9 Elm Street"),
    ],
)
def test_the_address_is_read_to_its_end(message: str, address: str) -> None:
    assert [v.text for v in find_values(message) if v.kind is Kind.ADDRESS] == [address]


@pytest.mark.parametrize(
    ("message", "address"),
    [
        ("I live at 12 Park Road. Thanks for asking", "12 Park Road"),
        ("12 Park Lane, Leeds. the 3rd floor is ours", "12 Park Lane, Leeds"),
    ],
)
def test_what_follows_a_full_stop_is_no_part_unless_a_postcode(message: str, address: str) -> None:
    assert [v.text for v in find_values(message) if v.kind is Kind.ADDRESS] == [address]


def test_the_site_address_is_kept_with_its_postcode() -> None:
    facts = conversation(
        ("assistant", "Thanks Dan. And what's the site address?"),
        ("user", "212 Gloucester Road, Bishopston. BS7 8NU"),
    )
    held = current(facts)
    assert held["delivery_address"] == "212 Gloucester Road, Bishopston. BS7 8NU"
    assert not {"reference", "postcode"} & set(held)
