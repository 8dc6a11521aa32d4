"""A day or hour the customer asks for as a question, granted by the reply: "Could it
be Sunday 15 June?" "Yes, Sunday 15 June is free."; «یکشنبه ۲۵ خرداد میشه؟» «بله،
خالیه»; «วันอาทิตย์ที่ 15 มิ.ย. ได้ไหมคะ» «ได้ครับ ยังว่างครับ». Asked alone it is only
a wish (the day may be full); granted, it is the day now. A reply that says no, or is
sorry, grants nothing; nor does one that names another day or hour ("Sure, I can also
offer Friday 13 June"): it offers that one.
"""

from __future__ import annotations

import re

from domain.memory.offline.dialogue import is_negated, is_question
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.reply_refusals import FIRST_SENTENCE, refuses
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.thai_cues import is_thai, near_words
from domain.memory.offline.values import FA_LETTERS, Kind, ValueSpan, find_values

_FA = FA_LETTERS

#: Kinds a customer asks to have: a day, an hour.
_ASKED_KINDS = frozenset({Kind.DATE, Kind.TIME})

#: A reply that opens by saying yes: "Yes", "Sure", «بله», «حتما», «ได้ครับ», «ว่างค่ะ».
#: The agent's "okay" / «باشه» opens a check as often as a grant ("Okay, let me look"),
#: and praise answers no request: neither grants.
_OPENS_WITH_YES = taking_opening(acknowledgements=False, praise=False, free=True)
#: A reply that says the day asked for is open: "… is free", «… خالیه», «… ยังว่าง».
_FREE = re.compile(
    r"(?<![A-Za-z])(?:free|available|open)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:خالی|آزاد)|ว่าง",
    re.IGNORECASE,
)
#: A question that asks to have the value, not whether something was so ("Was it paid on
#: 3 May?" asks for nothing): "could it be", "would … work", "is … possible", "how about";
#: «میشه», «امکانش هست»; «ได้ไหม», «สะดวกไหม», «ว่างไหม».
_ASKS_TO_HAVE = re.compile(
    r"(?<![A-Za-z])(?:(?:can|could)\s+(?:it|we|you|i)|would|how\s+about|what\s+about"
    r"|possible|available|free|okay|ok|work)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:میشه|می\u200cشه|می\s?شه|امکانش|امکان\s+داره|امکان\s+دارد|خالیه|جا\s+دارید)"
    r"|(?:ได้|สะดวก|ว่าง)(?:ไหม|มั้ย|หรือเปล่า|หรือไม่)",
    re.IGNORECASE,
)


def asked_and_granted(request: str, reply: str) -> ValueSpan | None:
    """The one day or hour ``request`` (the customer's message) asks for in a question,
    when ``reply`` (the assistant's next message) grants it; else None."""
    asked = [value for value in find_values(request) if _asked_in_question(request, value)]
    if len(asked) != 1:  # "Saturday or Sunday?": which one the reply grants is not said
        return None
    first = FIRST_SENTENCE.match(reply.strip())
    opening = first.group(0) if first else reply
    if refuses(opening):
        return None
    value = asked[0]
    if _offers_another(value, opening):
        return None
    if _OPENS_WITH_YES.match(opening) or (_FREE.search(opening) and _said_again(value, opening)):
        return value
    return None


def _asked_in_question(text: str, value: ValueSpan) -> bool:
    if value.kind not in _ASKED_KINDS or not any(c.isdigit() for c in value.text):
        return False
    begin, stop = sentence_bounds(text, value.start, value.end)
    sentence = text[begin:stop]
    if is_thai(sentence):
        sentence = near_words(text, value.start, value.end, begin, stop)
    return is_question(sentence) and _ASKS_TO_HAVE.search(sentence) is not None


def _offers_another(value: ValueSpan, opening: str) -> bool:
    """Whether the reply's first sentence names another day or hour of the asked one's kind
    ("Sure, I can also offer Friday 13 June"): what it offers is not the one asked for."""
    return any(
        other.kind is value.kind
        and not _same_value(value, other)
        and not is_negated(opening, other.start, other.end)  # "moved from Wednesday 11 June"
        for other in find_values(opening)
    )


def _same_value(value: ValueSpan, other: ValueSpan) -> bool:
    """Whether ``other`` is the asked day said again: its number, or a part of it
    ("Sunday" of "Sunday 15 June")."""
    said = other.text.casefold()
    return (
        said in value.text.casefold()  # Thai runs its words together: «วันอาทิตย์» of «วันอาทิตย์ที่ 15»
        or restates(other.text, value.text)
        or _said_again(value, other.text)
    )


def _said_again(value: ValueSpan, reply: str) -> bool:
    """Whether the reply names the value's day or hour again (its first number)."""
    number = re.search(r"\d+", value.text)
    return number is not None and re.search(rf"(?<!\d){number.group(0)}(?!\d)", reply) is not None
