"""Replaced values, marked where the lines of a user's memory quote them.

A conversation's summary and details are handed to the user memory with the values its
own context marks as replaced marked (``digest.ConversationHead.marks``): a typo put
right, a delivery moved.

A returning user's section shows what earlier conversations said: their summaries and
details quote the values of their day. When a later conversation changed one (the user
moved, paid with another card, another name holds the account), the earlier line still
quotes the old value as if it were current. As a session's context does for its own
summaries (``domain.context.replaced``), each such quote is marked, worked out once per
memory (``later_marks``). An identifier's earlier values are left unmarked: another
conversation's order is another order, still the user's
(``recall.other_conversations_values``); so is a value set through the API (its
earlier values were forgotten: ``merge.correct_fact``).

Marked "(replaced)", not "(replaced by …)": the current value is on the fact's line of
the section, and a note naming it cost the section room, and named as current a value
that a later conversation replaced in turn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.context.replaced import OLD_NOTE, ReplacedMarks
from domain.user_memory.per_memory import ByIdentity
from domain.user_memory.recall_index import IDENTIFIER_KEY
from schemas.memory_model import Fact, FactValue
from schemas.user_memory import UserFact

#: A note naming the value that replaced the one before it (a value may hold brackets).
_NAMED_NOTE = re.compile(r" \(replaced by (?:[^()]|\([^()]*\))*\)")


def unnamed(text: str) -> str:
    """``text`` with each "(replaced by …)" note saying "(replaced)" only."""
    return _NAMED_NOTE.sub(OLD_NOTE, text) if "(replaced by " in text else text


def unmarked(text: str, values: Sequence[str]) -> list[str]:
    """The ``values`` that ``text`` does not quote as replaced everywhere it quotes them
    (one it does not quote whole, it may state otherwise: it stays)."""
    return [
        value
        for value in values
        if value not in text or re.search(re.escape(value) + r"(?! \(replaced)", text)
    ]


class ShortMarks:
    """``ReplacedMarks`` whose notes do not name the replacing value (module doc)."""

    def __init__(self, marks: ReplacedMarks) -> None:
        self._marks = marks

    def mark(self, text: str) -> str:
        return unnamed(self._marks.mark(text))

    def mark_detail(self, text: str, values: Sequence[str]) -> str:
        return unnamed(self._marks.mark_detail(text, values))


_MARKS = ByIdentity[ShortMarks]()


def later_marks(facts: Sequence[UserFact]) -> ShortMarks:
    """The marks of the values of ``facts`` that a later conversation replaced."""
    return _MARKS.get(
        (facts,), lambda: ShortMarks(ReplacedMarks([as_session_fact(f) for f in facts]))
    )


def as_session_fact(fact: UserFact) -> Fact:
    """``fact`` as a session's fact: its current value, and as its history the values
    other conversations gave it (oldest first), none for an identifier."""
    history = [
        FactValue(value=item.value, source_message_id=item.session_id, updated_at=item.observed_at)
        for item in sorted(fact.history, key=lambda h: h.observed_at)
        if item.session_id not in ("", fact.session_id) and item.value != fact.value
    ]
    if IDENTIFIER_KEY.search(fact.key):
        history = []
    return Fact(
        key=fact.key,
        value=fact.value,
        source_message_id=fact.session_id,
        updated_at=fact.observed_at,
        history=history,
    )
