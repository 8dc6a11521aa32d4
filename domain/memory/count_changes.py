"""A count said again with a new number: the same noun, a sign that it is the new total.

"We can hold 24 rooms" … "That takes you to 28 rooms"; "2 seats please" … "make it 4
seats"; «เอาเก้าอี้ 4 ตัว» … «ขอเหลือ 2 ตัว»; «۳ تا کارگر» … «۵ تا کارگر شد»: the noun
counted says what the value is of, and it stands inside the value, so the words around
the two values may share nothing (``detail_changes`` compares those). The newer count
replaces the older one when it counts the same noun (``what_is_counted``) and its clause
says it is what the count comes to now: a total reached ("takes you to", "in total",
«رسید», «รวมเป็น»), a count put down or up to it ("down to", «เหลือ»), a word of change
("make it", "changed to", «شد», «เปลี่ยนเป็น»).

Not a count added ("4 more rooms", "another 2", «۲ تا دیگه», «อีก 2 ตัว»), asked ("4 หลัง
พอไหมคะ"), refused or set as a threshold ("can't at 24 rooms", "above 25 rooms", "up to
70"): those say nothing of what holds now. ``detail_changes`` asks this of the one older
count of that noun before the newer one.

A bare number ("35") has no noun of its own: "for X" beside it says what it counts ("for
catering it's 35 now"; «برای …», «สำหรับ …»: ``subject_of_count``), and
``detail_changes`` replaces the one older number said in a sentence that names X
(``names_subject``); not a number said as a time ("it's 8 now, not half 7";
``said_as_time``).
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import FA_BLOCK, FA_LETTERS, PERSIAN_IN_ALL, alternation
from domain.memory.offline.values import what_is_counted

#: Right before the new count, in its clause: a total reached, a count put to a number, a
#: change said of it.
_SET_BEFORE = re.compile(
    r"(?:\b(?:takes?|took|taking|brings?|brought|bringing|makes?|making|gets?|getting)"
    r"(?:\s+(?:you|it|us|that|this|them|the\s+\w+|your\s+\w+))?\s+(?:up\s+|down\s+)?to"
    r"|\bmake\s+(?:it|that)|\bdown\s+to|\btotal\s+of|\bso\s+(?:that's|it's)|\bnow"
    r"|\b(?:changed?|changing|increased?|reduced?|raised?|lowered|updated?|cut|moved?)"
    r"(?:\s+(?:it|that|this|them|the\s+\w+))?\s+to"
    rf"|(?<![\w\u0600-\u06ff])(?:حالا|الان|{alternation(PERSIAN_IN_ALL)}|در\s+مجموع|شد)"
    r"|เหลือ|รวมเป็น|รวมทั้งหมด|เพิ่มเป็น|ลดเป็น|แก้เป็น|เปลี่ยนเป็น|จะเป็น)"
    r"\s*(?:the\s+|all\s+)?$",
    re.IGNORECASE,
)
#: A verb right after Persian «میشه» makes it "one can" («۵ تا کارگر میشه فرستاد», five workers
#: can be sent; «میشه اضافه کرد», can be added; «میشه بفرستیم», we can send): what may be
#: done, not what the count comes to. A short infinitive (a past stem, a word of a compound
#: verb perhaps before it) or a «ب» subjunctive of an everyday verb.
_FA_CAN_DO = (
    r"\s+(?:[\u0600-\u06ff]+\s+)?"
    r"(?:فرستاد|آورد|اورد|گذاشت|برد|داد|گرفت|کرد|زد|رسوند|رساند|چید|برداشت|کشید|انداخت"
    r"|گذروند|تحویل\s+داد)(?![\w\u0600-\u06ff])"
    r"|\s+ب(?:فرست|یار|ذار|گذار|گیر|د|کن|ر|رسون|چین|کش)(?:م|ی|ه|یم|ید|ین|ن|ند)(?![\w\u0600-\u06ff])"
)
#: Right after the new count: "in total", "now", «میشه», «شد», «แทน»; not «بشه» ("if it comes to")
#: nor «میشه» with a verb after it ("one can", ``_FA_CAN_DO``).
_SET_AFTER = re.compile(
    r"^\s*(?:in\s+total|total|altogether|now|instead)\b"
    rf"|^\s*(?:می\u200cشه|میشه|می\s+شه)(?![\w\u0600-\u06ff])(?!{_FA_CAN_DO})"
    r"|^\s*(?:شد|کنید|بکنید|بکنیم|کنیم)(?![\w\u0600-\u06ff])"
    r"|^\s*(?:แทน|ทั้งหมด)",
    re.IGNORECASE,
)
#: A count said as one more, or fewer than something, or as a threshold: "4 more", "another
#: 2", "above 25 rooms", "up to 70", «۲ تا دیگه», «อีก 2 ตัว».
_NOT_THE_COUNT = re.compile(
    r"\b(?:more|extra|additional|another|other|above|over|under|below|least|most|than|up\s+to)\b"
    r"|(?<![\w\u0600-\u06ff])(?:دیگه|دیگر|اضافه|بیشتر|کمتر|بالای|زیر)(?![\w\u0600-\u06ff])"
    r"|อีก|กว่า|ขึ้นไป|ไม่เกิน",
    re.IGNORECASE,
)
#: A Persian "if" opening the clause of the count: «اگه ۵ تا کارگر بشه …» is a case put,
#: not what the count comes to.
_IF = re.compile(r"(?<![\w\u0600-\u06ff])(?:اگه|اگر)(?![\w\u0600-\u06ff])")
#: How many words on each side of the count are read for the signs above.
_NEAR_WORDS = 4


def same_counted(one: str, other: str) -> bool:
    """Whether two counts count the same noun ("24 rooms", "28 rooms"; «4 ตัว», «2 ตัว»)."""
    noun = what_is_counted(one).strip().casefold()
    return bool(noun) and noun == what_is_counted(other).strip().casefold()


def set_anew(before: str, after: str) -> bool:
    """Whether the words right ``before`` a count and right ``after`` it (in its clause) say
    it is what the count comes to now, and not one added or a threshold."""
    near_before = " ".join(before.split()[-_NEAR_WORDS:])
    near_after = " ".join(after.split()[:_NEAR_WORDS])
    if _NOT_THE_COUNT.search(near_before) or _NOT_THE_COUNT.search(near_after):
        return False
    if _IF.search(before):
        return False
    return bool(_SET_BEFORE.search(before.rstrip()) or _SET_AFTER.search(after))


#: "for catering", "for the dinner", «برای شام», «สำหรับงานเลี้ยง», «ส่วนจัดเลี้ยง»: what a bare
#: number is the count of ("for catering it's 35 now"), its first word after the article.
_FOR_SUBJECT = re.compile(
    r"(?<![A-Za-z])for\s+(?:the\s+|our\s+|your\s+|my\s+)?(?P<en>[A-Za-z][A-Za-z-]{2,})"
    rf"|(?<![\w{FA_BLOCK}])(?:برای|واسه)\s+(?P<fa>[{FA_LETTERS}]{{2,}})"
    r"|(?:สำหรับ|ส่วน)\s*(?P<th>[\u0e01-\u0e4e]{3,})",
    re.IGNORECASE,
)
#: A second subject joined to the first: "for catering and dinner", "for lunch, dinner",
#: «برای ناهار و شام».
_AND_SUBJECT = re.compile(
    r"\s*(?:,\s*|\band\s+|&\s*)(?:the\s+|our\s+)?(?P<en>[A-Za-z][A-Za-z-]{2,})"
    rf"|\s+و\s+(?P<fa>[{FA_LETTERS}]{{2,}})",
    re.IGNORECASE,
)
#: Words after "for" that name no thing counted: "for now", "for sure", "for everyone", a
#: number ("for two", «برای دو نفر») or a time ("for half", "for noon").
_NOT_SUBJECTS = frozenset(
    {"now", "sure", "example", "instance", "everyone", "everybody", "all", "both", "each"}
    | {"this", "that", "them", "you", "real", "certain", "good", "free", "ever", "once"}
    | {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}
    | {"twelve", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "couple", "few"}
    | {"half", "quarter", "noon", "midday", "midnight", "tonight", "later"}
    | {"یه", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "همه", "هر"}
    | {"ساعت", "امشب", "الان", "همین", "اون", "این"}
)
#: How many words before a bare number its "for X" may stand ("for catering it's 35").
_SUBJECT_REACH = 5


def subject_of_count(before: str, after: str) -> str | None:
    """The thing a bare number is the count of, named by "for X" in the words just
    ``before`` it (in its sentence) or right ``after`` it ("38 for catering and dinner");
    not "for 35 people" (a count of its own noun) nor "for now"."""
    subjects = subjects_of_count(before, after)
    return subjects[0] if subjects else None


def subjects_of_count(before: str, after: str) -> list[str]:
    """Every thing a bare number is said for: "38 for catering and dinner" → catering,
    dinner; «برای ناهار و شام ۳۸ نفریم» → ناهار, شام (``subject_of_count`` the first)."""
    near_before = " ".join(before.split()[-_SUBJECT_REACH:])
    found = list(_FOR_SUBJECT.finditer(near_before))
    stripped = after.lstrip()
    following = _FOR_SUBJECT.match(stripped)
    for match, text in [
        *((m, near_before) for m in reversed(found)),
        *([(following, stripped)] if following else []),
    ]:
        word = _word(match)
        if word and word not in _NOT_SUBJECTS:
            subjects = [word]
            end = match.end()
            while (joined := _AND_SUBJECT.match(text, end)) and _word(joined) not in _NOT_SUBJECTS:
                subjects.append(_word(joined))
                end = joined.end()
            return subjects
    return []


def _word(match: re.Match[str]) -> str:
    return (match["en"] or match["fa"] or match.groupdict().get("th") or "").casefold()


#: A time said with a number: "half 7", "quarter past 8", "8 o'clock", "7pm", "7:30",
#: «ساعت ۸», «۸ و نیم», «2 ทุ่ม», «8 โมง».
_TIME_BEFORE = re.compile(
    r"(?:\b(?:at|half|quarter\s+(?:past|to))|ساعت|ตอน|เวลา)\s*$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(
    r"^\s*(?:o'?clock\b|[ap]\.?m\b|[:.]\d\d|و\s*نیم|(?:โมง|ทุ่ม|นาฬิกา|น\.))",
    re.IGNORECASE,
)
#: A time the number is set against in its sentence: "8 now, not half 7", "instead of 7pm".
_AGAINST_TIME = re.compile(
    r"\b(?:not|instead\s+of|rather\s+than)\s+(?:at\s+)?"
    r"(?:(?:half|quarter\s+(?:past|to))\s+\d|\d{1,2}\s*(?:o'?clock|[ap]\.?m\b|[:.]\d\d))"
    rf"|(?<![\w{FA_BLOCK}])نه\s+ساعت",
    re.IGNORECASE,
)


def said_as_time(before: str, after: str) -> bool:
    """Whether a bare number is a time, not a count: a time's words beside it ("half 7",
    "8 o'clock", «ساعت ۸», «8 โมง») or a time it is set against ("it's 8 now, not half 7")."""
    return bool(
        _TIME_BEFORE.search(before)
        or _TIME_AFTER.search(after)
        or _AGAINST_TIME.search(before + " " + after)
    )


def names_subject(sentence: str, subject: str) -> bool:
    """Whether ``sentence`` names ``subject`` (a word, or its plural: "dinners")."""
    if re.fullmatch(r"[a-z-]+", subject):
        pattern = rf"(?<![A-Za-z]){re.escape(subject)}(?:s|es)?(?![A-Za-z])"
        return re.search(pattern, sentence, re.IGNORECASE) is not None
    return subject in sentence
