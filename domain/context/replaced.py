"""Summaries that still quote a replaced value say so.

A summary is written once and then carried forward; the facts move on. When a
customer moves ("my new address is 7 Zand Boulevard"), a summary written
before may still say "delivered to 12 Elm Street". The context never shows an
old value as current: where a summary quotes a fact's earlier value, the
current one follows it: "12 Elm Street (replaced by 7 Zand Boulevard)".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from domain.context.cut_turns import without_empty_cut
from domain.context.echoed_values import echoes
from domain.context.fact_order import subject
from domain.context.fact_subjects import about
from domain.context.held_values import CurrentValues, held
from domain.context.needles import Needles, each_present
from domain.context.repeated_notes import without_repeated_notes
from domain.context.value_sorts import quoted_sort, same_shape, same_sort, time_of_day
from domain.context.value_writings import other_writings
from domain.memory.offline.lexicon import RELATIVE_DAYS, word_set
from domain.memory.offline.values import find_values
from domain.tokens import ELLIPSIS, fit_to_budget
from schemas.memory_model import Fact, ReplacedValue

#: Values this short ("3", "Tue") would be marked wherever they happen to occur.
MIN_MARKED_CHARS = 4


#: After a value the conversation named as old ("instead of $189.00") with no fact to name
#: its replacement.
OLD_NOTE = " (replaced)"


def replaced_note(current: str) -> str:
    return f" (replaced by {' '.join(current.split())})"


_MARK = re.compile(r" \(replaced[^)]*\)")

#: How near another word of the old value a distinctive word must stand to be part of it.
NEARBY_CHARS = 40


def mark_replaced(text: str, facts: Sequence[Fact], old_values: Sequence[str] = ()) -> str:
    """``text`` with every earlier value of ``facts`` that it quotes marked as replaced
    (``ReplacedMarks``; build one of those to mark many texts against the same facts)."""
    return ReplacedMarks(facts, old_values).mark(text)


@dataclass(frozen=True)
class _Replaced:
    old: str
    fact: Fact
    note: str
    #: Other facts whose current value is ``old`` said again.
    holders: tuple[str, ...]
    #: What a text must hold for ``old`` to be marked in it: the value, or the word
    #: ``_mark_distinctive`` looks for (checked before any pattern: most texts hold neither).
    needles: tuple[str, ...]
    #: Other facts' current values that hold the word ``_mark_distinctive`` looks for:
    #: where one of them stands, the word is that value's ("ساعت ۹:۱۵" of a flight's date
    #: still at 9:15, when its departure time alone moved).
    held_by: tuple[str, ...] = ()
    #: A time of day of a fact that is no opening hour: not marked where a clause says
    #: when a place opens or closes (``_mark_outside_hours``).
    hours_apart: bool = False
    #: ``old`` is another writing of the value the fact keeps (``other_writings``): marked
    #: only where quoted whole, since its words are the fact's value's words, which a
    #: partial quote (``_mark_distinctive``) already looks for.
    whole_only: bool = False
    #: ``old`` is a bare number the fact keeps written with other separators ("1,500" of
    #: "1500"): marked only beside its subject (``_mark_beside_subject``), since a bare
    #: number is any amount's ("Deposit of 1,500" beside a total that was 1500).
    beside_subject: bool = False


class ReplacedMarks:
    """The replaced values of ``facts`` (and the values the conversation named as old, and
    those a newer detail replaced, as the folds stored them: ``Detail.replaced``), worked
    out once: which old values to mark, with which note, is the same for every text a
    context marks, and deciding it is most of the work.

    A summary may quote an old value only in part (a sentence cut at a clause, a Thai
    address split at its spaces): then the old value's first distinctive word (one with
    a digit, or of five letters or more, that the current value does not have) is
    marked where another word of the old value stands near it.
    """

    def __init__(
        self,
        facts: Sequence[Fact],
        old_values: Sequence[str] = (),
        detail_replaced: Sequence[ReplacedValue] = (),
    ) -> None:
        # Which facts hold an old value as current is asked of every old value: the
        # current values are indexed once (``CurrentValues``).
        current = CurrentValues([fact.value for fact in facts])
        self._replaced = [
            _replaced(fact, written, newer, facts, current, kept=kept)
            for fact in facts
            for whole, newer in _replacements(fact)
            for kept in [_without_current_part(whole, fact, facts)]
            for written in _writings_to_mark(kept, newer)
        ]
        # a value a newer detail replaced (``detail_replaced``); one it changed (not a typo
        # put right, which is nobody's value) unless a fact holds it as current; none a
        # fact's history holds: the fact marks it, with its own current value
        earlier = [e.value.strip() for fact in facts for e in fact.history]
        detail_olds = [
            (written, replaced.new, replaced_note(replaced.new), written != replaced.old)
            for replaced in detail_replaced
            for written in (replaced.old, *other_writings(replaced.old))
            if _markable(written)
            and same_sort(replaced.old, replaced.new)
            and not echoes(replaced.old, replaced.new)
            and (replaced.corrected or not current.holding(replaced.old))
            and not any(held(replaced.old, e) or held(e, replaced.old) for e in earlier)
        ]
        # a relative day ("today", «امروز») is no value of its own: the day a delivery was
        # moved from is not the "today" of the shop's hours
        named_old = [
            written
            for old in old_values
            if len(old) >= MIN_MARKED_CHARS and old.casefold() not in RELATIVE_DAYS
            for written in (old, *other_writings(old))
            if len(written) >= MIN_MARKED_CHARS and not current.restating(written)
        ]
        # What ``mark`` does to a text, in order: each step changes only a text that holds
        # one of its needles (``each_present`` looks at those steps alone).
        steps: list[tuple[tuple[str, ...], Callable[[str], str]]] = [
            (item.needles, partial(_mark_replaced, item)) for item in self._replaced
        ]
        steps += [
            (
                _cased(old),
                partial(_mark_if_quoted_whole if other else _mark_if_quoted, old, new, note),
            )
            for old, new, note, other in detail_olds
        ]
        steps += [(_cased(old), partial(_mark_if_named, old)) for old in named_old]
        self._steps = [step for _, step in steps]
        self._needles = Needles([needles for needles, _ in steps])
        #: The old values ``mark_detail`` looks for a detail's values in, one a line: a value
        #: in none of them needs no closer look.
        self._unheld_olds = "\n".join(item.old for item in self._replaced if not item.holders)

    def mark(self, text: str) -> str:
        marked = each_present(self._needles, text, lambda index, text: self._steps[index](text))
        return without_repeated_notes(marked)

    def mark_detail(self, text: str, values: Sequence[str]) -> str:
        """``text`` marked (``mark``), and a value of the detail that a fact's earlier value
        holds as a whole word or number marked too: the detail "User: 79,000" quotes the
        mileage "79,000 miles" that "84,312 miles" replaced, worded shorter. Not where the
        detail states the current value too: "it's 0161 496 0723, not 0732" says the change
        itself, and a note there would name the value beside it."""
        text = self.mark(text)
        for value in values:
            if not _markable(value) or value + " (replaced" in text:
                continue
            if value not in self._unheld_olds:
                continue  # in no old value the loop below would look at
            for item in self._replaced:
                if item.holders or value not in item.old or value in item.fact.value:
                    continue
                if _quotes_whole(_MARK.sub("", text), item.fact.value.strip()):
                    break  # the detail states the current value too: it says the change
                if _quotes_whole(item.old, value):
                    text = (
                        _mark_beside_subject(text, value, item.fact.key, item.note)
                        if _short_time(value)
                        else _mark(text, value, item.note, item.fact.value)
                    )
                    break
        return without_repeated_notes(text)


def _writings_to_mark(old: str, newer: Fact) -> list[str]:
    """``old`` and its other writings (``other_writings``: «۱۲۰» and "120", "1,890" and
    "1890", "2pm" and "14:00") that are long enough to mark and are no newer value said
    again: a summary may quote the old value in any of them."""
    return [
        written
        for written in (old, *other_writings(old))
        if (_markable(written) or _short_name(written) or _short_number(written))
        and not held(written, newer.value)
        and not echoes(written, newer.value)
    ]


def _replaced(
    fact: Fact,
    old: str,
    newer: Fact,
    facts: Sequence[Fact],
    current: CurrentValues,
    *,
    kept: str,
) -> _Replaced:
    """What marking ``old``, an earlier value of ``fact`` (``kept``, or another writing of
    it), takes: ``newer`` replaced it."""
    whole_only = old != kept
    word = [] if whole_only else _distinctive_words(old, newer.value)[:1]
    return _Replaced(
        old,
        newer,
        replaced_note(newer.value),
        tuple(facts[i].key for i in current.holding(old) if facts[i].key != fact.key),
        (*_cased(old), *word),
        held_by=_holding_word(facts, word[0], fact.key) if word else (),
        hours_apart=time_of_day(old) and not _HOURS_KEY.search(fact.key),
        whole_only=whole_only,
        beside_subject=whole_only and _regrouped_number(old, kept),
    )


#: A bare number, with or without thousands separators.
_BARE_NUMBER = re.compile(r"\d+(?:[,٬]\d{3})*")


def _regrouped_number(written: str, kept: str) -> bool:
    """``written`` is ``kept``, a bare number, with its thousands separators put in or
    taken out ("1,500" of "1500")."""
    bare = [_BARE_NUMBER.fullmatch(value) is not None for value in (written, kept)]
    grouped = {any(sep in value for sep in ",٬") for value in (written, kept)}
    return all(bare) and len(grouped) == 2


def _replacements(fact: Fact) -> list[tuple[str, Fact]]:
    """Each earlier value of ``fact`` with what replaced it: the fact as it is now, or, for
    a value of another sort than the current one (``same_sort``: "14 rooms" in the
    history of "130 guests"), the newest value of its own sort after it, as if that were
    current ("14 rooms" replaced by "10 rooms"); a value no later one of its sort
    follows replaced nothing that the history can tell, and is left unmarked."""
    chain = [earlier.value.strip() for earlier in fact.history] + [fact.value]
    pairs = []
    for index, old in enumerate(chain[:-1]):
        newer = next(
            (
                v
                for v in reversed(chain[index + 1 :])
                if same_sort(old, v) and not _sentence_for(old, v)
            ),
            None,
        )
        if newer is not None:
            pairs.append(
                (old, fact if newer == fact.value else fact.model_copy(update={"value": newer}))
            )
    return pairs


#: Words, or characters (Thai has few spaces), of a sentence, not a value: "I definitely
#: didn't call anyone abroad", «ฉันไม่ได้โทรไปต่างประเทศเลยค่ะ».
MIN_SENTENCE_WORDS = 4
MIN_SENTENCE_CHARS = 24


def _sentence_for(old: str, newer: str) -> bool:
    """Whether ``newer`` is a sentence stating no value where ``old`` states one: a fact
    the extractor gave the user's next words ("it's £51.49 this month", then "I definitely
    didn't call anyone abroad") did not replace the amount, and a note naming the sentence
    as the amount's replacement misleads."""
    return (
        (len(newer.split()) >= MIN_SENTENCE_WORDS or len(newer) >= MIN_SENTENCE_CHARS)
        and not find_values(newer)
        and bool(find_values(old))
    )


#: The word that joins a date to its hours ("Thursday 14 March, between 8am and 1pm",
#: «شنبه ساعت ۵», «วันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น.»).
_JOINING_WORD = re.compile(r"[\s,،]*(?:\b(?:between|from|at)|ساعت|از|ช่วง|เวลา)?[\s,،]*$", re.I)


def _without_current_part(old: str, fact: Fact, facts: Sequence[Fact]) -> str:
    """``old`` up to the part of it another fact of its subject still holds as current:
    "วันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น." moved to Sunday in the same slot, with
    "13.00-15.00 น." the installation time now, was replaced in its day only; marked whole,
    the note would call the slot that stays an old value."""
    for other in facts:
        if other.key == fact.key or subject(other.key) != subject(fact.key):
            continue
        kept = other.value.strip()
        at = old.find(kept) if len(kept) >= MIN_MARKED_CHARS else -1
        if at > 0 and kept not in fact.value:
            head = _JOINING_WORD.sub("", old[:at])
            if any(ch.isdigit() for ch in head):
                return head
    return old


def _quotes_whole(text: str, value: str) -> bool:
    """Whether ``text`` quotes ``value`` as a whole word or number: "12pm" does not quote
    "2pm", nor "19 March" "9 March"."""
    return bool(value) and bool(re.search(r"(?<![\w.,٬])" + re.escape(value) + r"(?![\w])", text))


def _mark_replaced(item: _Replaced, text: str) -> str:
    """``text`` with ``item``'s old value marked where it quotes it (``ReplacedMarks``)."""
    if not any(needle in text for needle in item.needles):
        return text
    if re.search(re.escape(item.old) + r" \(replaced", text):
        return text  # marked already
    if _short_number(item.old):
        return _mark_beside_unit(text, item)
    if item.holders:  # also another subject's current value: "ใบละ 4,500 บาท" a price
        return _mark_in_sentences_about(
            text, item.old, item.fact, item.note, item.holders, whole_only=item.whole_only
        )
    if item.hours_apart:
        return _mark_outside_hours(text, item)
    return _mark_one(item, text)


def _mark_one(item: _Replaced, text: str) -> str:
    current = item.fact.value.strip()
    if item.fact.key.endswith("_name") and _quotes_whole(text, current):
        # a sentence that names the person who holds a role now beside the one who held it
        # says the change itself ("Megan is off that day, so Gareth will show you round"):
        # a note there would stand beside the sentence's other values as if it were theirs
        pieces = _SENTENCE_BREAK.split(text)
        for index in range(0, len(pieces), 2):  # the odd ones are the breaks
            if not _quotes_whole(pieces[index], current):
                pieces[index] = _mark_one_in(item, pieces[index])
        return "".join(pieces)
    return _mark_one_in(item, text)


def _mark_one_in(item: _Replaced, text: str) -> str:
    if _short_time(item.old) or item.beside_subject:
        return _mark_beside_subject(text, item.old, item.fact.key, item.note)
    if item.whole_only:
        return _mark(text, item.old, item.note, item.fact.value)
    return _mark_quoted(text, item.old, item.fact.value, item.note, item.held_by)


def _holding_word(facts: Sequence[Fact], word: str, key: str) -> tuple[str, ...]:
    """The current values of ``facts`` other than ``key``'s that say ``word``."""
    return tuple(
        fact.value.strip()
        for fact in facts
        # a value that is the word alone ("Tuesday" for a bin day) proves nothing: the
        # word quoted beside it is the old value as often as it is that one
        if fact.key != key
        and word in fact.value
        and fact.value.strip() != word.strip()
        and _says_word(fact.value, word)
    )


#: Words that say when a place is open: a time of day beside them is its opening or
#: closing hour, not an appointment's ("the shop closes at 1pm", «تا ساعت ۶ بازه»,
#: «ร้านปิดบ่ายโมง»).
_OPENING_HOURS = re.compile(
    # "open until 1pm", "closes at 5", "opening hours"; not "when we open the new clinic",
    # "close the ticket", "the house will be open"
    r"\b(?:open|opens|close|closes|shut|shuts)\s+(?:at|from|until|till|til|by|between)\b"
    r"|\b(?:opening|closing)\s+(?:hours|time|times)\b|\bopen\s+\d"
    # "the store closes 14:00", "we shut 5pm"
    r"|\b(?:opens|close|closes|shut|shuts)\s+\d"
    r"|(?<![\u0600-\u06ff])(?:باز|بازه|تعطیل|تعطیله)(?![\u0600-\u06ff])|ساعت\s*کاری"
    # «ร้านปิดบ่ายโมง», «เปิดถึง…», «เวลาทำการ»; not «นัดเปิดบัญชี», «ปิดงานแล้ว»
    r"|(?:ร้าน|สาขา|คลินิก|ศูนย์|ออฟฟิศ|บริษัท)(?:จะ)?(?:เปิด|ปิด)|(?:เปิด|ปิด)(?:ทำการ)?(?:ถึง|ตอน|กี่โมง)"
    r"|เวลา(?:เปิด|ปิด|ทำการ)",
    re.IGNORECASE,
)
#: A fact that is itself an opening or closing hour.
_HOURS_KEY = re.compile(r"open|clos|hours")


def _mark_outside_hours(text: str, item: _Replaced) -> str:
    """``item``'s old value, a time of day, marked in every clause but those that say
    when a place opens or closes: there it is that hour, whatever the appointment's time
    was ("we're open until 1pm" after the visit moved from 1pm to 6:30pm)."""
    if not _OPENING_HOURS.search(text):
        return _mark_one(item, text)  # most texts say no opening hours: read them whole
    pieces = _SENTENCE_BREAK.split(text)
    for index in range(0, len(pieces), 2):  # the odd ones are the breaks
        sentence = pieces[index]
        quoted = next((needle for needle in item.needles if needle in sentence), None)
        if quoted and not _OPENING_HOURS.search(_clause_of(sentence, quoted)):
            pieces[index] = _mark_one(item, sentence)
    return "".join(pieces)


def _clause_of(sentence: str, value: str) -> str:
    """The clause of ``sentence`` ``value`` stands in (its first quote)."""
    at = sentence.find(value)
    before = _CLAUSE_BREAK.split(sentence[:at])[-1]
    after = _CLAUSE_BREAK.split(sentence[at + len(value) :])[0]
    return before + value + after


def _mark_if_quoted(old: str, current: str, note: str, text: str) -> str:
    return _mark_quoted(text, old, current, note) if _in_text(old, text) else text


def _mark_if_quoted_whole(old: str, current: str, note: str, text: str) -> str:
    """``old``, another writing of a detail's replaced value, marked where quoted whole."""
    return _mark(text, old, note, current) if _in_text(old, text) else text


def _mark_if_named(old: str, text: str) -> str:
    return _mark(text, old, OLD_NOTE) if _in_text(old, text) else text


def _cased(old: str) -> tuple[str, ...]:
    """Each spelling of ``old`` that a text may quote it in (``_spellings``)."""
    return tuple(dict.fromkeys(_spellings(old)))


def _spellings(old: str) -> tuple[str, str, str]:
    """``old`` as written, capitalised (where it opens a sentence) and in small letters:
    the one place that decides which spellings are looked for and marked; one that does
    not apply is ``old`` itself. "iPhone 13" is also "IPhone 13" opening a sentence and
    "iphone 13" as a customer types it."""
    capitalised = old[0].upper() + old[1:] if "a" <= old[:1] <= "z" else old
    return (old, capitalised, _lowered(old))


#: Letters and digits a value needs before its small letters can be no other word: "B2"
#: in small letters is any short code ("parking b2 level"), "KT19 BXR" only the plate.
MIN_LOWERED_CHARS = 5


def _lowered(old: str) -> str:
    """``old`` in small letters when it holds a digit and is long enough to be unmistakable
    (a date with a month name, a postcode, a code of 5+ letters and digits): the same value
    however it is cased; a name without a digit is another word in small letters ("Rose"),
    and so is a short code ("B2")."""
    if not (old.isascii() and any(c.isdigit() for c in old)):
        return old
    return old.lower() if sum(c.isalnum() for c in old) >= MIN_LOWERED_CHARS else old


def _in_text(old: str, text: str) -> bool:
    return any(cased in text for cased in _cased(old))


def _mark_quoted(text: str, old: str, current: str, note: str, held_by: Sequence[str] = ()) -> str:
    """``old`` marked where ``text`` quotes it whole, or else where it quotes a part of it
    (``_mark_distinctive``); where every whole quote is marked already, nothing more."""
    marked = _mark(text, old, note, current)
    if marked != text or old in text:
        return marked
    return _mark_distinctive(text, old, current, note, held_by)


#: Between two sentences of a summary: a line break, or a stop and a space.
_SENTENCE_BREAK = re.compile(r"(\n|(?<=[.!?؟])\s+)")


def _mark_in_sentences_about(
    text: str, old: str, fact: Fact, note: str, holders: Sequence[str], *, whole_only: bool = False
) -> str:
    """``old``, which other facts (``holders``) hold as current too, marked only in the
    sentences about ``fact``'s subject and about none of theirs: "your fitting is on
    Monday 3 June" is the fitting's old date, "payment is due Monday 3 June" the
    payment's current one; a sentence that names neither is left as it is, and so is one
    that quotes the current value beside it ("departs at 9:40pm and arrives at 9:05am":
    two values of two things, whatever the facts' history says)."""
    pieces = _SENTENCE_BREAK.split(text)
    for index in range(0, len(pieces), 2):  # the odd ones are the breaks
        sentence = pieces[index]
        if fact.value.strip() in sentence:
            continue
        if about(_clause_before(sentence, old), fact.key) and not any(
            about(sentence, key) for key in holders
        ):
            pieces[index] = (
                _mark(sentence, old, note, fact.value)
                if whole_only
                else _mark_quoted(sentence, old, fact.value, note)
            )
    return "".join(pieces)


#: Where a clause of a sentence ends: a stop inside it, or "so" / "but" joining another.
_CLAUSE_BREAK = re.compile(r"[;:,،؛]|\s(?:so|but)\s", re.IGNORECASE)


def _clause_before(sentence: str, old: str) -> str:
    """The words of ``old``'s clause before it: where the fact's subject must be named for
    the value to be that fact's ("Pay on delivery; your card is charged Friday 7 June" is
    the charge's date, "I get paid Friday 7 June so delivery after that" the pay day's)."""
    at = sentence.find(old)
    lead = sentence if at < 0 else sentence[:at]
    return _CLAUSE_BREAK.split(lead)[-1]


def _inside_marks(text: str) -> list[tuple[int, int]]:
    return [(mark.start(), mark.end()) for mark in _MARK.finditer(text)]


def _in_mark(position: int, marks: Sequence[tuple[int, int]]) -> bool:
    """A value quoted inside another value's mark is the newer value, not a quote to mark."""
    return any(start <= position < end for start, end in marks)


def _markable(old: str) -> bool:
    """Long enough to be this value wherever quoted: a number of a fact's history ("130"
    refunded before "140 บาท") counts from ``MIN_NUMBER_CHARS`` digits, since a number is
    only ever matched whole; a shorter time of day only beside its subject
    (``_short_time``)."""
    if old.isdigit():
        return len(old) >= MIN_NUMBER_CHARS
    return len(old) >= MIN_MARKED_CHARS or _short_time(old)


#: A name too short to be one value wherever quoted but for its capitals: a brand or a
#: grade said in letters ("IRC", "LG", "A2"); marked as a whole word only (``_mark``).
_SHORT_NAME = re.compile(r"[A-Z][A-Z0-9]{1,2}")


def _short_name(value: str) -> bool:
    return len(value) < MIN_MARKED_CHARS and _SHORT_NAME.fullmatch(value) is not None


def _short_number(value: str) -> bool:
    """A count too short to be one value wherever quoted ("24", «۳»): it says which value
    it is only beside its noun or unit (``_mark_beside_unit``)."""
    return len(value) < MIN_NUMBER_CHARS and value.isdigit()


def _mark_beside_unit(text: str, item: _Replaced) -> str:
    """``item``'s old value, a short number, marked where the word after it is its noun or
    unit: a word of the fact's key ("24 guests" of ``guest_count``) or of its current
    value ("28 guests", «۵ کارگر», «6 ตัว»); never inside a longer number ("124",
    "24.5", "1/24") nor beside another noun ("24 hours" of a guest count)."""
    units = [w for w in item.fact.value.split() if not any(c.isdigit() for c in w)]
    pattern = re.compile(
        r"(?<![\d.,٬/:])" + re.escape(item.old) + r"(?![\d.,٬/:]?\d)(?! \(replaced)(\s*)(\S*)"
    )
    marks = _inside_marks(text)
    ends = []
    for match in pattern.finditer(text):
        noun = match.group(2)
        if _in_mark(match.start(), marks) or not noun:
            continue
        if about(noun, item.fact.key) or any(noun.startswith(unit) for unit in units):
            ends.append(match.start(1))
    for end in reversed(ends):
        text = text[:end] + item.note + text[end:]
    return text


#: A time of day with its "am"/"pm" ("9am").
_CLOCK_TIME = re.compile(r"\d{1,2}\s?[ap]m", re.IGNORECASE)


def _short_time(value: str) -> bool:
    """A time of day too short to be one value wherever quoted ("9am"): it says which
    value it is only where its subject is named beside it (``_mark_beside_subject``)."""
    return len(value) < MIN_MARKED_CHARS and _CLOCK_TIME.fullmatch(value) is not None


def _mark_beside_subject(text: str, old: str, key: str, note: str) -> str:
    """``old``, a short time of day, marked only where the text is about its fact: a
    word of the fact's key stands in its clause within ``NEARBY_CHARS`` ("the
    appointment at 9am"), or the time opens its sentence, an answer to what was asked
    before it ("9am, please", "9am may feel early"). After other words it is their
    time: "I start work at 9am, so the later slot is better", "the courier comes between
    9am and 1pm" (the partial-quote rule asks the same of a common word of a longer
    value: its other words beside it)."""
    marks = _inside_marks(text)
    unmarked = _MARK.sub(lambda mark: " " * len(mark.group()), text)
    pattern = re.compile(_before(old) + re.escape(old) + r"(?!\w)(?! \(replaced)")
    ends = []
    for match in pattern.finditer(text):
        if _in_mark(match.start(), marks):
            continue
        sentence_lead = _SENTENCE_BREAK.split(unmarked[: match.start()])[-1]
        lead = sentence_lead[-NEARBY_CHARS:]
        tail = unmarked[match.end() : match.end() + NEARBY_CHARS]
        clause = _clause_pieces(lead)[-1] + old + _clause_pieces(tail)[0]
        if _SPEAKER_ONLY.fullmatch(sentence_lead) or about(clause, key):
            ends.append(match.end())
    for end in reversed(ends):
        text = text[:end] + note + text[end:]
    return text


#: Nothing before a value in its sentence but the speaker's name ("User: ").
_SPEAKER_ONLY = re.compile(r"\s*(?:\w+:)?\s*")


def _clause_pieces(text: str) -> list[str]:
    """``text`` cut at every break of a sentence or of a clause."""
    return [
        clause
        for piece in _SENTENCE_BREAK.split(text)[::2]
        for clause in _CLAUSE_BREAK.split(piece)
    ]


#: Thai writes words together: a value ending in Thai ends before the next word ("65 บาท"
#: of «65 บาทค่ะ»); a Latin or digit after it would make it another value.
_THAI_LETTER = re.compile(r"[\u0e00-\u0e7f]")


def _before(quoted: str) -> str:
    """Never inside a longer number: "65 บาท" is not the end of "165 บาท"; nor inside a
    longer Latin word: "IRC" is not the end of "CIRC"."""
    if quoted[:1].isdigit():
        return r"(?<![\d.,٬])"
    return r"(?<![0-9A-Za-z])" if "A" <= quoted[:1].upper() <= "Z" else ""


def _mark(text: str, quoted: str, note: str, new: str = "") -> str:
    """``quoted`` marked with ``note`` wherever ``text`` quotes it whole, but where the text
    says it is a value of another sort than ``new``, the one that replaced it: "ไฟเหลือ
    10.8 โวลต์" is a voltage, whatever a fact's history holds "10.8" beside a total."""
    before = _before(quoted)
    after = r"(?![0-9A-Za-z])" if _THAI_LETTER.match(quoted[-1:]) else r"(?!\w)"
    pattern = re.compile(before + "(" + _quoted_pattern(quoted) + ")" + after + r"(?! \(replaced)")
    marks = _inside_marks(text)
    return pattern.sub(
        lambda match: (
            match.group(0)
            if _in_mark(match.start(), marks)
            or _inside_longer_name(text, match.start(), quoted)
            or (new and not same_shape(quoted_sort(text, match.start(1), match.end(1)), new))
            else match.group(1) + note
        ),
        text,
    )


#: Where a sentence opens: the text's start, a line's, after a stop or a speaker's name.
_SENTENCE_OPENS = r"(?:(?<![\s\S])|(?<=\n)|(?<=[.!?:]\s))"


def _quoted_pattern(quoted: str) -> str:
    """``quoted`` in each of its ``_spellings``: as written, in small letters, or
    capitalised where it opens a sentence: "Interim cover ends Friday" quotes the replaced
    "interim"; inside a sentence "Interim" is a name."""
    written, capitalised, lowered = _spellings(quoted)
    pattern = [re.escape(written)]
    if lowered != written:
        pattern.append(re.escape(lowered))
    if capitalised != written:
        pattern.append(_SENTENCE_OPENS + re.escape(capitalised))
    return pattern[0] if len(pattern) == 1 else "(?:" + "|".join(pattern) + ")"


#: Words said before a person's name that are no part of it.
_PERSON_TITLES = word_set(
    "mr mrs ms miss mx dr prof doctor teacher coach nurse professor sir madam captain"
    " officer agent chef auntie uncle"
)


def _inside_longer_name(text: str, at: int, quoted: str) -> bool:
    """Whether a capitalised ``quoted`` at ``at`` is the last word of a longer name: the
    "Express" of "SwiftPost Express" is the company's, not the service tier "Express"
    that was replaced. A capitalised word before it names it, unless that word opens
    its sentence ("Choose Express", "User: Express"), where any word is capitalised;
    a word capitalised inside ("SwiftPost") is a name wherever it stands. A value with a
    digit is a code, whatever name stands before it ("Harrogate HG2 7DN"). A person's
    title names no one ("Teacher Daniel", "Dr Shah", also in a Thai or Persian sentence):
    the name after it is the person's whole name as a fact holds it."""
    if not ("A" <= quoted[:1] <= "Z") or any(c.isdigit() for c in quoted):
        return False
    word = re.search(r"(\S+) $", text[max(0, at - 40) : at])
    if word is None or not re.fullmatch(r"[A-Z][A-Za-z]*", word.group(1)):
        return False
    if word.group(1).casefold() in _PERSON_TITLES:
        return False
    if any(c.isupper() for c in word.group(1)[1:]):
        return True
    lead = text[: at - len(word.group(0))]
    return not re.search(r"(?:^|\n|[.!?:])\s*$", lead)


def _distinctive_words(old: str, current: str) -> list[str]:
    """The words of ``old`` that ``current`` does not have and that say which value it is."""
    return [w for w in old.split() if w not in current and _distinctive(w)]


def _mark_distinctive(
    text: str, old: str, current: str, note: str, held_by: Sequence[str] = ()
) -> str:
    """``old``'s first distinctive word marked where another word of it stands near, but
    not where ``current`` stands near too: "it's 0161 496 0723, not 0732" says the change
    itself, and a note there would name the value beside it; nor where another fact's
    current value that says the word (``held_by``) stands."""
    words = old.split()
    distinctive = _distinctive_words(old, current)
    if not distinctive or len(words) < 2:
        return text
    word = distinctive[0]
    others = [w for w in words if w != word and len(w) >= 2]
    marks = _inside_marks(text)
    # another value's mark is not the text's own words: "(replaced by Nov 23 at 11am)" says
    # no "Nov" or "23" beside the "after" of an old "Nov 23 at after 11pm"
    unmarked = _MARK.sub(lambda mark: " " * len(mark.group()), text)
    for match in re.finditer(_before(word) + re.escape(word) + r"(?!\w)", text):
        if _in_mark(match.start(), marks):
            continue
        around = unmarked[max(0, match.start() - NEARBY_CHARS) : match.end() + NEARBY_CHARS]
        end = _quote_end(text, match.end(), words[words.index(word) + 1 :])
        if current.strip() and current.strip() in around:
            continue  # the current value beside it: the text says the change itself
        if any(value in around for value in held_by):
            continue  # another fact's current value: the word is that value's
        if any(_says_word(around, other) for other in others) and not text.startswith(
            " (replaced", end
        ):
            return text[:end] + note + text[end:]
    return text


def _says_word(text: str, word: str) -> bool:
    """Whether ``text`` says ``word`` as a word of its own: the "at" of "Nov 23 at 11pm"
    is not in "late"; Thai, written without spaces, is looked for anywhere. Persian
    writes a number on to the word before it («پلاک۱۲»): there a letter of the script
    and the digits after it are two words (as a ZWNJ's join is two: «کوچه‌ی»)."""
    if _THAI_LETTER.search(word):
        return word in text
    before = _NOT_AFTER_ARABIC_SCRIPT_LETTER if word[:1].isdigit() else r"(?<!\w)"
    after = r"(?![^\W\d])" if _ARABIC_SCRIPT_LETTER.match(word[-1:]) else r"(?!\w)"
    return re.search(before + re.escape(word) + after, text) is not None


_ARABIC_SCRIPT_LETTERS = "\u0621-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc\u06ff"
_ARABIC_SCRIPT_LETTER = re.compile(f"[{_ARABIC_SCRIPT_LETTERS}]")
#: Not after a letter or digit, unless that is a letter of the Arabic script.
_NOT_AFTER_ARABIC_SCRIPT_LETTER = rf"(?<![^\W{_ARABIC_SCRIPT_LETTERS}])"


def _quote_end(text: str, at: int, rest: Sequence[str]) -> int:
    """Where the quote of an old value that reaches ``at`` ends: past the words of it
    (``rest``) that follow there ("Thursday" of "Thursday 14 March": after "March"), so a
    note never stands inside the value."""
    for word in rest:
        gap = re.match(r"[\s,]*", text[at:])
        start = at + (gap.end() if gap else 0)
        if not text.startswith(word, start):
            break
        at = start + len(word)
    return at


#: A bare number this short ("7", "20") occurs in too many other values (a range of
#: days, a dose, a floor) to stand for a quoted old value: "۲۰" of an old time slot
#: must not mark the "۲۰" of a medicine's dose as replaced by a time.
MIN_NUMBER_CHARS = 3


def _distinctive(word: str) -> bool:
    bare = word.strip(".,;:!?،؛()")
    if any(c.isdigit() for c in bare):
        return len(bare) >= MIN_NUMBER_CHARS or not bare.isdigit()
    return len(word) >= 5


#: Where a sentence ends ("Leeds LS5 3BT. Slot agreed"), a line, or a sentence of a
#: script written without spaces ("。"): where a marked value's phrase starts at the
#: latest. A comma does not end it: an old value may hold one ("Unit 3, Kirkstall
#: Business Park, Leeds").
_SENTENCE_END = re.compile(r"[.!?;؛؟]\s|\n|[。！？]")
#: A word before a full stop that may not end a sentence: an initial or a short title or
#: abbreviation ("J.", "St.", "No.", "Apt."), as in an address or a name; in Thai, which
#: ends no sentence with one, every word ("29 ต.ค. 15.00 น.").
_ABBREVIATION = re.compile(r"((?:^|\s)[A-Z][A-Za-z]{0,2}|[\u0e00-\u0e7f])\.\s$")


def marked_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of each value's phrase with its "(replaced …)" mark after it: the part
    of ``text`` no cut may split (``fit_marked``, ``value_cut``). Where an old value starts
    is not known, so its phrase starts where it cannot start later: at the start of its
    sentence or line, or after the mark before it (a mark never holds an old value)."""
    spans: list[tuple[int, int]] = []
    previous_end = 0
    for mark in _MARK.finditer(text):
        ends = [
            m.end()
            for m in _SENTENCE_END.finditer(text, previous_end, mark.start())
            if not _ABBREVIATION.search(text, max(0, m.start() - 5), m.end())
        ]
        spans.append((max([previous_end, *ends]), mark.end()))
        previous_end = mark.end()
    return spans


def fit_marked(text: str, budget_tokens: int) -> str:
    """``text`` within the budget (``fit_to_budget``), never cut between a value and its
    "(replaced …)" mark, nor inside the value's phrase ("88/219 หมู่ 5…" of a marked
    "88/219 หมู่ 5 หมู่บ้าน…"): the phrase of a value whose mark would be cut goes too."""
    fitted = fit_to_budget(text, budget_tokens)
    if fitted == text or not fitted:
        return fitted
    cut = len(fitted.removesuffix(ELLIPSIS))
    mark = next((m for m in _MARK.finditer(text) if cut < m.end()), None)
    if mark is None:
        return without_empty_cut(fitted)
    phrase = next(start for start, end in marked_phrases(text) if end == mark.end())
    if cut < phrase:
        return without_empty_cut(fitted)  # the cut is before the marked value's phrase
    keep = text[:phrase].rstrip()
    return without_empty_cut(keep + ELLIPSIS) if keep else ""
