"""Values offered or asked about that the reply did not take.

"Assistant: The technician can come Tue 3 Dec 10am, does that suit you?" – "User: I work
weekdays" – "User: Could it be a Saturday?" – "Assistant: Yes, Sat 7 Dec 10am then": the
3rd was offered and never current. A value said in a question ("would Sunday work?",
«یکشنبه خوبه؟», «วันอาทิตย์สะดวกไหมคะ») is replaced by a value of the same kind said
(not asked) in the reply, or in the detail that opens with the reply or the message after
it, when the reply does not say yes, does not say the offered value again, and a no or a
value put instead is said before the new value ("no", "actually", «نه», «ไม่», «ขอเป็น»).

Precision first: the question must hold that one value of its kind (a choice between two,
"10am or 4pm?", is left to the words of change) and a number ("this Friday" is made a date
by the answer, not replaced by it); a reply that says yes ("yes", «باشه», «ได้ค่ะ», not
«ไม่ได้») took the value, whatever follows; and an answer holding the same numbers ("Nov
22", "the 22nd") says the offered value again in other words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.memory.offline.dialogue import is_question
from domain.memory.speakers import without_speakers
from schemas.memory_model import Detail

#: A yes: the value asked about was taken ("yes", "sure", "that works", «بله», «باشه»,
#: «ได้», «โอเค», «สะดวก»).
_YES = re.compile(
    r"\b(?:yes|yeah|yep|sure|ok|okay|fine|great|perfect|works|good|confirmed|booked)\b"
    r"|(?<![\w\u0600-\u06ff])(?:بله|آره|باشه|خوبه|عالیه|اوکی|حتما|حتماً|موافقم|اوکیه)"
    r"(?![\w\u0600-\u06ff])"
    r"|ได้|โอเค|ตกลง|สะดวก|ว่าง"
    # a reply of a polite word alone: «ครับ», «ค่ะ», «چشم», "will do"
    r"|^\W*(?:ครับ|ค่ะ|คะ|จ้า|คับ|چشم|will do|right)\W*$",
    re.IGNORECASE,
)
#: A Thai yes-word negated («ไม่ได้», «ไม่สะดวก», «ไม่ว่าง») is a no: taken out before a yes
#: is looked for.
_THAI_NEGATED = re.compile(r"ไม่(?:ค่อย)?\s*(?:ได้|สะดวก|ว่าง|โอเค)")
#: A no, or a value put instead: "no", "not", "actually", "rather", «نه», «نمی‌تونم», «بهتره»,
#: «ไม่», «ขอเป็น», «ดีกว่า»; and the offered value owned as old ("my old one", «قدیمی»,
#: «เก่า»).
_DECLINES = re.compile(
    r"\b(?:no|not|nope|unfortunately|actually|instead|rather|better|old)\b|n't"
    r"|(?<![\w\u0600-\u06ff])(?:نه|نخیر|نمی\S*|ولی|بهتره|قدیمی\S*)(?![\w\u0600-\u06ff])"
    r"|ไม่|ขอเป็น|ดีกว่า|เก่า",
    re.IGNORECASE,
)
#: The kinds of value a question offers (not the clauses kept without one).
OFFERED_KINDS = frozenset(
    {"email", "phone", "address", "date", "time", "amount", "duration", "count", "identifier"}
    | {"number", "weight", "length"}
)
#: Kinds copied letter by letter: one differing anywhere is another value ("HG2 7DN").
COPIED = frozenset({"email", "phone", "identifier", "address"})
#: How many messages after the question the value that replaces it may be said.
REPLY_REACH = 2


@dataclass(frozen=True)
class Offer:
    """``old`` (asked about in the detail at ``older``) not taken: ``new`` (of the detail at
    ``newer``) was."""

    old: str
    new: str
    older: int
    newer: int


def offers_not_taken(details: Sequence[Detail]) -> list[Offer]:
    """The values of ``details`` (oldest first) asked about and answered with another."""
    found: list[Offer] = []
    for index, detail in enumerate(details):
        for old, kind in zip(detail.values, detail.kinds, strict=False):
            offer = _not_taken(details, index, old, kind)
            if offer is not None:
                found.append(offer)
    return found


def _not_taken(details: Sequence[Detail], index: int, old: str, kind: str) -> Offer | None:
    detail = details[index]
    if kind not in OFFERED_KINDS or not _DIGITS.search(old):
        return None  # "this Friday" is made a date by the answer, not replaced by it
    lines = [without_speakers(line).strip() for line in detail.text.split("\n")]
    asked = [i for i, line in enumerate(lines) if old in line and is_question(line)]
    if not asked or any(old in line for line in lines[asked[-1] + 1 :]):
        return None
    question = lines[asked[-1]]
    of_kind = [v for v, k in zip(detail.values, detail.kinds, strict=False) if k == kind]
    if sum(1 for value in of_kind if value in question) != 1:
        return None  # a choice between values: left to the words of change
    replies = lines[asked[-1] + 1 :]
    if any(_says_yes(reply) for reply in replies):
        return None
    declined = any(_DECLINES.search(reply) for reply in replies)
    for reply in replies:  # another value given in the reply itself
        new = _answered(detail, reply, kind, old)
        if new is not None and _DECLINES.search(reply):
            return Offer(old, new, index, index)
    reply_at = detail.last_position + (0 if replies else 1)
    for later, other in enumerate(details[index + 1 :], index + 1):
        if other.first_position > reply_at + REPLY_REACH - 1:
            break
        if other.first_position < reply_at:
            continue
        other_lines = [without_speakers(line).strip() for line in other.text.split("\n")]
        first = other_lines[0]
        if (
            not replies
            and other.first_position == reply_at
            and not is_question(first)
            and _says_yes(first)
        ):
            return None  # the reply took it
        for line in other_lines:
            if old in line:
                return None  # the offered value said again: not left for another
            declined = declined or _DECLINES.search(line) is not None
            new = _answered(other, line, kind, old)
            if new is not None and declined:
                return Offer(old, new, index, later)
    return None


def _answered(detail: Detail, line: str, kind: str, old: str) -> str | None:
    """The value of ``kind`` ``line`` says (not asks), other than ``old``."""
    if is_question(line):
        return None
    said = [v for v, k in zip(detail.values, detail.kinds, strict=False) if k == kind and v in line]
    said = [v for v in said if not _same_numbers(v, old) or (kind in COPIED and v != old)]
    return said[-1] if len(said) == 1 else None


_DIGITS = re.compile(r"\d+")


def _same_numbers(one: str, other: str) -> bool:
    """Whether two values are one in other words: the numbers of one all in the other
    ("Nov 22", "the 22nd"; not "3 Dec 10:00" and "7 Dec 10:00")."""
    ones = set(map(_number, _DIGITS.findall(one)))
    others = set(map(_number, _DIGITS.findall(other)))
    return bool(ones and others) and (ones <= others or others <= ones)


def _number(digits: str) -> int:
    return int("".join(str(int(c)) for c in digits))


def _says_yes(line: str) -> bool:
    return _YES.search(_THAI_NEGATED.sub(" ", line)) is not None
