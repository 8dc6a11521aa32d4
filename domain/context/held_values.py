"""Which facts' current values say an old value again, found without reading them all.

A context marks the earlier values of its facts where a summary or a detail still quotes
them, unless another fact holds the value as current ("ใบละ 4,500 บาท" a price now): every
old value is compared with every fact's current value. With 60 facts and their histories,
and 200 details each with the values newer ones replaced, that is thousands of
comparisons per context. ``CurrentValues`` indexes the current values once per context by
the words and the numbers a match needs, and compares an old value only with those that
have them: the answers are those of comparing with every value (``held``, ``restates``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.fact_keys import compared_words, restates

_NUMBER = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")


def held(old: str, current: str) -> bool:
    """Whether ``current`` is ``old`` said again (in other words or fuller)."""
    return restates(old, current) or same_numbers(old, current)


def same_numbers(old: str, current: str) -> bool:
    """The same value in fuller or shorter words, no replaced one: «ค่าธรรมเนียมบริการ 60 บาท»
    and «ค่าธรรมเนียม 60 บาท» are one fee (the same numbers, every word of one inside the
    other); "19 Nov" and "19 Dec" are not."""
    numbers = _numbers(old)
    if not numbers or numbers != _numbers(current):
        return False
    shorter, longer = sorted((old.casefold(), current.casefold()), key=len)
    return all(word in longer for word in _LETTERS.findall(shorter))


def _numbers(value: str) -> tuple[int, ...]:
    return tuple(int(n) for n in _NUMBER.findall(value))


class CurrentValues:
    """``values`` (the facts' current values, in order) indexed by their first compared
    word (``restates`` needs the old value's first word among the current one's) and by
    their numbers (``same_numbers`` needs the same ones)."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = tuple(values)
        self._by_word: dict[str, list[int]] = {}
        self._by_numbers: dict[tuple[int, ...], list[int]] = {}
        for index, value in enumerate(self.values):
            for word in dict.fromkeys(compared_words(value)):
                self._by_word.setdefault(word, []).append(index)
            if numbers := _numbers(value):
                self._by_numbers.setdefault(numbers, []).append(index)

    def restating(self, old: str) -> list[int]:
        """The indexes of the values ``old`` restates (``restates(old, value)``), in order."""
        return [i for i in self._restate_candidates(old) if restates(old, self.values[i])]

    def holding(self, old: str) -> list[int]:
        """The indexes of the values that hold ``old`` (``held(old, value)``), in order."""
        candidates = set(self._restate_candidates(old))
        candidates.update(self._by_numbers.get(_numbers(old), ()))
        return [i for i in sorted(candidates) if held(old, self.values[i])]

    def _restate_candidates(self, old: str) -> Sequence[int]:
        words = compared_words(old)
        if not words:
            return range(len(self.values))  # no words: restates every value
        return self._by_word.get(words[0], ())
