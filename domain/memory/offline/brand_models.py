"""A model code and the brand written before it: "Sony WF-1000XM5", «بوش SMS46NI01» are a
product's model, kept from the brand on, not an order's number; a town before its postcode
("…, Manchester M3 2ER") is no brand. Its own module: it reads only the words of the
sentence around the code, never the facts held."""

import re

from domain.memory.offline.dialogue import is_correction
from domain.memory.offline.lexicon import word_set
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
    r"(?P<brand>[ie]?[A-Z][A-Za-z]+(?:[\s-](?:[A-Z][A-Za-z]+|\d{1,3}))*)\s$"
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
#: A choice turned down names no model the customer has: «ไม่เอา Set 2 แล้วค่ะ», «ไม่ใช้
#: Honda Click 125i», «Honda Click 125i رو نمیخوام».
_REFUSED_BEFORE = re.compile(r"ไม่\s*(?:ได้\s*)?(?:เป็น|เอา|ใช้|ขับ)\s*$")
_REFUSED_AFTER = re.compile(r"\s*(?:(?:رو|را)\s*)?نمی\u200c?\s?خوا(?:م|هم)(?![\u0600-\u06ff])")
#: A label and its number name a choice, a place or a score, no product («เอา Option 2 ค่ะ»,
#: «ขอที่นั่งเป็น Zone 3», «پروازم از Terminal 2 هست», «نمره‌ام IELTS 7 هست»).
_LABELS = word_set(
    "option set zone day terminal gate level room package plan tier phase floor seat row table"
    " course class week step version part unit lane platform block section round session"
    " lesson chapter module group team type size number no box slot hall track stage grade"
    " year month hour band score ielts toefl toeic pte sat gre gmat"
)
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
    start = begin + found.start("brand")
    if _REFUSED_BEFORE.search(text, begin, start) or _REFUSED_AFTER.match(text, value.end):
        return None
    if value.kind is Kind.NUMBER and not _said_as_model(
        text, found.group("brand"), begin, start, value
    ):
        return None
    return start


def _said_as_model(text: str, name: str, begin: int, start: int, value: ValueSpan) -> bool:
    """Whether a bare number after ``name`` (at ``start``, in the sentence from ``begin``) is
    said to be the customer's model: not a label's number («Option 2»), and a word of being
    or choosing around it."""
    if name.split()[-1].casefold() in _LABELS:
        return False
    return bool(
        _MODEL_SAID_BEFORE.search(text, begin, start) or _MODEL_SAID_AFTER.match(text, value.end)
    )


def brand_start(text: str, value: ValueSpan, start: int) -> int:
    """Where a model a customer gives starts: at the Persian brand word that alone opens
    the reply before its code («بوش SMS46NI01»)."""
    begin, _ = sentence_bounds(text, value.start, value.end)
    opening = brand_opening(text[begin : value.start])
    return start if opening is None else min(start, begin + opening)


#: A word of a model's name: letters only ("Honda", "Click", "Upper-Intermediate"), not a
#: code ("EF-50", "HW-Q990C", "125i") nor a number.
_NAME_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")
#: A bare number: after a lone name word, that word is the model's line ("Click 160").
_BARE_NUMBER = re.compile(r"\d{1,4}")


def _brand(model: str) -> str | None:
    """The brand of a model's name, casefolded: its first name word when a second follows
    ("Honda" of "Honda Click 125i"), a lone word before a code ("Samsung QN90C"); none where
    a lone word is the line before a bare number ("Click 160", "Galaxy 24")."""
    tokens = model.split()
    at = [i for i, token in enumerate(tokens) if _NAME_WORD.fullmatch(token)]
    if not at:
        return None
    if len(at) == 1 and _BARE_NUMBER.fullmatch(" ".join(tokens[at[0] + 1 : at[0] + 2])):
        return None
    return tokens[at[0]].casefold()


#: A word of a model's name as ``same_line`` compares them: letters only, not a code's
#: prefix ("EF" of "EF-50").
_SHARED_WORD = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z]{2,}(?![A-Za-z0-9-])")


def same_line(model: str, held: str) -> bool:
    """Whether ``model`` and ``held`` share a word of their names: a line ("Click 160" and
    "Honda Click 125i") or a brand ("Honda ADV 160"). Narrowed to the line alone, the fold
    lost more current values than it kept apart (measured on the unseen sets), so two
    products of one brand said one after another ("Samsung QN90C", then "Samsung HW-Q990C")
    are still taken as one model changed; someone else's model is kept apart by
    ``someone_elses``."""
    named = {word.casefold() for word in _SHARED_WORD.findall(held)}
    return any(word.casefold() in named for word in _SHARED_WORD.findall(model))


def same_brand(model: str, held: str) -> bool:
    """Whether ``model`` and ``held`` are named with one brand ("Honda ADV 160", "Honda
    Click 125i")."""
    brand = _brand(model)
    return brand is not None and brand == _brand(held)


#: Someone else's model, not the customer's: "my wife rides …", «แฟนผมใช้ …», «خواهرم …».
_SOMEONE_ELSES = re.compile(
    r"\b(?:my|our)\s+(?:wife|husband|partner|son|daughter|mum|mom|dad|mother|father|brother"
    r"|sister|friend|girlfriend|boyfriend|colleague|boss|kid|kids|child|neighbou?r)s?\b"
    r"|(?<![\w\u200c])(?:همسر|مادر|پدر|شوهر|خانم|زن|دختر|پسر|برادر|خواهر|دوست|بچه)"
    r"(?:\u200c?(?:ام|م))(?![\w\u200c])"
    r"|แฟน|ภรรยา|สามี|เพื่อน|ลูก(?!ค้า)|(?:ของ|ให้)(?:แม่|พ่อ|พี่|น้อง)",
    re.IGNORECASE,
)
#: A word that makes the model the customer's new choice for the product they named
#: before: "instead", "switch to", «ขอเปลี่ยนเป็น», «ببخشید» (and the words of correction),
#: or a way back to their first («กลับไปเอา Honda Click 125i เหมือนเดิม», "back to the …").
_CHOICE = re.compile(
    r"(?<![A-Za-z])(?:switch(?:ed|ing)?|swap(?:ped)?|go\s+with|rather|back\s+to)(?![A-Za-z])"
    r"|กลับ(?:ไป|มา)?(?:เอา|ใช้|เป็น)|เหมือนเดิม|(?<![\u0600-\u06ff])(?:همون|همان)\s+قبلی",
    re.IGNORECASE,
)


#: The model a sentence says another one takes the place of: "a Fox ESS H1-5.0-E hybrid
#: inverter instead of the SolarEdge", "the Bosch rather than your Miele".
_INSTEAD_OF = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:the\s+|your\s+|my\s+|our\s+)?"
    r"(?P<name>[A-Z][A-Za-z]+)(?![A-Za-z])"
)


def named_instead_of(model: str, held: str, sentence: str) -> bool:
    """Whether ``sentence`` says ``model`` instead of ``held``: ``model`` said before
    "instead of" and a word of ``held``'s name after it ("… H1-5.0-E hybrid inverter
    instead of the SolarEdge" of "SolarEdge SE5000H"); not when ``model`` is of that name
    too."""
    at = sentence.find(model)
    if at < 0:
        return False
    held_words = {word.casefold() for word in _SHARED_WORD.findall(held)}
    model_words = {word.casefold() for word in _SHARED_WORD.findall(model)}
    return any(
        (name := match["name"].casefold()) in held_words and name not in model_words
        for match in _INSTEAD_OF.finditer(sentence, at + len(model))
    )


def someone_elses(sentence: str) -> bool:
    """Whether the sentence names the model of someone other than the customer."""
    return _SOMEONE_ELSES.search(sentence) is not None


def replaces_model(model: str, held: str, sentence: str) -> bool:
    """Whether the customer's ``model`` takes the place of the one they named before: one
    of its line ("Click 160" after "Honda Click 125i"), or one of its brand chosen instead
    ("switch to the Yamaha XMAX300 instead", «ขอเปลี่ยนเป็น Honda ADV 160»), or one said
    instead of it ("the Bosch SMS6 instead of the Miele")."""
    if same_line(model, held) or named_instead_of(model, held, sentence):
        return True
    changed = is_correction(sentence) or _CHOICE.search(sentence) is not None
    return changed and same_brand(model, held)
