"""English support chats: values said again, apologies, names read back, "instead of".

Each rule keeps one subject's value from landing on another's key (or from staying
current after the conversation replaced it), value by value, on the real extractor.
"""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


def test_an_apology_corrects_nothing() -> None:
    """ "I'm sorry about that" after a measure: "the 140" is the desk, not a new refund."""
    facts = conversation(
        ("assistant", "Your order is now for the desk in 140 cm."),
        ("assistant", "The £60.00 difference will go back to your Mastercard ending 2290."),
        ("user", "Does the swap change the delivery date?"),
        ("assistant", "I'm afraid it does. The 140 isn't stocked here. I'm sorry about that."),
        batch=2,
    )
    assert current(facts)["price_difference"] == "£60.00"
    assert history(facts, "price_difference") == []


def test_a_real_apology_for_a_mistake_still_corrects() -> None:
    facts = conversation(
        ("assistant", "Could you share your order number?"),
        ("user", "ORD-58342"),
        ("user", "sorry, it's ORD-58432"),
        batch=2,
    )
    assert current(facts)["order_id"] == "ORD-58432"
    assert history(facts, "order_id") == ["ORD-58342"]


def test_a_bare_number_of_a_known_measure_is_that_thing() -> None:
    found = facts_of(
        ("user", "Actually, the 140 is fine."),
        known=[("product_width", "140 cm"), ("refund_amount", "£60.00")],
    )
    assert found == {}


def test_a_code_said_again_stays_with_its_subject() -> None:
    """The assistant mentioning a coupon near "order" does not make it an order number."""
    facts = conversation(
        ("assistant", "Could you share your order number?"),
        ("user", "#771492"),
        ("assistant", "I've added a promo code for you: SORRY10, 10% off your next order."),
        ("assistant", "If you order it again now, SORRY10 would cover most of it."),
        batch=1,
    )
    assert current(facts)["order_id"] == "#771492"
    assert current(facts)["coupon_code"] == "SORRY10"
    assert history(facts, "order_id") == []


def test_names_the_assistant_reads_back_from_a_record() -> None:
    policy = "I see a policy for a 2019 Mazda CX-5 under Daniel Okafor. Is that you?"
    assert facts_of(("assistant", policy))["holder_name"] == "Daniel Okafor"
    read_back = "Thanks. I've got Alicia Moreno, Premium plan, home club Riverside."
    assert facts_of(("assistant", read_back))["holder_name"] == "Alicia Moreno"
    assert facts_of(("assistant", "Thank you. I have Sam Whitaker here."))["holder_name"] == (
        "Sam Whitaker"
    )


def test_a_read_back_needs_a_full_name() -> None:
    assert "holder_name" not in facts_of(("assistant", "The claim is under review, Daniel."))
    assert "holder_name" not in facts_of(("assistant", "I have Golden Lotus confirmed it."))


def test_a_value_named_as_the_old_one_is_replaced_where_it_is_held() -> None:
    """ "instead of refunding £60.00 … refund £24.00": the £60.00 the price difference
    held is not current any more, whatever key the new amount got."""
    facts = conversation(
        ("assistant", "The £60.00 difference will go back to your Mastercard."),
        (
            "assistant",
            "So instead of refunding £60.00, we'll keep £36.00 for the trays and refund "
            "£24.00 to your Mastercard.",
        ),
        batch=1,
    )
    values = current(facts)
    assert "£60.00" not in values.values()
    assert values["refund_amount"] == "£24.00"
    assert history(facts, "price_difference") == ["£60.00"]


def test_checking_in_and_out_name_their_dates() -> None:
    found = facts_of(
        (
            "assistant",
            "Your reservation is now a Family Room, checking in Nov 22 and checking out Nov 25.",
        )
    )
    assert found["check_in_date"] == "Nov 22"
    assert found["check_out_date"] == "Nov 25"


def test_a_cue_that_leads_a_value_of_its_own_names_that_one() -> None:
    """ "on Monday 12 May, returning on … Sunday 25 May": the return is the 25th."""
    found = facts_of(
        (
            "assistant",
            "Two passengers flying on flight NW 218 on Monday 12 May, returning on NW 219 "
            "on Sunday 25 May.",
        )
    )
    assert found["flight_date"] == "Monday 12 May"
    assert found["return_date"] == "Sunday 25 May"
    found = facts_of(
        (
            "assistant",
            "The car will be delivered to the hotel on Nov 23 at 11am, returned at the airport "
            "by 4pm on Nov 25.",
        )
    )
    assert found["delivery_date"] == "Nov 23 at 11am"
    assert found["return_date"] == "Nov 25"


def test_a_landing_is_a_flight_time() -> None:
    assert facts_of(("user", "The new flight lands at 5pm.")) == {"flight_time": "5pm"}


def test_a_membership_freeze_and_a_surgery_have_dates_of_their_own() -> None:
    facts = conversation(
        ("assistant", "Sure, a 2-month freeze from June 10 to July 31."),
        ("user", "ok update, they moved the surgery to June 16"),
        ("assistant", "Updated: freeze from June 15 to August 14."),
        batch=1,
    )
    assert current(facts)["pause_dates"] == "June 15 to August 14"
    assert current(facts)["appointment_date"] == "June 16"
    assert history(facts, "appointment_date") == []


def test_a_word_of_change_far_off_in_a_recap_corrects_nothing() -> None:
    """ "… Move reference MV-66021." at a recap's end does not move the visit's date."""
    facts = conversation(
        ("assistant", "The first available appointment is Monday 2 December, 8am to 1pm."),
        (
            "assistant",
            "Service at the old flat ends on Friday 29 November. You're on Fibre 150 from "
            "then. Engineer visit on Monday 2 December. Move reference MV-66021.",
        ),
        batch=1,
    )
    assert current(facts)["appointment_date"] == "Monday 2 December, 8am to 1pm"
    assert history(facts, "appointment_date") == []


def test_a_correction_in_the_sentence_before_still_corrects() -> None:
    facts = conversation(
        ("assistant", "Could you share your order number?"),
        ("user", "730592"),
        ("user", "oh sorry, I typed it wrong. 730952 is right"),
        batch=1,
    )
    assert current(facts)["order_id"] == "730952"
    assert history(facts, "order_id") == ["730592"]


def test_a_revised_estimate_replaces_the_first() -> None:
    facts = conversation(
        ("user", "the adjuster came, Bayview says the estimate is 3,850"),
        ("assistant", "I see Tom's estimate in the file: $3,850 for parts and labour."),
        ("assistant", "Thanks, Bayview sent a supplement. The revised estimate is $4,210."),
        batch=1,
    )
    assert current(facts)["estimate_amount"] == "$4,210"
    assert history(facts, "estimate_amount") == ["3,850"]


def test_a_nightly_rate_and_what_one_room_costs_more() -> None:
    found = facts_of(
        ("assistant", "Your reservation: a Deluxe King, four nights, at AU$289 per night.")
    )
    assert found["room_rate"] == "$289 per night"
    found = facts_of(
        ("assistant", "The Family Room is AU$329 per night, so AU$40 more per night than yours.")
    )
    assert found["room_rate"] == "$329 per night"
    assert found["price_difference"] == "$40"


def test_a_doctor_named_by_title_and_a_booked_slot() -> None:
    """ "Dr. Osei" ends no sentence: the slot after it is the appointment."""
    assert facts_of(
        ("assistant", "Dr. Osei has Monday, August 11 at 9:15am at Riverside. Would that work?")
    ) == {"appointment_date": "Monday, August 11 at 9:15am", "appointment_time": "9:15am"}


def test_a_loose_date_said_again_exactly_gives_way_to_the_exact_one() -> None:
    found = facts_of(
        ("assistant", "The next attempt is tomorrow, Friday 10 October, between 9am and 1pm.")
    )
    assert found["delivery_date"] == "Friday 10 October, between 9am and 1pm"
    assert found["delivery_time"] == "between 9am and 1pm"


def test_a_replacement_card_is_not_the_card_it_replaces() -> None:
    facts = conversation(
        ("assistant", "I've put a block on the card ending 7743."),
        ("assistant", "Replacement card ending 2058 sent express, arriving by Thursday."),
        ("user", "Graham Pell. The old card ended 7743."),
        batch=1,
    )
    assert current(facts)["payment_card"] == "card ending 7743"
    assert current(facts)["new_card"] == "Replacement card ending 2058"
    assert history(facts, "payment_card") == []


def test_a_duplicate_charge_is_not_the_refund() -> None:
    facts = conversation(
        ("assistant", "Your total refund is now $20.45 for the pad see ew and the spring rolls."),
        ("assistant", "Yes, the duplicate $32.15 will be refunded to the Visa ending 9021."),
        (
            "assistant",
            "Two refunds to the Visa: $20.45 for tonight's missing items, and $32.15 for the "
            "duplicate charge.",
        ),
        batch=1,
    )
    assert current(facts)["refund_amount"] == "$20.45"
    assert current(facts)["duplicate_charge"] == "$32.15"
    assert history(facts, "refund_amount") == []


def test_a_change_fee_or_a_move_reference_corrects_nothing() -> None:
    facts = conversation(
        ("assistant", "The first available appointment is Monday 2 December, 8am to 1pm."),
        (
            "assistant",
            "4G backup router to Hazel Court by Wednesday 27 November. Move reference MV-1.",
        ),
        ("assistant", "There is a change fee of $150.00. The fare on Thursday 15 May is higher."),
        batch=1,
    )
    assert current(facts)["appointment_date"] == "Monday 2 December, 8am to 1pm"
    assert history(facts, "appointment_date") == []


def test_a_titled_full_name_is_someone_named() -> None:
    found = facts_of(
        ("assistant", "Two passengers, yourself and Mr. Anders Lindqvist, flying on Monday 12 May.")
    )
    assert found["person_name"] == "Anders Lindqvist"
    assert "person_name" not in facts_of(("assistant", "You're very welcome, Ms. Fernández."))


def test_a_bag_fee_and_allowance_are_not_the_amount_due() -> None:
    facts = conversation(
        ("assistant", "The amount due today is $0.00, and $37.20 stays on the voucher."),
        ("assistant", "Yes, you each have one checked bag of up to 50 pounds included."),
        ("assistant", "Extra bag: $70.00 on the Visa ending 3356."),
        batch=1,
    )
    assert current(facts)["order_total"] == "$0.00"
    assert current(facts)["baggage_fee"] == "$70.00"


def test_people_by_their_role_and_a_new_one_in_the_role() -> None:
    found = facts_of(
        (
            "assistant",
            "The adjuster, Tom Reyes, will inspect the car at Bayview on Tuesday at 11 am.",
        )
    )
    assert found["adjuster_name"] == "Tom Reyes"
    assert found["appointment_date"] == "Tuesday at 11 am"
    facts = conversation(
        ("assistant", "You have 7 PT sessions left with coach Ben Arlo."),
        (
            "assistant",
            "Ben works at Riverside only, but coach Maya Singh at Lakeshore does knee rehab.",
        ),
        batch=1,
    )
    assert current(facts)["trainer_name"] == "Maya Singh"
    assert history(facts, "trainer_name") == ["Ben Arlo"]


def test_a_role_word_before_a_lower_case_word_names_no_one() -> None:
    found = facts_of(("assistant", "Engineer visit on Monday 2 December, 8am to 1pm."))
    assert not {"technician_name", "person_name"} & set(found)


def test_an_amount_keeps_what_it_is_counted_per() -> None:
    found = facts_of(
        ("assistant", "Your policy includes rental reimbursement up to $40 per day for 30 days.")
    )
    assert "$40 per day" in found.values()
    assert facts_of(("assistant", "Your Premium plan is $64.99 a month."))["monthly_fee"] == (
        "$64.99 a month"
    )


def test_a_fault_described_in_the_customers_words() -> None:
    found = facts_of(
        ("assistant", "Can you describe what's happening with the trackpad?"),
        ("user", "trackpad doesn't click at all. tapping works, but the click is just dead."),
    )
    assert found == {"reported_fault": "trackpad doesn't click at all"}
    assert (
        facts_of(
            ("assistant", "What seems to be the problem?"), ("user", "no idea, it just stopped")
        )
        == {}
    )


def test_a_name_asked_for_leads_a_reply_of_other_details() -> None:
    found = facts_of(
        ("assistant", "We can transfer sessions to another member. What's her name and member ID?"),
        ("user", "Carla Moreno, I don't know her ID, her phone is 312-555-0177"),
    )
    assert found["recipient_name"] == "Carla Moreno"
    assert "customer_name" not in found
    found = facts_of(
        ("assistant", "Could I have your name and order number?"), ("user", "Sara Lee, ORD-48213")
    )
    assert found == {"customer_name": "Sara Lee", "order_id": "ORD-48213"}


def test_a_reply_that_leads_with_no_name_gives_none() -> None:
    found = facts_of(
        ("assistant", "Could I have your name and order number?"),
        ("user", "one sec, ORD-48213"),
    )
    assert found == {"order_id": "ORD-48213"}


def test_where_a_customer_moves_to_is_not_where_they_are() -> None:
    facts = conversation(
        ("assistant", "Can you confirm the first line of the address the account is at now?"),
        ("user", "17 Hazel Court, Bristol"),
        ("assistant", "Where are you moving to?"),
        ("user", "Bath. 7 Orchard Row."),
        ("assistant", "That's it, 7 Orchard Row, Bath BA2 3QM is coming up now."),
        ("assistant", "The backup router will go to 17 Hazel Court by Wednesday 27 November."),
        batch=1,
    )
    assert current(facts)["delivery_address"] == "17 Hazel Court, Bristol"
    assert current(facts)["moving_to_address"] == "7 Orchard Row, Bath BA2 3QM"
    assert history(facts, "delivery_address") == []


def test_what_the_assistant_has_is_no_name_unless_it_is_on_record() -> None:
    assert "holder_name" not in facts_of(("assistant", "I have Visa Debit."))


@pytest.mark.parametrize(
    ("text", "key", "code"),
    [
        (
            "great. now the parcel. tracking number TRK 5521 8830",
            "tracking_number",
            "TRK 5521 8830",
        ),
        ("My account number is ACC 3391 0072.", "account_number", "ACC 3391 0072"),
        ("Rewards number HV 55 802 316.", "account_number", "HV 55 802 316"),
    ],
)
def test_a_code_in_groups_after_its_name_is_read_whole(text: str, key: str, code: str) -> None:
    assert facts_of(("user", text))[key] == code


def test_a_number_and_words_after_an_id_name_are_no_grouped_code() -> None:
    assert facts_of(("user", "order number 48213 and 2 more")) == {"order_id": "48213"}


def test_a_rate_after_a_value_is_its_own_even_with_another_amount_later() -> None:
    """ "$15 a month, and two payments of $15": the month belongs to the first $15."""
    found = facts_of(
        ("assistant", "I see the Pro plan at $15 a month, and two payments of $15 on May 3.")
    )
    assert found["monthly_fee"] == "$15 a month"


def test_her_email_is_someone_elses() -> None:
    found = facts_of(("assistant", "Sure, what's her email?"), ("user", "anna.s@beckerdesign.de"))
    assert found == {"second_contact_email": "anna.s@beckerdesign.de"}
