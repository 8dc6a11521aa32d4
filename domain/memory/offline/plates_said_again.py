"""A Thai plate said again by its letters and new digits.

A Thai plate without its series digit («บจ 6218») is read as a bare number: two consonants
alone are too often a word (``values._TH_PLATE``). Once a plate with those letters is held,
the same two consonants right before a number name that plate again («แก้เป็น บจ 6281
สงขลา ครับ», put right to บจ 6281): the number is the plate's, never a sum or an id that
merely looks alike (it had replaced the deposit). The number must have as many digits as
the held plate's: the same letters are also words before other numbers («ชม 9», hours;
«กก 350», kilograms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LETTERS_BEFORE = re.compile(r"(?<![\u0e00-\u0e7f])(?P<letters>[\u0e01-\u0e2e]{2})\s?$")
_PLATE_KEY = "vehicle_plate"


def plate_said_again(before: str, number: str, held: Iterable[tuple[str, str]]) -> str | None:
    """The key of the held plate (key, value) whose two letters end ``before``, the text
    right before ``number``, and whose digits are as many as ``number``'s; the last such
    held one wins."""
    found = _LETTERS_BEFORE.search(before)
    if found is None:
        return None
    digits = sum(ch.isdigit() for ch in number)
    letters = re.compile(rf"(?<![\u0e00-\u0e7f]){found['letters']}\s?(?P<digits>\d+)")
    named = [
        key
        for key, value in held
        if key.startswith(_PLATE_KEY)
        and (plate := letters.search(value)) is not None
        and len(plate["digits"]) == digits
    ]
    return named[-1] if named else None
