"""The speaker labels a detail's or a summary's lines start with ("User: …", "Assistant: …").

Details and extractive summaries quote turns word for word with their speaker; what a
line says is what follows its label.
"""

from __future__ import annotations

import re

#: A line's label and the spaces after it ("Assistant: "), captured; the speaker's name
#: alone is ``speaker_of``'s.
SPEAKER_LABEL = re.compile(r"^(((?:User|Assistant|System)):\s*)")
_LABELS = re.compile(r"^(?:User|Assistant|System):\s*", re.MULTILINE)
#: Where a turn starts inside one line ("… User: …", "… Assistant: …"): a user-memory
#: detail is one line.
_INLINE_TURN = re.compile(r"(?:^|(?<=\s))((?:User|Assistant|System):\s*)")


def label_of(line: str) -> str:
    """``line``'s label with the spaces after it ("User: "), or "" when it has none."""
    match = SPEAKER_LABEL.match(line)
    return match.group(1) if match else ""


def speaker_of(line: str) -> str:
    """Who says ``line``: "User", "Assistant", "System", or "" when it has no label."""
    match = SPEAKER_LABEL.match(line)
    return match.group(2) if match else ""


def without_speakers(text: str) -> str:
    """``text`` without the label of each of its lines."""
    return _LABELS.sub("", text)


def speaker_turns(text: str) -> list[str]:
    """The lines of ``text``, a line without a speaker's label read with the line before:
    a message written on several lines is one turn (a Thai name a line break cut in two
    reads as one, and the turn keeps its label when its first line is left out)."""
    turns: list[str] = []
    for line in text.split("\n"):
        if turns and not label_of(line) and label_of(turns[-1]):
            turns[-1] = f"{turns[-1]}\n{line}"
        else:
            turns.append(line)
    return turns


def inline_turns(text: str) -> list[tuple[str, str]]:
    """(speaker label, what it says) of each turn of ``text``, turns written on one line."""
    parts = _INLINE_TURN.split(text)
    found = [("", parts[0].strip())] if parts[0].strip() else []
    found += [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]
    return found
