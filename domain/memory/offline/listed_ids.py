"""Ids given together: "my orders are ORD-102345 and ORD-102346" names two orders.

A message that lists two ids of one subject joined by "and" or a comma («… ۴۴۱۰۲۸۷ و
۴۴۱۰۲۹۹ …», «… 4410287 กับ 4410299 …») states both: the second is another thing of
the same sort (``order_id_2``), not the first one's new value, and a second id no
cue of its own reaches takes the subject of the first. Only a bare joining word
counts: "ORD-1 not ORD-2", "ORD-2 instead of ORD-1" and "ORD-1 or ORD-2" put right
or hesitate, and are left to the rules for corrections.

Not a list: two ids of different shapes ("order 4410287 and 1500": an amount; "12345678,
2015": a year), an id followed by the name of another subject ("4410287, 2024 model"),
a word of correction just after the second id, in its sentence ("ORD-10234, ORD-10243
sorry typo": the second puts the first right; not "… ORD-10243. Sorry, can you check
both?"), and the ids an assistant's question offers to choose from ("ORD-10234 and
ORD-10243. Which one is it about?": the customer holds one of them; not "… are both on
the way. Anything else?").
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence

from domain.memory.offline.dialogue import CORRECTION, is_question
from domain.memory.offline.fact_keys import base_key, restates
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.subjects import cues_in
from domain.memory.offline.values import Kind, ValueSpan

#: What may stand between two listed ids: a comma, "and", «و», «กับ», «และ» (or both).
_JOINED = re.compile(
    r"\s*[,،、]?\s*(?:(?:and|plus|&|و|กับ|และ|แล้วก็)(?![A-Za-z\u0600-\u06ff])\s*)?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
#: How far after the second id a word naming another subject makes it that subject's.
_SUBJECT_REACH = 25
#: Where the words about the second id end.
_CLAUSE_END = re.compile(r"[,،;؛.!?؟\n]")
#: How far after the second id a word of correction puts it in place of the first
#: ("ORD-10243 is the right one, I mistyped before").
_CORRECTION_REACH = 40
#: Where a sentence ends: words past it are about something else.
_SENTENCE_END = re.compile(r"[.!?؟\n]")
#: An apology on its own: it puts the id right only when it follows it at once ("…
#: ORD-10243 sorry", «۴۴۱۰۲۷۸ ببخشید»), not after more words («… هستن، ببخشید دیر شد»:
#: sorry it's late) nor when it says what for («ขอโทษที่ช้า»: sorry for being slow).
_APOLOGY = re.compile(r"sorry|ببخشید|ขอโทษ", re.IGNORECASE)
_RIGHT_AFTER = re.compile(r"[\s,،]*(?:ค่ะ|ครับ|คะ|นะ)?[\s,،]*")
_APOLOGY_FOR = re.compile(r"\s*ที่")
#: A question asking which of the ids it follows is meant («Which one?», «کدومش؟»,
#: «ออเดอร์ไหนคะ»; not «ที่ไหน»: where).
_WHICH = re.compile(r"\bwhich\b|(?<![\u0600-\u06ff])کد(?:و|ا)م|(?<!ที่)ไหน", re.IGNORECASE)
#: A number counts as an id when it has at least this many digits ("2 and 3" are counts).
_MIN_ID_DIGITS = 4
_ID_KINDS = (Kind.IDENTIFIER, Kind.NUMBER)
#: How many ids of one subject a message's list may give keys to.
_MAX_VARIANTS = 12


def listed_ids(
    text: str,
    values: Sequence[ValueSpan],
    found: Sequence[FactMatch],
    held: Callable[[str], str | None],
    several: Callable[[str], bool],
    from_user: bool,
) -> list[FactMatch]:
    """``found`` with each id listed after another of a subject the conversation may hold
    several of (``several``, on the base key) keyed as one more of them; ``held`` gives a
    key's current value. An assistant's question lists choices, none of them held."""
    result = list(found)
    for first, second in itertools.pairwise(values):
        if not _listed(text, first, second):
            continue
        if not from_user and _offered_to_choose(text, first, second):
            continue
        keyed = _match_of(result, first)
        if keyed is None:
            continue
        base = base_key(keyed.key)
        if not several(base) or _another_subject_after(text, second, base):
            continue
        other = _match_of(result, second)
        used = {m.key for m in result if m is not other}
        if other is not None and (base_key(other.key) != base or other.key not in used):
            continue  # keyed to a subject of its own, or already another one
        key = _key_for(base, second.text, held, used)
        if other is None:
            result.append(FactMatch(key, second.text, second.start, second.end))
        else:
            result = [dataclasses.replace(m, key=key) if m is other else m for m in result]
    return result


def _listed(text: str, first: ValueSpan, second: ValueSpan) -> bool:
    if first.kind not in _ID_KINDS or second.kind is not first.kind:
        return False
    if first.kind is Kind.NUMBER and not all(
        len(_DIGIT.findall(v.text)) >= _MIN_ID_DIGITS for v in (first, second)
    ):
        return False
    between = text[first.end : second.start]
    if not between.strip() or _JOINED.fullmatch(between) is None:
        return False
    if not _same_shape(first.text, second.text) or _corrected_after(text, second):
        return False
    return not (restates(first.text, second.text) or restates(second.text, first.text))


def _same_shape(first: str, second: str) -> bool:
    """Ids of one series: the same letters and separators around the digits, and as many
    digits give or take one ("ORD-102345" and "ORD-102346"; not "4410287" and "1500")."""
    if _DIGITS.sub("0", first.upper()) != _DIGITS.sub("0", second.upper()):
        return False
    return abs(len(_DIGIT.findall(first)) - len(_DIGIT.findall(second))) <= 1


def _corrected_after(text: str, second: ValueSpan) -> bool:
    """Whether a word of correction follows the second id within its sentence and reach
    ("ORD-10243 sorry typo", «۴۴۱۰۲۷۸ ببخشید اشتباه تایپ کردم», «4410278 ค่ะ พิมพ์ผิด»):
    the second then puts the first right."""
    after = _SENTENCE_END.split(text[second.end : second.end + _CORRECTION_REACH], maxsplit=1)[0]
    for word in CORRECTION.finditer(after):
        if _APOLOGY.fullmatch(word.group()) is None:
            return True
        if _RIGHT_AFTER.fullmatch(after[: word.start()]) and not _APOLOGY_FOR.match(
            after, word.end()
        ):
            return True
    return False


def _offered_to_choose(text: str, first: ValueSpan, second: ValueSpan) -> bool:
    """Whether an assistant offers the ids to choose from: the sentence holding them asks,
    or the next one asks which ("… ORD-10243. Which one is it about?")."""
    sentences = split_sentences(text)
    ids = " ".join(text[first.start : second.end].split())
    holding = next((i for i, s in enumerate(sentences) if ids in " ".join(s.split())), None)
    if holding is None:  # split apart: any question may offer them
        return any(is_question(s) for s in sentences)
    if is_question(sentences[holding]):
        return True
    return any(is_question(s) and _WHICH.search(s) for s in sentences[holding + 1 : holding + 2])


def _another_subject_after(text: str, second: ValueSpan, base: str) -> bool:
    """Whether the words just after an id of digits alone name a subject of their own
    ("4410287, 2024 model fridge"): it is that subject's, not one more of the first's.
    An id with letters keeps its own sort ("ORD-10243 for the delivery on Friday")."""
    if _DIGITS.fullmatch(second.text) is None:
        return False
    after = _CLAUSE_END.split(text[second.end : second.end + _SUBJECT_REACH], maxsplit=1)[0]
    return any(cue.topic.keys.get(second.kind) != base for cue in cues_in(after))


def _match_of(found: Sequence[FactMatch], value: ValueSpan) -> FactMatch | None:
    """The fact read for ``value`` (its span, perhaps with the words that lead to it)."""
    return next(
        (
            m
            for m in found
            if m.start <= value.start and value.end <= m.end and not m.key.startswith("~")
        ),
        None,
    )


def _key_for(base: str, value: str, held: Callable[[str], str | None], used: set[str]) -> str:
    """The key already holding ``value``, else the first the conversation and the
    message have left free: ``base``, ``base_2`` …"""
    variants = [base, *(f"{base}_{n}" for n in range(2, _MAX_VARIANTS + 1))]
    for variant in variants:
        current = held(variant)
        if current is not None and restates(value, current):
            return variant
    return next(
        (v for v in variants if held(v) is None and v not in used),
        f"{base}_{_MAX_VARIANTS + 1}",
    )
