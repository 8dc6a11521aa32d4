"""A change the assistant offers in a question, taken by a bare yes ("I can move you to
another one instead? L-087 is free" → "yeah go on"), puts the value offered in the held
one's place, the held one kept in history (``offers_taken``); a yes with a "but", a yes to
something else, or a yes to a question that offers no value changes nothing."""

from __future__ import annotations

import pytest

from domain.memory.offline.offers_taken import offered_change, takes_offer
from schemas.memory_model import Fact
from schemas.messages import Role
from tests.memory.test_offline_facts_dialogue import conversation


def _locker(offer: str, reply: str, held: str = "my locker is L-112") -> list[Fact]:
    turns: list[tuple[Role, str]] = [
        ("user", held),
        ("assistant", "Thanks."),
        ("user", "the lock on it sticks"),
        ("assistant", offer),
        ("user", reply),
        ("assistant", "Done."),
    ]
    return conversation(*turns)


def _current(facts: list[Fact], key: str) -> str:
    return next(fact.value for fact in facts if fact.key == key)


def _history(facts: list[Fact], key: str) -> list[str]:
    return next([old.value for old in fact.history] for fact in facts if fact.key == key)


@pytest.mark.parametrize(
    "reply", ["yeah go on", "yes please do that", "yes go ahead", "sure, do that", "ok, please"]
)
def test_an_offered_change_taken_by_a_bare_yes_replaces_the_held_value(reply: str) -> None:
    facts = _locker(
        "Sorry about that. I can move you to another one instead? L-087 is free.", reply
    )
    assert _current(facts, "reference") == "L-087"
    assert _history(facts, "reference") == ["my locker is L-112"]


def test_the_value_may_stand_in_the_offer_itself() -> None:
    facts = _locker("Sorry about that. Shall I switch you to locker L-087?", "sure, do that")
    assert _current(facts, "reference") == "L-087"
    assert _history(facts, "reference") == ["my locker is L-112"]


def test_thai_an_offered_change_taken_replaces_the_held_value() -> None:
    turns: list[tuple[Role, str]] = [
        ("user", "ล็อกเกอร์ของฉันคือ L-112 ค่ะ"),
        ("assistant", "ขอบคุณค่ะ"),
        ("user", "กุญแจมันติดค่ะ"),
        ("assistant", "ขออภัยค่ะ ให้เปลี่ยนเป็นล็อกเกอร์ L-087 แทนไหมคะ"),
        ("user", "ได้ค่ะ เปลี่ยนเลยค่ะ"),
        ("assistant", "เรียบร้อยค่ะ"),
    ]
    facts = conversation(*turns)
    assert _current(facts, "reference") == "L-087"
    assert _history(facts, "reference") == ["ล็อกเกอร์ของฉันคือ L-112"]


@pytest.mark.parametrize("reply", ["yes, but not that one", "yes I saw that", "hmm let me think"])
def test_a_yes_with_a_but_or_to_something_else_replaces_nothing(reply: str) -> None:
    facts = _locker(
        "Sorry about that. I can move you to another one instead? L-087 is free.", reply
    )
    assert _current(facts, "reference") == "my locker is L-112"
    assert _history(facts, "reference") == []


def test_a_yes_to_a_question_that_offers_no_value_replaces_nothing() -> None:
    facts = conversation(
        ("user", "my locker is L-112"),
        ("assistant", "Thanks."),
        ("user", "the lock on it sticks"),
        ("assistant", "Sorry about that. Do you want a new key for it?"),
        ("user", "yes please"),
        ("assistant", "Done."),
        ("user", "L-087 is my friend's one"),
        ("assistant", "Noted."),
    )
    assert _current(facts, "reference") == "my locker is L-112"
    assert _history(facts, "reference") == []


@pytest.mark.parametrize(
    ("offer", "value"),
    [
        (
            "The Friday class is full. Shall I register you for the Saturday session instead?",
            "Saturday",
        ),
        ("We're out of those. Want me to switch you to the 2 kg bag?", "2 kg"),
        ("I can move you to another one instead? L-087 is free, same size.", "L-087"),
        ("کلاس جمعه پر شده. به جاش شنبه ۲۵ آبان ثبت‌نامتون کنم؟", "شنبه ۲۵ آبان"),
        ("ปิดรอบวันศุกร์แล้วค่ะ ให้เปลี่ยนเป็นวันเสาร์ที่ 15 มีนาคมแทนไหมคะ", "วันเสาร์ที่ 15 มีนาคม"),
    ],
)
def test_the_value_an_offer_of_change_offers(offer: str, value: str) -> None:
    offered = offered_change(offer)
    assert offered is not None and offered.text == value


@pytest.mark.parametrize(
    "offer",
    [
        "Did you want to change plan too?",  # no value
        "Saturday 15 March is free too.",  # no question
        "Would Saturday or Sunday suit you instead?",  # two values: which is not said
        "Is 2 kg the right weight?",  # no word of change
    ],
)
def test_no_value_offered_as_a_change(offer: str) -> None:
    assert offered_change(offer) is None


@pytest.mark.parametrize(
    ("reply", "takes"),
    [
        ("yes please do that", True),
        ("yes go ahead", True),
        ("sure, do that", True),
        ("yeah go on. can someone move my stuff", True),
        ("بله لطفا", True),
        ("آره انجامش بدید", True),
        ("ได้ค่ะ เปลี่ยนเลยค่ะ", True),
        ("yes, but not that one", False),
        ("yes I saw that", False),
        ("yes that's the one I had", False),
        ("sure, but check the price first", False),
        ("بله ولی اون یکی نه", False),
        ("ได้ค่ะ แต่ไม่ใช่อันนั้น", False),
    ],
)
def test_a_reply_that_only_says_yes_and_go_ahead(reply: str, takes: bool) -> None:
    assert takes_offer(reply) is takes
