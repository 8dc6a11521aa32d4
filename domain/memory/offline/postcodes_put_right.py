"""A postcode put right inside the address that holds it.

"what's the address?" "22 Ard na Mara, Salthill, H91 K7P3" … "oh wait the eircode is H91
K7B3, B not P": the postcode said alone is held under ``postcode``; the address still ends
in the mistyped one, and would stand as current beside its correction. A postcode given
that differs from the one inside a held address as a typo does (``near``: one or two
letters or digits) puts that address right; one unlike it is another address's (a move).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.values import POSTCODE

_POSTCODE_KEY = "postcode"


def addresses_put_right(
    held_before: Mapping[str, str], held_now: Mapping[str, str], near: Callable[[str, str], bool]
) -> list[tuple[str, str]]:
    """(key, address) for each held address whose postcode a postcode just given corrects."""
    given = [
        value
        for key, value in held_now.items()
        if base_key(key) == _POSTCODE_KEY and held_before.get(key) != value
    ]
    fixed = []
    for key, address in held_now.items():
        if not key.endswith("_address"):
            continue
        for match in POSTCODE.finditer(address):
            new = next((code for code in given if near(code, match.group())), None)
            if new is not None:
                fixed.append((key, address[: match.start()] + new + address[match.end() :]))
                break
    return fixed
