"""``domain.user_memory.held_facts``: a fact whose value another fact of its conversation
and subject shows is not listed twice in the user-memory section. English, Persian, Thai."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.user_memory.held_facts import held_facts
from domain.user_memory.recall import recall
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import T0

# (the appointment's day and time, its time alone)
APPOINTMENT = {
    "en": ("Monday 28 November, 10:00", "10:00"),
    "fa": ("دوشنبه ۱۴ آبان ساعت ۱۰ صبح", "ساعت ۱۰ صبح"),
    "th": ("28 พ.ย. 10:00 น.", "10:00 น."),
}


def fact(key: str, value: str, session: str = "s1", day: int = 0) -> UserFact:
    return UserFact(key=key, value=value, session_id=session, observed_at=T0 + timedelta(days=day))


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_value_another_fact_of_its_subject_shows_is_listed_once(language: str) -> None:
    whole, part = APPOINTMENT[language]
    facts = [fact("appointment_time", part), fact("appointment_date", whole)]
    state = UserMemoryState(facts=facts)
    text = recall(state, "", 400, current_session="now").text
    assert f"Appointment date: {whole}" in text
    assert "Appointment time" not in text
    assert held_facts(facts) == frozenset({0})


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_another_conversations_fact_of_the_subject_is_still_listed(language: str) -> None:
    whole, part = APPOINTMENT[language]
    facts = [fact("appointment_time", part, "s2", day=7), fact("appointment_date", whole)]
    text = recall(UserMemoryState(facts=facts), "", 400, current_session="now").text
    assert f"Appointment time: {part}" in text
    assert f"Appointment date: {whole}" in text


def test_another_subjects_value_and_a_short_value_are_still_listed() -> None:
    facts = [
        fact("check_in_date", "Friday 2 May"),
        fact("check_out_date", "Friday 2 May to Sunday 4 May"),
        fact("room_count", "2"),
        fact("room_number", "2"),
    ]
    assert held_facts(facts) == frozenset()


def test_the_same_value_twice_in_a_subject_is_listed_once_the_first_time() -> None:
    facts = [fact("delivery_date", "Friday 10 October"), fact("delivery_day", "Friday 10 October")]
    assert held_facts(facts) == frozenset({1})


#: One person's name under two keys, and another person's.
NAMED_TWICE = {
    "en": ("Alicia Moreno", "Carla Moreno"),
    "fa": ("سپیده اکبری", "کامران فرهادی"),
    "th": ("วรรณวิสา ตั้งจิตเจริญ", "ณัฐพล ตั้งจิตเจริญ"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_one_persons_name_under_two_keys_is_listed_once(language: str) -> None:
    name, other = NAMED_TWICE[language]
    facts = [
        fact("customer_name", name),
        fact("holder_name", name),
        fact("person_name", other),
    ]
    text = recall(UserMemoryState(facts=facts), "", 400, current_session="now").text
    assert text.count(name) == 1
    assert f"Customer name: {name}" in text
    assert f"Person name: {other}" in text
    assert held_facts(facts) == frozenset({1})


#: A place's name, and a person's, in two conversations.
PLACE_AND_PERSON = {
    "en": ("Hilton Garden Inn", "Alicia Moreno"),
    "fa": ("هتل اسپیناس پالاس", "سپیده اکبری"),
    "th": ("โรงแรมเซ็นทาราแกรนด์", "วรรณวิสา ตั้งจิตเจริญ"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_name_of_another_conversation_is_still_listed(language: str) -> None:
    place, person = PLACE_AND_PERSON[language]
    facts = [
        fact("hotel_name", place, "s2", day=7),
        fact("customer_name", person, "s2", day=7),
        fact("hotel_name", place),
        fact("holder_name", person),
    ]
    assert held_facts(facts) == frozenset()
    text = recall(UserMemoryState(facts=facts), "", 400, current_session="now").text
    assert text.count(place) == 2
    assert text.count(person) == 2


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_place_named_as_a_persons_name_is_no_person(language: str) -> None:
    place, _ = PLACE_AND_PERSON[language]
    facts = [fact("hotel_name", place), fact("venue_name", place)]
    assert held_facts(facts) == frozenset()
