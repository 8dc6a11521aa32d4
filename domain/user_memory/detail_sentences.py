"""A detail of an earlier conversation cut to the sentences that state its values.

A detail quotes the turns a value came in, word for word (``details.brief``): around
the value, the same turns say things that state nothing ("Let me check the
schedule...", "Thanks!"), and at a returning user's first message the details'
room is what limits how many values are shown. So a detail's line keeps only its
sentences that state one of its values, and the question right before one (it says
what the value answers); each turn keeps its speaker while a sentence of it is left.
A detail with no sentence stating a value (a value written across two sentences) is
kept whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.sentences import whole_sentences
from domain.memory.speakers import inline_turns
from domain.search.tokenize import normalize
from domain.user_memory.details import states


def value_sentences(text: str, values: Sequence[str]) -> str:
    """``text`` with only its sentences stating one of ``values`` and the question
    right before each (module doc)."""
    wanted = [v for v in (normalize(value) for value in values) if v.strip()]
    units = [
        (turn, label, sentence)
        for turn, (label, said) in enumerate(inline_turns(text))
        for sentence in whole_sentences(said)
    ]
    valued = [any(states(normalize(s), v) for v in wanted) for _, _, s in units]
    if not any(valued):
        return text
    kept: dict[int, tuple[str, list[str]]] = {}
    for index, (turn, label, sentence) in enumerate(units):
        asks = index + 1 < len(units) and valued[index + 1] and is_question(sentence)
        if valued[index] or asks:
            kept.setdefault(turn, (label, []))[1].append(sentence)
    return " ".join(label + " ".join(said) for label, said in kept.values())


def unlabelled(text: str) -> str:
    """``text`` without its turns' speaker labels: a detail's line (``recall_details``)."""
    return " ".join(said for _, said in inline_turns(text) if said)
