"""A fold finds the superseded details and the replaced values by index, not by every pair
of details: on the details of real dialogues in English, Persian and Thai, the answers are
those of comparing every pair (``domain.memory.details``, ``domain.memory.detail_changes``)."""

from __future__ import annotations

from functools import cache

from bench.dialogue_set import DIALOGUES, load
from domain.memory.detail_changes import _changes_by, _Read, value_changes
from domain.memory.details import details_of, superseded_indexes, supersedes
from domain.memory.engine import TranscriptLine
from schemas.memory_model import Detail
from tests.context.factories import detail

DIALOGUE_FILES = ("en/01-desk-delivery", "fa/01-sofa-delivery", "th/01-fridge-delivery")


@cache
def dialogue_details() -> tuple[Detail, ...]:
    """The details of three dev dialogues one after the other, as one session's."""
    found: list[Detail] = []
    position = 1
    for name in DIALOGUE_FILES:
        messages = load(DIALOGUES / f"{name}.json").messages
        lines = [
            TranscriptLine(position + i, f"{name}-{i}", role, content)
            for i, (role, content) in enumerate(messages)
        ]
        found += details_of(lines)
        position += len(messages)
    return tuple(found)


def test_superseded_details_are_those_a_newer_one_supersedes() -> None:
    corrected = [
        detail(1, "User: The van mileage reading is 79,000", ["79,000"], "number"),
        detail(9, "User: The van mileage reading is now 84,312", ["84,312"], "number"),
    ]
    for details in (list(dialogue_details()), corrected, [*dialogue_details(), *corrected]):
        pairwise = {
            index
            for index, older in enumerate(details)
            if any(supersedes(newer, older) for newer in details[index + 1 :])
        }
        assert superseded_indexes(details) == pairwise
    assert superseded_indexes(corrected) == {0}


def test_a_newer_value_is_compared_with_the_details_of_its_kind_as_with_every_detail() -> None:
    details = [
        *dialogue_details(),
        detail(
            900,
            "Assistant: What's the best mobile for you?\nUser: 07700 900418",
            ["07700 900418"],
            "phone",
        ),
        detail(903, "User: its 07700 900481 not 418.", ["07700 900481"], "phone"),
    ]
    read = [_Read.of(d) for d in details]
    kinds = {kind for d in details for kind in d.kinds}
    every = {kind: list(range(len(details))) for kind in kinds}
    having: dict[str, list[int]] = {}
    for index, d in enumerate(details):
        for kind in dict.fromkeys(d.kinds):
            having.setdefault(kind, []).append(index)
    found = 0
    for index in range(1, len(details)):
        by_kind = _changes_by(read, index, having)
        assert by_kind == _changes_by(read, index, every)
        found += len(by_kind)
    assert found  # the dialogues change values too, and the correction above
    assert ("07700 900418", "07700 900481") in {(c.old, c.new) for c in value_changes(details)}
