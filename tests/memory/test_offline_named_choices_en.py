"""Named choices in English: the room, club, location and plan a booking is on, value by
value, and a new name of the same kind replacing the old one."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        (
            "I can see your reservation: a Deluxe King room at the hotel.",
            "room_type",
            "Deluxe King",
        ),
        ("The Family Room is available for those nights.", "room_type", "Family Room"),
        ("I've got you on the Premium plan.", "plan", "Premium"),
        ("You're on the Fibre 150 package from Friday.", "plan", "Fibre 150"),
        ("Thanks. Your home club is Riverside, right.", "club", "Riverside"),
        ("Done: home club Lakeshore from August 15.", "club", "Lakeshore"),
        ("She sees patients at our Northgate location on Tuesdays.", "location", "Northgate"),
        (
            "The nearest is the Parliament Street branch in Harrogate.",
            "location",
            "Parliament Street",
        ),
    ],
)
def test_named_choices(text: str, key: str, name: str) -> None:
    assert facts_of(("assistant", text))[key] == name


@pytest.mark.parametrize(
    "text",
    [
        "How much is the Family Room?",  # asked about, not chosen
        "Good plan. Delivery is booked for Friday.",  # praise, no name
        "Thanks for reaching out to Lakeshore Family Clinic.",  # the business itself
        "The room is ready from 3pm.",  # no name at all
    ],
)
def test_no_named_choice(text: str) -> None:
    found = facts_of(("assistant", text))
    assert not {"room_type", "plan", "club", "location"} & set(found)


def test_a_new_name_of_the_same_kind_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "Thanks. I've got Alicia Moreno, Premium plan, home club Riverside."),
        ("user", "after the freeze I'd rather use the Lakeshore club"),
        ("assistant", "I can change your home club to Lakeshore from the end of the freeze."),
        batch=1,
    )
    assert current(facts)["club"] == "Lakeshore"
    assert history(facts, "club") == ["Riverside"]
    assert current(facts)["plan"] == "Premium"


def test_the_way_a_refund_is_paid_and_its_change() -> None:
    facts = conversation(
        ("assistant", "Would you like the refund as account credit or back to your card?"),
        ("user", "credit is fine i guess"),
        ("assistant", "Done, $20.45 as account credit. It'll show in your wallet right away."),
        ("user", "hmm actually no. put it back on the card"),
        batch=1,
    )
    assert current(facts)["refund_method"] == "back on the card"
    assert history(facts, "refund_method") == ["account credit"]


def test_an_emergency_cash_amount() -> None:
    found = facts_of(("assistant", "I've set up an emergency cash withdrawal of £150."))
    assert found == {"cash_amount": "£150"}


def test_the_same_refund_method_said_again_keeps_the_customers_words() -> None:
    facts = conversation(
        ("assistant", "Done, $20.45 as account credit."),
        ("user", "hmm actually no. put it back on the card"),
        (
            "assistant",
            "No problem, I've switched it. The $20.45 will go back to your card instead.",
        ),
        batch=1,
    )
    assert current(facts)["refund_method"] == "back on the card"
    assert history(facts, "refund_method") == ["account credit"]


def test_a_short_name_keeps_its_kind() -> None:
    """ "Pro" alone is too short to mark where a summary still quotes it."""
    facts = conversation(
        ("assistant", "I see the Pro plan at $15 a month."),
        ("assistant", "Done. Your account is now on the Team plan, $48 a month from June 1."),
        batch=1,
    )
    assert current(facts)["plan"] == "Team"
    assert history(facts, "plan") == ["Pro plan"]


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("For the front discs and pads with Brembo parts it's £386.40 inc VAT.", "Brembo"),
        ("No problem, that's approved: Mintex front discs and pads.", "Mintex"),
    ],
)
def test_the_brand_of_the_parts(text: str, brand: str) -> None:
    assert facts_of(("assistant", text))["parts_brand"] == brand


@pytest.mark.parametrize(
    "text",
    [
        "Brembo pads are better than Mintex pads.",  # compared, neither chosen
        "Front discs and pads are worn.",  # the parts, no brand
        "Which brand of pads would you like, Brembo or Mintex?",  # asked
    ],
)
def test_no_parts_brand(text: str) -> None:
    assert "parts_brand" not in facts_of(("assistant", text))


def test_a_new_brand_of_parts_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "For the front discs and pads with Brembo parts it's £386.40 inc VAT."),
        ("user", "is there a cheaper option on the brakes?? brembo sounds fancy"),
        ("assistant", "No problem, that's approved: Mintex front discs and pads."),
        batch=1,
    )
    assert current(facts)["parts_brand"] == "Mintex"
    assert history(facts, "parts_brand") == ["Brembo"]


@pytest.mark.parametrize(
    ("text", "colour"),
    [
        ("Done, I've changed the colour to Awesome Lilac.", "Awesome Lilac"),
        ("You ordered the Galaxy A55 in the Awesome Navy colour.", "Awesome Navy"),
        ("Colour is Midnight Black, 256GB.", "Midnight Black"),
    ],
)
def test_the_colour_of_a_product(text: str, colour: str) -> None:
    assert facts_of(("assistant", text))["colour"] == colour


@pytest.mark.parametrize(
    "text",
    [
        "What colour is the Galaxy?",  # asked
        "The Awesome Navy colour looks better than the Awesome Lilac colour.",  # compared
        "The Family Room is bigger than the Deluxe King room.",  # compared
        # the comparison goes on past the comma: a price quoted, no room chosen
        "The Family Room is AU$329 per night, so AU$40 more per night than the Deluxe King.",
    ],
)
def test_a_name_compared_or_asked_is_no_choice(text: str) -> None:
    assert not {"colour", "room_type"} & set(facts_of(("assistant", text)))


def test_a_new_colour_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "You ordered the Galaxy A55 in the Awesome Navy colour."),
        ("user", "can I have the lilac one instead"),
        ("assistant", "Done, I've changed the colour to Awesome Lilac."),
        batch=1,
    )
    assert current(facts)["colour"] == "Awesome Lilac"
    assert history(facts, "colour") == ["Awesome Navy"]


def test_a_new_instalment_plan_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "You're paying 0% over 10 months, £149.90 a month."),
        ("user", "can I pay it off quicker"),
        ("assistant", "Sure, I've moved you to 6 monthly instalments of £249.83."),
        ("assistant", "The refund for the old order is paid in instalments back to the card."),
        batch=1,
    )
    assert current(facts)["instalment_plan"] == "6 monthly instalments"
    assert history(facts, "instalment_plan") == ["0% over 10 months"]


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        # the comparison is a clause of its own: the plan and the club are still chosen
        ("I've moved you to the Premium plan, cheaper than the Basic one.", "plan", "Premium"),
        ("Done: home club Lakeshore, closer than Riverside.", "club", "Lakeshore"),
        # what was compared is not named; the brand gone with is
        ("I compared prices and went with Brembo pads.", "parts_brand", "Brembo"),
    ],
)
def test_a_comparison_leaves_the_choice_beside_it(text: str, key: str, name: str) -> None:
    found = facts_of(("assistant", text))
    assert found[key] == name
    assert not {"Basic", "Riverside"} & set(found.values())


@pytest.mark.parametrize(
    "text",
    [
        "Winter tyres are fitted from November.",  # the season, at the start of a sentence
        "My car needs new tyres. Cheap tyres are fine.",
        "Aftermarket parts are cheaper.",
        "Toyota parts take a week to arrive.",  # a maker named, nothing chosen with it
        "I don't want Brembo pads.",  # refused
        "My brother has Brembo discs on his car.",  # someone else's
    ],
)
def test_a_capitalised_word_before_parts_is_no_brand_chosen(text: str) -> None:
    assert "parts_brand" not in facts_of(("user", text))


def test_a_brand_refused_leaves_the_brand_approved() -> None:
    facts = conversation(
        ("assistant", "No problem, that's approved: Mintex front discs and pads."),
        ("user", "I don't want Brembo pads."),
        batch=1,
    )
    assert current(facts)["parts_brand"] == "Mintex"
    assert history(facts, "parts_brand") == []


@pytest.mark.parametrize(
    "text",
    [
        "I can't afford 6 monthly instalments.",  # refused
        "You've paid 2 instalments so far.",  # how many are paid
        "The first of 3 instalments was taken today.",  # which one was taken
    ],
)
def test_instalments_refused_or_counted_are_no_plan(text: str) -> None:
    assert "instalment_plan" not in facts_of(("assistant", text))


def test_instalments_paid_leave_the_plan() -> None:
    facts = conversation(
        ("assistant", "Sure, I've moved you to 6 monthly instalments of £249.83."),
        ("assistant", "You've paid 2 instalments so far."),
        batch=1,
    )
    assert current(facts)["instalment_plan"] == "6 monthly instalments"
    assert history(facts, "instalment_plan") == []


@pytest.mark.parametrize(
    "text",
    [
        "Colour Red is not available for this model.",  # unavailable
        "Colour Awesome Iceblue is sold out, sorry.",  # unavailable
        "The SIM card colour is White.",  # a colour word, no maker's colour
    ],
)
def test_a_colour_unavailable_or_plain_is_no_choice(text: str) -> None:
    assert "colour" not in facts_of(("assistant", text))


def test_a_colour_sold_out_leaves_the_colour_ordered() -> None:
    facts = conversation(
        ("assistant", "You ordered the Galaxy A55 in the Awesome Navy colour."),
        ("assistant", "Colour Awesome Iceblue is sold out, sorry."),
        batch=1,
    )
    assert current(facts)["colour"] == "Awesome Navy"
    assert history(facts, "colour") == []


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I'd like a plan of 12 instalments.", "instalment_plan", "12 instalments"),
        ("I'll pay it in a total of 6 instalments.", "instalment_plan", "6 instalments"),
        # "left" is about the savings, not the instalments
        (
            "I'll take 12 instalments to keep what's left of my savings.",
            "instalment_plan",
            "12 instalments",
        ),
        ("6 instalments paid monthly works for me.", "instalment_plan", "6 instalments"),
        # the "not" is another verb's, or another name's
        ("I'd like the Awesome Navy colour if it's not too late.", "colour", "Awesome Navy"),
        ("I'd like the Premium plan and not the Basic plan.", "plan", "Premium"),
    ],
)
def test_a_not_or_a_count_said_of_something_else_leaves_the_choice(
    text: str, key: str, value: str
) -> None:
    assert facts_of(("user", text)).get(key) == value


@pytest.mark.parametrize("text", ["I have 2 instalments left.", "2 of 6 instalments paid."])
def test_instalments_counted_right_beside_them_are_no_plan(text: str) -> None:
    assert "instalment_plan" not in facts_of(("user", text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("we'll do the Premium please", "Premium"),  # the customer picks
        ("ok fine, Basic then", "Basic"),  # the other party's proposal accepted
        ("actually the Silver one", "Silver"),  # a change of mind
        ("let's go with Economy then", "Economy"),
        ("I think we'll go with the Lakeside.", "Lakeside"),
        ("No problem, Express it is.", "Express"),  # the agent confirms it
    ],
)
def test_an_option_taken_by_its_name(text: str, name: str) -> None:
    assert facts_of(("user", text)).get("product") == name


@pytest.mark.parametrize(
    "text",
    [
        "I'll go with Sarah to the fitting",  # going with a person
        "I'll go with Sarah",
        "let's go with Tuesday",  # a day, no option
        "Tuesday it is",
        "Here it is. ORD-4471.",
        "In Leeds it is raining again",
        "Text it is, I'll add that to your notes.",  # a way to be contacted
        "Shall we go with the Premium?",  # asked
        "I don't want to go with the Premium",  # refused
    ],
)
def test_no_option_taken(text: str) -> None:
    assert "product" not in facts_of(("user", text))


def test_a_later_pick_replaces_the_earlier_one() -> None:
    facts = conversation(
        ("assistant", "We have Express at £12 or Economy at £6."),
        ("user", "we'll do the Express please"),
        ("assistant", "Express it is."),
        ("user", "hmm it's not urgent, let's go with Economy then"),
        ("assistant", "No problem, Economy it is."),
        batch=1,
    )
    assert current(facts)["product"] == "Economy"
    assert history(facts, "product") == ["Express"]


def test_a_person_taken_is_no_option() -> None:
    facts = conversation(
        ("assistant", "Your coordinator will be Megan."),
        ("user", "Megan it is then."),
        batch=1,
    )
    assert "product" not in current(facts)
