"""Whose age a Persian age is: «پسرم هشت سالشه، دخترم ۲۳ ماهشه», «یه پسر ۹ ساله و یه دختر ۶
ساله», «اسمش پشمکه، ۳ سالشه».

Persian says an age as a span of years or months with «ـشه» (he/she is), «ـش» or «ـه»
(years-old) after it, and names whose it is right before it: the son's, the daughter's, a
parent's. Two children's ages in one sentence, each said with its years or months, are two
facts, never one age put right (a bare «و پسرم ۵» after one is not read as an age). An age
with no one named is the one person (or pet) just talked about only when nothing else is
named in its clause (a held name may be): «پکیج ۱۲ سالشه», «دستگاه ۳ سالشه» are a thing's
age; «سه ماهشه که …», «۲ ساله اونجا کار میکنه» say how long something has gone on. A later
age of theirs («۴ سالشه نه ۳») replaces it. Its own module: it reads only the clause before the
age.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import word_set
from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan

_FA = FA_LETTERS

#: The age's ending right after «سال» / «ماه»: «سالشه», «سالش», «سالشونه» (is N years).
_IS_AGED = re.compile(rf"(?:ش|شون)ه?(?![{_FA}])")
#: «ساله» (N-year-old) also makes a span an adjective of a thing («گارانتی ۲ ساله», a
#: two-year warranty): an age only with a person before it («یه پسر ۹ ساله»).
_YEARS_OLD = re.compile(rf"ه(?![{_FA}])")
#: Things whose time runs in years as an age does: «گارانتیش ۲ سالشه» is no one's age.
_NOT_A_PERSON = re.compile(
    rf"(?<![{_FA}])(?:گارانتی|وارانتی|ضمانت|قرارداد|اشتراک|عضویت|بیمه|اجاره|وام|قسط)"
)
#: Whose: the word for the person before the age in its clause, its possessive after it.
_WHOSE = (
    ("son", r"پسر|پسره|گل[\u200c\s]?پسر"),
    ("daughter", r"دختر|دختره|گل[\u200c\s]?دختر"),
    ("child", r"بچه|کوچیکه|بزرگه|نوزاد"),
    ("mother", r"مادر|مامان"),
    ("father", r"پدر|بابا"),
    ("spouse", r"همسر|شوهر|خانمم"),
)
_WHO = frozenset(who for who, _ in _WHOSE)
_PERSON = re.compile(
    "|".join(
        rf"(?<![{_FA}])(?P<{who}>(?:{words})(?:م|ش|تون|مون)?)(?![{_FA}])" for who, words in _WHOSE
    )
)
#: Where the clause of the age starts: a comma, «و» (and), a full stop.
#: Words an age said of no one named may have before it in its clause: when, how nearly,
#: a reply's opening, a correction («ببخشید اشتباه گفتم، ۵ سالشه»). Any other word names
#: whose the span is (a thing's: «پکیج ۱۲ سالشه»), unless it is a held name.
_NO_ONE_ELSE = word_set(
    "ماه هفته پیش پارسال امسال الان تازه دیگه هم فقط حدود حدودا حدوداً تقریبا تقریباً "
    "ببخشید اشتباه گفتم آره بله نه خب آهان والا دقیقا دقیقاً"
)
#: «سه ماهشه که صدا میده» (it has made noise three months): «که» right after the span says
#: how long something has gone on, no age.
_THAT = re.compile(rf"\s*که(?![{_FA}])")
#: «پسرم ۲ ساله اونجا کار میکنه» (has worked there two years): a verb in «می» within three
#: words after «ساله» (not past «و», «که», «دارم»: «یه پسر ۹ ساله دارم که میره مدرسه»).
_GOES_ON = re.compile(
    rf"(?:\s+(?!(?:و|که|دارم|داره|داریم|هست|است)(?![{_FA}]))[{_FA}\u200c]+){{0,3}}?"
    rf"\s+(?:می|مي)\u200c?[{_FA}]"
)
_CLAUSE_START = re.compile(rf"[,،.!?؟;؛\n]|(?<![{_FA}])و(?![{_FA}])")
_REACH = 30
#: The key of an age said of no one named.
UNNAMED_AGE = "age_mentioned"


def age_key(text: str, value: ValueSpan, names: frozenset[str] = frozenset()) -> str | None:
    """``son_age``, ``daughter_age`` … for an age said of that person, ``age_mentioned`` (not
    ``customer_age``: the customer says «سالمه» of themselves) for one said
    of no one named (or of one of ``names``, the names held); None when the span is no age."""
    span = re.search(r"(?:سال|ماه)(ه)?$", value.text)
    if value.kind is not Kind.DURATION or span is None:
        return None
    aged = _IS_AGED.match(text, value.end)
    years_old = span.group(1) is not None or _YEARS_OLD.match(text, value.end)
    if not aged and not years_old:
        return None
    suffix = aged or _YEARS_OLD.match(text, value.end)
    ending = suffix.end() if suffix else value.end
    if _THAT.match(text, ending) or (not aged and _GOES_ON.match(text, ending)):
        return None
    before = text[max(0, value.start - _REACH) : value.start]
    clause = _CLAUSE_START.split(before)[-1]
    if _NOT_A_PERSON.search(clause):
        return None
    found = list(_PERSON.finditer(clause))
    if not found:
        words = re.findall(rf"[{_FA}\u200c]+", clause)
        if not aged or any(w not in _NO_ONE_ELSE and w not in names for w in words):
            return None
        return UNNAMED_AGE
    who = next(name for name, v in found[-1].groupdict().items() if v)
    return f"{who}_age"


def is_age_key(key: str) -> bool:
    """Whether ``key`` holds an age this module keyed: only another age puts it right (a
    «نه، فقط ۲ ساعت قبلش …» is no age of the pet)."""
    return key == UNNAMED_AGE or (key.endswith("_age") and key.split("_")[0] in _WHO)
