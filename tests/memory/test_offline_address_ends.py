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


# -- the address ends with its sentence, and the value labelled after it is found -----------


#: (message, the address, the key and value labelled after it)
LABELLED_AFTER = [
    (
        "I moved, my new address is 7 Zand Boulevard. Order ORD-48213.",
        "7 Zand Boulevard",
        "order_id",
        "ORD-48213",
    ),
    (
        "my address is 7 Zand Road. Ticket TK-55210.",
        "7 Zand Road",
        "ticket_id",
        "TK-55210",
    ),
    (
        "I moved, my new address is 7 Zand Boulevard. Booking ref XK7P2Q.",
        "7 Zand Boulevard",
        "booking_reference",
        "XK7P2Q",
    ),
    # an abbreviation's dot ends no sentence: the flat and the town are still the address
    (
        "New address: 12 Baker St. Apt. 4, London. Order ORD-48213.",
        "12 Baker St. Apt. 4, London",
        "order_id",
        "ORD-48213",
    ),
    ("The new address is 12 Baker St. Order ORD-48213.", "12 Baker St", "order_id", "ORD-48213"),
    # "No." leads the house number: its dot ends no sentence
    (
        "I moved, my new address is No. 7 Zand Boulevard. Order ORD-48213.",
        "No. 7 Zand Boulevard",
        "order_id",
        "ORD-48213",
    ),
    (
        "اسباب کشی کردم، آدرس جدیدم خیابان زند، پلاک ۷. سفارش ORD-48213",
        "خیابان زند، پلاک ۷",
        "order_id",
        "ORD-48213",
    ),
    # no full stop: the label of the order is no part of the address
    (
        "اسباب کشی کردم آدرس جدید خیابان زند پلاک ۷ شماره سفارش ORD-48213",
        "خیابان زند پلاک ۷",
        "order_id",
        "ORD-48213",
    ),
    (
        "ย้ายบ้านแล้วค่ะ ที่อยู่ใหม่คือ 99/12 ซอยสุขุมวิท 11 เขตวัฒนา กรุงเทพฯ 10110 ออเดอร์ ORD-48213 ค่ะ",
        "99/12 ซอยสุขุมวิท 11 เขตวัฒนา กรุงเทพฯ 10110",
        "order_id",
        "ORD-48213",
    ),
]


@pytest.mark.parametrize(("message", "address", "key", "value"), LABELLED_AFTER)
def test_an_address_ends_before_the_value_labelled_after_it(
    message: str, address: str, key: str, value: str
) -> None:
    held = current(conversation(("user", message)))
    assert held["delivery_address"] == address
    assert held[key] == value


@pytest.mark.parametrize(
    ("message", "address"),
    [
        # a town after an abbreviation's dot, a unit after the street: still the address
        ("415 NW 11th Ave. Portland, OR 97209", "415 NW 11th Ave. Portland, OR 97209"),
        ("Apt. 4, 12 Baker St. London", "Apt. 4, 12 Baker St. London"),
        ("7 Zand Boulevard Apt. 4. Order ORD-48213", "7 Zand Boulevard Apt. 4"),
        ("212 Gloucester Road, Bishopston. BS7 8NU", "212 Gloucester Road, Bishopston. BS7 8NU"),
        ("خیابان زند پلاک ۷ است", "خیابان زند پلاک ۷"),
        (
            "7 Zand Boulevard, Building No. 4, Shiraz. Order ORD-48213.",
            "7 Zand Boulevard, Building No. 4, Shiraz",
        ),
    ],
)
def test_the_parts_after_a_short_street_type_stay(message: str, address: str) -> None:
    assert [v.text for v in find_values(message) if v.kind is Kind.ADDRESS] == [address]


@pytest.mark.parametrize("message", ["Order No. 48213 please", "No. 5 is the one I want"])
def test_a_number_by_no_alone_is_no_address(message: str) -> None:
    assert not [v for v in find_values(message) if v.kind is Kind.ADDRESS]
