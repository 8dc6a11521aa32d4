"""The turns of a detail's one line: each speaker's label and what it says."""

from __future__ import annotations

import re

#: Where a turn starts inside a detail's one line ("… User: …", "… Assistant: …").
_TURN = re.compile(r"(?:^|(?<=\s))((?:User|Assistant|System):\s*)")


def turns(text: str) -> list[tuple[str, str]]:
    """(speaker label, what it says) of each turn of ``text``."""
    parts = _TURN.split(text)
    found = [("", parts[0].strip())] if parts[0].strip() else []
    found += [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]
    return found
