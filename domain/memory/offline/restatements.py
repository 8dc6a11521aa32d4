"""Sentences a later one restates with a new value: the earlier value is no longer current.

"Delivery is on 14 November." then, later, "Delivery is on 21 November.": the same thing
said about the same subject, only the value changed. A summary that keeps the earlier
sentence quotes an old value as current, so it is superseded whatever its score.

Two sentences say the same thing when they differ in one value of one shape (a date for
a date, an amount for an amount, an id for an id) and either their words, the shaped
values left out, are the same ("Your fitting is booked for Monday 3 June." then "… for
Monday 10 June.") or the later one says it changes something ("I've changed the address
to …", "the new total", "rescheduled to", «ยอดรวมใหม่») and holds most of the earlier's
words (``CHANGED_WORDING``). A word more or less, without a change word, may name a second
thing of the same kind: "a payment of $50 today" then "a payment of $30 on Friday" are
two instalments, "outbound at 9:10" and "return at 18:40" two flights. Bare numbers stay
words: "room 1" and "room 2" are two things, not one changed. Each sentence must name
exactly one value of the changed shape, so a list ("room 1 costs 450, room 2 costs 600")
or options offered ("14 or 21 November") is not a change; nor is a question, earlier
("Same number, 0412 …?" before "her number is …") or later ("Still 21 November?").
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.compound_words import joined_compounds
from domain.memory.offline.dialogue import is_question, is_update
from domain.memory.offline.terms import content_terms
from domain.memory.offline.values import ASCII_DIGITS, FA_LETTERS, Kind, find_values

#: Fewer words than two left beside the value do not name its subject: "Transaction 4,590
#: baht." and "Transaction 1,490 baht." are two transactions. Thai counts its trigrams
#: (``terms``): six, a word or two of eight letters, are enough.
MIN_WORDING = 1.2
#: A later sentence that says it changes something ("moved to", "new total", «เปลี่ยนเป็น»)
#: restates an earlier one that shares this share of the earlier's words.
CHANGED_WORDING = 0.5

_FA = FA_LETTERS
#: Words that say a value was moved, beside the update words of ``is_update``: "rescheduled
#: to", "postponed", «به … موکول شد», «جابجا», «เลื่อน(นัด)เป็น».
_MOVED = re.compile(
    r"(?<![A-Za-z])(?:re-?scheduled|re-?booked|postponed|moved|pushed\s+back|brought\s+forward)"
    r"(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:موکول|جابجا|جابه[\u200c\s]?جا|عقب\s+افتاد)"
    r"|เลื่อน",
)

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class _Statement:
    candidate: Candidate
    wording: frozenset[str]
    #: Shape → the values of that shape, normalized.
    values: dict[Kind, list[str]]
    asks: bool
    changes: bool


def _value_key(text: str) -> str:
    return _SPACES.sub(" ", text.casefold().translate(ASCII_DIGITS)).strip()


def _statement(candidate: Candidate) -> _Statement | None:
    text = candidate.text
    shaped = [v for v in find_values(text) if v.kind is not Kind.NUMBER]
    if not shaped:
        return None
    values: dict[Kind, list[str]] = defaultdict(list)
    rest: list[str] = []
    position = 0
    for value in shaped:
        values[value.kind].append(_value_key(value.text))
        rest.append(text[position : value.start])
        position = value.end
    rest.append(text[position:])
    shares = content_terms(joined_compounds(" ".join(rest)))
    if sum(shares.values()) < MIN_WORDING:
        return None
    changes = is_update(text) or _MOVED.search(text) is not None
    return _Statement(candidate, frozenset(shares), dict(values), is_question(text), changes)


def _changes_value(earlier: _Statement, later: _Statement) -> bool:
    """One value of one shape, alone of its shape in each sentence, said differently; the
    values of every other shape both name agree ("ORD-1 ships on 14 November" and "ORD-2
    ships on 21 November" are two orders)."""
    shared = earlier.values.keys() & later.values.keys()
    changed = [kind for kind in shared if earlier.values[kind] != later.values[kind]]
    if len(changed) != 1:
        return False
    return len(earlier.values[changed[0]]) == 1 == len(later.values[changed[0]])


def _restates(earlier: _Statement, later: _Statement) -> bool:
    if later.asks or earlier.asks or not _changes_value(earlier, later):
        return False
    if earlier.wording == later.wording:
        return True  # the same sentence with the value changed
    return later.changes and (
        len(earlier.wording & later.wording) >= CHANGED_WORDING * len(earlier.wording)
    )


def superseded(candidates: Sequence[Candidate]) -> set[Candidate]:
    """The candidates a later candidate restates with another value of the same shape."""
    statements = [s for s in map(_statement, candidates) if s is not None]
    statements.sort(key=lambda s: s.candidate.order)
    return {
        earlier.candidate
        for earlier, later in itertools.combinations(statements, 2)
        if later.candidate.order > earlier.candidate.order and _restates(earlier, later)
    }
