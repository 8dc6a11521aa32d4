"""``is_customers_given_name``: whether a name said is the held customer's, by the given
name in any script; the one helper ``facts`` and ``subjects`` ask."""

from __future__ import annotations

import pytest

from domain.memory.offline.person_names import is_customers_given_name, name_words


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
