"""A value moved from one to another in one sentence: "move my class from Monday to
Wednesday", "the price went from $40 to $55", «کلاس رو از دوشنبه به چهارشنبه منتقل کنید»,
«ย้ายคลาสจากวันจันทร์เป็นวันพุธ». The second is the value now; the first is the one it
replaced, kept in the same key's history. English "from 7 April to 12 April" alone is a
span of days, so English needs a word of change in the sentence, and one said of a
timetable ("updated the classes from 6am to 9pm") gives its hours, no move. Persian
spans say «تا», yet «از … به …» is also a way or a span said loosely («از شیراز به تهران»,
«از ۶ صبح به ۹ شب هست»): it needs a word of change in the sentence too («منتقل کنید»).
Thai spans say «ถึง», so «จาก … เป็น …» is a change by its own words.
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

_EN_TO = re.compile(r"^\s*(?i:to)\s+(?:(?i:the)\s+)?$")
#: A word of change before "from": a booking moved, a price put up or cut, a few words
#: (what is moved) between; a verb of going only right before it ("went from $40", "has gone
#: up from"): "I went on holiday from 3 May to 10 May" moves nothing.
_EN_CHANGE = re.compile(
    r"(?<![A-Za-z])(?:(?:mov(?:e|es|ed|ing)|reschedul\w*|chang(?:e|es|ed|ing)|switch\w*"
    r"|push\w*|bring(?:ing)?|brought|postpon\w*|rebook\w*|shift\w*|amend\w*|updat\w*"
    r"|increas\w*|rais\w*|reduc\w*|cut|lower\w*)(?:\s+[\w'’-]+){0,5}"
    r"|(?:went|gone|go(?:es|ing)?|rose|risen|fell|fallen|jump\w*|drop\w*)(?:\s+(?:up|down))?)"
    r"\s+(?i:from)\s+(?:(?i:the)\s+)?$",
    re.IGNORECASE,
)
#: "updated the classes from 6am to 9pm", "changed the opening hours from 9am to 5pm": the
#: hours a place or a timetable keeps, a span, not one hour moved to another.
_EN_SCHEDULE = re.compile(
    r"(?<![A-Za-z])(?:hours|times|timetable|schedule|opening|classes|sessions|shifts|rota)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_FA_FROM = re.compile(r"(?<![\u0600-\u06ff])از\s*$")
#: A Persian word of change in the sentence: «منتقل کنید», «تغییر بدید», «عوض», «بندازید»,
#: «رسید» (a price went up to), «بکنید» (make it); not «رزرو کنید» («از ۹ به ۱۲ رزرو کنید»
#: books a span). «از … به …» alone is a way from one place or hour
#: to another («از شیراز به تهران», «از ۶ صبح به ۹ شب هست»), no move.
_FA_CHANGE = re.compile(
    r"(?<![\u0600-\u06ff])(?:منتقل|تغییر|عوض|جابجا|جابه[\u200c\s]?جا|جا\s+به\s+جا|موکول"
    r"|بنداز|انداخت|ببر|بردیم|بردید|برد|افزایش|کاهش|رسید|رسیده|رفت|رفته|گرون|گران|ارزون"
    r"|ارزان|بکنید|بکنین|بکنیم|بذارید|بذارین|بزارید|بزارین|بگذارید|شیفت|عقب|جلو)"
    r"(?![\u0600-\u06ff])"
)
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


#: Hours read as one span ("from 10am to 2pm"): a move when a word of change leads them.
_EN_HOURS = re.compile(r"^(?i:from)\s+(?P<old>.+?)\s+(?i:to)\s+(?P<new>.+)$")
#: «از ساعت ۱۰»: the Persian hour read with the «از» before it.
_FA_FROM_IN_VALUE = re.compile(r"^از\s+")


def _split(text: str, values: Sequence[ValueSpan]) -> list[ValueSpan]:
    """``values`` with hours moved from one to another ("change it from 10am to 2pm", read as
    one span) as the two hours, and a Persian hour without its «از»."""
    split: list[ValueSpan] = []
    for value in values:
        hours = _EN_HOURS.match(value.text) if value.kind is Kind.TIME else None
        led = _FA_FROM_IN_VALUE.match(value.text)
        if hours and _en_moved(_sentence_before(text[: value.start + hours.start("old")])):
            split += [_part(value, hours.span("old")), _part(value, hours.span("new"))]
        elif led:
            split.append(_part(value, (led.end(), len(value.text))))
        else:
            split.append(value)
    return split


def _part(value: ValueSpan, span: tuple[int, int]) -> ValueSpan:
    start, end = span
    return ValueSpan(value.kind, value.start + start, value.start + end, value.text[start:end])


def _moves(text: str, values: Sequence[ValueSpan]) -> list[_Move]:
    moves = []
    for old, new in itertools.pairwise(_split(text, values)):
        if old.kind is not new.kind or old.kind not in _MOVED_KINDS:
            continue
        before, between = text[: old.start], text[old.end : new.start]
        english = _EN_TO.match(between) and _en_moved(_sentence_before(before))
        persian = (
            _FA_FROM.search(before)
            and _FA_TO.match(between)
            and _FA_CHANGE.search(_sentence_of(text, old.start, new.end)) is not None
        )
        thai = _TH_FROM.search(before) and _TH_TO.match(between)
        if english or persian or thai:
            moves.append(_Move(old, new))
    return moves


def _sentence_before(before: str) -> str:
    return re.split(r"[.!?؟\n]", before)[-1]


def _sentence_of(text: str, start: int, end: int) -> str:
    return _sentence_before(text[:start]) + text[start:end] + re.split(r"[.!?؟\n]", text[end:])[0]


def _en_moved(before: str) -> bool:
    """Whether a word of change leads the "from" that ends ``before``, and what it changed
    is no timetable ("updated the weekend classes from 6am to 9pm" gives the hours kept)."""
    change = _EN_CHANGE.search(before)
    return change is not None and not _EN_SCHEDULE.search(change.group())


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
        keyed = [f for f in result if not f.key.startswith("~")]
        on_new = [f for f in keyed if _overlaps(f, move.new) and not _overlaps(f, move.old)]
        on_old = [f for f in keyed if _overlaps(f, move.old) and not _overlaps(f, move.new)]
        # one fact read over both ("from 10am to 2pm" as hours, a whole instruction)
        on_both = [f for f in keyed if _overlaps(f, move.old) and _overlaps(f, move.new)]
        key = _key(text, move, on_new + on_old + on_both, held)
        said_here = {f.key: f.value for f in keyed}
        if _replaces_another(
            key, move, on_new + on_old + on_both, said_here.get(key) or current(key)
        ):
            continue
        result = [f for f in result if f not in on_old and not (f in on_both and f.key == key)]
        if not on_new:
            result.append(FactMatch(key, move.new.text, move.new.start, move.new.end))
        holding = current(key)
        if holding is None or not _same_value(move.old.text, holding):
            old = move.old
            result.append(FactMatch(MOVED_FROM + key, old.text, old.start, old.end))
    return sorted(result, key=lambda fact: fact.start)


def _replaces_another(key: str, move: _Move, keyed: list[FactMatch], holding: str | None) -> bool:
    """A move keyed by no fact nor cue ("I'm moving house from 1 July to 3 July") is said of
    something the conversation does not hold: it must not replace the held booking of
    another day ("my dentist appointment is on 30 June")."""
    if keyed or key != _FALLBACK_KEYS[move.old.kind]:
        return False
    return holding is not None and not _same_value(move.old.text, holding)


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
