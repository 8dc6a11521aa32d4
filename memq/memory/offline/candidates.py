"""Candidate sentences for a summary, and the "Speaker: text" lines summaries are made of.

A summary is one line per speaker turn, as in seed 000's transcript layout
("User: …" / "Assistant: …"). Folding reads a previous summary back into
candidates, so a line's label is parsed only at its start and only for labels
memq writes; a user who types "Assistant:" inside a message stays the user.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from memq.memory.engine import TranscriptLine
from memq.memory.offline.sentences import split_sentences

SPEAKER_LABELS = {"user": "User", "assistant": "Assistant", "system": "System"}
_LABEL_PREFIX = re.compile(r"^(User|Assistant|System|AI):\s*")


@dataclass(frozen=True)
class Candidate:
    """One sentence that may go into a summary.

    ``order`` places it in the conversation: (source, sentence) where sources
    are numbered oldest first. ``prior`` > 1 favours content carried over from
    an earlier summary.
    """

    text: str
    speaker: str | None
    order: tuple[int, int]
    prior: float = 1.0


def speaker_label(role: str) -> str:
    return SPEAKER_LABELS.get(role, role.capitalize() or "Unknown")


def from_lines(lines: Sequence[TranscriptLine], first_source: int) -> list[Candidate]:
    """The sentences of each message, labelled with its speaker."""
    return [
        Candidate(text, speaker_label(line.role), (first_source + index, position))
        for index, line in enumerate(lines)
        for position, text in enumerate(split_sentences(line.content))
    ]


def from_summary(summary: str | None, first_source: int, prior: float) -> list[Candidate]:
    """The sentences of an earlier summary (memq's own lines, or free prose)."""
    if not summary:
        return []
    candidates: list[Candidate] = []
    for index, raw_line in enumerate(summary.splitlines()):
        match = _LABEL_PREFIX.match(raw_line.strip())
        speaker = None
        body = raw_line
        if match:
            speaker = "Assistant" if match.group(1) == "AI" else match.group(1)
            body = raw_line.strip()[match.end() :]
        for position, text in enumerate(split_sentences(body)):
            candidates.append(Candidate(text, speaker, (first_source + index, position), prior))
    return candidates


def render(candidates: Iterable[Candidate]) -> str:
    """Candidates in conversation order, consecutive sentences of one speaker on one line."""
    lines: list[tuple[str | None, list[str]]] = []
    for candidate in sorted(candidates, key=lambda c: c.order):
        if lines and lines[-1][0] == candidate.speaker:
            lines[-1][1].append(candidate.text)
        else:
            lines.append((candidate.speaker, [candidate.text]))
    return "\n".join(
        f"{speaker}: {' '.join(texts)}" if speaker else " ".join(texts) for speaker, texts in lines
    )
