"""Key facts follow the values the details say were replaced.

A fact rule keys the values it knows how to name, and a correction in words it does not
read leaves the old value current: "I have (503) 555-0148" is kept as a phone while "sorry,
0184 not 0148" goes by. The details see it (``domain.memory.detail_changes``: each fold
stores on a detail the values a newer one replaced, ``Detail.replaced``), so after a fold a
fact whose current value is such an old value, or holds it whole ("14 Bramley Close,
Harrogate HG2 7DN" holds "HG2 7DN", "£240" does not hold "£24"), takes the newer value in
its place, as if its own rule had read it: same key, the old value in its history.

Precision first (a fact moved to a wrong value misleads more than one left old). Only
replacements this fold found are followed: one found before was followed then, and a fact
that holds its old value since was set after it (said again, or moved back by its own
rule). Not followed either: by a fact set after the message that says the newer value, or
one that held the newer value before (its own rule moved away from it); an old value
replaced by two different values, or a short bare number ("120", "5678": the count or the
end of anything).

A newer value that is already another fact's current value is that other thing's, and
is not followed; but a typo put right (a near copy: "HG2 7DN" then "HG2 7DL") is one thing
under two keys, the one its rule did not read behind ("address: … HG2 7DN" beside
"postcode: HG2 7DL"). A value copied letter by letter (a phone, an email, an identifier,
an address) is one thing wherever it stands; a date, a time or an amount may be the value
of several ("the 1st" for the delivery and for the payment): one is followed only by a
fact said in the very detail whose value was replaced.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from domain.memory.detail_changes import COPIED_KINDS, near_copy
from domain.memory.engine import ExtractedFact, TranscriptLine
from schemas.memory_model import Detail, Fact

#: A bare number shorter than this is a value of too many things to follow.
MIN_BARE_DIGITS = 5

#: A character of a Thai word: Thai writes words together, so a Thai value stands whole
#: next to Thai letters.
_THAI = re.compile(r"[\u0e00-\u0e7f]")
#: What joins the digits of one number ("1,240", "10:15", "88/219", "555-0148").
_NUMBER_JOINS = frozenset(".,:/-٫٬")


@dataclass(frozen=True)
class _Replacement:
    old: str
    new: str
    #: Copied letter by letter (``COPIED_KINDS``): one thing wherever it stands.
    copied: bool
    #: The positions (first, last) of the detail the newer value replaced ``old`` in (the
    #: last that held it: the same value said before it counts as replaced too).
    span: tuple[int, int]
    #: The message that says the newer value: its position and id.
    position: int
    message_id: str


def followed_facts(
    facts: Sequence[Fact],
    earlier: Sequence[Detail],
    details: Sequence[Detail],
    lines: Sequence[TranscriptLine],
) -> list[ExtractedFact]:
    """The new values of ``facts`` (the fold's merged facts) that follow what ``details``
    (kept by the fold) replaced and ``earlier`` (the details before it) did not; ``lines``
    are the fold's messages and those just before them, where the newer values are said.
    As extracted facts: the fold merges them as it merges any."""
    replacements = _new_replacements(earlier, details, lines)
    if not replacements:
        return []
    position_of = {line.message_id: line.position for line in lines}
    currents = {_plain(fact.value) for fact in facts}
    followed: list[ExtractedFact] = []
    for fact in facts:
        value, source = fact.value, None
        said_at = position_of.get(fact.source_message_id, 0)  # 0: an earlier fold's
        for replacement in replacements:
            if said_at > replacement.position or _held_before(fact, replacement.new):
                continue
            if _someone_elses(replacement, fact, currents):
                continue
            if not replacement.copied and not _said_in_it(replacement, said_at):
                continue
            changed = _with_part_replaced(value, replacement.old, replacement.new)
            if changed is None:
                continue
            value, source = changed, replacement.message_id
        if source is not None:
            followed.append(ExtractedFact(key=fact.key, value=value, source_message_id=source))
    return followed


def _new_replacements(
    earlier: Sequence[Detail], details: Sequence[Detail], lines: Sequence[TranscriptLine]
) -> list[_Replacement]:
    """The replacements ``details`` store that ``earlier`` did not, each with the message
    that says its newer value (module doc for those left out)."""
    known = {(r.old, r.new) for detail in earlier for r in detail.replaced}
    news: dict[str, set[str]] = {}
    replaced_in: dict[tuple[str, str], list[Detail]] = {}
    for detail in details:
        for replaced in detail.replaced:
            news.setdefault(replaced.old, set()).add(replaced.new)
            if (replaced.old, replaced.new) not in known:
                replaced_in.setdefault((replaced.old, replaced.new), []).append(detail)
    found: list[_Replacement] = []
    for (old, new), olders in replaced_in.items():
        if len(news[old]) > 1 or _bare_number(old) or _holds_whole(new, old):
            continue  # which is current is unclear; or the newer value says the old again
        # The newer value is said after the old ones (maybe in the last one's message).
        end = max(detail.last_position for detail in olders)
        said = next(
            (line for line in lines if line.position >= end and _holds_whole(line.content, new)),
            None,
        )
        if said is None:
            continue
        last = olders[-1]
        kind = last.kinds[last.values.index(old)]
        span = (last.first_position, last.last_position)
        found.append(
            _Replacement(old, new, kind in COPIED_KINDS, span, said.position, said.message_id)
        )
    return found


def _someone_elses(replacement: _Replacement, fact: Fact, currents: set[str]) -> bool:
    """Whether the newer value is another fact's current value, not a typo put right."""
    if _plain(replacement.new) not in currents - {_plain(fact.value)}:
        return False
    return not near_copy(replacement.old, replacement.new)


def _said_in_it(replacement: _Replacement, said_at: int) -> bool:
    """Whether a fact's value said at ``said_at`` (0: in an earlier fold) was said in the
    detail whose value was replaced."""
    first, last = replacement.span
    return first <= said_at <= last


def _held_before(fact: Fact, value: str) -> bool:
    """Whether ``fact`` held ``value`` before: its own rule moved it on since."""
    return any(_holds_whole(earlier.value, value) for earlier in fact.history)


def _bare_number(value: str) -> bool:
    digits = _plain(value).replace(" ", "")
    return digits.isdigit() and len(digits) < MIN_BARE_DIGITS


def _with_part_replaced(text: str, old: str, new: str) -> str | None:
    """``text`` with every whole ``old`` in it replaced by ``new``; None when it holds none."""
    spans = _whole_spans(text, old)
    if not spans:
        return None
    for start, end in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


def _holds_whole(text: str, value: str) -> bool:
    return bool(_whole_spans(text, value))


def _whole_spans(text: str, value: str) -> list[tuple[int, int]]:
    """Where ``text`` says ``value`` whole (digits of any script and case alike): not as a
    piece of a longer number or word ("£24" in "£240", "5pm" in "10:15pm", "240" in
    "1,240")."""
    haystack, needle = _comparable(text), _comparable(value)
    if not needle.strip():
        return []
    spans = []
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if _ends(haystack, start, -1) and _ends(haystack, end - 1, 1):
            spans.append((start, end))
        start = haystack.find(needle, start + 1)
    return spans


def _ends(text: str, edge: int, step: int) -> bool:
    """Whether a value whose last character (``step`` 1) or first (``step`` -1) is at
    ``edge`` ends there: the character past it does not carry on its number or word."""
    near, beyond = edge + step, edge + 2 * step
    if not 0 <= near < len(text):
        return True
    char, next_char = text[edge], text[near]
    if char.isdigit():
        joined = next_char in _NUMBER_JOINS and 0 <= beyond < len(text) and text[beyond].isdigit()
        return not next_char.isdigit() and not joined
    if char.isalpha():
        thai = _THAI.match(char) is not None and _THAI.match(next_char) is not None
        return thai or not next_char.isalnum()
    return True


def _comparable(text: str) -> str:
    """``text`` character for character (its spans stay its own), digits in ASCII and
    letters in lower case."""
    return "".join(_comparable_char(char) for char in text)


def _comparable_char(char: str) -> str:
    if char.isdigit():
        digit = unicodedata.digit(char, None)
        return str(digit) if digit is not None else char
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _plain(value: str) -> str:
    return " ".join(_comparable(value).split())
