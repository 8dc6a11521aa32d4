"""A day given after a word of change that moves another thing ("I've had to move your
survey") leaves the one held date of something else (the installation) where it is; moving
the held thing itself, or "it", still moves it."""

from __future__ import annotations

import pytest

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts

_OFFER = "I've had to move your {}. Are you free Thursday 13 March, same time?"


def _facts(message: str, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = [TranscriptLine(1, "m1", "assistant", message)]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


@pytest.mark.parametrize(
    ("thing", "held"), [("survey", "installation_date"), ("inspection", "delivery_date")]
)
def test_moving_another_thing_keeps_the_held_date(thing: str, held: str) -> None:
    facts = _facts(_OFFER.format(thing), [(held, "Monday 7 April")])
    assert ("other_date", "Thursday 13 March") in facts
    assert held not in dict(facts)


@pytest.mark.parametrize(
    ("thing", "held"), [("installation", "installation_date"), ("appointment", "appointment_date")]
)
def test_moving_the_held_thing_moves_its_date(thing: str, held: str) -> None:
    assert (held, "Thursday 13 March") in _facts(_OFFER.format(thing), [(held, "Monday 7 April")])


# "move … to" is a word of change in its own sentence too: the day is still the thing's moved
_MOVED_TO = "Yes we can do that, I'll move the {} to Wednesday 12 March."


@pytest.mark.parametrize(
    ("thing", "held"), [("sign-off", "delivery_date"), ("survey", "installation_date")]
)
def test_moving_another_thing_to_a_day_keeps_the_held_date(thing: str, held: str) -> None:
    facts = _facts(_MOVED_TO.format(thing), [(held, "Tuesday 1 April")])
    assert ("other_date", "Wednesday 12 March") in facts
    assert held not in dict(facts)


@pytest.mark.parametrize(
    ("thing", "held"),
    [
        ("delivery", "delivery_date"),
        ("appointment", "appointment_date"),
        ("installation", "installation_date"),
        ("collection", "pickup_date"),  # a word of the held key's topic, not the key's own
    ],
)
def test_moving_the_held_thing_to_a_day_moves_its_date(thing: str, held: str) -> None:
    facts = _facts(_MOVED_TO.format(thing), [(held, "Tuesday 1 April")])
    assert (held, "Wednesday 12 March") in facts


# Thai and Persian: the thing is the words next to the verb of change, another thing when
# they name an event (a sports day, a wedding, a meeting)
@pytest.mark.parametrize(
    ("message", "day", "held_day"),
    [
        ("อ้อ แอดคะ งานกีฬาสีเลื่อนเป็น 28 พ.ย. นะคะ", "28 พ.ย.", "13 พ.ย."),
        ("งานแต่งเลื่อนไปเป็น 28 พ.ย. ค่ะ", "28 พ.ย.", "13 พ.ย."),
        ("جلسه رو بندازید ۲۰ آبان", "۲۰ آبان", "۱۲ آبان"),
        ("عروسی رو تغییر دادیم به ۲۰ آبان", "۲۰ آبان", "۱۲ آبان"),
        ("ببخشید، عروسی به ۲۰ آبان منتقل شد", "۲۰ آبان", "۱۲ آبان"),
    ],
)
def test_an_event_moved_keeps_the_held_delivery_date(message: str, day: str, held_day: str) -> None:
    facts = _users(message, [("delivery_date", held_day)])
    assert ("other_date", day) in facts
    assert "delivery_date" not in dict(facts)


@pytest.mark.parametrize(
    ("message", "day", "held", "held_day"),
    [
        ("ขอเลื่อนส่งเป็น 20 พ.ย. ได้ไหมคะ", "20 พ.ย.", "delivery_date", "13 พ.ย."),
        ("ขอเลื่อนเป็น 20 พ.ย. ได้ไหมคะ", "20 พ.ย.", "delivery_date", "13 พ.ย."),
        ("เลื่อนส่งของไปเป็น 20 พ.ย. นะคะ", "20 พ.ย.", "delivery_date", "13 พ.ย."),
        ("تحویل رو بندازید ۲۰ آبان", "۲۰ آبان", "delivery_date", "۱۲ آبان"),
        ("ارسال رو بندازید ۲۰ آبان", "۲۰ آبان", "delivery_date", "۱۲ آبان"),
        ("نصب رو بندازید ۲۰ آبان", "۲۰ آبان", "installation_date", "۱۲ آبان"),
    ],
)
def test_the_held_thing_moved_in_thai_or_persian_moves_its_date(
    message: str, day: str, held: str, held_day: str
) -> None:
    assert (held, day) in _users(message, [(held, held_day)])


def _users(message: str, known: list[tuple[str, str]], before: str = "") -> list[tuple[str, str]]:
    lines = [TranscriptLine(1, "m1", "assistant", before)] if before else []
    lines.append(TranscriptLine(2, "m2", "user", message))
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


def test_an_event_moved_is_no_answer_to_the_delivery_just_given() -> None:
    before = "ถ้าอนุมัติภายในวันอังคาร จะส่งของได้ประมาณ 13 พ.ย. ครับ"
    message = "อ้อ แอดคะ งานกีฬาสีเลื่อนเป็น 28 พ.ย. นะคะ ชนกับงานศิลปหัตถกรรมนักเรียนพอดี"
    facts = _users(message, [("delivery_date", "13 พ.ย.")], before)
    assert ("other_date", "28 พ.ย.") in facts
    assert "delivery_date" not in dict(facts)


def test_the_thing_the_question_names_moved_answers_it() -> None:
    before = "Does the late arrival change anything for the car on the 23rd? 9am may feel early."
    facts = _users("Can we move the car to 11am?", [("delivery_time", "9am")], before)
    assert ("delivery_time", "11am") in facts
