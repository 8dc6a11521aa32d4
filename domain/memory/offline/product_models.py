"""A product named by brand and model ("the Longi Hi-MO 6 435W", "the Kia Niro EV 4"): one value.

A model is written as a capitalised brand, one or more capitalised words or codes that name
the line ("Hi-MO", "Niro EV"), and a model number or a rating that ends it ("6 435W", "4").
Read alone, its pieces say nothing ("435W" is a measure, "4" a number); whole, it says which
thing the customer has or is offered, so it is kept whole, with the words that name it.
Brand names are written in Latin letters in English, Persian and Thai alike («پنل Longi
Hi-MO 6 435W», «รถ Kia Niro EV 4»). The brand stands inside a sentence (after a lower-case
word, a comma, or a Persian or Thai word): a capitalised word that opens a sentence is as
likely a label ("Room 4", "Order Number 12") as a brand.

Capitalised words and a number are as often a place, a name or an occasion and a count
("Holiday Inn 3 nights", "Christmas Eve 2 people", "Emirates Flight 2490"), so a model needs
evidence of being one: a rating at its end, a name word written as a code (capitals or
digits: "Hi-MO", "EV", "S23"), or, in a Persian or Thai sentence, being a Latin name at all
(«ยาง Michelin City Grip 2 ราคา …»: those write their own words in their own script). A
number followed by the word it counts (a Persian or Thai counter, «2 بار», «4 ที่»,
«3 คืน», or an English lower-case word, "3 nights", "2 times") is a count, never a
model's number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.memory.offline.lexicon import ENGLISH_STOP_WORDS

#: Ratings a model's name ends in: watts, watt-hours, volts, amp-hours, storage, horsepower.
_RATING = r"\d+(?:\.\d+)?\s?(?:k?W(?:p|h)?|V|m?Ah|[GT]B|hp)"
#: A capitalised word or a code of capitals, digits and hyphens ("Niro", "EV", "Hi-MO").
#: One letter ("Flat B 4", "Hall C 2") is a label's part, no model's name.
_NAME_WORD = r"[A-Z][A-Za-z]+(?:-[A-Z0-9][A-Za-z0-9]*)*"
_MODEL = re.compile(
    rf"(?P<brand>[A-Z][a-z]+)(?:\s{_NAME_WORD})+"
    rf"(?:\s\d{{1,4}}(?:\s{_RATING})?|\s{_RATING})"
    r"(?![\w:/-]|[.,]\d)"
)
#: A name word written as a code: two capitals together or a digit ("EV", "Hi-MO", "S23").
_CODE_WORD = re.compile(r"[A-Z]{2}|\d")
_RATING_END = re.compile(rf"{_RATING}$")
#: After a model's bare number: a word it counts, a Latin lower-case word or a Persian or
#: Thai counter ("3 nights", "2 times", «۲ بار», «4 ที่»): the number is a count.
_COUNTED_AFTER = re.compile(
    r"\s?(?:[a-z]+|(?:بار|نفر|شب|روز|تا|عدد)(?![\u0620-\u06ff])"
    r"|(?:ที่|คน|คืน|ครั้ง|ท่าน|ห้อง|วัน)(?!นั่ง))"
)
#: A Persian or Thai letter: the sentence around a Latin name is in one of those.
_PERSIAN_OR_THAI = re.compile(r"[\u0600-\u06ff\u0e00-\u0e7f]")
#: What may stand before a brand inside a sentence: a lower-case Latin word, a comma, or a
#: Persian or Thai letter (Thai writes no space before a Latin word).
_INSIDE = re.compile(r"(?:[a-z],?|,|[\u0600-\u06ff\u0e00-\u0e7f])\s?$")


def product_models(text: str) -> Iterator[tuple[int, int]]:
    """Where each brand-and-model name in ``text`` starts and ends."""
    for match in _MODEL.finditer(text):
        if match.group("brand").casefold() in ENGLISH_STOP_WORDS:
            continue
        if not _INSIDE.search(text[max(0, match.start() - 3) : match.start()]):
            continue
        foreign = _PERSIAN_OR_THAI.search(text) is not None
        if (foreign or _is_model(match.group())) and not _counts_the_next_word(text, match):
            yield match.start(), match.end()


def _is_model(name: str) -> bool:
    if _RATING_END.search(name):
        return True
    return any(_CODE_WORD.search(word) for word in name.split()[1:-1])


def _counts_the_next_word(text: str, match: re.Match[str]) -> bool:
    if _RATING_END.search(match.group()):
        return False
    after = _COUNTED_AFTER.match(text, match.end())
    return after is not None and after.group().strip().casefold() not in ENGLISH_STOP_WORDS


def is_product_model(text: str) -> bool:
    """Whether ``text`` is written as a brand and model name."""
    return _MODEL.fullmatch(text) is not None
