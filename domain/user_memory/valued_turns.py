"""A past conversation's summary with only the sentences that state a value.

A conversation's line is capped (``recall.MAX_CONVERSATION_LINE_TOKENS``) and one that
does not fit is shortened from its end. The summary quotes turns word for word, small
talk among them ("I won't run off, haha", «ขอแก้ที่อยู่นิดนึงค่ะ»): cut from the end,
a line lost the values of its last turns and kept the talk before them. So a line over
its room first leaves out each sentence that states no value (``find_values``: no
amount, date, time, code, address, name…), and the question right before a kept one
stays with it (it says what the value answers). What is left is shortened only if it
still does not fit. A sentence an open item says is left out too: the open items
follow, whole. A summary with no sentence stating a value is kept whole: it still
says what the conversation was about.
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.values import find_values
from domain.search.tokenize import normalize
from domain.user_memory.repeated_turns import joined_units, sentence_units


def valued_turns(summary: str, open_items: Sequence[str] = ()) -> str:
    """``summary`` with only its sentences that state a value, and the question right
    before each (module doc); none that one of ``open_items`` (shown whole after it) says."""
    units = sentence_units(summary)
    items = [normalize(item) for item in open_items]
    valued = [
        bool(find_values(sentence)) and not _says_an_item(normalize(sentence), items)
        for _, _, sentence in units
    ]
    kept = [
        valued[index] or (index + 1 < len(units) and valued[index + 1] and is_question(unit[2]))
        for index, unit in enumerate(units)
    ]
    return joined_units(units, kept) if any(valued) else summary


def _says_an_item(sentence: str, items: Sequence[str]) -> bool:
    """Whether ``sentence`` is part of an open item, or holds one («ได้ค่ะ» and then the
    item: a Thai turn is one sentence)."""
    return any(sentence in item or item in sentence for item in items if item)
