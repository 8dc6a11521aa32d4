"""A value told in the past tense that is still the value: "my booking reference was
BK-55102", "Payment reference was PAY-88120", "the venue hire fee was £350", "the delivery
charge was £12.50 on my receipt". A code does not change by being told in the past, nor
does a sum that was charged; only a word that calls it old or wrong makes it the old one
("the old code was 4471", "the tracking number was JD0140023 originally"), and a sum is the
old one where its sentence, or the one right after it, names another sum it changed to
("The price was $40 but now it's $55", "The fee was $120. Now it's $140."). Dates and
hours said with "was" stay old: those are the values moved. (Persian and Thai put no past
tense before a value: «هزینه اجاره ۳۵۰ هزار تومان بود», «ค่าเช่า 3,500 บาท» are kept
already.)
"""

from __future__ import annotations

import re

from domain.memory.offline.values import Kind, ValueSpan, find_values

_ID_KINDS = frozenset({Kind.IDENTIFIER, Kind.NUMBER})
#: "was" alone, right before the value.
_WAS = re.compile(r"(?<![A-Za-z])was\s+(?:the\s+)?$", re.IGNORECASE)
#: Words that call a value old or wrong, or say it changed, anywhere in its sentence.
_OLD = re.compile(
    r"(?<![A-Za-z])(?:old|previous(?:ly)?|original(?:ly)?|former|earlier|before|used\s+to"
    r"|wrong|incorrect|typo|mistake|expired|cancell?ed|replaced|not|no\s+longer|isn['’]t"
    r"|wasn['’]t|now|instead|supposed|changed?|increased|reduced|went|gone)(?![A-Za-z])",
    re.IGNORECASE,
)
_REACH = 22
#: A sentence about the same sum: its subject is "it" or "that" ("Now it's $140"; not "Now
#: the balance is $150", another sum).
_OF_IT = re.compile(
    r"^\W*(?:(?:but|and|so)\s+)?(?:now\s*,?\s*)?(?:it|that|this|they)(?:['’]s|\s|$)",
    re.IGNORECASE,
)


def still_current(text: str, value: ValueSpan) -> bool:
    """Whether ``value`` is an id or a sum told with "was" and nothing in its sentence
    calling it old, nor (of a sum) another sum beside it."""
    if value.kind not in _ID_KINDS and value.kind is not Kind.AMOUNT:
        return False
    if not _WAS.search(text[max(0, value.start - _REACH) : value.start]):
        return False
    before = re.split(r"[.!?\n]\s", text[: value.start])[-1]
    after = re.split(r"[.!?\n](?:\s|$)", text[value.end :])[0]
    if _OLD.search(before + " " + after):
        return False
    if value.kind is Kind.AMOUNT:
        if any(v.kind is Kind.AMOUNT for v in find_values(before + " " + after)):
            return False
        return not _changed_right_after(text[value.end :])
    return True


def _changed_right_after(rest: str) -> bool:
    """Whether the sentence right after the value's says it changed to another sum ("The
    fee was $120. Now it's $140."): the change is told across the two."""
    sentences = re.split(r"[.!?\n](?:\s|$)", rest, maxsplit=2)
    if len(sentences) < 2:
        return False
    following = sentences[1]
    return (
        _OF_IT.match(following) is not None
        and _OLD.search(following) is not None
        and any(v.kind is Kind.AMOUNT for v in find_values(following))
    )
