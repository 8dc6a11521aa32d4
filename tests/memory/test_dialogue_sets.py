"""The quality benchmark's dialogue sets load, each value where its annotation says, and
``all`` is every set once."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.dialogue_set import DIALOGUES, HELD_SETS, WORKING_SETS, load_dialogues
from bench.quality import normalized

MIN_MESSAGES = 100


@pytest.mark.parametrize(
    ("name", "per_language"),
    [
        ("dev", 5),
        ("dev2", 2),
        ("dev3", 1),
        ("dev4", 2),
        ("dev5", 2),
        ("dev6", {"en": 2, "fa": 4, "th": 2}),
        ("holdout", 3),
        ("fresh", 2),
        ("blind", 2),
        ("blind2", 2),
        ("blind3", 2),
        ("blind4", 2),
        ("blind5", 2),
        ("blind6", 2),
        ("blind7", 2),
        ("blind8", 2),
        ("blind9", 2),
        ("blind10", 2),
        ("blind11", 2),
        ("blind12", 2),
        ("blind13", 2),
        ("blind14", 2),
        ("blind15", 2),
        ("blind16", 2),
        ("blind17", 2),
        ("blind18", 2),
        ("blind19", 2),
        ("blind20", 2),
    ],
)
def test_a_set_has_long_dialogues_in_every_language(
    name: str, per_language: int | dict[str, int]
) -> None:
    dialogues = load_dialogues(name)  # raises when a value is not in its message
    expected = (
        per_language
        if isinstance(per_language, dict)
        else dict.fromkeys(("en", "fa", "th"), per_language)
    )
    assert Counter(d.language for d in dialogues) == expected
    assert all(len(d.messages) >= MIN_MESSAGES for d in dialogues)
    assert all(any(len(values) > 1 for values in d.subjects.values()) for d in dialogues)


def test_all_is_every_set_once() -> None:
    ids = [d.id for d in load_dialogues("all")]
    names = ("dev", *WORKING_SETS, *HELD_SETS)
    parts = [d.id for name in names for d in load_dialogues(name)]
    assert ids == parts and len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("expected", "stored"),
    [
        ("پلاک 19", "پلاک ۱۹"),  # Persian digits
        ("پلاک ١٩", "پلاک 19"),  # Arabic-Indic digits
        ("บ้านเลขที่ 99/12", "บ้านเลขที่ ๙๙/๑๒"),  # Thai digits
        ("Flat 4B", "flat 4b"),
    ],
)
def test_the_benchmark_finds_a_value_in_any_script_of_digits(expected: str, stored: str) -> None:
    assert normalized(expected) in normalized(f"آدرس: {stored}.")


def test_the_benchmark_still_tells_different_digits_apart() -> None:
    assert normalized("پلاک 19") not in normalized("پلاک ۱۸")


def test_the_new_english_set_loads_as_a_folder() -> None:
    """``en-new``: English dialogues written before the rules that read them were tuned."""
    dialogues = load_dialogues(str(DIALOGUES / "en-new"))
    assert {d.language for d in dialogues} == {"en"} and len(dialogues) >= 2
    assert all(len(d.messages) >= 80 and 12 <= len(d.subjects) <= 18 for d in dialogues)
