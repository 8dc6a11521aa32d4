"""Named choices in English: the room, the club, the location, the plan a booking is on,
the brand of parts a repair uses, the way a refund is paid.

"a Deluxe King room", "your Family Room", "home club Riverside", "our Northgate
location", "the Premium plan", "Fibre 150 package". The name is a proper name
(capitalised words, a number perhaps) said with the kind of thing it names; a new
name of the same kind replaces the old one ("I can change your home club to
Lakeshore"), so a summary that still quotes the old one is marked replaced. A
name asked about ("How much is the Family Room?") is no choice yet, nor one refused, said
to be unavailable or compared with another (``choice_clauses``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from domain.memory.offline.choice_clauses import chosen_by_words, not_chosen
from domain.memory.offline.colours_taken import EN_BACK_OPENERS, colours_taken
from domain.memory.offline.dialogue import EMOJI_BREAK, is_question
from domain.memory.offline.lexicon import EMOJI
from domain.memory.offline.named_fa import choices_named
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.values import Kind, find_values

#: The kind of thing → the fact key of its name.
_KINDS = {
    "room": "room_type",
    "suite": "room_type",
    "club": "club",
    "gym": "club",
    "location": "location",
    "clinic": "location",
    "branch": "location",
    "store": "location",
    "plan": "plan",
    "package": "plan",
    "tariff": "plan",
    "bundle": "plan",
    # a product's colour by its maker's name: "colour Awesome Iceblue", "the colour to Awesome
    # Lilac", "in the Midnight Black colour"
    "colour": "colour",
    "color": "colour",
}
_KIND = "|".join(_KINDS)
#: Capitalised words that start a sentence, point at something or praise it ("Good plan."),
#: not a name.
_NOT_NAMES = (
    r"(?!(?:The|A|An|Your|Our|My|His|Her|Their|This|That|These|Those|Any|Every|Each|Which"
    r"|What|Same|New|Old|Current|Previous|Home|I|We|You|Good|Great|Nice|Perfect|Fine|Smart"
    r"|Better|Best|Another|Other)\b)"
)
#: Kinds whose capitalised word is part of a product's name ("Family Room", "Fibre
#: Plan"); a capitalised "Clinic" or "Club" is the business's own name, no choice.
_NAMED_PRODUCTS = frozenset(
    {"room", "suite", "plan", "package", "tariff", "bundle", "colour", "color"}
)
_NAME_WORD = rf"{_NOT_NAMES}(?:[A-Z][A-Za-z'’&-]*|\d+)"
#: An option's name: up to three capitalised words or numbers (``offered_names`` keeps
#: those the assistant named).
OPTION_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
_CHOICE = re.compile(
    # "a Deluxe King room", "Family Room", "our Northgate location", "Fibre 150 package"
    rf"(?<![\w'’])(?P<before>{OPTION_NAME})\s+(?P<kind>(?i:{_KIND}))(?![A-Za-z])"
    # "home club Riverside", "your home club is Lakeshore": the kind first
    rf"|(?<![A-Za-z])(?P<kind2>(?i:home\s+club|club|branch|location|colou?r))\s+(?:is\s+)?"
    rf"(?P<after>{OPTION_NAME})"
    # "change your home club to Lakeshore", "switch the plan to Fibre 150"
    rf"|(?<![A-Za-z])(?P<kind3>(?i:{_KIND}))\s+to\s+(?:the\s+)?(?P<to>{OPTION_NAME})"
    # "with Deansgate as your home club", "Riverside as the location"
    rf"|(?<![\w'’])(?P<as>{OPTION_NAME})\s+as\s+(?:(?i:your|the|our|my)\s+)?(?:(?i:home)\s+)?"
    rf"(?P<kind4>(?i:{_KIND}))(?![A-Za-z])"
)


#: The brand of the parts a job is quoted or done with: "with Brembo parts", "approved: Mintex
#: front discs and pads". A new brand of parts replaces the old one ("I can quote Mintex
#: instead"). A brand is the capitalised word a choice is made with (``chosen_by_words``):
#: "Winter tyres are fitted from November", "Toyota parts take a week" name none.
_PARTS_BRAND = re.compile(
    rf"(?<![\w'’]){_NOT_NAMES}(?!(?:Front|Rear|Brake|Spare|Genuine|Original|Replacement|With"
    r"|For|Both|All)\b)(?P<brand>[A-Z][a-z]+[A-Za-z]*)\s+(?:(?:front|rear)\s+)?"
    r"(?:discs?|pads|parts|tyres|tires|shocks|filters?|battery|batteries)(?![A-Za-z])"
)
#: Words that open "… it is" as no option's name: "Here it is", "In Madrid it is raining";
#: a way to be contacted or to pay ("Text it is", "Card it is") has keys of its own.
_NOT_OPTIONS = r"(?:Here|There|In|At|On|Text|Texts|Email|Call|Calls|Phone|Cash|Card|WhatsApp)\b"
#: "… it is" closed by the part of the order it is for: "Yellow it is for the goalies 👍",
#: "Express it is for the delivery."; one word after "for", then the clause's end or an
#: emoji.
_FOR_WHICH_PART = (
    r"|\s+(?i:for)\s+(?:(?i:the|your|my|our)\s+)?[A-Za-z'’-]+"
    rf"\s*(?:[.!,;]|$|{EMOJI})"
)
#: An option taken by its name alone, however the sentence takes it: "let's go with
#: Economy", "we'll do the Express", "Express it is", "ok fine, Silver then", "actually the
#: Silver one". A later pick replaces the earlier one ("I'll take the Express" is a
#: product: the same key). A day or month taken ("let's go with Tuesday", "Tuesday it is")
#: is a date, no option.
_PICKED = re.compile(
    # "go with" a name alone may be going with a person ("I'll go with Sarah"): only the
    # name of a thing ("go with the Express") or one said instead of another ("go with
    # Economy then")
    rf"(?:\b(?i:go(?:ing)?\s+with)\s+(?:(?i:the)\s+(?P<thing>{OPTION_NAME})"
    rf"(?=\s+(?i:then|please|instead|one|option)\b|\s*(?:[.!,;]|$))"
    rf"|(?P<instead>{OPTION_NAME})(?=\s+(?i:then|instead)\b))"
    rf"|\b(?i:(?:i|we)(?:'ll|’ll|\s+will)\s+(?:do|have)|let'?s\s+do)"
    rf"\s+(?:(?i:the)\s+)?(?P<taken>{OPTION_NAME})"
    rf"(?=\s+(?i:then|please|instead|one|option)\b|\s*(?:[.!,;]|$))"
    rf"|(?<![\w'’]\s)(?<![\w'’])(?!{_NOT_OPTIONS})(?P<confirmed>{OPTION_NAME})\s+it\s+is"
    rf"(?=\s+(?i:then)\b|\s*(?:[.!,;]|$){_FOR_WHICH_PART})"
    rf"|\b(?i:actually|ok|okay|fine|alright|then)[,\s]+(?:(?i:the)\s+)?(?P<settled>{OPTION_NAME})"
    rf"(?=\s+(?i:then|one|please)\b)"
    # switched to or gone back to, the clause closing on the name: "switch to the Pro",
    # "Switched to Pro ✅", "back to the Classic please"
    rf"|(?:\b(?i:switch(?:ed)?|swap(?:ped)?|chang(?:e|ed))(?:\s+(?i:back))?"
    rf"|(?:^|[,;]|\b(?i:{EN_BACK_OPENERS}))\s*(?i:back))"
    rf"\s+(?i:to)\s+(?:(?i:the)\s+)?(?P<switched>{OPTION_NAME})"
    rf"(?=\s+(?i:then|please|instead|one|option)\b|\s*(?:[.!,;]|$)|\s*{EMOJI}))"
)
#: A day or a month: a date taken, no option.
_DATE_NAME = re.compile(
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june"
    r"|july|august|september|october|november|december|today|tomorrow)\b"
)
#: How many instalments an order is paid in: "6 monthly instalments", "0% over 10 months"
#: (the Thai «ผ่อน 0% 6 เดือน», the Persian «سه قسط»); "paid in instalments" names no plan.
_INSTALMENTS = re.compile(
    r"(?<![\w.])(?:(?:\d{1,2}|two|three|four|five|six|ten|twelve)\s+(?:monthly\s+)?"
    r"instal?ments|0%\s+(?:finance\s+)?over\s+\d{1,2}\s+months)(?![A-Za-z])",
    re.IGNORECASE,
)
#: Instalments counted as paid or owed, not the plan: said right after them ("2 instalments
#: left", "3 instalments paid", "2 instalments overdue", "You've paid 2 instalments so far")
#: or right before them ("You've paid 2 instalments", "missed 2 instalments"); "paid over 6
#: instalments" and "6 instalments paid monthly" are the plan, "what's left of my savings" is
#: not about the instalments.
_COUNTED_AFTER = re.compile(
    r"^\s+(?:(?:are|were|have\s+been|has\s+been|still|already)\s+)*"
    r"(?:paid(?!\s+(?:in|over|across|by|monthly|weekly|fortnightly|each|every|per)\b)"
    r"|overdue|missed|remaining|left|outstanding|so\s+far|in\s+arrears|behind)\b",
    re.IGNORECASE,
)
_COUNTED_BEFORE = re.compile(
    r"\b(?:paid|missed|remaining|outstanding|overdue|owe|owed|behind\s+(?:on|by))"
    r"\s+(?:(?:the|your|my|all|only|just|last|first)\s+)?$",
    re.IGNORECASE,
)
#: Which of the instalments: "the first of 3 instalments", "2 of 6 instalments"; "a plan of
#: 12 instalments" and "a total of 6 instalments" are the plan.
_OF_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last|final|next|each|all|none|any|some|most|half"
    r"|one|two|three|four|five|six|\d+(?:st|nd|rd|th)?)\s+of\s+$",
    re.IGNORECASE,
)
#: A colour word alone names no maker's colour ("The SIM card colour is White"): a maker's
#: colour is a name of its own ("Midnight Black", "Awesome Navy").
_PLAIN_COLOUR = re.compile(
    r"red|white|black|blue|green|yellow|gr[ae]y|pink|purple|orange|brown|silver|gold", re.I
)

#: Metals name a level as often as a colour ("the Gold plan", "Silver it is").
_METAL = re.compile(r"silver|gold", re.I)


#: How a refund is paid: "as account credit", "back on the card", "to your original
#: payment method", "store credit".
_REFUND_METHOD = re.compile(
    r"(?<![A-Za-z])(?:(?:account|store|wallet)\s+credit"
    r"|back\s+(?:on|to|onto)\s+(?:the|your|my)\s+(?:card|original\s+payment(?:\s+method)?)"
    r"|(?:to|on)\s+(?:the|your|my)\s+original\s+payment(?:\s+method)?)(?![A-Za-z])",
    re.IGNORECASE,
)


#: The word that says which way a refund is paid, however the sentence puts it.
_METHOD_WORD = re.compile(r"card|credit|original", re.IGNORECASE)


def same_choice(key: str, new: str, current: str) -> bool:
    """Whether ``new`` only says again the choice ``current`` holds: "back to your card"
    after "back on the card" is the same way of paying the refund."""
    if key != "refund_method":
        return False
    said, held = _METHOD_WORD.search(new), _METHOD_WORD.search(current)
    if said is None or held is None:
        return False
    return said.group().casefold() == held.group().casefold()


#: A name shorter than this is kept with its kind (``domain.context.replaced`` marks only
#: quoted values of at least four characters).
_MIN_NAME_CHARS = 4


@dataclass(frozen=True)
class NamedChoice:
    key: str
    start: int
    end: int
    text: str
    #: Switched to or gone back to by its name alone ("back to the Classic please"): a
    #: choice only if the name was offered or held before in the conversation, else "I go
    #: back to Dublin", "he switched to Revolut" would name a product.
    returned: bool = False


def named_choices(text: str) -> Iterator[NamedChoice]:
    """Named rooms, clubs, locations and plans said as chosen (not asked about)."""
    offset = 0
    # an emoji ends a chat sentence: «… دو قسط کنیم بهتره 😅 تخفیف که نمی‌پره؟» takes the
    # instalments, and only the part after the emoji asks
    parts = (part for whole in split_sentences(text) for part in EMOJI_BREAK.split(whole))
    for sentence in parts:
        offset = text.find(sentence, offset)
        if not is_question(sentence):
            yield from _in_sentence(sentence, offset)
        offset += len(sentence)


def _in_sentence(sentence: str, offset: int) -> Iterator[NamedChoice]:
    for persian in choices_named(sentence):
        yield NamedChoice(persian.key, offset + persian.start, offset + persian.end, persian.text)
    for method in _REFUND_METHOD.finditer(sentence):
        yield NamedChoice(
            "refund_method", offset + method.start(), offset + method.end(), method.group()
        )
    for plan in _INSTALMENTS.finditer(sentence):
        if not _not_the_plan(sentence, plan.start(), plan.end()):
            yield NamedChoice(
                "instalment_plan", offset + plan.start(), offset + plan.end(), plan[0]
            )
    for parts in _PARTS_BRAND.finditer(sentence):
        start, end = parts.span("brand")
        if chosen_by_words(sentence, start) and not not_chosen(sentence, start, end):
            yield NamedChoice("parts_brand", offset + start, offset + end, parts["brand"])
    for match in _CHOICE.finditer(sentence):
        if match.group("before"):
            kind = match.group("kind")
            if kind[0].isupper() and kind.casefold() not in _NAMED_PRODUCTS:
                continue  # "Lakeshore Family Clinic": who the business is
            # "Family Room" is the name in full; "a Deluxe King room" names "Deluxe King";
            # a short name keeps its kind ("the Pro plan"): "Pro" alone is too short to
            # mark where a summary still quotes it.
            short = len(match.group("before")) < _MIN_NAME_CHARS
            group = 0 if kind[0].isupper() or short else "before"
        elif match.group("kind2"):
            kind, group = match.group("kind2").split()[-1], "after"
        elif match.group("kind4"):
            kind, group = match.group("kind4"), "as"
        else:
            kind, group = match.group("kind3"), "to"
        start, end = match.start(group), match.end(group)
        key = _KINDS[kind.casefold()]
        if not_chosen(sentence, start, end) or (key == "colour" and _plain_colour(match[group])):
            continue
        if _is_measure(match[group]):
            continue  # "the 500 Mbps package": its size, kept by what it is the size of
        yield NamedChoice(key, offset + start, offset + end, match.group(group))
    yield from _picked(sentence, offset)
    for colour in colours_taken(sentence):
        if not not_chosen(sentence, colour.start, colour.end):
            start, end = offset + colour.start, offset + colour.end
            yield NamedChoice("colour", start, end, colour.text, colour.back)


def _picked(sentence: str, offset: int) -> Iterator[NamedChoice]:
    """Options taken by their name alone (``_PICKED``), not refused nor a day. A plain
    colour taken so ("Green it is") is a colour, no product; a number alone ("22 it is",
    "let's do 3") is how many, no option's name."""
    for match in _PICKED.finditer(sentence):
        group = next(
            g for g in ("thing", "instead", "taken", "confirmed", "settled", "switched") if match[g]
        )
        start, end = match.span(group)
        if _DATE_NAME.match(match[group]) or not_chosen(sentence, start, end):
            continue
        if not any(character.isalpha() for character in match[group]):
            continue
        # "Silver then", "Gold it is": a level as often as a colour, kept as picked
        colour = _plain_colour(match[group]) and not _METAL.fullmatch(match[group])
        key = "colour" if colour else "product"
        returned = group == "switched"
        yield NamedChoice(key, offset + start, offset + end, match[group], returned)


def _not_the_plan(sentence: str, start: int, end: int) -> bool:
    """Whether the instalments are refused ("I can't afford 6 monthly instalments") or
    counted as paid or owed rather than the plan."""
    return (
        not_chosen(sentence, start, end)
        or _COUNTED_AFTER.search(sentence[end:]) is not None
        or _COUNTED_BEFORE.search(sentence[:start]) is not None
        or _OF_BEFORE.search(sentence[:start]) is not None
    )


def _is_measure(name: str) -> bool:
    return [v.kind for v in find_values(name) if v.text == name] == [Kind.MEASURE]


def _plain_colour(name: str) -> bool:
    return _PLAIN_COLOUR.fullmatch(name) is not None
