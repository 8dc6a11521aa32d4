"""Facts put right where the details corrected a part of them, at fold time.

A customer gives an address and then puts its postcode right ("14 Bramley Close,
Harrogate HG2 7DN" … "ahh its HG2 7DL, sorry"), «شماره‌م ۰۹۱۲۳۴۵۶۷۸۹ … ببخشید ۰۹۱۲۳۴۵۶۷۹۸»,
«รหัสไปรษณีย์ 10110 … ขอโทษค่ะ ต้องเป็น 10120»: the correction states only the part that
was wrong, so the fact that holds the whole value keeps the mistake. A detail's value put
right (``ReplacedValue.corrected``: named wrong, or a typo of it; a mistake, no value of
anything) that holds a digit is replaced in every fact that quotes it whole, and the
mistaken value goes into the fact's history: the stored memory (``GET …/memory``, the
user memory's merge, every context) holds the correction, not only a context's view.
A value *changed* ("changed", "moved") is left alone: the old one may still be another
thing's, and a fact that holds it may be that thing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from schemas.memory_model import Detail, Fact, FactValue, ReplacedValue

#: A part this short ("DN", "12") is inside too many other values to be the mistake there.
MIN_CORRECTED_CHARS = 4


def corrected_facts(
    facts: Sequence[Fact], details: Iterable[Detail], max_history: int
) -> list[Fact]:
    """``facts`` with every value a detail corrected (``Detail.replaced``) replaced by its
    correction wherever a fact quotes it whole, the value as it was kept last in its
    history (``max_history`` values at most)."""
    corrections = _corrections(r for detail in details for r in detail.replaced)
    if not corrections:
        return list(facts)
    return [_corrected(fact, corrections, max_history) for fact in facts]


def _corrections(replaced: Iterable[ReplacedValue]) -> list[tuple[re.Pattern[str], str]]:
    return [
        (_whole(value.old.strip()), value.new.strip())
        for value in replaced
        if value.corrected
        and len(value.old.strip()) >= MIN_CORRECTED_CHARS
        # a code, a number or a postcode: a word put right ("Thursday" → "Friday") may be
        # another fact's own ("Thursday yoga"), a code with its digits is this one's
        and any(character.isdigit() for character in value.old)
    ]


def _corrected(
    fact: Fact, corrections: Sequence[tuple[re.Pattern[str], str]], max_history: int
) -> Fact:
    value = fact.value
    for old, new in corrections:
        if new in value:
            continue  # the fact states the correction already
        value = old.sub(new.replace("\\", r"\\"), value)
    if value == fact.value:
        return fact
    mistaken = FactValue(
        value=fact.value, source_message_id=fact.source_message_id, updated_at=fact.updated_at
    )
    history = [*fact.history, mistaken][-max_history:]
    return fact.model_copy(update={"value": value, "history": history})


@functools.lru_cache(maxsize=1024)  # asked for by every context request too
def _whole(value: str) -> re.Pattern[str]:
    """``value`` as a whole word or number: "7DN" is not in "17DNA"."""
    return re.compile(r"(?<![\w.,٬])" + re.escape(value) + r"(?!\w)")
