"""Summary lines that only repeat a key fact shown above them are left out.

A summary keeps the lines that carried values ("Assistant: they'll call 07700 900481
when they're outside"); once the value is a key fact, the line says it a second time
and its budget is not spent on what is still missing. A line goes only when, without
the facts' values and its speaker, what is left carries no value of its own: no digit
and only a few words' worth of letters. A line that marks a value as replaced always
stays: the mark is what tells the reader the old value is old. The other speaker's short
question just before a line that goes, goes with it: a question is never left without
its answer.

A summary line is left out too when one detail shown before the summaries (the details'
share, ``domain.context.assemble``) says every content term of it (``without_said``): the
detail quotes the same words, so the line would spend the summary's budget on them twice
and leave out a line of the summary with something the context does not hold yet. A line
with a "(replaced …)" mark stays, as above.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from domain.context.replaced import MIN_MARKED_CHARS
from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.terms import content_terms
from domain.memory.speakers import without_speakers

#: What may be left of a line once its facts' values are taken out, for it to go: a short
#: clause ("Yes, they'll call … when they're outside"), never a second value.
MAX_LEFT_CHARS = 40

_SPEAKER = re.compile(r"^\s*\w+:\s*")
_REPLACED_MARK = "(replaced"
#: A value stands as a clause of its own: nothing of another word runs into it ("Bosch
#: SMS46NI01", "policy CL-448190" and "SN GR24-8815403" keep their words).
_CLAUSE_START = r"(?:(?<=^)|(?<=[.,;:!?،؛…]\s)|(?<=[.,;:!?،؛…]))"
#: A Thai answer ends its clause with a polite particle ("081-234-5678 ค่ะ").
_CLAUSE_END = r"(?=\s*" + THAI_PARTICLES + r"?\s*(?:$|[.,;:!?،؛…]))"


def normalized(text: str) -> str:
    """Case, Unicode form and runs of whitespace do not count."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def only_repeats(line: str, values: Iterable[str]) -> bool:
    """Whether ``line`` quotes one of ``values`` and says nothing else worth its budget."""
    return _only_repeats(line, _looked_for(values))


def _looked_for(values: Iterable[str]) -> list[str]:
    """``values`` as ``_only_repeats`` looks for them: normalized, the longest first."""
    return [
        value
        for value in sorted({normalized(v) for v in values}, key=len, reverse=True)
        if len(value) >= MIN_MARKED_CHARS
    ]


def _only_repeats(line: str, values: Sequence[str]) -> bool:
    if _REPLACED_MARK in line:
        return False
    rest = normalized(_SPEAKER.sub("", line, count=1))
    quoted = False
    for value in values:
        if value not in rest:
            continue  # most values of most lines: no pattern to build
        whole = re.compile(_CLAUSE_START + re.escape(value) + _CLAUSE_END)
        if whole.search(rest):
            rest, quoted = whole.sub(" ", rest), True
    if not quoted or any(c.isdigit() for c in rest):
        return False
    return sum(c.isalpha() for c in rest) <= MAX_LEFT_CHARS


def without_repeats(text: str, values: Iterable[str]) -> str:
    """``text`` without its lines that only repeat one of ``values`` (``only_repeats``), each
    with the other speaker's question just before it: a question goes with its answer."""
    shown = _looked_for(values)
    lines = text.split("\n")
    gone = {index for index, line in enumerate(lines) if _only_repeats(line, shown)}
    gone |= {index - 1 for index in gone if index > 0 and _asks(lines[index - 1], lines[index])}
    return "\n".join(line for index, line in enumerate(lines) if index not in gone)


#: A question this long may say more than what it asks for; it stays.
MAX_QUESTION_CHARS = 80


def _asks(line: str, answer: str) -> bool:
    """Whether ``line`` is the other speaker's short question or request ``answer`` answers
    ("Assistant: Could you share your order number?", «شماره تماس؟», "ขอเบอร์โทรด้วยค่ะ")."""
    speaker, reply_speaker = _SPEAKER.match(line), _SPEAKER.match(answer)
    if speaker is None or reply_speaker is None or speaker.group() == reply_speaker.group():
        return False
    asked = line[speaker.end() :]
    return len(asked) <= MAX_QUESTION_CHARS and not any(c.isdigit() for c in asked)


def without_said(text: str, said: Sequence[frozenset[str]]) -> str:
    """``text`` without its lines whose content terms are all among those of one of ``said``
    (the terms of each detail shown before it), a line with a "(replaced …)" mark kept."""
    if not said:
        return text
    return "\n".join(line for line in text.split("\n") if not _said(line, said)).strip()


def _said(line: str, said: Sequence[frozenset[str]]) -> bool:
    if _REPLACED_MARK in line:
        return False
    terms = content_terms(without_speakers(line)).keys()
    return bool(terms) and any(terms <= one for one in said)
