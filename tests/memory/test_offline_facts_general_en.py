"""English support chat in general, not one benchmark's phrasing: names given in passing,
a work email or phone beside the customer's own, a code in groups put right.

Value by value, on the real extractor.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("The name's on the enquiry as Daniel Okafor, that's me.", "Daniel Okafor"),
        ("name on the account is Priya Raman", "Priya Raman"),
        ("It's in my name, Tomás Herrera.", "Tomás Herrera"),
        ("My parcel is late, order RC-300817.\n\nThanks,\nJess Whitaker", "Jess Whitaker"),
        ("Can you call me back after 5?\n\nCheers\nOwen Pryce", "Owen Pryce"),
        ("Please cancel it.\n\nKind regards,\nMarta Nowak", "Marta Nowak"),
        ("It's booked under my name, Rachel Mensah", "Rachel Mensah"),
        ("Hi there, Rachel Mensah speaking", "Rachel Mensah"),
        ("hi, Rachel Mensah from 14 Elm Street, my parcel never came", "Rachel Mensah"),
    ],
)
def test_a_name_given_in_passing_is_the_customers(message: str, name: str) -> None:
    assert facts_of(("user", message))["customer_name"] == name


def test_someone_elses_name_on_a_record_is_not_the_customers() -> None:
    assert "customer_name" not in facts_of(
        ("user", "The name on the booking is Amara Okafor, my wife.")
    )


def test_a_signature_of_the_given_name_alone_keeps_the_full_name() -> None:
    facts = conversation(
        ("user", "The name's on the booking as Daniel Okafor."),
        ("user", "That's all, thanks for your help\n\nDan"),
    )
    assert current(facts)["customer_name"] == "Daniel Okafor"


def test_a_signature_gives_a_known_given_name_in_full() -> None:
    facts = conversation(
        ("user", "hi, this is Jess"),
        ("user", "Order is RC-300817\n\nThanks,\nJess Whitaker"),
    )
    assert current(facts)["customer_name"] == "Jess Whitaker"


@pytest.mark.parametrize(
    "message", ["Hello, Order Number from yesterday", "Hi, Thanks Again from me"]
)
def test_a_greeting_before_the_name_of_a_thing_names_no_one(message: str) -> None:
    assert "customer_name" not in facts_of(("user", message))


@pytest.mark.parametrize("reply", ["ok good", "great", "cool thx", "perfect"])
def test_an_acknowledgement_is_no_name(reply: str) -> None:
    found = facts_of(("user", reply), context=[("assistant", "Can I take a name for the board?")])
    assert "customer_name" not in found


def test_a_work_email_is_not_the_customers_own() -> None:
    facts = conversation(
        ("user", "daniel.okafor@gmail.com is best"),
        ("user", "Can the invoice go to my work email instead? it's d.okafor@harlowbuild.co.uk"),
    )
    assert current(facts)["customer_email"] == "daniel.okafor@gmail.com"
    assert current(facts)["work_email"] == "d.okafor@harlowbuild.co.uk"
    assert history(facts, "customer_email") == []


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("my work number is 020 7946 0018", "020 7946 0018"),
        ("you can also try my work line, 0161 496 0732", "0161 496 0732"),
    ],
)
def test_a_work_phone_is_not_the_mobile(message: str, value: str) -> None:
    facts = conversation(("user", "mobile is 07700 900 412"), ("user", message))
    assert current(facts)["customer_phone"] == "07700 900 412"
    assert current(facts)["work_phone"] == value


def test_a_work_phone_corrected_replaces_only_the_work_phone() -> None:
    facts = conversation(
        ("user", "cell is 503-555-0192, work number is (503) 555-0148"),
        ("user", "I gave you the wrong work number earlier? it's (503) 555-0184, not 0148"),
    )
    assert current(facts)["customer_phone"] == "503-555-0192"
    assert current(facts)["work_phone"] == "(503) 555-0184"
    assert history(facts, "work_phone") == ["(503) 555-0148"]


def test_a_work_order_is_still_a_job() -> None:
    assert facts_of(("user", "The work order is WO-55812."))["ticket_id"] == "WO-55812"


def test_a_code_in_mixed_groups_is_read_whole() -> None:
    found = facts_of(("assistant", "Your new tracking number is 1Z 84W 2E7 02 9916 3374."))
    assert found == {"tracking_number": "1Z 84W 2E7 02 9916 3374"}


@pytest.mark.parametrize(
    ("stated", "corrected"),
    [
        ("1Z 84W 2E7 02 9916 3374", "1Z 84W 2E7 02 9916 3347"),
        ("SP 4471 9026 GB", "SP 4471 9062 GB"),
    ],
)
def test_a_code_in_groups_put_right_without_its_name(stated: str, corrected: str) -> None:
    facts = conversation(
        ("assistant", f"Your tracking number is {stated}."),
        ("user", f"hm, it says not found. Is it {corrected}? that's what the email says"),
    )
    assert current(facts)["tracking_number"] == corrected
    assert history(facts, "tracking_number") == [stated]
    assert "customer_phone" not in current(facts) and "other_phone" not in current(facts)


def test_another_code_of_the_same_shape_is_not_a_correction() -> None:
    facts = conversation(
        ("assistant", "Your return authorization is RMA 5520 1187."),
        ("assistant", "The credit is on RR 7741 2209 now."),
    )
    assert current(facts)["return_id"] == "RMA 5520 1187"
    assert history(facts, "return_id") == []


def test_a_new_tracking_number_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "It shipped on October 3, tracking 1Z 84W 2E7 03 4419 2051."),
        ("assistant", "Your new tracking number is 1Z 84W 2E7 02 9916 3374."),
    )
    assert current(facts)["tracking_number"] == "1Z 84W 2E7 02 9916 3374"
    assert history(facts, "tracking_number") == ["1Z 84W 2E7 03 4419 2051"]


def test_a_second_order_number_is_still_another_order() -> None:
    facts = conversation(
        ("user", "Order number ORD 4471 2209 please"),
        ("user", "and the new order number is ORD 5520 1187"),
    )
    assert current(facts)["order_id"] == "ORD 4471 2209"
    assert history(facts, "order_id") == []


@pytest.mark.parametrize("word", ["40th", "28th", "10ish", "90s"])
def test_an_ordinal_or_a_rough_number_is_no_code(word: str) -> None:
    assert facts_of(("user", f"I'd like to book a room for the {word} thing")) == {}


def test_a_percentage_is_no_sum() -> None:
    facts = conversation(
        ("assistant", "I can refund 10% of the wheel, that's $24.90, to your card."),
        ("assistant", "Store credit is 15%, so $37.35 goes on your account instead."),
    )
    assert current(facts)["refund_amount"] == "$37.35"
    assert history(facts, "refund_amount") == ["$24.90"]


def test_the_dates_of_one_booking_each_keep_their_own_key() -> None:
    facts = conversation(
        ("user", "I have a race on Saturday October 19, so the wheel is urgent"),
        ("assistant", "We can hold the date for you until Friday 14 August."),
        ("assistant", "The balance is due 28 days before the event, so by Saturday 22 August."),
        ("assistant", "The wheel should now arrive Friday October 11."),
        ("assistant", "Good luck at the race on the 19th!"),
    )
    assert current(facts)["event_date"] == "Saturday October 19"
    assert current(facts)["deadline_date"] == "Friday 14 August"
    assert current(facts)["delivery_date"] == "Friday October 11"
    assert history(facts, "event_date") == []


def test_an_event_named_in_a_question_dates_the_answer() -> None:
    facts = conversation(
        ("user", "I kind of need that wheel for a race on the 19th"),
        ("assistant", "Understood. Which race are you doing?"),
        ("user", "Cascade Gravel 100, Saturday October 19. been training all summer"),
        batch=1,
    )
    assert current(facts)["event_date"] == "Saturday October 19"


@pytest.mark.parametrize(
    "address",
    ["415 NW 11th Ave, Apt 6, Portland, OR 97209", "1420 W 5th St", "88 East 3rd Street, Apt 2B"],
)
def test_an_address_on_a_numbered_street_is_whole(address: str) -> None:
    facts = conversation(
        ("assistant", "Can you confirm the card's billing address?"),
        ("user", f"oh it's probably still my old apartment. {address}"),
    )
    assert current(facts)["billing_address"] == address


def test_a_neighbour_given_after_a_question_is_the_delivery_address() -> None:
    facts = conversation(
        ("user", "my billing address is 415 NW 11th Ave, Portland, OR 97209"),
        ("user", "there's a locker in the Safeway, please deliver to 3527 SE Hawthorne Blvd"),
        ("user", "Can you send both to my neighbor instead? Linda Ortiz, 2224 SE Alder St."),
    )
    assert current(facts)["delivery_address"] == "2224 SE Alder St"
    assert current(facts)["billing_address"] == "415 NW 11th Ave, Portland, OR 97209"
    assert history(facts, "billing_address") == []


@pytest.mark.parametrize(
    ("stated", "repeated"),
    [
        ("Friday October 11", "Oct 11"),
        ("Saturday October 12 at 2pm", "Oct 12 at 2pm"),
        ("Thursday 3rd December", "Thu 3 Dec"),
    ],
)
def test_a_date_read_back_shorter_keeps_the_fuller_one(stated: str, repeated: str) -> None:
    facts = conversation(
        ("assistant", f"Your delivery is booked for {stated}."),
        ("assistant", f"To recap: delivery {repeated}, to the locker."),
    )
    assert current(facts)["delivery_date"] == stated
    assert history(facts, "delivery_date") == []


def test_a_date_moved_in_short_form_still_moves() -> None:
    facts = conversation(
        ("assistant", "Your delivery is booked for Friday October 11."),
        ("assistant", "I've moved the delivery to Oct 12."),
    )
    assert current(facts)["delivery_date"] == "Oct 12"


def test_a_share_in_percent_is_no_sum_in_a_reply_to_a_refund() -> None:
    facts = conversation(
        ("user", "any chance of a refund?"),
        ("assistant", "Sure, store credit is 15% instead, so $37.35 goes on your account."),
    )
    assert "15" not in current(facts).values()


@pytest.mark.parametrize(
    ("message", "key", "name"),
    [
        (
            "a mate of mine is going to DJ, Marcus Bell. He'll set up early",
            "friend_name",
            "Marcus Bell",
        ),
        (
            "Can you send it to my neighbor instead? Linda Ortiz, no. 14",
            "neighbour_name",
            "Linda Ortiz",
        ),
        (
            "could my sister pick up the keys instead of me? Her name is Chloe Okafor",
            "sibling_name",
            "Chloe Okafor",
        ),
        ("my colleague, Ana Ruiz, will sign for it", "friend_name", "Ana Ruiz"),
    ],
)
def test_another_persons_name_keeps_their_own_key(message: str, key: str, name: str) -> None:
    facts = conversation(("user", "The name's on the booking as Daniel Okafor."), ("user", message))
    assert current(facts)[key] == name
    assert current(facts)["customer_name"] == "Daniel Okafor"


@pytest.mark.parametrize("message", ["can you text my husband? Thanks", "ask my friend? Could be"])
def test_a_word_after_a_relation_is_no_name(message: str) -> None:
    assert not any(key.endswith("_name") for key in facts_of(("user", message)))


@pytest.mark.parametrize(
    ("message", "key", "value"),
    [
        ("I've kept (503) 555-0148 as your work number.", "work_phone", "(503) 555-0148"),
        ("I've added 07700 900 587 as a second contact.", "second_contact_phone", "07700 900 587"),
        ("and we'll keep jo@corp.example as your work email", "work_email", "jo@corp.example"),
    ],
)
def test_a_contact_kept_as_something_is_that(message: str, key: str, value: str) -> None:
    facts = conversation(
        ("user", "cell is 503-555-0192"),
        ("assistant", f"Texts will go to your cell, 503-555-0192. {message}"),
    )
    assert current(facts)[key] == value
    assert current(facts)["customer_phone"] == "503-555-0192"
    assert history(facts, "customer_phone") == []


def test_an_address_read_out_and_called_home_stays_the_home_address() -> None:
    facts = conversation(
        ("assistant", "Can I confirm the shipping address? I have 2218 SE Alder St, Portland."),
        ("user", "that's my house, but I'm out all day. Can it go to a locker instead?"),
        ("user", "there's one in the Safeway, 3527 SE Hawthorne Blvd I think"),
        batch=1,
    )
    assert current(facts)["home_address"] == "2218 SE Alder St, Portland"
    assert current(facts)["delivery_address"] == "3527 SE Hawthorne Blvd"
    assert history(facts, "home_address") == []


def test_calling_a_place_home_without_an_address_read_out_says_nothing() -> None:
    facts = conversation(
        ("assistant", "Where should we deliver it?"),
        ("user", "it's my house, the blue door"),
        batch=1,
    )
    assert "home_address" not in current(facts)


@pytest.mark.parametrize(
    "message",
    [
        "my landline is 0161 496 0732",
        "you can also reach me on the landline, 0161 496 0732",
        "home phone is 0161 496 0732",
    ],
)
def test_a_landline_never_replaces_the_mobile(message: str) -> None:
    facts = conversation(("user", "mobile is 07700 900 412"), ("user", message))
    assert current(facts)["customer_phone"] == "07700 900 412"
    assert current(facts)["landline_phone"] == "0161 496 0732"


def test_a_code_in_groups_corrected_with_its_name_replaces_the_old() -> None:
    facts = conversation(
        ("assistant", "Your tracking number is SP 4471 9026 GB."),
        ("user", "sorry, the tracking number on my email is SP 4471 9062 GB"),
    )
    assert current(facts)["tracking_number"] == "SP 4471 9062 GB"
    assert history(facts, "tracking_number") == ["SP 4471 9026 GB"]


@pytest.mark.parametrize(
    ("message", "address"),
    [
        (
            "Actually can you send it to my office instead? 5 King Street, Leeds",
            "5 King Street, Leeds",
        ),
        ("send it to my office at 5 King Street please", "5 King Street"),
        ("could it go to the pickup point at 40 Mill Lane instead", "40 Mill Lane"),
        (
            "Can it go to the Amazon locker at 3 Station Road, Leeds LS1 4DY?",
            "3 Station Road, Leeds LS1 4DY",
        ),
    ],
)
def test_an_office_a_pickup_point_or_a_locker_sent_to_is_the_delivery_address(
    message: str, address: str
) -> None:
    facts = conversation(
        ("user", "Please deliver to 12 Elm Street, Leeds LS6 2QT"), ("user", message)
    )
    assert current(facts)["delivery_address"] == address
    assert history(facts, "delivery_address") == ["12 Elm Street, Leeds LS6 2QT"]


def test_an_office_named_without_sending_is_the_work_address() -> None:
    facts = conversation(
        ("user", "Please deliver to 12 Elm Street"), ("user", "my office is at 5 King Street")
    )
    assert current(facts)["work_address"] == "5 King Street"
    assert current(facts)["delivery_address"] == "12 Elm Street"


@pytest.mark.parametrize(
    ("offer", "key"),
    [
        ("If you like, I can add your partner as an authorized person.", "partner_name"),
        ("Shall I put your sister down as the contact on the day?", "sibling_name"),
        ("I can list your colleague as a second signatory.", "friend_name"),
    ],
)
def test_a_name_replied_to_an_offer_about_a_relative_is_theirs(offer: str, key: str) -> None:
    facts = conversation(
        ("user", "hi this is Jess Whitaker"),
        ("assistant", offer),
        ("user", "sure, Sam Reyes"),
        batch=1,
    )
    assert current(facts)[key] == "Sam Reyes"
    assert current(facts)["customer_name"] == "Jess Whitaker"


def test_a_name_replied_with_no_relative_brought_up_is_not_someone_elses() -> None:
    facts = conversation(
        ("assistant", "Could you give me your name?"), ("user", "Sam Reyes"), batch=1
    )
    assert current(facts) == {"customer_name": "Sam Reyes"}


def test_a_word_of_the_event_naming_someone_dates_no_event() -> None:
    message = "Our wedding coordinator will show you round on Friday 7 March."
    found = facts_of(("assistant", message))
    assert "event_date" not in found
