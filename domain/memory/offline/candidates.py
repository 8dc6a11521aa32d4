"""Candidate sentences for a summary, the question–answer units they form, and the
"Speaker: text" lines summaries are made of.

A summary is one line per speaker turn, as in seed 000's transcript layout
("User: …" / "Assistant: …"). Folding reads a previous summary back into
candidates, so a line's label is parsed only at its start and only for labels
memq writes; a user who types "Assistant:" inside a message stays the user.

A question and the reply that answers it form one unit: a summary keeps both
or neither ("Could you share your order number?" is nothing without "Sure,
it's ORD-48213", and the answer is nothing without its question).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.memory.engine import TranscriptLine
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.terms import content_terms

SPEAKER_LABELS = {"user": "User", "assistant": "Assistant", "system": "System"}
_LABEL_PREFIX = re.compile(r"^(User|Assistant|System|AI):\s*")


@dataclass(frozen=True)
class Candidate:
    """One sentence that may go into a summary.

    ``order`` places it in the conversation: (source, sentence) where sources
    (messages, or lines of an earlier summary) are numbered oldest first.
    ``prior`` > 1 favours content carried over from an earlier summary.
    """

    text: str
    speaker: str | None
    order: tuple[int, int]
    prior: float = 1.0

    @property
    def source(self) -> int:
        return self.order[0]


def speaker_label(role: str) -> str:
    return SPEAKER_LABELS.get(role, role.capitalize() or "Unknown")


def _line_candidates(line: TranscriptLine, source: int, prior: float = 1.0) -> list[Candidate]:
    label = speaker_label(line.role)
    return [
        Candidate(text, label, (source, position), prior)
        for position, text in enumerate(split_sentences(line.content))
    ]


def from_lines(lines: Sequence[TranscriptLine], first_source: int) -> list[Candidate]:
    """The sentences of each message, labelled with its speaker."""
    return [
        candidate
        for index, line in enumerate(lines)
        for candidate in _line_candidates(line, first_source + index)
    ]


def context_question(
    lines: Sequence[TranscriptLine], context: Sequence[TranscriptLine], source: int
) -> Candidate | None:
    """The question that ended ``context`` (the messages before ``lines``) when the
    first of ``lines`` is another speaker's reply to it."""
    if not context or not lines or context[-1].role == lines[0].role:
        return None
    questions = [c for c in _line_candidates(context[-1], source) if is_question(c.text)]
    return questions[-1] if questions else None


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


def units(candidates: Sequence[Candidate]) -> list[tuple[Candidate, ...]]:
    """Candidates grouped so that a question and the first sentence of the next
    turn (another speaker's) stay together; every other candidate is a unit alone.
    Units come in conversation order, their members too."""
    ordered = sorted(candidates, key=lambda c: c.order)
    parent = list(range(len(ordered)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    by_source: dict[int, list[int]] = {}
    for index, candidate in enumerate(ordered):
        by_source.setdefault(candidate.source, []).append(index)
    sources = sorted(by_source)
    for this, following in itertools.pairwise(sources):
        asking = ordered[by_source[this][-1]]
        reply = ordered[by_source[following][0]]
        if (
            following == this + 1
            and asking.speaker != reply.speaker
            and is_question(asking.text)
            and content_terms(asking.text)  # "How can I help?" asks nothing to keep
        ):
            parent[root(by_source[following][0])] = root(by_source[this][-1])
    groups: dict[int, list[Candidate]] = {}
    for index, candidate in enumerate(ordered):
        groups.setdefault(root(index), []).append(candidate)
    return sorted((tuple(group) for group in groups.values()), key=lambda g: g[0].order)


def render(candidates: Iterable[Candidate]) -> str:
    """Candidates in conversation order, one line per turn: sentences of one message
    share a line, and nothing is glued across a turn that was left out."""
    lines: list[tuple[str | None, int, list[str]]] = []
    for candidate in sorted(candidates, key=lambda c: c.order):
        if lines and lines[-1][0] == candidate.speaker and lines[-1][1] == candidate.source:
            lines[-1][2].append(candidate.text)
        else:
            lines.append((candidate.speaker, candidate.source, [candidate.text]))
    return "\n".join(
        f"{speaker}: {' '.join(texts)}" if speaker else " ".join(texts)
        for speaker, _, texts in lines
    )
