"""The items worth a look in a text: never one left out, and the same text as a plain loop."""

from __future__ import annotations

import random
from collections.abc import Callable

from domain.context.needles import Needles, each_present

#: Needles as a context's old values are: whole values and distinctive words, in English,
#: Persian and Thai, and a few shorter than the indexed prefix.
NEEDLES = [
    ("12 Elm Street", "Street"),
    ("£60.00",),
    ("۷۳۰۵۹۲",),
    ("وانک، خیابان ملاصدرا", "ملاصدرا"),
    ("วันอังคารที่ 19 พ.ย.",),
    ("19 พ.ย.",),
    ("ab",),
    ("Friday 7 June", "June"),
    ("",),
]
PIECES = [
    "Assistant: It ships to 12 Elm Street.",
    "User: بله، ۷۳۰۵۹۲",
    "ส่งวันอังคารที่ 19 พ.ย. ค่ะ",
    " refund £60.00 ",
    "وانک، خیابان ملاصدرا",
    "abc",
    "June",
    "Friday 7 ",
    "\n",
    "ملا",
    "พ.ย.",
]


def texts(count: int) -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, 6))) for _ in range(count)]


def test_every_item_with_a_needle_in_the_text_is_a_candidate() -> None:
    needles = Needles(NEEDLES)
    for text in texts(300):
        present = [k for k, item in enumerate(NEEDLES) if any(n in text for n in item)]
        candidates = needles.candidates(text)
        assert set(present) <= set(candidates), text
        assert candidates == sorted(candidates)


def test_a_text_with_no_needle_has_no_candidate() -> None:
    needles = Needles([item for item in NEEDLES if item != ("",)])
    assert needles.candidates("nothing to see here") == []
    assert Needles([]).candidates("12 Elm Street") == []


def marking_step(item: tuple[str, ...], note: str) -> Callable[[str], str]:
    """A step as ``ReplacedMarks`` has them: the text changed only where a needle stands,
    with a note that may hold another item's needle."""

    def step(text: str) -> str:
        for needle in item:
            if needle and needle in text and needle + note not in text:
                return text.replace(needle, needle + note, 1)
        return text

    return step


def test_the_steps_give_the_text_a_plain_loop_gives() -> None:
    notes = [" (replaced by Friday 7 June)", " (replaced by 19 พ.ย.)", " (x)", " (replaced by ab)"]
    steps = [marking_step(item, notes[k % len(notes)]) for k, item in enumerate(NEEDLES)]
    needles = Needles(NEEDLES)
    for text in texts(300):
        plain = text
        for step in steps:
            plain = step(plain)
        assert each_present(needles, text, lambda k, t: steps[k](t)) == plain, text


def test_a_note_that_brings_a_later_needle_is_marked_too() -> None:
    items = [("Elm",), ("June",)]
    steps = [marking_step(items[0], " (replaced by June)"), marking_step(items[1], " (old)")]
    marked = each_present(Needles(items), "Elm Street", lambda k, t: steps[k](t))
    assert marked == "Elm (replaced by June (old)) Street"
