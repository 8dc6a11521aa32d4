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
#: SMS46NI01", «ตู้เย็น 2 ประตู Hitachi R-VGX400PF»): capitalised words inside a sentence that
#: name no subject ("Order #558201" opens its sentence and names one). The brand and the
#: model's name are one run of them ("Honda Click 125i", "Michelin City Grip 2"): the model
#: keeps the whole run, not its last word, nor the number inside it («VivoBook 15 X1504VA»).
#: Thai vowel and tone marks («ประตู») are no word
#: characters to ``\w``, so they are listed.
_BRAND_BEFORE = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]))[\s:،,]+"
    r"(?P<brand>[A-Z][A-Za-z]+(?:[\s-](?:[A-Z][A-Za-z]+|\d{1,3}))*)\s$"
)
#: A model named by a bare number after its name, in a Thai or Persian sentence, where a
#: capitalised Latin word is a name («คันนี้เป็น Click 160 ครับ», «گوشیم Galaxy 24 هست»).
#: English writes "Gate 5", "Room 12" the same way: there a bare number stays a number.
_NAMED_IN_OTHER_SCRIPT = re.compile(r"[\u0e01-\u0e4e\u0600-\u06ff]")
#: A bare number names the customer's model only where they say it is theirs or chosen: a
#: Thai word of being or choosing before the name («คันนี้เป็น Click 160», «ขอเปลี่ยนเป็น
#: Honda ADV 160», «เอา», «ใช้», «รุ่น»), a Persian «هست» or «است» after it («موتورم Honda ADV
#: 160 هست»). «ปัญหาคือ Windows 11 อัปเดตไม่ได้» (the problem is) names none.
_MODEL_SAID_BEFORE = re.compile(r"(?:เป็น|เอา|ใช้|ขับ|รุ่น)\s*$")
_MODEL_SAID_AFTER = re.compile(r"\s*(?:هست|است)(?![\u0600-\u06ff])")
#: After the number: a worked sum ("… + Full Cover 600 + ค่าส่ง 80 = …"), where it is a
#: price, or the model's code, which the model is kept up to («VivoBook 15 X1504VA»).
_NO_MODEL_NUMBER_AFTER = re.compile(r"\s*[+=]|\s[A-Z0-9]")


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


def brand_before(text: str, value: ValueSpan, from_user: bool = True) -> int | None:
    """Where the brand written before a model code, or before the bare number that names
    a model in a Thai or Persian sentence, starts, when one is."""
    begin, stop = sentence_bounds(text, value.start, value.end)
    if value.kind is Kind.NUMBER:
        # the customer's own model; the assistant's numbers after names are offers and
        # prices («Full Cover 600»), its levels and lists («Intermediate 2»)
        if (
            not from_user
            or not _NAMED_IN_OTHER_SCRIPT.search(text, begin, stop)
            or _NO_MODEL_NUMBER_AFTER.match(text, value.end)
        ):
            return None
    elif value.kind is not Kind.IDENTIFIER or value.text.startswith("#"):
        return None
    found = _BRAND_BEFORE.search(text[begin : value.start])
    if found is None or cues_in(found.group("brand")):
        return None
    if value.kind is Kind.NUMBER and not (
        _MODEL_SAID_BEFORE.search(text, begin, begin + found.start("brand"))
        or _MODEL_SAID_AFTER.match(text, value.end)
    ):
        return None
    return begin + found.start("brand")


def brand_start(text: str, value: ValueSpan, start: int) -> int:
    """Where a model a customer gives starts: at the Persian brand word that alone opens
    the reply before its code («بوش SMS46NI01»)."""
    begin, _ = sentence_bounds(text, value.start, value.end)
    opening = brand_opening(text[begin : value.start])
    return start if opening is None else min(start, begin + opening)


#: The words of a model's name: Latin words of letters ("Honda", "Click", "Intermediate"
#: of "Upper-Intermediate 1"), not its code or number.
_NAME_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])")


def same_line(model: str, held: str) -> bool:
    """Whether ``model`` and ``held`` share a word of their names: a brand or a line
    ("Honda ADV 160" and "Honda Click 125i", "Click 160" and "Honda Click 125i")."""
    named = {word.casefold() for word in _NAME_WORD.findall(held)}
    return any(word.casefold() in named for word in _NAME_WORD.findall(model))
