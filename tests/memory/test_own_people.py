"""People on the customer's own side named by their role (``domain.memory.offline.own_people``):
kept as ``person`` details, so the name a later turn relies on survives the fold. English only
(the module says why)."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _kept(speaker: str, text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in clauses_kept([Candidate(text, speaker, (0, 0))])]


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        (
            "actually the invoice needs to go to our treasurer, Declan Burke. he pays everything",
            "Declan Burke",
        ),
        (
            "oh the invoice needs to go to our treasurer Graham Reid, not me",
            "the invoice needs to go to our treasurer Graham Reid, not me",
        ),
        ("the groundsman Trev will sign for it", "the groundsman Trev will sign for it"),
        ("our club secretary is Aoife Walsh", "our club secretary is Aoife Walsh"),
        ("send the quote to my office manager, Priya", "Priya"),
    ],
)
def test_a_person_named_by_a_role_on_the_customers_side_is_kept(sentence: str, clause: str) -> None:
    assert (clause, "person") in _kept("User", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "the order Tuesday was late",  # a thing, a day
        "our number Five is free",  # a thing that ends like a role
        "I met the manager Monday",  # a name that says when
        "we watched the winter Olympics",
        "the Classic is the heavier traditional one",  # an option compared
        "can the driver call ahead",  # a role, no name
        "we will take the cheaper Classic then",  # a comparative before an option
        "I prefer the lighter Classic model",
        "the silver Corolla has a dent",
        "Thanks, the manager Priya sorted it",  # the business's own people
    ],
)
def test_a_role_word_without_a_persons_name_keeps_no_person(sentence: str) -> None:
    assert all(kind != "person" for _, kind in _kept("User", sentence))


def test_a_person_the_business_names_is_not_the_customers_own() -> None:
    assert _kept("Assistant", "Our manager, Sean Daly, will ring you") == []


def test_the_fold_keeps_the_name_in_a_detail() -> None:
    lines = [
        TranscriptLine(1, "m1", "user", "secretary@corribrovers.ie"),
        TranscriptLine(
            2, "m2", "user", "actually the invoice needs to go to our treasurer, Declan Burke."
        ),
    ]
    details = details_of(lines)
    assert any(d.values == ["Declan Burke"] and d.kinds == ["person"] for d in details)
