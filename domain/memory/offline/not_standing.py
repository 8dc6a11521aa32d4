"""Values a message says without giving them as the value of anything.

- a day or an hour said to be full or taken ("the 10am slot is full", «ساعت ۱۰ پر
  شده», «รอบ 10 โมงวันที่ 15 เต็มแล้วค่ะ»): no one has it, the reply offers another.
  Only in its own clause: "Friday works but Saturday is full", «۱۵ آبان، تا اون موقع فرم
  رو تکمیل میکنم» leave Friday and 15 Aban standing;
- a day compared with ("two days earlier than the Monday", «دو روز زودتر از دوشنبه»,
  «เร็วกว่าวันจันทร์»): the day it is measured from, not a new one. A comparison said
  not to be exceeded is a deadline, and it stands ("no later than Friday", «دیرتر از ۱۵
  آبان نباشه», «ไม่ช้ากว่าวันที่ 15»);
- a number of times ("he measured it like 3 times", «۳ بار», «3 ครั้ง»): how often
  something was done, never the sum or the code an open question asked for.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan, find_values

_FA = FA_LETTERS

#: Words that end a day's clause: what comes after them is said of something else.
_CLAUSE_ENDS = (
    # Thai writes no commas: a polite particle («ค่ะ», «ครับ») ends its clause
    r"ค่ะ|คะ|ครับ|นะ|แต่(?!ง)|และ"
    r"|(?<![A-Za-z])(?:but|and|as|while|whereas|though|although|because|since)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:ولی|اما|و|چون|ولے)(?![{_FA}])"
)
#: A day or an hour is full, taken, gone.
_FULL = (
    r"(?:is|'s|are)\s+(?:now\s+|already\s+|all\s+)?(?:full(?:y\s+booked)?|booked\s+up|taken"
    r"|gone|unavailable|not\s+available)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:پر\s*(?:شده|شد|است|ه)|پره|تکمیل\s*(?:ه|شده|است))(?![{_FA}])"
    r"|เต็ม(?:แล้ว)?|ไม่ว่าง|ถูกจองแล้ว"
)
_FULL_ANYWHERE = re.compile(_FULL, re.IGNORECASE)
#: After a day or an hour, in its clause: it is full.
_FULL_AFTER = re.compile(
    rf"^(?:(?!{_CLAUSE_ENDS})[^.,;!?\n،؛]){{0,24}}?(?:{_FULL})",
    re.IGNORECASE,
)
#: Between a day and the next one: the two are one slot or a list ("10am on Friday",
#: "Friday and Saturday", «۱۵ و ۱۶ آبان», «10 โมงวันที่ 15»), and what is said after the
#: last is said of both.
_JOINED = re.compile(
    r"\s*(?:(?:(?:slot|appointment)s?\s+)?(?:on|at|for|and|or|&)\s+"
    rf"|(?<![{_FA}])(?:و|یا|روز)(?![{_FA}])\s*|และ|หรือ)?\s*",
    re.IGNORECASE,
)
#: Right before a day: the word of comparison it is measured from.
_COMPARED_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])than\s+(?:the\s+|on\s+)?"
    rf"|(?<![{_FA}])(?:زودتر|دیرتر|جلوتر|عقب[\u200c\s]?تر)\s*از\s*"
    r"|(?:เร็ว|ช้า)กว่า\s?(?:วัน)?)$",
    re.IGNORECASE,
)
#: Right before the word of comparison: it is not to be exceeded ("no later than",
#: "not earlier than", «نباید دیرتر از», «ไม่ช้ากว่า»).
_NEGATED_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:no|not|n't)\s+(?:any\s+)?[A-Za-z]+\s+"
    rf"|(?<![{_FA}])(?:نباید|نه)\s*"
    r"|ไม่\s?)$",
    re.IGNORECASE,
)
#: After a day compared with, in its clause: it must not be («دیرتر از ۱۵ آبان نباشه»).
_NEGATED_AFTER = re.compile(
    rf"^[^.,;!?\n،؛]{{0,16}}?(?<![{_FA}])ن(?:باشه|باشد|شه|شود|یفته|یفتد|ره|رود)(?![{_FA}])"
)
_DAY_KINDS = frozenset({Kind.DATE, Kind.TIME})
#: Right after a number: it counts times.
_TIMES_AFTER = re.compile(
    rf"^\s?(?:times(?![A-Za-z])|(?<![{_FA}])بار(?![{_FA}])|ครั้ง(?!ที่))",
    re.IGNORECASE,
)
#: How far before a day its word of comparison may stand.
_COMPARED_REACH = 24
#: How far before a word of comparison its negation may stand.
_NEGATED_REACH = 16


def not_standing(text: str, value: ValueSpan) -> bool:
    """Whether ``value`` is a day or hour said to be full, or a day compared with."""
    if value.kind not in _DAY_KINDS:
        return False
    return _said_full(text, value) or _compared_with(text, value)


def _said_full(text: str, value: ValueSpan) -> bool:
    """Whether the clause after ``value`` says it is full. The next value ends the clause,
    unless it is a day joined to ``value`` as one slot or a list: then the clause is read
    after that day."""
    if not _FULL_ANYWHERE.search(text, value.end):
        return False
    end, limit = value.end, len(text)
    for later in find_values(text):
        if later.start < end:
            continue
        if later.kind not in _DAY_KINDS or not _JOINED.fullmatch(text, end, later.start):
            limit = later.start
            break
        end = later.end
    return bool(_FULL_AFTER.match(text[end:limit]))


def _compared_with(text: str, value: ValueSpan) -> bool:
    """Whether ``value`` is the day something is measured from, and no deadline."""
    start = max(0, value.start - _COMPARED_REACH)
    compared = _COMPARED_BEFORE.search(text[start : value.start])
    if compared is None:
        return False
    word = start + compared.start()
    negated = _NEGATED_BEFORE.search(text[max(0, word - _NEGATED_REACH) : word])
    return not negated and not _NEGATED_AFTER.match(text[value.end :])


def counts_times(text: str, value: ValueSpan) -> bool:
    """Whether the number at ``value`` counts how many times ("3 times", «۳ بار»)."""
    return value.kind is Kind.NUMBER and bool(_TIMES_AFTER.match(text[value.end :]))
