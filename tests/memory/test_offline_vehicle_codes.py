"""A car's registration, the courtesy car's, its mileage, and codes that end like a measure."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


def _booking_with_plate(*more: tuple[str, str]) -> dict[str, str]:
    return current(
        conversation(
            ("assistant", "Could I take your name and the car's reg to start with?"),
            ("user", "Dan Whitmore, reg is KP16 XRT"),
            *more,
        )
    )


def test_english_a_uk_registration_is_one_code_under_the_cars_plate() -> None:
    values = _booking_with_plate()
    assert values.get("vehicle_plate") == "KP16 XRT"
    assert values.get("customer_name") == "Dan Whitmore"
    assert not any("reg is" in value for value in values.values()), values
    assert "KP16" not in values.values()


def test_english_a_corrected_registration_replaces_the_first() -> None:
    facts = conversation(
        ("assistant", "Could I take your name and the car's reg to start with?"),
        ("user", "Dan Whitmore, reg is KP16 XRT"),
        ("assistant", "The lookup's bringing KP16 XRT up as a silver Astra, is that right?"),
        ("user", "no its a Ford Focus, blue. hang on"),
        ("user", "sorry my mistake its KP16 XRF not XRT. always mix those two up"),
    )
    assert current(facts).get("vehicle_plate") == "KP16 XRF"
    assert history(facts, "vehicle_plate") == ["KP16 XRT"]


def test_english_the_courtesy_cars_registration_is_another_vehicle() -> None:
    values = _booking_with_plate(
        ("assistant", "Thanks Dan. Do you need a courtesy car while it's with us?"),
        ("user", "yes please"),
        ("assistant", "I've reserved our white Fiesta for you, reg LN19 ODK."),
    )
    assert values.get("vehicle_plate") == "KP16 XRT"
    assert values.get("vehicle_plate_2") == "LN19 ODK"


def test_english_the_mileage_is_kept_with_its_thousands() -> None:
    values = current(
        conversation(
            ("assistant", "Interim or full? And roughly what's on the clock?"),
            ("user", "just the interim i think. mileage is 84,312 as of this morning"),
        )
    )
    assert values.get("mileage") == "84,312"


def test_english_a_number_joined_to_a_word_is_no_code() -> None:
    values = current(
        conversation(
            ("user", "what does the interim include?"),
            ("assistant", "That's oil and filter, fluid top-ups and a 50-point check."),
            ("user", "and the bigger one?"),
            ("assistant", "For a typical 3-bed semi I'd suggest the full one."),
        )
    )
    assert not any("50-point" in value or "3-bed" in value for value in values.values()), values


@pytest.mark.parametrize(
    ("question", "answer", "code", "measure"),
    [
        (  # English
            "Just paste the 8 character check code in here when you've got it.",
            "right its wR7TkP3m",
            "wR7TkP3m",
            "3m",
        ),
        (  # Persian: the earbuds' serial
            "با شماره سریال خود بادز هم استعلام میشه. سریالش داخل قاب شارژه.",
            "نوشته R3CW50ZKQ1M",
            "R3CW50ZKQ1M",
            "1M",
        ),
        ("รบกวนขอรหัสการจองด้วยค่ะ", "รหัสการจอง K7XQ2M ครับ", "K7XQ2M", "2M"),  # Thai
    ],
)
def test_a_code_ending_in_a_digit_and_m_is_one_code_not_a_length(
    question: str, answer: str, code: str, measure: str
) -> None:
    values = current(conversation(("assistant", question), ("user", answer)))
    assert any(code in value for value in values.values()), values
    assert measure not in values.values()


@pytest.mark.parametrize(
    ("message", "key"),
    [
        (
            "The Fiesta's already out on Thursday, but I can give you a grey Corsa instead, "
            "YD68 PWE.",
            "vehicle_plate_2",
        ),
        ("ماشینتون عوض شد، یه کرولا سفید براتون گذاشتیم، YD68 PWE", "vehicle_plate_2"),
        ("รถเปลี่ยนเป็นคันสีเทาแทนนะคะ YD68 PWE", "vehicle_plate_2"),
        # no word of change: another code, noted with its lead-in
        ("We've also put a van aside for your mate, YD68 PWE.", "reference"),
    ],
)
def test_a_code_of_the_held_ones_pattern_given_instead_replaces_it(message: str, key: str) -> None:
    """ "a grey Corsa instead, YD68 PWE" after "reg LN19 ODK": the courtesy car replaced,
    its plate written in the same pattern of letters and digits."""
    facts = facts_of(
        ("assistant", message),
        known=[("vehicle_plate_2", "LN19 ODK"), ("vehicle_plate", "MA21 XYZ")],
    )
    assert next(k for k, v in facts.items() if "YD68 PWE" in v) == key
