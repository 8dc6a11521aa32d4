"""``is_customers_given_name``: whether a name said is the held customer's, by the given
name in any script; the one helper ``facts`` and ``subjects`` ask."""

from __future__ import annotations

import pytest

from domain.memory.offline.person_names import is_customers_given_name, name_words
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("name", "customer"),
    [
        ("Dan", "Dan Whitlock"),
        ("dan", "Dan Whitlock"),
        ("Dan Whitlock", "dan whitlock"),
        ("مریم", "مریم رضایی"),
        ("مریمه", "مریم رضایی"),  # «اسمم مریمه»: the spoken «ه»
        ("ณัฐพล", "ณัฐพล ตั้งจิตเจริญ"),
    ],
)
def test_the_customers_given_name(name: str, customer: str) -> None:
    assert is_customers_given_name(name, customer)


@pytest.mark.parametrize(
    ("name", "customer"),
    [
        ("Whitlock", "Dan Whitlock"),  # the family name: a father shares it
        ("Robert Whitlock", "Dan Whitlock"),
        ("علی رضایی", "مریم رضایی"),
        # the «ه» comes off the name said, never the held one: held Hamideh, Hamid is another
        ("حمید", "حمیده رضایی"),
        ("Dan", None),
        ("", "Dan Whitlock"),
        ("Dan", "  "),
    ],
)
def test_not_the_customers_given_name(name: str, customer: str | None) -> None:
    assert not is_customers_given_name(name, customer)


def test_name_words_take_off_only_a_spoken_he_of_a_longer_word() -> None:
    assert name_words("مریمه Reyes") == {"مریمه", "مریم", "reyes"}
    assert name_words("ماه") == {"ماه"}  # three letters: the «ه» is the word's own


def test_a_name_before_a_copula_keeps_its_he() -> None:
    # «حمیده است»: Hamideh is, no "it's Hamid"
    assert not is_customers_given_name("حمیده", "حمید رضایی", spoken_he=False)
    assert is_customers_given_name("حمیده", "حمید رضایی")


def test_the_customers_wife_named_like_him_with_a_he_is_his_wife() -> None:
    known = [("customer_name", "حمید رضایی")]
    assert facts_of(("user", "اسم خانمم حمیده است"), known=known) == {"spouse_name": "حمیده"}
    assert facts_of(("user", "اسم خانمم مریم است"), known=known) == {"spouse_name": "مریم"}
