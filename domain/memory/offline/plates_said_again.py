"""A Thai plate said again by its letters and new digits.

A Thai plate without its series digit («บจ 6218») is read as a bare number: two consonants
alone are too often a word (``values._TH_PLATE``). Once a plate with those letters is held,
the same two consonants right before a number name that plate again («แก้เป็น บจ 6281
สงขลา ครับ», put right to บจ 6281): the number is the plate's, never a sum or an id that
merely looks alike (it had replaced the deposit). The number must have as many digits as
the held plate's: the same letters are also words before other numbers («ชม 9», hours;
«กก 350», kilograms).

What is kept is the whole plate, letters and digits, not the bare new digits: «6281» alone
is no plate. A series digit held («7กษ 6218») and not said again («แก้เป็น กษ 6281») is
still the plate's (7กษ 6281); one said again is taken as said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_PLATE_KEY = "vehicle_plate"
_THAI = "\u0e00-\u0e7f"
_CONSONANT = "\u0e01-\u0e2e"
#: Two consonants, maybe a series digit before them, then the digits; no more digits after
#: and no time, decimal, date or phone going on («ชม 9.30», «กก 12/5»).
_SAID = re.compile(
    rf"(?<![\w{_THAI}])(?P<series>\d)?(?P<letters>[{_CONSONANT}]{{2}})\s?(?P<digits>\d+)"
    r"(?!\d|[.,:/-]\d)"
)


@dataclass(frozen=True, slots=True)
class PlateSaidAgain:
    """A held plate's key, the whole plate as it now stands, and where it is said."""

    key: str
    plate: str
    start: int
    end: int


def plates_said_again(text: str, held: Iterable[tuple[str, str]]) -> Iterator[PlateSaidAgain]:
    """Each plate in ``text`` said again by a held plate's (key, value) two letters and as
    many digits as it has; the last such held one wins."""
    plates = [(key, value) for key, value in held if key.startswith(_PLATE_KEY)]
    for said in _SAID.finditer(text):
        letters, digits = said["letters"], said["digits"]
        shape = re.compile(rf"(?<![{_THAI}])(?P<series>\d?){letters}\s?(?P<digits>\d+)(?!\d)")
        named = [
            (key, plate)
            for key, value in plates
            if (plate := shape.search(value)) is not None and len(plate["digits"]) == len(digits)
        ]
        if named:
            key, plate = named[-1]
            series = "" if said["series"] else plate["series"]
            yield PlateSaidAgain(key, series + said.group(), said.start(), said.end())
