"""A product named by brand and model ("the Longi Hi-MO 6 435W", "the Kia Niro EV 4"): one value.

A model is written as a capitalised brand, one or more capitalised words or codes that name
the line ("Hi-MO", "Niro EV"), and a model number or a rating that ends it ("6 435W", "4").
Read alone, its pieces say nothing ("435W" is a measure, "4" a number); whole, it says which
thing the customer has or is offered, so it is kept whole, with the words that name it.
Brand names are written in Latin letters in English, Persian and Thai alike («پنل Longi
Hi-MO 6 435W», «รถ Kia Niro EV 4»). The brand stands inside a sentence (after a lower-case
word, a comma, or a Persian or Thai word): a capitalised word that opens a sentence is as
likely a label ("Room 4", "Order Number 12") as a brand.
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
#: What may stand before a brand inside a sentence: a lower-case Latin word, a comma, or a
#: Persian or Thai letter (Thai writes no space before a Latin word).
_INSIDE = re.compile(r"(?:[a-z],?|,|[\u0600-\u06ff\u0e00-\u0e7f])\s?$")


def product_models(text: str) -> Iterator[tuple[int, int]]:
    """Where each brand-and-model name in ``text`` starts and ends."""
    for match in _MODEL.finditer(text):
        if match.group("brand").casefold() in ENGLISH_STOP_WORDS:
            continue
        if _INSIDE.search(text[max(0, match.start() - 3) : match.start()]):
            yield match.start(), match.end()


def is_product_model(text: str) -> bool:
    """Whether ``text`` is written as a brand and model name."""
    return _MODEL.fullmatch(text) is not None
