"""Words joined by a particle that are one word: "check-in", "check-out", "pick-up", "drop-off".

The particle ("in", "out", "up", "off") is a stop word, so compared word by word "check-in"
and "check-out" are both "check": one thing, and a check-out date said "instead" would
replace the check-in's. Written together ("checkin", "checkout") they stay two words. A
verb and its particle said apart ("check out on Sunday") are joined only after the verbs
whose particle names a thing of its own (a stay's start or end, a car's collection or
return); "arrives in 3 days" keeps its words.
"""

from __future__ import annotations

import re

#: The particles that make a word another: "check-in" is not "check-out".
_PARTICLES = r"in|out|up|off|on|down|back"
_HYPHENED = re.compile(
    rf"(?<![A-Za-z])([A-Za-z]{{2,}})[-\u2010\u2011]({_PARTICLES})(?![A-Za-z])", re.I
)
#: Verbs whose particle, said apart, names what the value is of ("check out on Sunday").
#: Said in any form ("checked out", "dropping off"), joined as the verb's plain form.
_PHRASAL = re.compile(
    r"(?<![A-Za-z])(check|pick|drop|log|sign|clock)(?:s|ed|ing|ped|ping|ged|ging)?"
    r"\s+(in|out|up|off)(?![A-Za-z])",
    re.I,
)


def joined_compounds(text: str) -> str:
    """``text`` with each word and its particle written as one ("check-in" → "checkin")."""
    return _PHRASAL.sub(r"\1\2", _HYPHENED.sub(r"\1\2", text))
