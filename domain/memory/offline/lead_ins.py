"""Where the words that lead to a noted value start ("registered with number WS-77120"):
a value nothing names is shown with them, from at most a few words before it in its
sentence, past a reply's opening word ("and", "sure", «خب») that says nothing of it. Its
own module: it reads only the sentence around the value, never the facts held."""

import re

from domain.memory.offline.label_starts import clause_label_start, thai_label_start
from domain.memory.offline.lexicon import (
    ENGLISH_ACKNOWLEDGEMENTS,
    ENGLISH_GREETINGS,
    ENGLISH_YES,
    PERSIAN_ACKNOWLEDGEMENTS,
    PERSIAN_YES,
    reply_words,
    word_set,
)
from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.thai_cues import is_thai
from domain.memory.offline.values import FA_LETTERS, ValueSpan

#: How far before a noted value its lead-in reaches (characters, cut at a space).
_LEAD_IN_REACH = 48
#: A quote mark right before a value, opening it (at the start or after anything but a Latin
#: letter or digit: a space, a bracket, Thai or Persian joined to it): «ขอใช้ "SAVE10" ได้ไหมคะ»,
#: «ขอใช้"SAVE10"ได้ไหมคะ», «کد«SAVE10»», 'Can I use ("SAVE10")?': it marks the value off, no
#: part of it nor of the words that lead to it. An apostrophe that ends a Latin word ("the
#: kids'SAVE10") opens nothing.
_OPENING_QUOTE = re.compile(r"(?<![A-Za-z0-9])[\"'“”‘’«»„]$")


def lead_in(text: str, value: ValueSpan) -> int:
    """Where the words that lead to ``value`` in its sentence start."""
    begin, _ = sentence_bounds(text, value.start, value.end)
    start = max(begin, value.start - _LEAD_IN_REACH)
    if start > begin:
        space = text.find(" ", start, value.start)
        start = space + 1 if space != -1 else value.start
    while start < value.start and not text[start].isalnum():
        start += 1
    end = start + len(_without_opening_quote(text[start : value.start]))
    if is_thai(text[start:end]):  # «ได้เลยครับ เบอร์ผม 092-…»: the label only
        return thai_label_start(text, start, end)
    # "and finance have given me the PO, it's PO-558213": the reply's first word is no lead
    opening = _LEAD_OPENING.match(text, start, end)
    return clause_label_start(text, opening.end() if opening else start, end)


def shown_with_lead(text: str, start: int, value: ValueSpan) -> str:
    """``value`` with the words from ``start`` that lead to it, without a quote mark that
    opens it ("Can I use 'SAVE10'?" shows "Can I use SAVE10")."""
    return _without_opening_quote(text[start : value.start]) + value.text


def _without_opening_quote(lead: str) -> str:
    return _OPENING_QUOTE.sub("", lead)


#: Words that open a reply or join it to what was said, and say nothing of a value; a
#: reply noun only with no word after it ("fine ref PCN-8812" is a penalty's).
_ENGLISH_LEAD_OPENING = (
    ENGLISH_YES
    | ENGLISH_ACKNOWLEDGEMENTS
    | ENGLISH_GREETINGS
    | word_set("and so but also oh well then")
)
_PERSIAN_LEAD_OPENING = PERSIAN_YES | PERSIAN_ACKNOWLEDGEMENTS | word_set("و خب ولی اما پس")
_LEAD_OPENING = re.compile(
    rf"(?:(?:{reply_words(_ENGLISH_LEAD_OPENING)})(?![\w])"
    rf"|(?:{reply_words(_PERSIAN_LEAD_OPENING)})(?![{FA_LETTERS}\u200c]))[\s,،.!:-]*",
    re.IGNORECASE,
)
