"""A plain colour taken ("I'll take it in black instead", "the grey one please", «پس مشکی
رو می‌خوام», «เอาสีดำแทนค่ะ»): the colour of the order, a later one replacing it; colours
offered or refused are none taken."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("offer", "reply", "colour"),
    [
        ("We have it in black or grey.", "Hmm ok, I'll take it in black instead.", "black"),
        (
            "We have it in red, green and grey. Which one would you like?",
            "the grey one please",
            "grey",
        ),
        ("Which colour?", "I don't want black, the white one please.", "white"),
        ("رنگ سفید و طوسی داره. کدوم رو میخواین؟", "طوسی رو میخوام.", "طوسی"),
        ("رنگ قرمز تموم شده، مشکی و طوسی داریم.", "پس مشکی رو میخوام به جاش.", "مشکی"),
        ("ตอนนี้สีแดงหมดค่ะ มีสีดำกับสีเทา", "งั้นเอาสีดำแทนค่ะ", "สีดำ"),
    ],
)
def test_a_plain_colour_taken(offer: str, reply: str, colour: str) -> None:
    assert facts_of(("assistant", offer), ("user", reply)).get("colour") == colour


@pytest.mark.parametrize(
    ("first", "second", "old", "new"),
    [
        ("I'll take it in grey.", "Done, I've switched your armchair to navy.", "grey", "navy"),
        ("طوسی رو میخوام.", "باشه، به سفید تغییر دادم.", "طوسی", "سفید"),
        ("เอาสีเทาค่ะ", "งั้นเปลี่ยนเป็นสีขาวดีกว่าค่ะ", "สีเทา", "สีขาว"),
    ],
)
def test_a_later_colour_replaces_the_earlier(first: str, second: str, old: str, new: str) -> None:
    facts = conversation(
        ("user", first), ("assistant", "OK."), ("user", "actually…"), ("assistant", second)
    )
    assert current(facts)["colour"] == new
    assert history(facts, "colour") == [old]


@pytest.mark.parametrize(
    "text",
    [
        "We have it in red, green and grey.",
        "I only have the black cable.",
        "I'll have the red wine with dinner.",
        "طوسی رو نمی‌خوام.",
    ],
)
def test_no_colour_taken(text: str) -> None:
    assert "colour" not in facts_of(("user", text))


def test_a_plain_colour_taken_of_a_thing_named() -> None:
    found = facts_of(("user", "I want the iPhone 15 in black please."))
    assert found.get("colour") == "black"


@pytest.mark.parametrize(
    ("offer", "reply"),
    [
        ("Which card would you like, silver or gold?", "Switch my card to gold please."),
        ("We have three plans.", "Change my membership to silver then."),
        ("کدوم کارت رو میخواین؟", "کارت طلایی رو میخوام."),
        ("کدوم کارت رو میخواین؟", "کارتم رو به طلایی تغییر بدید."),
        ("บัตรแบบไหนคะ", "เอาบัตรสีทองค่ะ"),
    ],
)
def test_the_level_of_a_card_or_a_plan_is_no_colour_taken(offer: str, reply: str) -> None:
    assert "colour" not in facts_of(("assistant", offer), ("user", reply))


def test_a_plain_colour_of_cards_is_still_a_colour_taken() -> None:
    found = facts_of(
        ("assistant", "Which colour?"), ("user", "Switch the business cards to navy please.")
    )
    assert found.get("colour") == "navy"
