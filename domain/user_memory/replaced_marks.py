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
that a later conversation replaced in turn. Each mark costs a returning user's section
about four tokens, so a value gets one (``one_mark_per_value``): the words of one old
value quoted apart ("£142 a month", "Friday, Nov 22", «پنجشنبه ۲۴ آبان») carry one mark
after the last of them, not one each. And a detail's sentence that only asks about or
states old values goes where another sentence of the detail states the value that
replaced them (``without_superseded``): "Sending to jk@yahoo.com, is that right? — can
you send to jen@gmail.com instead?" says the current address in its second sentence, and
the first cost its words and a mark.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from domain.context.replaced import OLD_NOTE, ReplacedMarks
from domain.memory.offline.sentences import whole_sentences
from domain.memory.speakers import inline_turns
from domain.search.tokenize import normalize
from domain.user_memory.per_memory import ByIdentity
from domain.user_memory.recall_index import IDENTIFIER_KEY
from schemas.memory_model import Fact, FactValue
from schemas.user_memory import UserFact

#: A note naming the value that replaced the one before it (a value may hold brackets).
_NAMED_PREFIX = " (replaced by "
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


#: The most text between two marks naming the same newer value for them to mark one
#: old value quoted in parts ("Friday (…), Nov 22 (…)"): a few words, no sentence's end.
MAX_GAP_IN_VALUE = 16
_SENTENCE_END = re.compile(r"[.!?؟;؛\n]")


def one_mark_per_value(named: str) -> str:
    """``named`` (notes naming their newer value) with a note left out where the next note
    names the same value and only a few words of the same old value stand between
    (module doc): "£142 (replaced by £118) a month (replaced by £118)"."""
    notes = list(_NAMED_NOTE.finditer(named))
    if len(notes) < 2:
        return named
    dropped: list[tuple[int, int]] = []
    for this, following in itertools.pairwise(notes):
        gap = named[this.end() : following.start()]
        if (
            this.group() == following.group()
            and len(gap) <= MAX_GAP_IN_VALUE
            and not _SENTENCE_END.search(gap)
        ):
            dropped.append(this.span())
    for start, end in reversed(dropped):
        named = named[:start] + named[end:]
    return named


def without_superseded(named: str, values: Sequence[str]) -> str:
    """``named`` (a detail, notes naming their newer value) without its sentences whose
    every quoted value is marked and whose newer value another sentence of it states,
    unless one of ``values`` (the detail's current values) is in them (module doc)."""
    if "(replaced by " not in named:
        return named
    units = [
        (label, sentence)
        for label, said in inline_turns(named)
        for sentence in whole_sentences(said)
    ]
    if len(units) < 2:
        return named
    bare = [normalize(_NAMED_NOTE.sub("", sentence)) for _, sentence in units]
    kept: list[tuple[str, str]] = []
    for index, (label, sentence) in enumerate(units):
        notes = _NAMED_NOTE.finditer(sentence)
        newer = [normalize(note.group()[len(_NAMED_PREFIX) : -1]) for note in notes]
        elsewhere = [text for at, text in enumerate(bare) if at != index]
        superseded = bool(newer) and all(any(n in text for text in elsewhere) for n in newer)
        # a current value the sentence states keeps it
        said = unnamed(sentence)  # the newer value a note names is not said there
        states_current = any(v in said and unmarked(said, [v]) for v in values)
        if superseded and not states_current:
            continue
        kept.append((label, sentence))
    if len(kept) == len(units):
        return named
    joined: list[tuple[str, list[str]]] = []
    for label, sentence in kept:
        if joined and joined[-1][0] == label:
            joined[-1][1].append(sentence)
        else:
            joined.append((label, [sentence]))
    return " ".join(label + " ".join(said) for label, said in joined)


class ShortMarks:
    """``ReplacedMarks`` whose notes do not name the replacing value, one a value (module
    doc)."""

    def __init__(self, marks: ReplacedMarks) -> None:
        self._marks = marks

    def mark(self, text: str) -> str:
        return unnamed(one_mark_per_value(self._marks.mark(text)))

    def mark_detail(self, text: str, values: Sequence[str]) -> str:
        named = one_mark_per_value(self._marks.mark_detail(text, values))
        return unnamed(without_superseded(named, values))


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
