"""A past conversation's relative dates, dated: "tomorrow" was true the day it was said.

A user fact or detail read in a later conversation is read on another day: a
value that names a day relative to when it was said ("today", "tomorrow", "this
Saturday", «فردا», «پنجشنبه این هفته», «พรุ่งนี้», «เสาร์นี้») would be false as it
stands. What is handed over of such values:

- a detail quoting one is shown with the day it was said after it: "(said on
  2026-11-21)" (``said_on``, in ``recall_details``);
- a date or time fact whose value is only such a day ("Flight date: امروز", «พรุ่งนี้
  เช้า»: no digit with it) is recalled with the day it names ("(Tue 8 Dec)") until that
  day is over, and not after (``fact_values.day_gone``, ``named_days``): that day is gone,
  and its line took a fact's room; it is stored as the key's value all the same, so an
  earlier conversation's date of that key is not current again;
- any other fact naming one ("Tonight Show tickets", "tomorrow, 14 May") is kept, and
  dated by the heading it stands under (below).

The words are the general vocabulary of each language for days counted from now
(today, tonight, tomorrow, yesterday, the day after, this/next/coming + a weekday,
week, weekend or month), not the words of any one conversation.

A user fact's line says no day of its own: the facts are listed under the day they
were said (``said_heading``), the day their conversation's summary line shows, one
heading a day (the facts of all that day's conversations, and those set through the
API that day under a heading of their own), so that a returning user's context tells
what was said last week from what is said today, at one short line per day.
"""

from __future__ import annotations

import re
from datetime import datetime

from domain.memory.offline.lexicon import (
    ENGLISH_FROM_NOW,
    ENGLISH_MORE_RELATIVE_DAYS,
    ENGLISH_RELATIVE_DAYS,
    PERSIAN_FROM_NOW_AFTER,
    PERSIAN_FROM_NOW_BEFORE,
    PERSIAN_MORE_RELATIVE_DAYS,
    PERSIAN_RELATIVE_DAYS,
    THAI_FROM_NOW,
    THAI_MORE_RELATIVE_DAYS,
    THAI_RELATIVE_DAYS,
    alternation,
)
from domain.memory.offline.values import TH_WEEKDAY

_EN_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_EN_SPAN = rf"(?:{_EN_WEEKDAY}|week|weekend|month|morning|afternoon|evening)"
_ENGLISH = (
    rf"\b(?:{alternation(ENGLISH_RELATIVE_DAYS | ENGLISH_MORE_RELATIVE_DAYS)})\b"
    rf"|\b(?:{alternation(ENGLISH_FROM_NOW)})\s+{_EN_SPAN}\b"
    r"|\bday\s+after\s+tomorrow\b|\bin\s+(?:a|one|two|three|\d+)\s+(?:days?|weeks?)\b"
)
_FA_WEEKDAY = r"(?:شنبه|یکشنبه|یک‌شنبه|دوشنبه|سه‌شنبه|سه\s*شنبه|چهارشنبه|پنجشنبه|پنج‌شنبه|جمعه)"
#: Persian words are whole words: «امروزی» (a family name) and «فرداد» (a given name)
#: hold «امروز» and «فردا» and name no day; «فرداشب», «امروزصبح», «فردا‌ست» do.
_FA_LETTER = "\u0600-\u06ff\u200c"
_PERSIAN = (
    rf"(?<![{_FA_LETTER}])(?:"
    # «پس فردا» is written apart or joined as well as with its joiner
    rf"(?:{alternation(PERSIAN_RELATIVE_DAYS | PERSIAN_MORE_RELATIVE_DAYS)}|پس\s*فردا)"
    rf"|(?:{_FA_WEEKDAY}|هفته|ماه|آخر\s*هفته)\s+(?:{alternation(PERSIAN_FROM_NOW_AFTER)})"
    rf"|(?:{alternation(PERSIAN_FROM_NOW_BEFORE)})\s+(?:{_FA_WEEKDAY}|هفته|ماه)"
    # written joined to the part of the day or to «ست» («فرداشب», «فردا‌ست»): still the day
    rf")(?:\u200c?(?:شب|صبح|ظهر|عصر|ست))?(?![{_FA_LETTER}])"
)
_THAI = (
    rf"(?:{alternation(THAI_RELATIVE_DAYS | THAI_MORE_RELATIVE_DAYS)})"
    rf"|(?:{TH_WEEKDAY}|สัปดาห์|อาทิตย์|เดือน)(?:{alternation(THAI_FROM_NOW)})"
)
RELATIVE_DAY = re.compile(f"{_ENGLISH}|{_PERSIAN}|{_THAI}", re.IGNORECASE)


def is_relative(text: str) -> bool:
    """Whether ``text`` names a day counted from when it was said."""
    return RELATIVE_DAY.search(text) is not None


def said_note(text: str, at: datetime) -> str:
    """ " (said on <day>)" when ``text`` names a relative day, else ""."""
    return f" (said on {at.date().isoformat()})" if is_relative(text) else ""


def said_on(text: str, at: datetime) -> str:
    """``text`` with the day it was said after it, when it names a relative day."""
    return text + said_note(text, at)


def said_heading(session_id: str, at: datetime) -> str:
    """The line over the facts of one day (a fact of ``session_id``, last active ``at``):
    the day they were said; a fact set through the API (no conversation) was set. Every
    conversation of a day has the same line: the heading is the day's, not the
    conversation's."""
    return f"{'Said' if session_id else 'Set'} on {at.date().isoformat()}:"
