"""Which values of the stored details a newer detail replaced.

A customer gives a number and corrects it ("User: 40118872" … "oops, 40118827"), an agent
moves a booking ("I've changed your collection to 5:45 tomorrow" after "I'll put you down
for 5pm collection"): both details are kept word for word, and the older one would show
its value as current. A newer detail replaces an older one's value of the same kind when
it says so, by one of three signs:

- it names the old value as wrong: "its 07700 900481 not 418", «ต้องเป็น 7กษ 4821 ไม่ใช่ กข»,
  "on the 15th instead of the 1st", «۱۴ به جای ۱۲»;
- it is a copy of the old value with two characters swapped (a typo put right:
  "45821" then "45281"), or a near copy said with a word of correction ("sorry",
  «ببخشید», «ขอโทษ», «ต้องเป็น»): "KP16 XRT" then "sorry my mistake its KP16 XRF"; a
  swap said with no word of correction names nothing the older value's words do not
  ("order number 45821" is no typo of "invoice number 45281"); a near copy said as what
  holds now, of the same thing, is a change ("Return address is now … Apt 5D" after "…
  Apt 5B", «الان», «ตอนนี้», "new");
- it says a word of change ("changed", "moved", «تغییر», «เปลี่ยน», «เลื่อน») and its value
  stands among the same words as the older detail's ("collection", «นัด»), not among
  words that name another thing of that name ("my son's dental appointment" is not "my
  daughter's dental appointment": ``_contrast``).

A value one party asked for in place of the one said just before it, and the other agreed
to, replaces it with no word of change beside it: "Saturday 12 is free" → "can we do the
19th instead?" → "sure" (``agreed_changes``; not of another thing: the check-in's date is
not the check-out's).

A value said with a word of correction and no copy of the old one replaces it too, but
only in the sentence of the value, among the older value's words, as an answer (not a
question), not added ("my wife's number is … too") and not an agent's value after the
customer's (the customer's phone is not corrected by "the technician's number is …").
An apology is no correction: "sorry for the wait", «ببخشید» opening a message ("excuse
me"), «ขอโทษที่ให้รอ».

Precision comes first (a current value marked replaced misleads more than an old one left
unmarked): a value said again in a later detail is not replaced, nor one that is the
newer value said in other words, and a detail with two values of the kind it would
replace is left alone unless the newer one pairs them in order (start and end dates).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from domain.memory.agreed_changes import agreed_change
from domain.memory.changed_in_place import from_to, quoted_then_changed
from domain.memory.count_changes import (
    names_subject,
    said_as_time,
    same_counted,
    set_anew,
    subject_of_count,
    subjects_of_count,
)
from domain.memory.offline.compound_words import joined_compounds
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.lexicon import RELATIVE_DAYS
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.subjects import topics_named
from domain.memory.offline.terms import THAI_NGRAM, content_terms
from domain.memory.offline.values import FA_LETTERS, what_is_counted
from domain.memory.speakers import speaker_of, without_speakers
from domain.memory.turned_down import turned_down_for
from schemas.memory_model import Detail, ReplacedValue


@dataclass(frozen=True)
class ValueChange:
    """``old`` (a value of the detail at ``older``) replaced by ``new`` (of ``newer``)."""

    old: str
    new: str
    older: int
    newer: int
    sign: str

    def stored(self) -> ReplacedValue:
        """As the older detail keeps it (``Detail.replaced``): a mistake put right (named
        wrong, or a typo of it) is "corrected", its old value never anything's, whatever
        else holds it; a value "changed", or said corrected with no copy of it (it may be
        another thing's value: "that bill is the neighbour's, mine is …"), is not."""
        how: Literal["changed", "corrected"] = "corrected" if self.sign in TYPO_SIGNS else "changed"
        return ReplacedValue(old=self.old, new=self.new, how=how)


#: The sign of a value changed, not corrected (``ValueChange.sign``).
CHANGED = "changed"
#: The signs of a mistake put right: the old value named wrong, or a typo of it.
TYPO_SIGNS = frozenset({"named", "swapped", "corrected copy"})


#: Words that say an earlier value was a mistake (a whole word: "SORRY50" is a code): an
#: apology or a mistake owned, the right one named ("the correct", «صحیح», «ที่ถูก»), the
#: other party agreed with ("you're right", «درسته»), digits swapped («جابجا», «สลับ»).
CORRECTION_WORDS = (
    *("sorry", "oops", "mistake", "typo", "wrong", "i meant", "correction", "my bad"),
    *("you're right", "you are right", "the correct", "swapped"),
    *("ببخشید", "اشتباه", "درستش", "درسته", "صحیح", "جابجا", "جابه‌جا", "منظورم"),  # Persian
    *("ขอโทษ", "ผิด", "ต้องเป็น", "ถูกต้อง", "ที่ถูก", "แก้เป็น", "สลับ"),  # Thai
)
_CORRECTS = re.compile(
    "|".join(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z\d])" for word in CORRECTION_WORDS),
    re.IGNORECASE,
)
#: An apology for something else, no correction: "sorry for the wait", "sorry to hear
#: that", «ببخشید» opening a message ("excuse me"), «ببخشید بابت …», «ขอโทษที่ให้รอ».
_APOLOGY = re.compile(
    r"\bsorry\s+(?:for|to|about|that|if|again)\b"
    r"|^\s*ببخشید|ببخشید\s+(?:که|بابت|برای)"
    r"|ขอโทษที่|ขออภัยที่",
    re.IGNORECASE | re.MULTILINE,
)
#: A value said as one more, not instead: "my wife's number is … too", «… هم»,
#: «อีกเบอร์»; "once more" and «อีกครั้ง» say a value again, which is no change either.
_ADDED = re.compile(
    r"\b(?:too|also|as well|another|additional|extra)\b"
    r"|(?<![\w\u0600-\u06ff])(?:هم|همچنین)(?![\w\u0600-\u06ff])"
    r"|อีก|เพิ่มเติม",
    re.IGNORECASE,
)
#: Words that say a value was changed, taken out before two details' words are compared.
CHANGE_WORDS = (
    *("changed", "change", "moved", "updated", "switched", "rescheduled", "instead"),
    *("pushed back", "brought forward"),
    *("تغییر", "عوض", "به جای", "بجای"),  # Persian
    *("เปลี่ยน", "เลื่อน", "แทน"),  # Thai
)
#: A change said of a value: a verb, not a noun ("change fee", «جریمه تغییر»: the fee's), and
#: in Thai a change *to* something («เลื่อนเป็น», not «อะไหล่ที่เปลี่ยน», the parts replaced).
_CHANGED = re.compile(
    r"\b(?:changed|move|moved|updated|switched|rescheduled|instead|pushed back|brought forward)\b"
    r"|(?:تغییر|عوض)\s*(?:کرد|داد|ثبت|شد|می|بد|بکن|کن)|به جای|بجای"
    r"|(?:เปลี่ยน|เลื่อน)\S{0,25}?เป็น|แทน",
    re.IGNORECASE,
)
#: A value said as what holds from now on: "the return address is now …", «الان …»,
#: «ตอนนี้…».
_SAYS_NOW = re.compile(
    r"\b(?:is|are|'s)\s+now\b|\bnow\s+(?:is|are|booked|set|goes|going)\b|\bnew\b"
    r"|(?<![\w\u0600-\u06ff])(?:الان|جدید)(?![\w\u0600-\u06ff])|ตอนนี้|ใหม่",
    re.IGNORECASE,
)
#: Before the old value a correction names: "not 418", «نه ۱۲», «ไม่ใช่ กข».
_NEGATION = re.compile(
    r"(?:\bnot|\binstead of|\brather than|(?<![\w\u0600-\u06ff])نه|به جای|بجای|ไม่ใช่|แทน)"
    r"\s*(?:the\s+)?([^\s,.;:!?،؛]+)",
    re.IGNORECASE,
)

#: Kinds whose values are copied letter by letter (a typo in one is corrected by a copy).
COPIED_KINDS = frozenset({"identifier", "phone", "number", "email", "address"})
#: Shorter values ("12", "3rd") are near copies of too many others.
MIN_COPY_CHARS = 5
#: Kinds a value of which is said shorter as the same value ("1 Nov" of "1 Nov 2024"; "$20"
#: is no "$20.45").
SHORTENED_KINDS = frozenset({"date", "time"})
#: How many characters a near copy may differ in.
MAX_COPY_EDITS = 2
#: How many messages back a correction without the old value named may reach.
CORRECTION_REACH = 6
#: How many messages before a change asked for and agreed to the value it changes was said
#: (the value, the request, the agreement: "Saturday 12 is free" → "can we do the 19th
#: instead?" → "sure").
REQUEST_REACH = 2

#: Words too common, or too general ("date", «ساعت», «วัน»), to tell what a value is of.
GENERAL_WORDS = frozenset(
    {"date", "dates", "day", "days", "time", "times", "per"} | {"تاریخ", "ساعت", "روز"}  # Persian
)
#: Thai writes words together: these are cut out of the text before it is compared.
_THAI_GENERAL = (
    *("วันที่", "วัน", "เวลา", "โมง", "เป็น", "ให้", "ได้", "ครับ", "ค่ะ", "คะ", "นะ"),
    *("ที่", "ของ", "ไหม", "มั้ย", "และ", "แล้ว"),
)
#: A Thai trigram that starts inside a syllable (a vowel or tone mark after a consonant)
#: is a piece of two words more often than a piece of one.
_THAI_MIDDLE = re.compile(r"^[\u0e30-\u0e3a\u0e45-\u0e4e]")


def value_changes(details: Sequence[Detail]) -> list[ValueChange]:
    """The values of ``details`` (oldest first) that a newer detail replaced, each with the
    newest value that replaced it (a chain "A → B → C" gives A → C and B → C)."""
    changes: dict[tuple[int, str], ValueChange] = {}
    read = [_Read.of(detail) for detail in details]
    having = _having(read)
    for newer in range(1, len(details)):
        for change in _changes_by(read, newer, having):
            changes.setdefault((change.older, change.old), change)
    for index, detail in enumerate(read):
        for change in _changes_within(detail, index):
            changes.setdefault((index, change.old), change)
    resolved = [_latest(change, changes) for change in changes.values()]
    kept = [c for c in resolved if not _said_again(c, details)]
    every = {(c.older, c.old): c for c in kept}
    for change in kept:
        for index, value in [*_said_before(change, details), *_read_back(change, details)]:
            if (index, value) not in changes:
                every.setdefault(
                    (index, value), ValueChange(value, change.new, index, change.newer, change.sign)
                )
    # a value replaced where it was said again ("28 rooms" twice, the first quote found
    # replaced by the second's replacement) takes the newest value too: 24 → 28 → 26
    return [_latest(change, every) for change in every.values()]


def _changes_within(detail: _Read, index: int) -> list[ValueChange]:
    """The values of ``detail`` it says itself were replaced by another of its values
    (``changed_in_place``; "so 26 rooms, not 28", "I've booked the 21st instead of the
    14th"): one other value of the kind, the new one, not named wrong itself."""
    found: list[ValueChange] = []
    for old, kind in zip(detail.detail.values, detail.detail.kinds, strict=False):
        news = [v for v in detail.values_of(kind) if v != old and not _same_value(v, old, kind)]
        if len(news) != 1 or _named_wrong(detail.text, news[0]):
            continue
        new = news[0]
        if _named_wrong(detail.text, old) and _sentence(detail.text, old) == _sentence(
            detail.text, new
        ):
            found.append(ValueChange(old, new, index, index, "named"))
        elif from_to(detail.text, old, new) or quoted_then_changed(
            detail.detail.text, old, new, _said_changed(detail, new)
        ):
            found.append(ValueChange(old, new, index, index, CHANGED))
    return found


def _said_changed(detail: _Read, new: str) -> bool:
    """Whether ``detail`` says ``new`` as a change made: a word of change said of it, not
    only asked for, not one more of its kind."""
    return (
        detail.changes
        and _changed_value(detail, new)
        and not _proposed(detail, new)
        and _ADDED.search(_sentence(detail.text, new)) is None
    )


def fully_replaced(details: Sequence[Detail], changes: Sequence[ValueChange]) -> set[int]:
    """Indexes of the details every value of which ``changes`` replaced."""
    replaced: dict[int, set[str]] = {}
    for change in changes:
        replaced.setdefault(change.older, set()).add(change.old)
    return {
        index
        for index, olds in replaced.items()
        if details[index].values and set(details[index].values) <= olds
    }


def replaced_values(count: int, changes: Sequence[ValueChange]) -> list[list[ReplacedValue]]:
    """For each of ``count`` details, what ``changes`` replaced of its values, as it is
    stored (``Detail.replaced``)."""
    replaced: list[list[ReplacedValue]] = [[] for _ in range(count)]
    for change in changes:
        replaced[change.older].append(change.stored())
    return replaced


def _latest(change: ValueChange, changes: dict[tuple[int, str], ValueChange]) -> ValueChange:
    seen = {(change.older, change.old)}
    latest = change
    while (key := (latest.newer, latest.new)) in changes and key not in seen:
        seen.add(key)
        latest = changes[key]
    return ValueChange(change.old, latest.new, change.older, latest.newer, change.sign)


def _said_again(change: ValueChange, details: Sequence[Detail]) -> bool:
    """Whether a detail after the replacing one says the old value again, as a value of its
    own: then it is current again (or of something else)."""
    return any(
        any(restates(change.old, value) for value in detail.values)
        and not _named_wrong(detail.text, change.old)
        for detail in details[change.newer + 1 :]
    )


@dataclass(frozen=True)
class _Read:
    """A detail read once: its text without speakers and the signs of change it carries."""

    detail: Detail
    text: str
    corrects: bool
    changes: bool
    #: Its values by kind, in order: every newer detail asks for those of its values' kinds.
    by_kind: dict[str, list[str]]
    #: The slots of its values, read once: a detail is compared with every newer one.
    slots: dict[str, _Slot] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, detail: Detail) -> _Read:
        text = without_speakers(detail.text)
        by_kind: dict[str, list[str]] = {}
        for value, kind in zip(detail.values, detail.kinds, strict=False):
            by_kind.setdefault(kind, []).append(value)
        return cls(
            detail,
            text,
            _CORRECTS.search(_APOLOGY.sub(" ", text)) is not None,
            _CHANGED.search(text) is not None,
            by_kind,
        )

    def slot(self, value: str) -> _Slot:
        if value not in self.slots:
            self.slots[value] = _slot(self.text, value, self.detail.values)
        return self.slots[value]

    def speaker(self, value: str) -> str:
        """Who said ``value``: "User", "Assistant" (or "" when no line holds it)."""
        line = next((line for line in self.detail.text.split("\n") if value in line), "")
        return speaker_of(line)

    def values_of(self, kind: str) -> list[str]:
        return self.by_kind.get(kind, [])


def _having(read: Sequence[_Read]) -> dict[str, list[int]]:
    """The indexes of the details with values of each kind, oldest first: a newer value is
    compared with those alone (a detail with none of its kind says nothing of it)."""
    having: dict[str, list[int]] = {}
    for index, detail in enumerate(read):
        for kind in detail.by_kind:
            having.setdefault(kind, []).append(index)
    return having


#: What an older detail says to a newer value: not about it (look further back), about
#: it but with no sign of which value it replaces (look no further), or the value replaced.
_UNRELATED = "unrelated"
_UNCLEAR = "unclear"


def _said_before(change: ValueChange, details: Sequence[Detail]) -> list[tuple[int, str]]:
    """The same old value in the details before the one it was replaced in, in other words
    ("๑ พ.ย." before "1 พ.ย. 2567"): replaced too."""
    kind = details[change.older].kinds[details[change.older].values.index(change.old)]
    return [
        (index, value)
        for index in range(change.older)
        for value, k in zip(details[index].values, details[index].kinds, strict=False)
        if k == kind
        and (
            _plain(value) == _plain(change.old)
            or (kind in SHORTENED_KINDS and restates(value, change.old))
        )
    ]


def _read_back(change: ValueChange, details: Sequence[Detail]) -> list[tuple[int, str]]:
    """A bare number replaced, read back by the message right after it ("so it's 38 for
    catering" → "Got it, 38 for the day delegate package"): the same number, replaced too."""
    older = details[change.older]
    if NUMBER_KIND not in older.kinds or older.kinds[older.values.index(change.old)] != NUMBER_KIND:
        return []
    return [
        (index, value)
        for index in range(change.older + 1, change.newer)
        if details[index].first_position == older.last_position + 1
        for value, kind in zip(details[index].values, details[index].kinds, strict=False)
        if kind == NUMBER_KIND and value == change.old
    ]


def _changes_by(
    details: Sequence[_Read], index: int, having: dict[str, list[int]]
) -> list[ValueChange]:
    """The changes the detail at ``index`` makes to older ones; ``having``: the indexes of
    the details with values of each kind, in order."""
    newer = details[index]
    asked = _with_request(details, index)
    reply = _reply_after(details, index)
    found: list[ValueChange] = []
    for new, kind in zip(newer.detail.values, newer.detail.kinds, strict=False):
        if _named_wrong(newer.text, new):
            continue  # the old value itself, quoted: "instead of the 1st"
        with_kind = having.get(kind, [])
        olders = list(reversed(with_kind[: bisect_left(with_kind, index)]))
        if kind in SHORTENED_KINDS:
            downs = turned_down_for(asked.text, new, kind, reply)
            taken = _turned_down_changes(details, olders, new, kind, downs, index)
            if taken:
                found += taken
                continue
        for older in olders:
            olds = details[older].values_of(kind)
            if any(_same_value(old, new, kind) for old in olds):
                if kind in SHORTENED_KINDS:  # "3pm has gone, I can do 4:30" → "4:30 is fine"
                    first = newer.detail.text.split("\n", 1)[0]
                    offered = details[older].detail.text
                    downs = turned_down_for(offered, new, kind, first)
                    found += _turned_down_changes(details, olders, new, kind, downs, index)
                if not any(change.new == new for change in found):
                    found += _offer_taken(details, olders, older, new, kind, index)
                break  # the newer value was said before: the change, if any, was there
            outcome = (
                _replaced_by(newer, new, kind, details[older], olds, asked) if olds else _UNRELATED
            )
            if isinstance(outcome, tuple):
                found.append(ValueChange(outcome[0], new, older, index, outcome[1]))
                break
            if outcome == _UNCLEAR:
                break
    return found


def _reply_after(details: Sequence[_Read], index: int) -> str:
    """The message after the detail at ``index`` (it may answer the detail's last line),
    its details' first lines as one line (a Thai detail keeps «วันศุกร์ที่ 7» of «ได้ครับ
    วันศุกร์ที่ 7 … ว่างครับ», the next keeps «ว่างครับ»), or ""."""
    last = details[index].detail.last_position
    lines = [
        d.detail.text.split("\n", 1)[0]
        for d in details[index + 1 :]
        if d.detail.first_position == last + 1
    ]
    return " ".join(lines[:1] + [without_speakers(line) for line in lines[1:]])


def _turned_down_changes(
    details: Sequence[_Read],
    olders: Sequence[int],
    new: str,
    kind: str,
    downs: Sequence[str],
    index: int,
) -> list[ValueChange]:
    """The values of the ``olders`` (indexes, newest first) that a value turned down
    (``downs``: "Thursday", "the 12th") names, replaced by ``new`` taken in its place: back
    to where ``new`` was said before, and not of another thing (the check-in's date is
    not the check-out's)."""
    found: list[ValueChange] = []
    for older in olders:
        read = details[older]
        olds = read.values_of(kind)
        named = [old for old in olds if any(_names(down, old) for down in downs)]
        if named and not _other_topics(read.text, details[index].text):
            found += [ValueChange(old, new, older, index, CHANGED) for old in named]
        if any(_same_value(old, new, kind) for old in olds if old not in named):
            break
    return found


def _offer_taken(
    details: Sequence[_Read], olders: Sequence[int], offer: int, new: str, kind: str, index: int
) -> list[ValueChange]:
    """The value a change asked for takes the place of when it takes a value the other
    party offered in the message just before ("Saturday 19 September is available too" →
    "please move us to Saturday 19 September then"): the request's words name the move,
    the offer's words name what it is of ("Saturday 12 September is currently available"),
    so the old value is the one among the offer's words, the newest such before it, alone
    of its kind in its detail. The offer brings the value in: one said before it is kept,
    not taken («نه پس همون از ۱۵ آبان باشه»). ``olders``: indexes newest first; ``offer``:
    the one of them that holds ``new``."""
    newer, offered = details[index], details[offer]
    if not _taken_from(offered, newer, new, kind):
        return []
    before = olders[olders.index(offer) + 1 :]
    if any(
        _same_value(old, new, kind) for older in before for old in details[older].values_of(kind)
    ):
        return []  # no value the offer brought in: said before it ("from 15 Nov as it is")
    around = offered.slot(new)
    for older in before:
        olds = details[older].values_of(kind)
        same = [old for old in olds if _same_slot(around, details[older].slot(old))]
        if same:
            one = len(same) == 1 and len(olds) == 1
            return [ValueChange(same[0], new, older, index, CHANGED)] if one else []
    return []


def _taken_from(offered: _Read, newer: _Read, new: str, kind: str) -> bool:
    """Whether ``newer`` asks for ``new`` with a word of change (and the detail does not
    end on the question) as the other party offered it in the message just before, the
    offer's one value of its kind and no change of its own."""
    if newer.detail.first_position - offered.detail.last_position > 1:
        return False
    if offered.changes or offered.values_of(kind) != [new]:
        return False
    if offered.speaker(new) == newer.speaker(new):
        return False
    return _changed_value(newer, new) and not _proposed(newer, new)


def _names(down: str, old: str) -> bool:
    """Whether a value turned down ("Thursday", «วันพฤหัส») names ``old`` ("Thursday 6
    March at 10am"): a run of its words, or in Thai, written together, its start."""
    if restates(down, old):
        return True
    plain_down, plain_old = _plain(down), _plain(old)
    return bool(_THAI_RUN.match(down)) and plain_old.startswith(plain_down)


def _replaced_by(
    newer: _Read, new: str, kind: str, read: _Read, olds: Sequence[str], asked: _Asked
) -> tuple[str, str] | str:
    """Which of ``olds`` (the values of ``read`` of ``new``'s kind) ``new`` replaces, and
    the sign of it (module doc), or ``_UNRELATED`` / ``_UNCLEAR``."""
    earlier = read.detail
    for old in olds:
        if _named_wrong(newer.text, old):
            return old, "named"
    if kind in COPIED_KINDS:
        around = newer.slot(new)
        for old in olds:
            if _swapped(old, new) and _same_thing(newer.corrects, around, read.slot(old)):
                return old, "swapped"
            if newer.corrects and near_copy(old, new) and not _contrast(around, read.slot(old)):
                return old, "corrected copy"
        for old in olds:
            if (
                near_copy(old, new)
                and _SAYS_NOW.search(_sentence(newer.text, new))
                and _same_thing(False, around, read.slot(old))
            ):
                return old, CHANGED
        near = newer.detail.first_position - earlier.last_position <= CORRECTION_REACH
        if near and len(olds) == 1 and _said_corrected(newer, new, read, olds[0]):
            return olds[0], "corrected"
    if kind == COUNT_KIND and (counted := _count_set_anew(newer, new, read, olds)) is not None:
        return counted, CHANGED
    if kind == NUMBER_KIND and (counted := _count_for_subject(newer, new, read, olds)) is not None:
        return counted, CHANGED
    if (agreed := _agreed(asked, newer, new, kind, read, olds)) is not None:
        return agreed, CHANGED
    if not newer.changes or not any(_changed_value(newer, v) for v in newer.values_of(kind)):
        return _UNRELATED
    if _proposed(newer, new):
        return _UNRELATED
    around_old = {old: read.slot(old) for old in olds}
    news = newer.values_of(kind)
    if len(news) > 1:  # values in pairs ("from 15 Nov to 14 Nov"): by their order, or none
        around_news = [newer.slot(v) for v in news]
        if not any(_same_slot(a, b) for a in around_news for b in around_old.values()):
            return _UNRELATED
        paired = olds[news.index(new)] if len(news) == len(olds) else None
        return (paired, CHANGED) if paired and not _asked(read, newer) else _UNCLEAR
    around_new = newer.slot(new)
    same_slot = [old for old in olds if _same_slot(around_new, around_old[old])]
    if not same_slot:
        return _UNRELATED
    unique = len(same_slot) == 1 and not _asked(read, newer)
    return (same_slot[0], CHANGED) if unique else _UNCLEAR


#: The kind of a count ("24 rooms", «4 ตัว»): its noun says what it counts.
COUNT_KIND = "count"


#: The kind of a bare number ("35"): its words say what it is of.
NUMBER_KIND = "number"


def _count_for_subject(newer: _Read, new: str, read: _Read, olds: Sequence[str]) -> str | None:
    """The one number of ``olds`` that ``new``, a bare number said anew "for X" ("for
    catering it's 35 now", "for the dinner, make it 40"), replaces: the one said in a
    sentence that names X ("so it's 38 for dinner"), alone there; not one said for X and
    another thing too ("38 for catering and dinner": catering's stays), not one of another
    thing ("we only need 4 spaces now"), not a time ("it's 8 now, not half 7"), not asked,
    nor one more."""
    sentence = _sentence(newer.text, new)
    at = sentence.find(new)
    if at < 0:
        return None
    before, after = sentence[:at], sentence[at + len(new) :]
    subject = subject_of_count(before, after)
    if subject is None or not set_anew(before, after) or said_as_time(before, after):
        return None
    # its own clause only: "for catering it's 35 now, one of them can't make it" says 35
    ending = _CLAUSE.search(after)
    clause = before + new + (after[: ending.start()] if ending else after)
    if _ASKS.search(sentence) or _NOT_SO.search(clause) or _ADDED.search(clause):
        return None
    if _proposed(newer, new):
        return None
    named = [old for old in olds if names_subject(_sentence(read.text, old), subject)]
    if len(named) != 1 or _same_value(named[0], new, NUMBER_KIND):
        return None
    old_sentence = _sentence(read.text, named[0])
    said_with = [old for old in olds if _sentence(read.text, old) == old_sentence]
    if said_with != named:
        return None
    # "38 for catering and dinner": a change for dinner alone leaves catering's 38
    old_at = old_sentence.find(named[0])
    also_for = subjects_of_count(old_sentence[:old_at], old_sentence[old_at + len(named[0]) :])
    if not all(names_subject(sentence, other) for other in also_for):
        return None
    return named[0]


def _count_set_anew(newer: _Read, new: str, read: _Read, olds: Sequence[str]) -> str | None:
    """The one count of ``olds`` (of ``read``) of the noun ``new`` counts, when ``newer``
    says ``new`` is what it comes to now (``count_changes``): "That takes you to 28 rooms"
    of "we can hold 24 rooms"; not asked, refused, one more of its kind, nor of another
    thing the words around them name; a Thai count's unit is a classifier («ตัว» of chairs
    and of legs), so the noun before the two numbers must be one."""
    counted = [old for old in olds if same_counted(old, new)]
    if len(counted) != 1 or _same_value(counted[0], new, COUNT_KIND):
        return None
    around_new, around_old = newer.slot(new), read.slot(counted[0])
    if _THAI_RUN.search(what_is_counted(new)):
        # a Thai count names its noun right before the number («ลดเก้าอี้เหลือ 2 ตัว»): the
        # verbs before it differ (no contrast read there), the noun must be one
        before_new, before_old = _sides(around_new)[0], _sides(around_old)[0]
        if not _share(frozenset(before_new), frozenset(before_old)):
            return None
    elif _contrast(around_new, around_old):
        return None
    before, after, _ = _segment(newer.text, new, newer.detail.values)
    if not set_anew(before, after) and not _said_changed(newer, new):
        return None
    if _not_stated(newer, new) or _added(newer, new) or _proposed(newer, new):
        return None
    return counted[0]


@dataclass(frozen=True)
class _Asked:
    """A detail's text read for a change asked for and agreed to, with the end of the message
    before it when the detail goes on with that message (a request and its "sure" are one
    detail, "the doctor is in on Sunday 5 Jan" that follows the "sure" is the next), and
    where it starts."""

    text: str
    first_position: int


def _with_request(details: Sequence[_Read], index: int) -> _Asked:
    """The detail at ``index`` as ``_Asked`` reads it."""
    newer = details[index].detail
    if index == 0:
        return _Asked(newer.text, newer.first_position)
    before = details[index - 1].detail
    last = before.text.rsplit("\n", 1)[-1]
    first, *rest = newer.text.split("\n")
    if before.last_position != newer.first_position or speaker_of(last) != speaker_of(first):
        return _Asked(newer.text, newer.first_position)
    joined = f"{before.text} {without_speakers(first)}"
    return _Asked("\n".join([joined, *rest]), before.first_position)


def _agreed(
    asked: _Asked, newer: _Read, new: str, kind: str, read: _Read, olds: Sequence[str]
) -> str | None:
    """The value of ``olds`` that ``new`` replaces as a change one party asked for and the
    other agreed to (``agreed_change``), said just before the request: one value (said in
    any words), not of another thing, and ``new`` the last of its kind the detail says
    (the agreement's "Saturday 7 Dec, 10am" of a request for "Saturday")."""
    if asked.first_position - read.detail.last_position > REQUEST_REACH:
        return None
    if newer.values_of(kind)[-1] != new or not agreed_change(asked.text, new):
        return None
    if any(not _same_value(old, olds[-1], kind) for old in olds) or _numbers_kept(olds[-1], new):
        return None
    if _of_its_own_subject(newer, new):
        return None
    return None if _other_topics(read.text, without_speakers(asked.text)) else olds[-1]


#: A value said as some named thing's: "the total is £85", "full cover is £15 a day" (its
#: "a day" too); not "it is", "that's".
_OWN_SUBJECT = re.compile(
    r"(?<![A-Za-z'])(?!(?:it|that|this|which)\s)[A-Za-z]+\s+(?:is|are|costs?|comes\s+to)\s+(?:\S*\d\S*\s+)?$",
    re.IGNORECASE,
)


def _of_its_own_subject(newer: _Read, new: str) -> bool:
    """Whether the agreement says ``new`` as the value of a thing it names: "card rather
    than cash?" "sure, the total is £85 with the card fee" is the total's, not the change
    of the jacket's £80 asked for; "Sure, Friday 6 March at 9am" is the change."""
    sentence = _sentence(newer.detail.text, new)
    return _OWN_SUBJECT.search(sentence, 0, max(sentence.find(new), 0)) is not None


#: Topics that are a kind of another here: a follow-up («นัดติดตามอาการ») is an appointment,
#: and the doctor's day agreed for it («หมอเข้าวันอาทิตย์ 5 ม.ค.») its new day.
_KIND_OF = {"follow_up": "appointment"}


def _other_topics(one: str, other: str) -> bool:
    """Whether two texts name what their values are of, and nothing in common: the
    check-in's date is not the check-out's, «ورود» not «خروج»."""
    ones = {_KIND_OF.get(topic.name, topic.name) for topic in topics_named(one)}
    others = {_KIND_OF.get(topic.name, topic.name) for topic in topics_named(other)}
    return bool(ones) and bool(others) and not ones & others


def _numbers_kept(old: str, new: str) -> bool:
    """Whether ``new`` says every number of ``old``: "the 23rd" said again as "11am on Nov 23"
    is the same day, whatever changed beside it."""
    numbers = {_plain(n) for n in _DIGITS.findall(old)}
    return bool(numbers) and numbers <= {_plain(n) for n in _DIGITS.findall(new)}


def _said_corrected(newer: _Read, new: str, read: _Read, old: str) -> bool:
    """Whether ``new`` is said as the right value instead of ``old`` (module doc): a word
    of correction in its sentence, not one more of its kind, not asked, not an agent's
    value after the customer's, and among ``old``'s words (or none of its own)."""
    sentence = _APOLOGY.sub(" ", _sentence(newer.text, new))
    if not _CORRECTS.search(sentence) or _ADDED.search(sentence) or _proposed(newer, new):
        return False
    if read.speaker(old) == "User" and newer.speaker(new) == "Assistant":
        return False
    around = newer.slot(new)
    return not around.terms or _same_slot(around, read.slot(old))


#: Where a sentence ends: "?", "!", or a stop before a space (not a Thai abbreviation's,
#: «ต.ค. 67», nor a decimal point's).
_SENTENCE_END = re.compile(r"[!?؟]+(?:\s|$)|(?<![\u0e00-\u0e7f])\.(?:\s|$)")


def _sentence(text: str, value: str) -> str:
    """The sentence of ``text`` ``value`` stands in (from its line)."""
    line = next((line for line in text.split("\n") if value in line), "")
    at = line.find(value)
    if at < 0:
        return ""
    start = max([m.end() for m in _SENTENCE_END.finditer(line, 0, at)], default=0)
    ends = [m.start() for m in _SENTENCE_END.finditer(line, at + len(value))]
    return line[start : ends[0] + 1 if ends else len(line)]


def _proposed(newer: _Read, new: str) -> bool:
    """Whether ``new`` is only asked for, with no answer after it in the detail: "can we
    move it to the 1st?" changes nothing until it is done."""
    lines = newer.text.split("\n")
    return new in lines[-1] and is_question(lines[-1])


def _asked(read: _Read, newer: _Read) -> bool:
    """Whether ``read`` asked for the change ``newer`` makes, just before it: "move it to
    4pm?" then "moved to 16:00" is one value in two words, not a change of it."""
    return read.changes and newer.detail.first_position - read.detail.last_position <= 1


def _named_wrong(text: str, value: str) -> bool:
    """Whether ``text`` names ``value`` (or a distinctive part of it) as the wrong one:
    "not 418" of "07700 900418", "not XRT" of "KP16 XRT", «ไม่ใช่ กข» of "7กข 4821"; a
    word of it, or the end of one of its numbers, not any letters of it ("not be" is no
    part of "between 8am and 1pm")."""
    named_wrong = _named_after_negation(text)
    if not named_wrong:
        return False  # most texts name nothing as wrong
    words = [_plain(word) for word in re.split(r"[^\w]+", value) if word]
    for named in named_wrong:
        if any(
            word == named
            or (word.endswith(named) and named.isdigit())
            or _thai_part_of(named, word)
            for word in words
        ):
            return True
    return False


@lru_cache(maxsize=4096)  # a detail's text is read against each of its values and older ones'
def _named_after_negation(text: str) -> tuple[str, ...]:
    """What ``text`` names after a negation ("not 418", «نه ۱۲»), ``_plain``, two characters
    or more, in order."""
    named = (_plain(match.group(1)) for match in _NEGATION.finditer(text))
    return tuple(word for word in named if len(word) >= 2)


def _thai_part_of(named: str, word: str) -> bool:
    """Thai letters of a value written together with its digits: «กข» of «7กข»."""
    return _THAI_RUN.fullmatch(named) is not None and named in word


@lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    """Letters and digits only, digits in ASCII, case folded."""
    return "".join(
        str(unicodedata.digit(c)) if c.isdigit() else c for c in text.casefold() if c.isalnum()
    )


@lru_cache(maxsize=4096)  # a detail's values are compared with every newer one's
def _same_value(one: str, other: str, kind: str = "") -> bool:
    """One value in other words: one a run of the other's words ("1 Nov" of "1 Nov 2024"),
    or the same numbers (with the letters written with them: "Apt 5B" is not "Apt 5D") in
    the same order among mostly the same words (an address said again with "to" before
    it)."""
    if restates(one, other) or restates(other, one):
        return True
    if kind != "address":
        return False
    numbers = [_plain(n) for n in _NUMBERED.findall(one)]
    if not numbers or numbers != [_plain(n) for n in _NUMBERED.findall(other)]:
        return False
    words, others = set(_WORDS.findall(one.casefold())), set(_WORDS.findall(other.casefold()))
    return len(words & others) * 2 >= min(len(words), len(others))


_DIGITS = re.compile(r"\d+")
#: A number with the letters written with it: "Apt 5B" is not "Apt 5D".
_NUMBERED = re.compile(r"\w*\d\w*")
_WORDS = re.compile(r"[^\W\d_]+")


def _swapped(old: str, new: str) -> bool:
    """Two neighbouring characters of ``old`` swapped: "45821" and "45281"."""
    a, b = _plain(old), _plain(new)
    if len(a) != len(b) or len(a) < MIN_COPY_CHARS or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]


def _same_thing(corrects: bool, around: _Slot, earlier: _Slot) -> bool:
    """Whether a value swapped from an older one is of the same thing: said as a
    correction, or named by nothing the older one's words lack, or by words they share
    with no contrast between them (a Thai slot counts letters in threes, so "ไฟฟ้าคือ"
    has words "ไฟฟ้า" lacks: the contrast tells them apart, not the words alone)."""
    if corrects or around.terms <= earlier.terms:
        return True
    return bool(around.terms & earlier.terms) and not _contrast(around, earlier)


def near_copy(old: str, new: str) -> bool:
    """``new`` is ``old`` with a few characters changed, added or left out."""
    a, b = _plain(old), _plain(new)
    if min(len(a), len(b)) < MIN_COPY_CHARS or a == b:
        return False
    return _edits(a, b) <= max(MAX_COPY_EDITS, min(len(a), len(b)) // 4)


def _edits(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]


#: Where a clause ends; a Thai abbreviation's stop («อา. 13 ต.ค.») is no end.
_CLAUSE = re.compile(r"[;!?؟،؛,]\s|(?<![\u0e00-\u0e7f])\.\s|\n")


def _changed_value(newer: _Read, new: str) -> bool:
    """Whether the change ``newer`` speaks of is ``new``'s (or, of a pair of values, its
    pair's: "moved to start 15 Nov, end 14 Nov"): said next to it, or where the message
    opens ("Done, changed: …"); not "haven't changed my surname, her number is …"."""
    before, after, _ = _segment(newer.text, new, newer.detail.values)
    segment = before + " " + after
    line = next((line for line in newer.text.split("\n") if new in line), "")
    opening = _CLAUSE.split(line, maxsplit=1)[0]
    return bool(_CHANGED.search(segment) or (new not in opening and _CHANGED.search(opening)))


def _segment(text: str, value: str, values: Sequence[str]) -> tuple[str, str, str]:
    """The words next to ``value``, before it and after it: in its clause, from the value
    before it to the value after it ("the contract starts 1 Nov, ends 31 Oct": "starts"
    is the first date's, "ends" the second's); and the line before (an answer's
    question)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        at = line.find(value)
        if at < 0:
            continue
        start = max([m.end() for m in _CLAUSE.finditer(line, 0, at)], default=0)
        ends = [m.start() for m in _CLAUSE.finditer(line, at + len(value))]
        end = ends[0] if ends else len(line)
        spans = [(o, o + len(v)) for v in values if v != value and (o := line.find(v)) >= 0]
        start = max([e for o, e in spans if e <= at], default=start)
        end = min([o for o, e in spans if o >= at + len(value)], default=end)
        question = lines[index - 1] if index else ""
        return line[start:at], line[at + len(value) : end], question
    return "", "", ""


@dataclass(frozen=True)
class _Slot:
    """The content terms next to a value (``_segment``) without values and the words of
    change, and the same terms in the order they are said, ``""`` where the value stands
    (an answer with no word of its own, "User: 84,312", takes its question's)."""

    terms: frozenset[str]
    order: tuple[str, ...]


def _slot(text: str, value: str, values: Sequence[str]) -> _Slot:
    before, after, question = (_bare(part, values) for part in _segment(text, value, values))
    terms = _terms(before + " " + after)
    if not terms:
        return _Slot(frozenset(_terms(question)), tuple(_ordered(question)))
    return _Slot(frozenset(terms), (*_ordered(before), "", *_ordered(after)))


def _terms(bare: str) -> set[str]:
    whole = {f"={run}" for run in _THAI_RUN.findall(bare) if len(run) == THAI_NGRAM}
    return whole | set(_ordered(bare))


def _ordered(bare: str) -> list[str]:
    """The content terms of ``bare`` (``_bare``) in the order said."""
    return [
        _stem(term)
        for term in content_terms(bare)
        if len(term) > 1
        and not term.isdigit()
        and term not in RELATIVE_DAYS
        and term not in GENERAL_WORDS
        and not _THAI_MIDDLE.match(term)
    ]


def _bare(text: str, values: Sequence[str]) -> str:
    """``text`` without ``values`` and the words of change and correction, case folded."""
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    folded = joined_compounds(text).casefold()
    for word in (*CHANGE_WORDS, *CORRECTION_WORDS, *_THAI_GENERAL):
        folded = folded.replace(word, " ")
    return folded


#: Words sharing this many first letters are one ("collected", "collection").
STEM_CHARS = 6


def _stem(term: str) -> str:
    return term[:STEM_CHARS] if term.isascii() else term


_THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+")
#: Thai trigrams two details must share to be about one thing: a trigram alone is as
#: often a piece of two different words («ประมาณ», «ประกัน»), unless it is a word alone.
MIN_THAI_SHARED = 2


def _same_slot(one: _Slot, other: _Slot) -> bool:
    """Whether two values stand among the same words (``_share``) of one thing."""
    return _share(one.terms, other.terms) and not _contrast(one, other)


def _contrast(one: _Slot, other: _Slot) -> bool:
    """Whether two slots name two things of one name: a word they share with, next to it
    on the same side, a word each has and the other has not ("son's dental appointment"
    and "daughter's dental appointment", «نوبت دندانپزشکی پسرم» and «…دخترم», «ค่าส่งไป
    เชียงใหม่» and «…ภูเก็ต»). A word of one alone is no other thing ("put you down for
    5pm collection", "changed your collection to 5:45")."""
    for at, term in enumerate(one.order):
        if not term or term not in other.terms:
            continue
        for other_at in (i for i, t in enumerate(other.order) if t == term):
            for step in (1, -1):
                if _own_next(one.order, at, step, other.terms) and _own_next(
                    other.order, other_at, step, one.terms
                ):
                    return True
    return False


def _own_next(order: Sequence[str], at: int, step: int, others: frozenset[str]) -> bool:
    """Whether the terms next to ``order[at]`` (on the side ``step`` goes) are words the
    other slot (``others``) has not: one word, or a Thai word's trigrams
    (``MIN_THAI_SHARED``; one trigram is as often a piece of a shared word)."""
    run: list[str] = []
    index = at + step
    while 0 <= index < len(order) and order[index] and order[index] not in others:
        run.append(order[index])
        index += step
    if not run:
        return False
    thai = all(_THAI_RUN.fullmatch(term) for term in run)
    return len(run) >= (MIN_THAI_SHARED if thai else 1)


def _share(one: frozenset[str], other: frozenset[str]) -> bool:
    shared = one & other
    if any(not _THAI_RUN.fullmatch(term.lstrip("=")) for term in shared):
        return True  # a word of another script
    wholes = {t[1:] for t in (one | other) if t.startswith("=")}
    grams = {t for t in shared if not t.startswith("=")}
    return len(grams) >= MIN_THAI_SHARED or bool(grams & wholes)


def said_anew(details: Sequence[Detail]) -> set[int]:
    """Indexes of ``details`` (oldest first) every value of which a newer detail says anew:
    a different value of the same kind among the same words on the same side of it
    (``_same_side``), not said as one more ("too", "additional", «هم», «อีก») nor as another
    choice offered ("another option is …", «گزینه دیگه»), and the value
    itself not said again since. No sign says the change ("Saturday 12 September is
    available" … "Saturday 19 September is available, I've put the hold on it"), so nothing
    is marked: the context only shows such a detail after the others."""
    read = [_Read.of(detail) for detail in details]
    having = _having(read)
    found: set[int] = set()
    for index, older in enumerate(read):
        values = list(zip(older.detail.values, older.detail.kinds, strict=False))
        if values and all(
            _said_anew_value(read, index, value, kind, having) for value, kind in values
        ):
            found.add(index)
    return found


def _said_anew_value(
    read: Sequence[_Read], index: int, value: str, kind: str, having: dict[str, list[int]]
) -> bool:
    older = read[index]
    anew = False
    for newer_index in having.get(kind, []):
        if newer_index <= index:
            continue
        newer = read[newer_index]
        said_again = says_anew = False
        for new in newer.values_of(kind):
            if restates(value, new) or (restates(new, value) and _DIGITS.search(new)):
                said_again = True  # said again ("۵ میلیون" of "۵ میلیون تومان")
                continue
            if _same_value(value, new, kind):
                continue  # a part naming no number ("Saturday" of "Saturday 12 September")
            if _added(newer, new) or _not_stated(newer, new) or _alternative(newer, new):
                continue  # one more ("an additional checked bag is $70"), asked, refused, other
            if _same_side(newer.slot(new), older.slot(value)):
                says_anew = True
        if said_again:
            anew = False  # current again, whatever was said before
        elif says_anew:
            anew = True
    return anew


#: A value said not to be so: "not available", "can't", «نمیشه», «نیست», «ไม่ได้», «เต็ม».
#: Word-bounded: «پر» (full) begins «پرواز» and «پرداخت».
_NOT_SO = re.compile(
    r"(?<![A-Za-z])(?:not|no\s+longer|isn't|aren't|wasn't|can't|cannot|won't|unavailable"
    r"|fully\s+booked|unfortunately)(?![A-Za-z])"
    rf"|(?<![{FA_LETTERS}])(?:نمی|نیست|نداریم|نداره|متاسفانه|متأسفانه|پره(?![{FA_LETTERS}]))"
    r"|ไม่(?!มีปัญหา)|เต็ม",
    re.IGNORECASE,
)

#: A sentence that asks: its mark, or a Thai question word at its end («ว่างไหมคะ»); not
#: ``is_question``, which reads a request too («ช่างแจ้งว่า…»: the technician says).
_ASKS = re.compile(r"[?؟]\s*$|(?:ไหม|มั้ย|หรือเปล่า|หรือยัง)\s*(?:คะ|ครับ|ค่ะ)?\s*$|(?<!นะ)คะ\s*$")


def _not_stated(newer: _Read, new: str) -> bool:
    """Whether ``new`` is only asked about or refused in its sentence ("Is Saturday 19
    September available?", "19 September is not available", «ساعت ۱۵ نمیشه», «15:00 น.
    ไม่ได้»): it says no value in place of another."""
    sentence = next((s for s in split_sentences(newer.text) if new in s), "")
    return _ASKS.search(sentence) is not None or _NOT_SO.search(sentence) is not None


def _added(newer: _Read, new: str) -> bool:
    """Whether ``new`` is said as one more of its kind, in the words next to it."""
    before, after, _ = _segment(newer.text, new, newer.detail.values)
    return _ADDED.search(f"{before} {after}") is not None


#: A sentence that offers another choice beside the one taken: "another option is …",
#: «یه گزینه دیگه اینه که …», «อีกทางเลือกคือ …».
_ALTERNATIVE = re.compile(
    r"\b(?:another|other) (?:option|choice)s?\b|\balternatively\b"
    r"|(?:گزینه|راه)(?:\u200c|\s)*(?:ی\s+)?دیگ"
    r"|ทางเลือกอื่น|อีกทางเลือก|ตัวเลือกอื่น|อีกตัวเลือก",
    re.IGNORECASE,
)


def _alternative(newer: _Read, new: str) -> bool:
    """Whether ``new`` is offered as another choice, in its sentence: the suite's price is
    not said anew by "another option is a single room for them, 2.9m a night"."""
    return _ALTERNATIVE.search(_sentence(newer.text, new)) is not None


def _same_side(one: _Slot, other: _Slot) -> bool:
    """Whether two values stand among the same words on the same side of them ("finished
    around 17:00", "fitted and finished around 18:30"), and no contrast between them: the
    fee "deducted from the refund" is not the refund."""
    if _contrast(one, other):
        return False
    return any(
        _share(frozenset(side), frozenset(other_side))
        for side, other_side in zip(_sides(one), _sides(other), strict=True)
    )


#: Words that say by when, not of what: "within 7 days" of sending a proof is not "within 45
#: days" of a refund.
_DEADLINE_TERMS = frozenset(_ordered(_bare("within ظرف طی ภายใน", ())))


def _sides(slot: _Slot) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The terms of ``slot`` before its value and after it (a question's are before), less
    the words of a deadline."""
    order = tuple(term for term in slot.order if term not in _DEADLINE_TERMS)
    if "" not in order:
        return order, ()
    at = order.index("")
    return order[:at], order[at + 1 :]
