"""A value moved from one to another in one sentence: "move my class from Monday to
Wednesday", "the price went from $40 to $55", «کلاس رو از دوشنبه به چهارشنبه منتقل کنید»,
«ย้ายคลาสจากวันจันทร์เป็นวันพุธ». The second is the value now; the first is the one it
replaced, kept in the same key's history. English "from 7 April to 12 April" alone is a
span of days, so English needs a word of change in the sentence; Persian spans say «تا»
and Thai spans «ถึง», so «از … به …» and «จาก … เป็น …» are changes by their own words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from domain.memory.engine import ExtractedFact
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.subjects import cues_in
from domain.memory.offline.values import Kind, ValueSpan, find_values

#: Kinds whose value is moved: a day, an hour, a price.
_MOVED_KINDS = frozenset({Kind.DATE, Kind.TIME, Kind.AMOUNT})

_EN_FROM = re.compile(r"(?<![A-Za-z])(?i:from)\s+(?:(?i:the)\s+)?$")
_EN_TO = re.compile(r"^\s*(?i:to)\s+(?:(?i:the)\s+)?$")
#: A word of change before "from": a booking moved, a price risen or cut.
_EN_CHANGE = re.compile(
    r"(?<![A-Za-z])(?:mov(?:e|es|ed|ing)|reschedul\w*|chang(?:e|es|ed|ing)|switch\w*"
    r"|push\w*|bring(?:ing)?|brought|postpon\w*|rebook\w*|shift\w*|amend\w*|updat\w*"
    r"|went|gone|go(?:es|ing)?|increas\w*|rais\w*|rose|ris(?:e|en|es|ing)|drop\w*|fell"
    r"|fall(?:s|en|ing)?|reduc\w*|cut|lower\w*|jump\w*)(?![A-Za-z])",
    re.IGNORECASE,
)
_FA_FROM = re.compile(r"(?<![\u0600-\u06ff])از\s*$")
_FA_TO = re.compile(r"^\s*به\s*$")
_TH_FROM = re.compile(r"จาก\s?$")
_TH_TO = re.compile(r"^\s?(?:มา|ไป)?เป็น\s?$")

#: The key of a moved value no held fact nor cue names: any booked slot, any price.
_FALLBACK_KEYS = {
    Kind.DATE: "appointment_date",
    Kind.TIME: "appointment_time",
    Kind.AMOUNT: "price",
}

#: The key of a moved-from value: the key it was moved from, marked.
MOVED_FROM = "~from:"


@dataclass(frozen=True)
class _Move:
    old: ValueSpan
    new: ValueSpan


def _moves(text: str, values: Sequence[ValueSpan]) -> list[_Move]:
    moves = []
    for old, new in itertools.pairwise(values):
        if old.kind is not new.kind or old.kind not in _MOVED_KINDS:
            continue
        before, between = text[: old.start], text[old.end : new.start]
        english = (
            _EN_FROM.search(before)
            and _EN_TO.match(between)
            and _EN_CHANGE.search(_sentence_before(before))
        )
        persian = _FA_FROM.search(before) and _FA_TO.match(between)
        thai = _TH_FROM.search(before) and _TH_TO.match(between)
        if english or persian or thai:
            moves.append(_Move(old, new))
    return moves


def _sentence_before(before: str) -> str:
    return re.split(r"[.!?؟\n]", before)[-1]


def moved_values(
    text: str,
    found: Sequence[FactMatch],
    current: Callable[[str], str | None],
    held: dict[str, str],
) -> list[FactMatch]:
    """``found`` with each moved value's pair under one key: the new value as the rules
    keyed it (or under the key the old value is held by, a cue's, any booking's), the old
    one under ``MOVED_FROM`` + that key unless the key holds it already."""
    result = list(found)
    for move in _moves(text, find_values(text)):
        on_new = [f for f in result if _overlaps(f, move.new) and not f.key.startswith("~")]
        on_old = [
            f
            for f in result
            if _overlaps(f, move.old) and not _overlaps(f, move.new) and not f.key.startswith("~")
        ]
        key = _key(text, move, on_new + on_old, held)
        result = [f for f in result if f not in on_old]
        if not on_new:
            result.append(FactMatch(key, move.new.text, move.new.start, move.new.end))
        holding = current(key)
        if holding is None or not _same_value(move.old.text, holding):
            old = move.old
            result.append(FactMatch(MOVED_FROM + key, old.text, old.start, old.end))
    return sorted(result, key=lambda fact: fact.start)


def _key(text: str, move: _Move, keyed: list[FactMatch], held: dict[str, str]) -> str:
    kind = move.old.kind
    # the date's key, not the key of the time a date with its hours also gave
    dated = [f.key for f in keyed if not (kind is Kind.DATE and f.key.endswith("_time"))]
    if dated or keyed:
        return (dated or [keyed[0].key])[0]
    for key, value in held.items():
        if restates(move.old.text, value) and _kind_of(value) is kind:
            return key
    sentence_start = len(text[: move.old.start]) - len(_sentence_before(text[: move.old.start]))
    for cue in cues_in(text[sentence_start : move.new.end]):
        cued = cue.topic.key_for(kind)
        if cued is not None:
            return cued
    return _FALLBACK_KEYS[kind]


def _same_value(old: str, holding: str) -> bool:
    """ "Monday 2 December" of a held "Monday" (or the other way round) is the same day."""
    return restates(old, holding) or restates(holding, old)


def _kind_of(value: str) -> Kind | None:
    return next((v.kind for v in find_values(value)), None)


def _overlaps(fact: FactMatch, value: ValueSpan) -> bool:
    return fact.start < value.end and value.start < fact.end


def with_moved_from(
    changes: Sequence[ExtractedFact], moved_from: Sequence[ExtractedFact]
) -> list[ExtractedFact]:
    """``changes`` with each moved-from value just before the change of its key from the
    same message, so that the new value puts it in the history."""
    result: list[ExtractedFact] = []
    pending = list(moved_from)
    for change in changes:
        said = (change.key, change.source_message_id)
        for old in [o for o in pending if (o.key, o.source_message_id) == said]:
            pending.remove(old)
            result.append(old)
        result.append(change)
    return result
