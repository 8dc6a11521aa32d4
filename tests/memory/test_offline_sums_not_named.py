"""A sum word that does not name the value beside it (issue 18, false replacements):

- a cue after a value past a word of reason ("since", «چون») is said of that clause: "we'll
  keep you at $52.00 since the order's already in" is no order total;
- a short number that counts the noun after it ("the updated total: 24 jerseys") is a count,
  no total, though a sum word stands before it; money in words ("450 bucks") and a bare
  number with no noun after it stay sums.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_contacts import facts_of

_TOTAL_EN = ("assistant", "New total is $1,935.00.")
_TOTAL_FA = ("assistant", "جمع کل میشه ۴۰ میلیون تومن")


@pytest.mark.parametrize(
    ("held", "said", "total"),
    [
        (
            _TOTAL_EN,
            "Technically the bulk price starts at 25, but I checked with my boss and we'll keep "
            "you at $52.00 since the order's already in the system.",
            "$1,935.00",
        ),
        (_TOTAL_FA, "۵ میلیون تومن براتون حساب می‌کنیم چون سفارش قبلا ثبت شده", "۴۰ میلیون تومن"),
    ],
    ids=["en-since", "fa-chon"],
)
def test_a_cue_past_a_word_of_reason_names_no_sum_before_it(
    held: tuple[str, str], said: str, total: str
) -> None:
    facts = facts_of(held, ("user", "can you do better on the price?"), ("assistant", said))
    assert facts.get("order_total") == total


@pytest.mark.parametrize(
    ("said", "total"),
    [
        ("That's $1,870.00 for the order now.", "$1,870.00"),
        ("It comes to $1,870.00 as the order total.", "$1,870.00"),
        # a condition offers the order's sum: no reason clause
        ("I can hold it at $1,800.00 if the order goes in today.", "$1,800.00"),
    ],
    ids=["en-for-the-order", "en-as-the-total", "en-if"],
)
def test_a_cue_after_a_sum_in_its_own_clause_still_names_it(said: str, total: str) -> None:
    assert facts_of(_TOTAL_EN, ("assistant", said)).get("order_total") == total


def test_a_count_after_a_sum_word_is_no_total() -> None:
    said = ("assistant", "So the updated total: 24 jerseys, 4 hoodies and the courier.")
    assert facts_of(_TOTAL_EN, said).get("order_total") == "$1,935.00"


@pytest.mark.parametrize(
    ("said", "total"),
    [
        ("The total is now 1935 with the hoodies.", "1935"),
        ("The total comes to 450 bucks.", "450"),
    ],
    ids=["en-bare-number", "en-money-in-words"],
)
def test_a_bare_sum_after_a_sum_word_stays_the_total(said: str, total: str) -> None:
    assert facts_of(_TOTAL_EN, ("assistant", said)).get("order_total") == total


@pytest.mark.parametrize(
    "said",
    [
        "the total comes to 950 altogether",
        "The total is 950 upfront",
        "Total: 950 inclusive of VAT",
        "The total is 950 flat",
        "The total is 950 cash on delivery",
        "The total is 950 net",
        "Total 950 ringgit",
        "The total is 950 pesos",
    ],
)
def test_a_word_after_a_bare_sum_is_no_noun_it_counts(said: str) -> None:
    assert facts_of(_TOTAL_EN, ("assistant", said)).get("order_total") == "950"


@pytest.mark.parametrize(
    "said",
    [
        "The updated total: 24 jerseys at $52.00, and that's it.",
        "The total is 24 jerseys for $1,248.",
        "The total is 4 hoodies $260.00.",
    ],
    ids=["en-at-a-price", "en-for-a-sum", "en-price-after"],
)
def test_a_count_priced_after_a_sum_word_is_no_total(said: str) -> None:
    assert facts_of(_TOTAL_EN, ("assistant", said)).get("order_total") not in {"24", "4"}


@pytest.mark.parametrize(
    ("said", "key", "value"),
    [
        ("Please pay $2,140, because that's the total with shipping.", "order_total", "$2,140"),
        (
            "Okay, so $2,140 then, since the order total has to include shipping.",
            "order_total",
            "$2,140",
        ),
        ("I've put $450 down because the deposit is 25% of the order.", "deposit", "$450"),
        ("You'll get $80 back since the refund covers the broken part.", "refund_amount", "$80"),
        ("Please transfer $500 since the deposit went up.", "deposit", "$500"),
    ],
    ids=["thats-the-total", "order-total", "deposit-is", "refund", "deposit-went-up"],
)
def test_a_reason_clause_naming_the_sum_keys_it(said: str, key: str, value: str) -> None:
    assert facts_of(("user", "hi"), ("assistant", said)).get(key) == value


def test_a_reason_clause_about_the_order_keys_no_total() -> None:
    said = "We'll keep you at $52.00 since the order's already in the system."
    assert "order_total" not in facts_of(("user", "hi"), ("assistant", said))
