"""Which of many short strings a text may hold, found without looking for each one.

A context marks every summary and detail it shows against the same list of old values
(``domain.context.replaced``): each item of the list is skipped unless one of its
strings (its "needles") stands in the text, and most texts hold none. ``Needles`` finds
the items worth a look in one pass over the text: one pattern of every needle says
whether any stands in it, and the text's three-character pieces say which items' needles
may (a needle starts with one of them). The items it gives are a superset of those
with a needle in the text; it never leaves one out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: Needles are indexed by their first characters, this many.
PREFIX_CHARS = 3


class Needles:
    """The needles of each item of a list (``needles[k]``: item ``k``'s)."""

    def __init__(self, needles: Sequence[Sequence[str]]) -> None:
        every = sorted({n for item in needles for n in item}, key=len, reverse=True)
        self._any = re.compile("|".join(map(re.escape, every))) if every else None
        #: Items with a needle too short to index: a candidate for every text.
        self._always: set[int] = set()
        self._by_prefix: dict[str, set[int]] = {}
        for index, item in enumerate(needles):
            for needle in item:
                if len(needle) < PREFIX_CHARS:
                    self._always.add(index)
                else:
                    self._by_prefix.setdefault(needle[:PREFIX_CHARS], set()).add(index)

    def candidates(self, text: str) -> list[int]:
        """The items one of whose needles may stand in ``text`` (all those that do), in
        order."""
        if self._any is None or self._any.search(text) is None:
            return []
        pieces = {text[i : i + PREFIX_CHARS] for i in range(len(text) - PREFIX_CHARS + 1)}
        found = set(self._always)
        for piece in pieces & self._by_prefix.keys():
            found |= self._by_prefix[piece]
        return sorted(found)


def each_present(needles: Needles, text: str, step: Callable[[int, str], str]) -> str:
    """``text`` after ``step(k, text)`` for every item ``k`` in order, each given the text
    as the steps before left it, as a plain loop would; the items none of whose needles
    stand in the text are skipped, so ``step`` must leave the text as it is for them. A
    step that changes the text (a mark added) may have put another item's needle in it:
    the items after it are looked up again."""
    done = -1
    while True:
        for index in needles.candidates(text):
            if index <= done:
                continue
            done = index
            changed = step(index, text)
            if changed != text:
                text = changed
                break
        else:
            return text
