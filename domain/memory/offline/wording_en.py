"""English words that say what a value is about from outside its own sentence."""

from __future__ import annotations

import re

#: A sentence that opens by pointing back at the thing the one before it named: "Can the
#: invoice go to my work email instead? it's d.okafor@…", "My cell changed. It's now …".
_POINTS_BACK = re.compile(
    r"^\s*(?:it'?s|it\s+is|its|that'?s|that\s+is|they'?re|here\s+it\s+is)\b", re.IGNORECASE
)


def points_back(sentence: str) -> bool:
    return _POINTS_BACK.match(sentence) is not None


_DATE_WORDS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
    "mon": "monday",
    "tue": "tuesday",
    "tues": "tuesday",
    "wed": "wednesday",
    "thu": "thursday",
    "thur": "thursday",
    "thurs": "thursday",
    "fri": "friday",
    "sat": "saturday",
    "sun": "sunday",
}
_SHORT_DATE_WORD = re.compile(rf"\b({'|'.join(_DATE_WORDS)})\b\.?")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def same_date_words(text: str) -> str:
    """Lower-case ``text`` with short months and weekdays in full and ordinals as their
    number: the assistant's "Oct 11" says again the customer's "Friday October 11"."""
    return _ORDINAL.sub(r"\1", _SHORT_DATE_WORD.sub(lambda m: _DATE_WORDS[m.group(1)], text))


#: A reply that calls the address just read out the customer's home: "that's my house,
#: but …", "yes, it's our flat".
_CALLED_HOME = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|no|well|so|right|ok|okay)\W+)?"
    r"(?:that'?s|it'?s|that\s+is|it\s+is|this\s+is)\s+(?:my|our)\s+"
    r"(?:home(?:\s+address)?|house|flat|apartment|place)\b",
    re.IGNORECASE,
)


def calls_it_home(reply: str) -> bool:
    return _CALLED_HOME.match(reply) is not None


#: Words that send the parcel somewhere: "send it to my office instead", "can it go to the
#: pickup point at …", "deliver to the locker at …".
_SENT_THERE = re.compile(
    r"\b(?:deliver(?:ed|y)?|send|sent|ship(?:ped)?|redirect(?:ed)?|go(?:es)?|leave|drop(?:ped)?)"
    r"\b(?:\s+[\w']+){0,3}?\s+(?:to|at|with)\b",
    re.IGNORECASE,
)


def sends_there(text_before: str) -> bool:
    """Whether the words before an address send the delivery to it."""
    return _SENT_THERE.search(text_before) is not None
