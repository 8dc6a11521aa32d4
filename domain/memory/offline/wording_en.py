"""English words that say what a value is about from outside its own sentence."""

from __future__ import annotations

import re

#: A sentence that opens by pointing back at the thing the one before it named: "Can the
#: invoice go to my work email instead? it's d.okafor@…", "My cell changed. It's now …".
_POINTS_BACK = re.compile(
    r"^\s*(?:it'?s|it\s+is|its|that'?s|that\s+is|they'?re|here\s+it\s+is)\b", re.IGNORECASE
)


def points_back(sentence: str) -> bool:
    return _POINTS_BACK.match(sentence) is not None
