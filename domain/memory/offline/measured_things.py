"""What each measure a message says is the size of ("We fit batteries in 5.2 kWh and
10.4 kWh": both are batteries'), so that a later "lets say 5.2 kWh" picks one. Measures
listed together size one thing, named after the last or before the first. Its own module:
it only groups measures and asks ``facts`` for the cues nearest a value (``cues_of``)."""

import functools
import re
from collections.abc import Callable, Iterator

from domain.memory.offline.subjects import Topic
from domain.memory.offline.values import Kind, ValueSpan, find_values


@functools.lru_cache(maxsize=512)
def things_measured(
    text: str, cues_of: Callable[[str, ValueSpan], list[tuple[Topic, int]]]
) -> dict[str, str]:
    """Each measure ``text`` says → the key of the thing its sentence names it the size of
    (``cues_of`` gives the nearest cues of a value, with their starts). Measures listed
    together are sizes of one thing, named after the last ("a 1TB or 2TB hard drive") or
    before the first ("batteries in 5.2 kWh, 10.4 kWh and 15.6 kWh")."""
    things: dict[str, str] = {}
    for listed in _listed_measures(text):
        last, first = cues_of(text, listed[-1]), cues_of(text, listed[0])
        after = [(t, start) for t, start in last if start > listed[-1].start]
        for topic, _ in (after or first)[:1]:
            things.update((value.text, topic.key_for(value.kind) or "") for value in listed)
    return things


#: What joins measures offered together: "5.2 kWh, 10.4 kWh and 15.6 kWh", "1TB or 2TB".
_LISTED = re.compile(r"\s*(?:,|/|(?i:or|and|to)|یا|و|หรือ|และ)\s*")


def _listed_measures(text: str) -> Iterator[list[ValueSpan]]:
    """The measures of ``text``, those listed together in one group."""
    group: list[ValueSpan] = []
    for value in find_values(text):
        if value.kind is not Kind.MEASURE:
            continue
        if group and not _LISTED.fullmatch(text, group[-1].end, value.start):
            yield group
            group = []
        group.append(value)
    if group:
        yield group
