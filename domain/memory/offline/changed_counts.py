"""Counts changed with no fact to hold them: "24 rooms" → "we need 28 rooms now",
«۳ کارگر کمه» → «با ۴ کارگر …», «เอาเก้าอี้ 4 ตัว» → «ขอเหลือ 2 ตัว».

A count is a short number and the noun it counts ("24 rooms", «۳ کارگر», «۴ تا صندلی»);
Thai says the noun before the number and a classifier after it («เก้าอี้ 4 ตัว»). A count of
ages or sizes names which one after its noun ("10 age 11/12", "4 size 12"): that grade is
part of what it counts, so "8 age 9/10, 10 age 11/12" are counts of two things. The
fact rules key few counts, so a summary that still quotes the old one would show it as
current. A count of the same noun said with another number replaces the last one said
before it when the conversation says so:

- its sentence says a change ("now", "instead", «عوض», «เปลี่ยน», "that takes you to",
  «ขอเหลือ», «ลด…เหลือ»), or
- it answers the message just before it, of the other speaker, that quoted the old count
  (the old count is what that message was about: «۳ کارگر کمه … ۴ نفر بیان بهتره» →
  «حق با ایشونه … با ۴ کارگر»).

Not a count added ("4 more rooms", "add 2 chairs", «۲ تا کارگر دیگه», «เพิ่มอีก 2 ตัว»,
«ขอเพิ่มเก้าอี้ 2 ตัว»), one asked about,
nor one of two counts of the same noun said together ("2 rooms for the kids and 1 room for
us": two things, neither of them the one replaced). The old count is returned as said
("24 rooms", «เก้าอี้ 4 ตัว»), to be marked where a summary quotes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from domain.memory.engine import TranscriptLine
from domain.memory.offline.asking_words import EN_GO_FOR, EN_MAKE_IT, FA_MAKE_IT
from domain.memory.offline.dialogue import is_question, is_update
from domain.memory.offline.lexicon import ENGLISH_STOP_WORDS, PERSIAN_STOP_WORDS
from domain.memory.offline.sentences import whole_sentences
from domain.memory.offline.superseded import Changes
from domain.memory.offline.thai_cues import THAI_SCRIPT
from domain.memory.offline.values import ASCII_DIGITS, FA_LETTERS, Kind, find_values

_DIGIT = "0-9\u06f0-\u06f9\u0660-\u0669\u0e50-\u0e59"
#: A short number (a count, not part of a longer number, a price or a date) and what
#: follows it: a Latin or Persian noun (after «تا» perhaps), or a Thai classifier.
_COUNT = re.compile(
    rf"(?<![{_DIGIT}.,٬/:\-])(?P<number>[{_DIGIT}]{{1,3}})(?![{_DIGIT}]|[.,٬/:][{_DIGIT}])"
    r"\s?(?:تا\s+)?"
    rf"(?P<noun>[A-Za-z]{{3,}}|(?!\u0640)[{FA_LETTERS}][{FA_LETTERS}\u200c]+|[\u0e01-\u0e2e][\u0e01-\u0e4e]*)"
)
#: Words after a number that make it no count of the noun after them ("4 more rooms").
_NOT_NOUNS = frozenset(
    {"more", "extra", "other", "others", "additional", "further", "new", "times", "percent"}
    | {"each", "per", "out", "total", "people's"}
    | {"دیگه", "دیگر", "اضافه", "هزار", "میلیون", "میلیارد", "تومان", "تومن", "ریال", "درصد"}
)
#: The Thai classifiers of a count (the word after its number); others are units or money.
_THAI_CLASSIFIERS = (
    *("ตัว", "ชิ้น", "คน", "ห้อง", "ที่", "ใบ", "อัน", "ชุด", "เครื่อง", "คัน", "กล่อง"),
    *("ลัง", "ขวด", "แพ็ค", "แพ็ก", "ถุง", "เล่ม", "คู่", "ท่าน", "โต๊ะ", "ตู้", "หลัง", "เตียง"),
)
#: A count said as one more, not instead: after the noun ("2 rooms more", «۲ تا کارگر
#: دیگه») or before the number ("another 2 rooms", «อีก 2 ตัว», «เพิ่ม 2 ตัว»).
_ADDED_AFTER = re.compile(
    rf"\s*(?:(?:more|extra|as\s+well|too|also)(?![A-Za-z])|(?:دیگه|دیگر|اضافه|هم)(?![{FA_LETTERS}]))",
    re.IGNORECASE,
)
_ADDED_BEFORE = re.compile(
    r"(?:\b(?:another|more|extra|additional|plus|and|add(?:s|ed|ing)?(?:\s+(?:on|in))?)\s*"
    r"|อีก\s*|เพิ่ม\s*|บวก\s*)$",
    re.IGNORECASE,
)
#: Thai says the noun between «เพิ่ม» (add) and the number: «ขอเพิ่มเก้าอี้ 2 ตัว»; not
#: «เพิ่มเป็น» (up to), a total.
_TH_ADDED_BEFORE = re.compile(r"เพิ่ม(?!เป็น)\S*\s?$")
#: A limit, not a count of the thing: "up to 40 theatre style", "no more than 6 bottles",
#: «حداکثر ۶ نفر», «ไม่เกิน 6 ขวด».
_LIMIT_BEFORE = re.compile(
    r"(?:\b(?:up\s+to|max(?:imum)?|at\s+(?:most|least)|(?:no|not)\s+(?:more|less|fewer)\s+than"
    r"|more\s+than|less\s+than|fewer\s+than|over|under|min(?:imum)?|fits|seats|sleeps"
    # what a place has, not what is taken: "the hotel has 120 rooms", "there are 6 spaces"
    r"|has|there\s+(?:are|is))"
    r"|(?:حداکثر|حداقل|بیشتر\s+از|کمتر\s+از|بالای|زیر|ظرفیت)"
    r"|(?:ไม่เกิน|สูงสุด|อย่างน้อย|ไม่ต่ำกว่า|ได้ถึง|รับได้|จุได้)"
    # the end of a range: "5 to 7 working days", «۲ تا ۳ روز», «3-5 วัน»
    rf"|[{_DIGIT}]\s*(?:to|or|-|–|تا|یا|ถึง|หรือ))\s*$",
    re.IGNORECASE,
)
#: A sentence that says a count of one more thing, not instead: "also 3 rooms for the
#: adults", «همچنین ۲ اتاق», «ห้องอีก 2 ห้อง».
_ONE_MORE = re.compile(
    r"\b(?:also|too|as\s+well|another|additional|in\s+addition|besides)\b"
    rf"|(?<![{FA_LETTERS}])(?:هم|همچنین)(?![{FA_LETTERS}])|อีก|ด้วย",
    re.IGNORECASE,
)
#: Words of a change beyond the update and correction cues: the total a change comes to
#: ("that takes you to 28 rooms"), a count made so («بکنید ۴ نفر», «ขอเหลือ 2 ตัว»).
_CHANGED_TO = re.compile(
    r"\b(?:takes?|taking|brings?|bringing)\s+(?:you|it|us|that|this|(?:the|your)\s+\w+)"
    r"\s+(?:up\s+|down\s+)?to\b|\bdown\s+to\b"
    rf"|\b(?:swap|switch|replace|{EN_MAKE_IT}|{EN_GO_FOR})\b"
    rf"|(?<![{FA_LETTERS}])(?:بکنید|بکنین|بکنیم|کنیم|بشه|جایگزین|{FA_MAKE_IT})(?![{FA_LETTERS}])"
    r"|เหลือ|เพิ่มเป็น|ลดเป็น|เป็น\s*[0-9]",
    re.IGNORECASE,
)
#: The grade after a counted noun of ages or sizes, which says which of them it counts:
#: "8 age 9/10, 10 age 11/12" (two counts of two things), "4 size 12", "6 size M".
_GRADED_NOUNS = frozenset({"age", "ages", "size", "sizes"})
_GRADE = re.compile(
    r"\s+(?P<grade>[0-9]{1,2}(?:\s?[-/]\s?[0-9]{1,2})?(?![0-9])|X{0,3}[SL](?![A-Za-z])|M(?![A-Za-z]))",
    re.IGNORECASE,
)


#: Letters before a Thai number that must be shared for two counts to be of one noun.
MIN_THAI_NOUN = 3
#: How far before a Thai number its noun is looked for.
THAI_NOUN_REACH = 16


@dataclass(frozen=True)
class _Count:
    #: As said, to be marked where quoted: "24 rooms", «۳ کارگر», «เก้าอี้ 4 ตัว».
    phrase: str
    number: str
    #: What it counts: an English noun without its plural "s", a Persian noun, a Thai
    #: classifier (its noun is in ``before``).
    noun: str
    #: Thai: the letters before the number, where its noun stands (``None``: no Thai).
    before: str | None = None

    def same_noun(self, other: _Count) -> bool:
        if self.noun != other.noun:
            return False
        if self.before is None or other.before is None:
            return self.before is other.before
        return _thai_noun(other.before, self.before) is not None


def _counts_in(sentence: str) -> list[_Count]:
    found = []
    for match in _COUNT.finditer(sentence):
        number, noun = match["number"], match["noun"]
        if noun.casefold() in _NOT_NOUNS or noun.casefold() in ENGLISH_STOP_WORDS:
            continue
        if noun.isascii() and noun.casefold().endswith("ing"):
            continue  # a word before the noun: "2 working days"
        if noun in PERSIAN_STOP_WORDS or _ADDED_AFTER.match(sentence, match.end()):
            continue
        lead = sentence[: match.start()]
        if _ADDED_BEFORE.search(lead) or _LIMIT_BEFORE.search(lead):
            continue
        if not _counted(match.group(0)):
            continue  # a time, a sum, a date: their own rules mark them
        if THAI_SCRIPT.match(noun):
            classifier = next((c for c in _THAI_CLASSIFIERS if noun.startswith(c)), None)
            if classifier is None:
                continue
            before = sentence[max(0, match.start() - THAI_NOUN_REACH) : match.start()]
            if _TH_ADDED_BEFORE.search(before):
                continue
            phrase = sentence[match.start() : match.start("noun") + len(classifier)]
            found.append(_Count(phrase, _ascii(number), classifier, before))
        else:
            key = noun.casefold().removesuffix("s") if noun.isascii() else noun
            phrase = match.group(0)
            graded = (
                _GRADE.match(sentence, match.end()) if noun.casefold() in _GRADED_NOUNS else None
            )
            if graded is not None:
                phrase += graded.group(0)  # "10 age 11/12": its grade says what it counts
                key += " " + "".join(graded["grade"].split()).casefold()
            found.append(_Count(phrase, _ascii(number), key))
    return found


#: What follows a counted noun in a list of things bought: its price ("24 jerseys at
#: $52.00", "4 hoodies $260.00", "24 jerseys for $1,248") or the next count ("24 jerseys,
#: 4 hoodies", «۲۴ پیراهن و ۴ هودی»).
_PRICED = re.compile(r"\s*(?:(?:at|for|x)\b|[@×=:,]|به\s+قیمت)?\s*", re.IGNORECASE)
_NEXT_IN_LIST = re.compile(rf"\s*(?:[,،&+]|\band\b|و(?![{FA_LETTERS}]))\s*", re.IGNORECASE)
#: How far after its connector a price is looked for.
_PRICE_REACH = 24


def counts_a_noun(text: str, start: int) -> bool:
    """Whether the short number at ``start`` counts the noun after it in a list of things
    bought, the noun followed by its price or by the next count ("the updated total: 24
    jerseys at $52.00", "24 jerseys, 4 hoodies"): a count of things, never a sum, whatever
    sum word stands before it. Any other word after a number is no proof of a count ("the
    total is 950 upfront", "Total 950 ringgit")."""
    match = _COUNT.match(text, start)
    if match is None or not _counts_in(match.group(0)):
        return False
    priced = _PRICED.match(text, match.end())
    price = text[priced.end() if priced else match.end() :][:_PRICE_REACH]
    if any(value.kind is Kind.AMOUNT and value.start == 0 for value in find_values(price)):
        return True
    joined = _NEXT_IN_LIST.match(text, match.end())
    following = _COUNT.match(text, joined.end()) if joined else None
    return following is not None and bool(_counts_in(following.group(0)))


def _counted(phrase: str) -> bool:
    kinds = {value.kind for value in find_values(phrase)}
    return kinds <= {Kind.COUNT, Kind.NUMBER}


def _ascii(number: str) -> str:
    return number.translate(ASCII_DIGITS)


#: Thai words between a noun and its number that are no part of the noun: «เอาเก้าอี้
#: เหลือ 2 ตัว», «ขอเพิ่มเป็น 3 ตัว», «จำนวน 4 ตัว».
_THAI_NOT_NOUN = re.compile(
    r"(?:เหลือ|เป็น|เพิ่ม|ลด|เอา|ขอ|สั่ง|จำนวน|ทั้งหมด|รวม|แค่|เพียง|ได้|มี|อีก|ทั้ง|\s)+$"
)


def _thai_noun(old_before: str, new_before: str) -> str | None:
    """The words before the old count's number from the Thai noun two counts share, where
    the noun ends just before that number («เก้าอี้ » of «เอาเก้าอี้ 4 ตัว» and
    «ลดเก้าอี้เหลือ 2 ตัว»), or ``None``."""
    old = _THAI_NOT_NOUN.sub("", old_before)
    new = _THAI_NOT_NOUN.sub("", new_before)
    match = SequenceMatcher(None, old, new, autojunk=False).find_longest_match(
        0, len(old), 0, len(new)
    )
    if match.size < MIN_THAI_NOUN or match.a + match.size != len(old):
        return None
    return old_before[match.a :]


@dataclass(frozen=True)
class _Said:
    count: _Count
    #: Where it was said: the index of its message in the lines read, -1 before them.
    message: int
    sentence: int
    #: Another count of its noun said in the same sentence: which one is meant is unclear.
    paired: bool = False


def changed_counts(
    earlier: Iterable[str], before: Sequence[TranscriptLine], lines: Sequence[TranscriptLine]
) -> Changes:
    """The counts of ``earlier`` (summaries and details, in the order said), ``before``
    (the messages before ``lines``) and ``lines`` that a count of ``lines`` replaced, as
    said, and the counts that replaced them."""
    said: list[_Said] = [said for text in earlier for said in _read(text, -1, 0)]
    read = [*before, *lines]
    changes = Changes([], [])
    for index, line in enumerate(read):
        sentences = whole_sentences(line.content)
        new_said = [s for n, text in enumerate(sentences) for s in _read(text, index, n)]
        if index >= len(before):
            for said_now in new_said:
                old = _replaced(said, said_now, sentences[said_now.sentence], read, index)
                if old is not None:
                    _note(changes, _as_quoted(old.count, said_now.count), said_now.count.phrase)
        said += new_said
    return changes


def _read(text: str, message: int, sentence: int) -> list[_Said]:
    result = []
    for n, part in enumerate(whole_sentences(text) if message < 0 else [text]):
        counts = _counts_in(part)
        for count in counts:
            paired = any(c is not count and c.same_noun(count) for c in counts)
            result.append(_Said(count, message, sentence + n, paired))
    return result


def _replaced(
    said: Sequence[_Said],
    new: _Said,
    sentence: str,
    read: Sequence[TranscriptLine],
    index: int,
) -> _Said | None:
    """The count ``new`` replaces: the last one said before it of its noun, when its
    sentence says a change or it answers the message that quoted that count."""
    if new.paired or is_question(sentence) or _ONE_MORE.search(sentence):
        return None
    last = next(
        (
            old
            for old in reversed(said)
            if old.count.same_noun(new.count)
            and (old.message, old.sentence) != (new.message, new.sentence)
        ),
        None,
    )
    if last is None or last.paired or last.count.number == new.count.number:
        return None
    if is_update(sentence) or _CHANGED_TO.search(sentence):
        return last
    answers = last.message == index - 1 and index > 0 and read[index - 1].role != read[index].role
    return last if answers else None


def _as_quoted(old: _Count, new: _Count) -> str:
    """The old count as a summary quotes it: a Thai one with its noun («เก้าอี้ 4 ตัว»;
    «4 ตัว» alone may be any four things)."""
    if old.before is None or new.before is None:
        return old.phrase
    return (_thai_noun(old.before, new.before) or "") + old.phrase


def _note(changes: Changes, old: str, new: str) -> None:
    if new in changes.old:
        changes.old.remove(new)  # changed back: current again
    changes.new.append(new)
    if old not in changes.old and old != new:
        changes.old.append(old)
