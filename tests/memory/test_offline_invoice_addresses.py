"""The address the invoices go to is the billing address, whole: the reply to the question
for it, and a new one the customer says the invoices go to now, which replaces it and
leaves the address the service is for where it was (English)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("question", "reply", "address"),
    [
        (
            "And the invoice address for Flint Hospitality?",
            "Unit 4, Paintworks, Bath Road, BS4 3EH",
            "Unit 4, Paintworks, Bath Road, BS4 3EH",
        ),
        (
            "What billing address should go on the invoices?",
            "it's 2nd Floor, 88 Deansgate, Manchester M3 2ER",
            "2nd Floor, 88 Deansgate, Manchester M3 2ER",
        ),
    ],
)
def test_the_reply_to_the_question_for_the_invoice_address_is_the_billing_address(
    question: str, reply: str, address: str
) -> None:
    facts = conversation(
        ("user", "the site is 212 Gloucester Road, Bishopston"),
        ("assistant", "Thanks. Who should the invoices be made out to?"),
        ("user", "our parent company"),
        ("assistant", question),
        ("user", reply),
    )
    held = current(facts)
    assert held["billing_address"] == address
    assert held["delivery_address"] == "212 Gloucester Road, Bishopston"
    assert not {"invoice_number", "postcode", "reference"} & set(held)


@pytest.mark.parametrize(
    ("moved", "address"),
    [
        (
            "oh also, invoices need to go to our new office, we moved in january. "
            "3rd Floor, 18 Queen Square, BS1 4NT. the old one is gone",
            "3rd Floor, 18 Queen Square, BS1 4NT",
        ),
        (
            "also, invoices need to go to the manchester office now. accounts moved up there "
            "last month. 2nd Floor, 88 Deansgate, Manchester M3 2ER",
            "2nd Floor, 88 Deansgate, Manchester M3 2ER",
        ),
        (
            "can you send the invoices to 14 Wellington Street, Leeds LS1 4DL from now on",
            "14 Wellington Street, Leeds LS1 4DL",
        ),
    ],
)
def test_a_new_address_for_the_invoices_replaces_the_billing_address_not_the_site(
    moved: str, address: str
) -> None:
    facts = conversation(
        ("assistant", "What's the site address?"),
        ("user", "212 Gloucester Road, Bishopston"),
        ("assistant", "And the invoice address?"),
        ("user", "Unit 4, Paintworks, Bath Road, BS4 3EH"),
        ("assistant", "Thanks, noted."),
        ("user", moved),
    )
    held = current(facts)
    assert held["billing_address"] == address
    assert history(facts, "billing_address") == ["Unit 4, Paintworks, Bath Road, BS4 3EH"]
    assert held["delivery_address"] == "212 Gloucester Road, Bishopston"
    assert not history(facts, "delivery_address")


def test_an_address_said_beside_the_invoice_for_a_delivery_stays_the_delivery_address() -> None:
    """A guard: main reads it so too."""
    facts = conversation(
        ("assistant", "Where should we deliver the sofa?"),
        ("user", "please deliver it to 12 Park Road, Leeds LS6 2AB and put the invoice in the box"),
    )
    held = current(facts)
    assert held["delivery_address"] == "12 Park Road, Leeds LS6 2AB"
    assert "billing_address" not in held


@pytest.mark.parametrize(
    ("question", "reply", "delivery"),
    [
        (  # the question names the delivery: the invoice it names too goes by email
            "What's the delivery address? I'll email the invoice separately.",
            "12 Park Road, Leeds LS6 2AB",
            "12 Park Road, Leeds LS6 2AB",
        ),
        (  # the invoices named in one sentence, the site's address in the next
            "Thanks.",
            "The invoices are going to accounts by email. The site address is 12 Park Road, "
            "Leeds LS6 2AB",
            "12 Park Road, Leeds LS6 2AB",
        ),
        (
            "Thanks.",
            "The invoices are going to accounts by email. The site postcode is LS6 2AB",
            None,
        ),
    ],
)
def test_an_address_the_invoices_do_not_go_to_is_no_billing_address(
    question: str, reply: str, delivery: str | None
) -> None:
    held = current(conversation(("assistant", question), ("user", reply)))
    assert "billing_address" not in held
    assert held.get("delivery_address") == delivery
    assert not any(value.startswith("The site") for value in held.values())
