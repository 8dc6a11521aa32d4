"""A postcode put right inside the address that holds it.

"what's the address?" "22 Ard na Mara, Salthill, H91 K7P3" … "oh wait the eircode is H91
K7B3, B not P": the postcode said alone is held under ``postcode``; the address still ends
in the mistyped one, and would stand as current beside its correction. A postcode given
that differs from the one inside a held address as a typo does (``near``: one or two
letters or digits) puts that address right; one unlike it is another address's (a move).
Neighbouring postcodes are as alike as a typo ("LS1 4AB", "LS1 4AD"), so only a message
that says it corrects ("B not P", "typo", "sorry", "should be", "autocorrect") puts an
address right, and never one answering a question for another address's postcode ("And
the billing postcode?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.values import POSTCODE

_POSTCODE_KEY = "postcode"

#: Words that say a message corrects what was given: "H91 K7B3, B not P", "typo", "sorry",
#: "should be", "autocorrect"; a move ("the new postcode is …") says none.
_CORRECTS = re.compile(
    r"(?<![A-Za-z])(?:not|typo|sorry|should\s+(?:be|have\s+been|read)|auto-?correct(?:ed|ion)?"
    r"|mistyped)(?![A-Za-z])",
    re.IGNORECASE,
)

#: A question for the postcode of another address than a held one: "And the billing
#: postcode?", "the postcode for the invoices?", "What's the postcode at work?".
_OTHER_ADDRESS = r"billing|invoic(?:e|es|ing)|work|office|business"
_POSTCODE_WORD = r"post\s?code|eircode|zip(?:\s?code)?"
_ANOTHER_ADDRESS_ASKED = re.compile(
    rf"(?<![A-Za-z])(?:(?:{_OTHER_ADDRESS})(?:'s|’s)?(?:\s+address)?\s+(?:{_POSTCODE_WORD})"
    rf"|(?:{_POSTCODE_WORD})\s+(?:for|of|at|on)\s+(?:the\s+|your\s+)?(?:{_OTHER_ADDRESS}))"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)


def addresses_put_right(
    held_before: Mapping[str, str],
    held_now: Mapping[str, str],
    near: Callable[[str, str], bool],
    text: str,
    question: str,
) -> list[tuple[str, str]]:
    """(key, address) for each held address whose postcode a postcode just given in
    ``text``, a correction, puts right; none when ``question``, the other party's message
    before, asks for another address's postcode."""
    if _CORRECTS.search(text) is None or _ANOTHER_ADDRESS_ASKED.search(question) is not None:
        return []
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
