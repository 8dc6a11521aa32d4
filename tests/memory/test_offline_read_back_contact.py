"""An email or phone the assistant reads back as a thing ("I have the email … on the
booking", "your contact number is …") is the customer's on record, so the one they put it
right to replaces it and it goes to the history; "email us at …" still gives the company's."""

from __future__ import annotations

from tests.memory.test_offline_facts_dialogue import conversation, current, history


def test_english_email_read_back_then_put_right_keeps_the_old_in_history() -> None:
    facts = conversation(
        ("user", "I'd like to change the date of my flight."),
        ("assistant", "Of course. Anything else on the booking?"),
        ("user", "No, that's all."),
        ("assistant", "I have the email m.lindquist@harborlaw.com on the booking. Still correct?"),
        ("user", "Almost. It is Lindqvist with a q and a v, not a u."),
        ("assistant", "Apologies, I've corrected it to m.lindqvist@harborlaw.com."),
    )
    assert current(facts).get("customer_email") == "m.lindqvist@harborlaw.com"
    assert history(facts, "customer_email") == ["m.lindquist@harborlaw.com"]


def test_english_contact_number_read_back_is_the_customers() -> None:
    facts = conversation(
        ("user", "Hi, checking on my repair."),
        ("assistant", "Your contact number is 07700 900481, is that right?"),
    )
    assert current(facts).get("customer_phone") == "07700 900481"


def test_english_an_invitation_to_email_still_gives_the_companys_address() -> None:
    facts = conversation(
        ("user", "Where do I send the photos?"),
        ("assistant", "Please email them to claims@northway-air.com and we'll take a look."),
    )
    assert current(facts).get("customer_email") is None


def test_english_the_companys_email_or_contact_details_named_as_a_thing_stay_the_companys() -> None:
    for said in (
        "The email for returns is returns@shopnorth.com.",
        "The billing team's contact details are billing@acme-energy.co.uk or 0345 600 1234.",
        "Our contact number is 0800 123 4567, open 8 to 6.",
    ):
        facts = conversation(("user", "Who do I send it to?"), ("assistant", said))
        values = current(facts)
        assert values.get("customer_email") is None, said
        assert not any("0345" in v or "0800" in v for v in values.values()), said
