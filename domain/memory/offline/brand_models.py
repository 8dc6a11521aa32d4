"""A model code and the brand written before it: "Sony WF-1000XM5", «بوش SMS46NI01» are a
product's model, kept from the brand on, not an order's number; a town before its postcode
("…, Manchester M3 2ER") is no brand. Its own module: it reads only the words of the
sentence around the code, never the facts held."""

import re

from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.subjects import cues_in
from domain.memory.offline.values import Kind, ValueSpan
from domain.memory.offline.wording_fa import brand_opening

#: A brand written just before a code makes it a model ("… Sony WF-1000XM5", "مدلش Bosch
#: SMS46NI01", «ตู้เย็น 2 ประตู Hitachi R-VGX400PF»): a capitalised word inside a sentence that
#: names no subject ("Order #558201" opens its sentence and names one). Thai vowel and tone
#: marks («ประตู») are no word characters to ``\w``, so they are listed.
_BRAND_BEFORE = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]))[\s:،,]+(?P<brand>[A-Z][A-Za-z]+)\s$"
)


#: A British postcode ("M3 2ER", "LS6 2QT", "SW1A 1AA"): its inward code is a digit and
#: two letters that are never C, I, K, M, O or V, and no unit ("1TB", "5GB", "2ND").
_POSTCODE = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?\s\d(?!TB|GB|ND|ST|RD|TH)[ABD-HJLNP-UW-Z]{2}", re.IGNORECASE
)
#: Before a town: a comma ("…, Manchester M3 2ER") or a street ("12 High Street Leeds …").
_TOWN_IN_ADDRESS = re.compile(r"[,،]\s*$|\d+\s+(?:[A-Za-z'.-]+\s+){1,3}$")


def town_and_postcode(text: str, brand: int, value: ValueSpan) -> bool:
    """Whether the word before a code and the code are a town and its postcode in an
    address, not a brand and its model ("Samsung S24 1TB")."""
    begin, _ = sentence_bounds(text, value.start, value.end)
    return bool(_POSTCODE.fullmatch(value.text) and _TOWN_IN_ADDRESS.search(text[begin:brand]))


def brand_before(text: str, value: ValueSpan) -> int | None:
    """Where the brand written before a model code starts, when one is."""
    if value.kind is not Kind.IDENTIFIER or value.text.startswith("#"):
        return None
    begin, _ = sentence_bounds(text, value.start, value.end)
    found = _BRAND_BEFORE.search(text[begin : value.start])
    if found is None or cues_in(found.group("brand")):
        return None
    return begin + found.start("brand")


def brand_start(text: str, value: ValueSpan, start: int) -> int:
    """Where a model a customer gives starts: at the Persian brand word that alone opens
    the reply before its code («بوش SMS46NI01»)."""
    begin, _ = sentence_bounds(text, value.start, value.end)
    opening = brand_opening(text[begin : value.start])
    return start if opening is None else min(start, begin + opening)
