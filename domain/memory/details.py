"""Details: every question–answer unit or sentence that states a value, kept at fold time.

The extractive summaries have a few hundred tokens for a hundred messages: a sentence
they drop is lost, and a fact rule keys only the values it knows how to name. A detail
keeps the unit word for word ("Assistant: What's the mileage?\\nUser: 84,312"), with
the values it states (``domain.memory.offline.values``), so the context can show what
the rest of it does not carry. It is extraction, not summarization: every engine's
folds fill it.

A newer detail *supersedes* an older one when it states values of the same kinds and
shares at least ``MIN_SHARED_TERMS`` content terms with it once the values are taken
out ("The mileage is 84,312" after "The mileage is 79,000"): the older one says what
the newer one replaced, and a fold drops it from the stored list. Not when each names
something the other does not ("appointment with Dr Lee" and "appointment with Dr Patel":
two appointments). The stored list is bounded: past ``MAX_DETAILS`` the oldest go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import context_question, from_lines, render, units
from domain.memory.offline.terms import content_terms
from domain.memory.offline.values import find_values
from schemas.limits import MAX_DETAILS
from schemas.memory_model import Detail

#: Content terms two details of the same value kinds share when they say the same thing.
MIN_SHARED_TERMS = 2

#: A day named only relative to when it is said ("anything else I can help with today?"):
#: no value a detail keeps unless something else of it is (a time, a part of the day).
RELATIVE_DAYS = frozenset(
    {"today", "tonight", "tomorrow", "yesterday"}  # English
    | {"امروز", "امشب", "فردا", "دیروز"}  # Persian
    | {"วันนี้", "คืนนี้", "พรุ่งนี้", "เมื่อวาน"}  # Thai
)

_SPEAKER = re.compile(r"^(?:User|Assistant|System):\s*", re.MULTILINE)


def details_of(
    lines: Sequence[TranscriptLine], context: Sequence[TranscriptLine] = ()
) -> list[Detail]:
    """The details of a fold's ``lines``, oldest first; ``context`` (the previous fold's
    tail) gives the question an answer in the first line may be answering."""
    if not lines:
        return []
    candidates = from_lines(lines, lines[0].position)
    question = context_question(lines, context, lines[0].position - 1)
    if question is not None:
        candidates.insert(0, question)
    found: list[Detail] = []
    for unit in units(candidates):
        values = [
            value
            for candidate in unit
            for value in find_values(candidate.text)
            if value.text.casefold() not in RELATIVE_DAYS
        ]
        if not values:
            continue
        found.append(
            Detail(
                first_position=max(1, min(c.source for c in unit)),
                last_position=max(c.source for c in unit),
                text=render(unit),
                values=[v.text for v in values],
                kinds=[v.kind.value for v in values],
            )
        )
    return found


def detail_terms(detail: Detail) -> set[str]:
    """The content terms of ``detail`` without its speakers and its values."""
    text = _SPEAKER.sub("", detail.text)
    for value in detail.values:
        text = text.replace(value, " ")
    return set(content_terms(text))


#: A name or an identifier inside a sentence: a capitalised Latin word not opening it, or
#: a word with a digit (the values are taken out first).
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w'-]*|\b\w*\d\w*", re.MULTILINE)


def detail_names(detail: Detail) -> set[str]:
    """The names and identifiers ``detail`` states besides its values ("Dr", "Lee")."""
    text = _SPEAKER.sub("", detail.text)
    for value in detail.values:
        text = text.replace(value, " ")
    return {name.casefold() for name in _NAME.findall(text)}


def supersedes(newer: Detail, older: Detail, terms: dict[int, set[str]] | None = None) -> bool:
    """Whether ``newer`` says again what ``older`` said, with its own values (module doc)."""
    if set(newer.kinds) != set(older.kinds):
        return False
    newer_terms = detail_terms(newer) if terms is None else terms[id(newer)]
    older_terms = detail_terms(older) if terms is None else terms[id(older)]
    if len(newer_terms & older_terms) < MIN_SHARED_TERMS:
        return False
    newer_names, older_names = detail_names(newer), detail_names(older)
    return not (newer_names - older_names and older_names - newer_names)


def superseded_indexes(details: Sequence[Detail]) -> set[int]:
    """Indexes (in ``details``, oldest first) of the details a newer one supersedes."""
    terms = {id(d): detail_terms(d) for d in details}
    gone: set[int] = set()
    for index, older in enumerate(details):
        if any(supersedes(newer, older, terms) for newer in details[index + 1 :]):
            gone.add(index)
    return gone


def kept_details(
    stored: Sequence[Detail], new: Sequence[Detail], limit: int = MAX_DETAILS
) -> list[Detail]:
    """``stored`` then ``new`` in the order of the conversation without the details a
    newer one supersedes, at most ``limit`` (the newest)."""
    stored, new = _joined_at_the_fold(stored, new)
    details = sorted([*stored, *new], key=lambda d: (d.first_position, d.last_position))
    gone = superseded_indexes(details)
    details = [d for index, d in enumerate(details) if index not in gone]
    return details[max(0, len(details) - limit) :]


def _joined_at_the_fold(
    stored: Sequence[Detail], new: Sequence[Detail]
) -> tuple[list[Detail], list[Detail]]:
    """A new detail that opens with the question the previous fold ended on, when a stored
    detail holds that question already, is joined to it: the question is stored once."""
    ending_at = {detail.last_position: index for index, detail in enumerate(stored)}
    joined = list(stored)
    fresh: list[Detail] = []
    for detail in new:
        index = ending_at.get(detail.first_position)
        question, _, rest = detail.text.partition("\n")
        if index is None or not rest:
            fresh.append(detail)
            continue
        earlier = joined[index]
        pairs = list(zip(earlier.values, earlier.kinds, strict=True))
        pairs += [
            (value, kind)
            for value, kind in zip(detail.values, detail.kinds, strict=True)
            if value not in question and (value, kind) not in pairs
        ]
        joined[index] = Detail(
            first_position=earlier.first_position,
            last_position=detail.last_position,
            text=f"{earlier.text}\n{rest}",
            values=[value for value, _ in pairs],
            kinds=[kind for _, kind in pairs],
        )
    return joined, fresh
