"""The customer's businesses are kept by name (English): a name with its legal ending, and
the name given in reply to the question for it; a second one never replaces the first."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("message", "name"),
    [
        (
            "parent company, Flint Hospitality Ltd. we've got the restaurant and a cafe",
            "Flint Hospitality Ltd",
        ),
        ("yes it's Okafor & Sons Limited", "Okafor & Sons Limited"),
        ("invoices to Brightwave Analytics LLC please", "Brightwave Analytics LLC"),
    ],
)
def test_a_name_with_its_legal_ending_is_the_company_name(message: str, name: str) -> None:
    facts = conversation(
        ("assistant", "Who should the invoices be made out to?"), ("user", message)
    )
    assert current(facts)["company_name"] == name


@pytest.mark.parametrize(
    ("question", "reply", "name"),
    [
        (
            "Can I take your name and the name of the business to start?",
            "Dan Whitlock. restaurant is Marrow & Flint",
            "Marrow & Flint",
        ),
        (
            "Could I start with your name and the company the booking is for?",
            "Dana Whitfield, from Brightwave Analytics",
            "Brightwave Analytics",
        ),
        (
            "What's the business name on the account?",
            "the shop's called Green Thumb",
            "Green Thumb",
        ),
        # a place after "calling from" is no business, and a full stop ends the name
        (
            "What's the name of the business?",
            "Dana Whitfield, calling from Leeds. The restaurant is Marrow & Flint",
            "Marrow & Flint",
        ),
        # the customer's own company, said as theirs, to no question for it
        ("How can I help today?", "hi, I'm calling from Swift Plumbing Ltd", "Swift Plumbing Ltd"),
        ("How can I help today?", "our company is Okafor & Sons Limited", "Okafor & Sons Limited"),
        (
            "How can I help today?",
            "we're Brightwave Analytics LLC, we need a quote",
            "Brightwave Analytics LLC",
        ),
        # an initialism keeps its stops
        ("Who should the invoices be made out to?", "J.P. Hartley Ltd", "J.P. Hartley Ltd"),
    ],
)
def test_the_name_asked_for_or_said_as_theirs_is_the_company_name(
    question: str, reply: str, name: str
) -> None:
    facts = conversation(("assistant", question), ("user", reply))
    held = current(facts)
    assert held["company_name"] == name
    assert "company_name_2" not in held


def test_a_second_business_is_kept_beside_the_first() -> None:
    facts = conversation(
        ("assistant", "Can I take your name and the name of the business?"),
        ("user", "Dan Whitlock. restaurant is Marrow & Flint"),
        ("assistant", "Who should the invoices be made out to?"),
        ("user", "parent company, Flint Hospitality Ltd."),
    )
    held = current(facts)
    assert held["company_name"] == "Marrow & Flint"
    assert held["company_name_2"] == "Flint Hospitality Ltd"
    assert not history(facts, "company_name")
    assert held["customer_name"] == "Dan Whitlock"


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        # the assistant's own company is no customer's business
        ("Hi, this is Severnside Pest Services Ltd, I'm Ellie. How can I help?", "hi there"),
        # a person named with "with" when no business was asked for
        ("Who'll let the technician in?", "we leave a key with Joe at the launderette"),
        # a company with its legal ending said of someone else, to no question for it
        (
            "How can I help today?",
            "the last engineer was from Swift Plumbing Ltd and left a mess",
        ),
    ],
)
def test_no_company_name_is_taken_from_other_words(question: str, reply: str) -> None:
    facts = conversation(("assistant", question), ("user", reply))
    assert not any(key.startswith("company_name") for key in current(facts))
