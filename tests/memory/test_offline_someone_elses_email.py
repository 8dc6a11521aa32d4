"""A friend's or colleague's email, in English, Persian and Thai, is theirs and never replaces
the customer's; a friend's email put right later puts right the friend's."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

_MINE = ("customer_email", "nima.r@example.com")


def _facts(turns: list[tuple[str, str]], known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = [TranscriptLine(n, f"m{n}", role, text) for n, (role, text) in enumerate(turns, 1)]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


@pytest.mark.parametrize(
    ("turns", "email"),
    [
        (
            [("user", "My colleague's email is sam.jones@acme.com, copy her in.")],
            "sam.jones@acme.com",
        ),
        ([("user", "ایمیل همکارم اینه: sara.n@gmail.com")], "sara.n@gmail.com"),
        ([("user", "อีเมลเพื่อนคือ malee.s@gmail.com ครับ")], "malee.s@gmail.com"),
        (
            [
                ("assistant", "ต้องการให้ส่งบัตรไปที่อีเมลเพื่อนเลยไหมคะ"),
                ("user", "ได้ครับ malee.s@gmail.com"),
            ],
            "malee.s@gmail.com",
        ),
    ],
)
def test_someone_elses_email_is_not_the_customers(turns: list[tuple[str, str]], email: str) -> None:
    facts = _facts(turns, [_MINE])
    assert ("second_contact_email", email) in facts
    assert not [key for key, _ in facts if key == "customer_email"]


@pytest.mark.parametrize(
    ("message", "held", "email"),
    [
        (
            "Sorry, she says the email is actually sam.jnes@acme.com",
            "sam.jones@acme.com",
            "sam.jnes@acme.com",
        ),
        ("دوستم میگه ایمیل درستش sara.nn@gmail.com ه", "sara.n@gmail.com", "sara.nn@gmail.com"),
        (
            "เพื่อนบอกว่าอีเมลจริงคือ malee.sk@gmail.com ครับ ผมจำผิด",
            "malee.s@gmail.com",
            "malee.sk@gmail.com",
        ),
    ],
)
def test_a_friends_email_put_right_stays_the_friends(message: str, held: str, email: str) -> None:
    facts = _facts([("user", message)], [_MINE, ("second_contact_email", held)])
    assert ("second_contact_email", email) in facts
    assert not [key for key, _ in facts if key == "customer_email"]


@pytest.mark.parametrize(
    "message",
    [
        "Please also copy my wife's email, nima.b@example.com",
        "His teacher's email is nima.b@example.com",
        "بله ایمیل معلمش nima.b@example.com هست",
        "ایمیل همسرم nima.b@example.com هست",
        "อีเมลครูประจำชั้นคือ nima.b@example.com ค่ะ",
    ],
)
def test_a_relatives_or_teachers_email_is_not_the_customers(message: str) -> None:
    facts = _facts([("user", message)], [_MINE])
    assert ("second_contact_email", "nima.b@example.com") in facts
    assert not [key for key, _ in facts if key == "customer_email"]


@pytest.mark.parametrize(
    "message",
    [
        "My email is nima.r@example.com",
        "ایمیل من nima.r@example.com هست",
        "อีเมลผมคือ nima.r@example.com ครับ",
    ],
)
def test_the_customers_email_near_a_relatives_puts_nothing_right(message: str) -> None:
    """A wife's email and the husband's can differ by a name's letters: the customer's own,
    given after hers with no word of correction, is no typo of hers put right."""
    facts = _facts([("user", message)], [("second_contact_email", "nina.r@example.com")])
    assert ("customer_email", "nima.r@example.com") in facts
    assert not [key for key, _ in facts if key == "second_contact_email"]
