"""A person of the business praised or thanked by name (``staff_praised``) is small talk: no
``person`` detail, no fact of a name. A relative praised, or a staff member named with what
they will do, is still kept; a Thai craftsman by his title keeps no one from the customer."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept
from tests.memory.test_offline_facts_contacts import facts_of


def _people_kept(text: str) -> list[str]:
    kept = clauses_kept([Candidate(text, "User", (0, 0))])
    return [c.text for c in kept if c.kind == "person"]


def _names(question: str, said: str) -> dict[str, str]:
    facts = facts_of(("assistant", question), ("user", said))
    return {key: value for key, value in facts.items() if key.endswith("_name")}


@pytest.mark.parametrize(
    "said",
    [
        "the engineer Mark was great",
        "great, the engineer Mark was really helpful",
        "your engineer Mark was great, thank you",
        "thanks to the engineer Mark, great job",
        "the installer, Tom Reyes, did a great job",
        "coach Maya Singh was brilliant",
        "Mr. Anders Lindqvist was lovely",
        "آقای رضا رضایی خیلی خوب بود",
        "اوستا حمید کارش عالی بود",
        "دست اوستا حمید درد نکنه",
        "از آقای رضا رضایی ممنونم",
    ],
)
def test_staff_praised_or_thanked_by_name_is_no_one_kept(said: str) -> None:
    assert _people_kept(said) == []
    assert _names("How did it go?", said) == {}


@pytest.mark.parametrize(
    "said",
    [
        "آقای رضایی خیلی خوب بود",  # a title and a family name alone: no one read already
        "ช่างสมชายทำงานดีมาก",
        "เรียบร้อยดีค่ะ ช่างสมชายทำงานดีมาก",
    ],
)
def test_the_same_praise_in_persian_and_thai_keeps_no_one(said: str) -> None:
    assert _people_kept(said) == []
    assert _names("نصب چطور بود؟", said) == {}


@pytest.mark.parametrize(
    ("said", "key", "name"),
    [
        ("the engineer Mark is coming Tuesday", "technician_name", "Mark"),
        ("the installer Tom Reyes is good for Tuesday", "technician_name", "Tom Reyes"),
        ("thanks, can the engineer Mark come Tuesday", "technician_name", "Mark"),
        ("coach Maya Singh is good at backhands", "trainer_name", "Maya Singh"),
        ("اوستا حمید دقیق ساعت ۹ میاد", "technician_name", "حمید"),
        ("اوستا حمید خوب میدونه چیکار کنه", "technician_name", "حمید"),
        ("my sister, Carla was great", "sibling_name", "Carla"),
    ],
    ids=[
        "coming",
        "good-for",
        "thanks-then-a-request",
        "good-at",
        "precisely-at-9",
        "knows-well",
        "a-relative-praised",
    ],
)
def test_a_name_with_what_they_will_do_or_a_relative_praised_is_kept(
    said: str, key: str, name: str
) -> None:
    assert _names("How did it go?", said).get(key) == name
    assert _people_kept(said)
