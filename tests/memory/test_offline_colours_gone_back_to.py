"""A colour gone back to after another ("so back to navy 🙃", «برگردیم به همون مشکی»,
«กลับไปสีดำเหมือนเดิมค่ะ») is taken again, and a colour confirmed for one part of the order
("Yellow it is for the goalies 👍") is taken: either replaces the colour before it, so the
colour in the middle of an A -> B -> A is marked replaced instead of standing as current
(``domain.memory.offline.colours_taken``, ``named_choices``, ``thai_named_things``)."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("first", "second", "back", "colour", "middle"),
    [
        (
            "navy body, gold trim, I'll take it in navy.",
            "they want black instead.",
            "so back to navy 🙃",
            "navy",
            "black",
        ),
        (
            "I'll take it in grey.",
            "ok, the white one please",
            "we switched back to grey",
            "grey",
            "white",
        ),
        (
            "سرمه‌ای رو میخوام.",
            "مشکی رو میخوام به جاش.",
            "نه، برگردیم به همون سرمه‌ای",
            "سرمه‌ای",
            "مشکی",
        ),
        ("เอาสีเทาค่ะ", "งั้นเปลี่ยนเป็นสีขาวดีกว่าค่ะ", "กลับไปสีเทาเหมือนเดิมค่ะ", "สีเทา", "สีขาว"),
    ],
)
def test_a_colour_gone_back_to_replaces_the_one_between(
    first: str, second: str, back: str, colour: str, middle: str
) -> None:
    facts = conversation(
        ("user", first),
        ("assistant", "OK."),
        ("user", second),
        ("assistant", "OK."),
        ("user", back),
    )
    assert current(facts)["colour"] == colour
    assert history(facts, "colour")[-1] == middle


@pytest.mark.parametrize(
    ("text", "colour"),
    [
        ("Yellow it is for the goalies 👍", "Yellow"),
        ("Black it is for me!", "Black"),
    ],
)
def test_a_colour_confirmed_for_a_part_of_the_order(text: str, colour: str) -> None:
    facts = facts_of(("assistant", text))
    assert facts.get("colour") == colour
    assert "product" not in facts


def test_a_colour_confirmed_for_a_part_replaces_the_earlier() -> None:
    facts = conversation(
        ("assistant", "Green it is. Any sponsor on the front?"),
        ("user", "and the goalie ones, can they be yellow instead of green?"),
        ("assistant", "Yellow it is for the goalies 👍"),
    )
    assert current(facts)["colour"] == "Yellow"
    assert history(facts, "colour") == ["Green"]


@pytest.mark.parametrize(
    "text",
    [
        "I went back to the green shop.",
        "Back to navy with gold trim and a white collar is a bold look",
        "I wrote back to blue.",
        "برگردیم به مشکی یا سفید؟",
        "ตอนกลับไปสีดำมันดูเก่า",
        "Yellow it is for the goalies and green for the rest of the team",
    ],
)
def test_no_colour_gone_back_to(text: str) -> None:
    assert "colour" not in facts_of(("user", text))
