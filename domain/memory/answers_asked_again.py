"""A what-question asked again and answered anew: the later answer replaces the earlier.

"What colour would you like for the gift box?" "Burgundy" … "So which colour in the end?"
"Navy": both are kept as details (kind "answer"), and the earlier one would show burgundy as
current. The later question asks again when it names nothing the earlier did not
(``asked_topics.asks_again``): "colour" after "colour for gift box", «رنگ» after «رنگ»,
«สี» after «กล่องสี». Not two questions about different things ("What colour?" / "What
size?"), nor the same question about two items ("colour for first ring" / "colour for
second ring"), nor a later one naming an item the earlier did not ("What colour?" / "Now
the cap: what colour?"), nor a bare one after another item was asked about in between
(it may be about either), nor the same answer given again (nothing changed).

Each earlier answer is replaced by the newest later one to the same question, a change
(``ValueChange``) like any other: the fold flags the old detail (every value of it
replaced) and stores what replaced it, which the context marks where a summary quotes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.memory.answer_topics import topic_and_answer
from domain.memory.detail_changes import CHANGED, ValueChange
from domain.memory.offline.asked_topics import asks_again
from domain.memory.offline.terms import content_terms
from schemas.memory_model import Detail


def answers_asked_again(details: Sequence[Detail]) -> list[ValueChange]:
    """The bare answers of ``details`` (oldest first) that a later answer to the same
    question replaced (module doc), each with the newest such answer."""
    asked = [topic_and_answer(detail) for detail in details]
    changes: list[ValueChange] = []
    for older, found in enumerate(asked):
        if found is None or set(details[older].kinds) != {"answer"}:
            continue
        topic, answer = found
        later = [
            (newer, again[1])
            for newer, again in enumerate(asked)
            if newer > older
            and again is not None
            and details[newer].first_position > details[older].last_position
            and asks_again(topic, again[0])
            and not _another_named_between(asked[older + 1 : newer], topic, again[0])
        ]
        if not later:
            continue
        newer, new = later[-1]
        if set(content_terms(new)) - set(content_terms(answer)):
            changes.append(ValueChange(answer, new, older, newer, CHANGED))
    return changes


def _another_named_between(
    between: Sequence[tuple[str, str] | None], topic: str, again: str
) -> bool:
    """Whether a question between the two, that the newer one could also ask again, names
    an item the older did not ("colour for box", "colour for ribbon", "which colour in the
    end?"): the newer may be about either, so it replaces neither."""
    return any(
        found is not None and asks_again(found[0], again) and not asks_again(topic, found[0])
        for found in between
    )
