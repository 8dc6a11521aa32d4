"""A plain colour taken, in English or Persian: "I'll take it in black instead", "the grey
one please", "switch it to navy", «پس مشکی رو می‌خوام», «رنگ طوسی رو برمی‌دارم». A maker's
colour name ("Midnight Black") is read by ``named_choices``; a plain colour counts only
when the words around it take it, so a colour offered ("we have it in black or grey") or
describing something ("the black cable") is no choice, nor is the level of a card or a
plan ("switch my card to gold", «کارت طلایی رو می‌خوام»). A later colour taken replaces the
earlier one. (Thai picks, «เอาสีดำค่ะ», are read by ``thai_named_things``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from domain.memory.offline.lexicon import (
    EMOJI,
    ENGLISH_ACKNOWLEDGEMENTS,
    ENGLISH_YES,
    alternation,
)
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
#: A plain colour in English (``offered_names`` keeps those the assistant named).
EN_COLOUR = (
    r"(?:(?:light|dark|pale|navy|sky|bright)\s+)?"
    r"(?:red|white|black|blue|green|yellow|gr[ae]y|pink|purple|orange|brown|silver|gold"
    r"|navy|beige|cream|charcoal|teal|olive|burgundy|maroon|ivory|khaki|turquoise)"
)
#: Where a colour taken ends: a word that closes the pick, or the clause's end; not a list
#: of colours offered ("we do it in red, green and grey").
_EN_CLOSES = (
    rf"(?!\s*(?:,|\b(?i:or|and)\b)\s*(?:(?i:the)\s+)?(?i:{EN_COLOUR})\b)"
    r"(?=\s+(?i:instead|please|then|thanks|thank|for\s+me)\b|\s*(?:[.!,;]|$))"
)
#: Words that open "back to …" as a choice gone back to: a yes or an ok ("yep back to
#: navy"), "so", "no", "actually"; not "go" ("then I go back to Dublin": a way home).
EN_BACK_OPENERS = rf"{alternation(ENGLISH_YES | ENGLISH_ACKNOWLEDGEMENTS)}|so|then|no|but|actually"
#: The same close, or an emoji that ends the message ("so back to navy 🙃").
_EN_CLOSES_OR_EMOJI = rf"(?:{_EN_CLOSES}|(?=\s*{EMOJI}))"
_EN_TAKEN = re.compile(
    # "I'll take it in black instead", "I'd like the grey one", "go for white"
    r"(?i:\b(?:take|(?<=['’]ll\s)have|(?<=will\s)have|get|go\s+for|go\s+with|order|want|prefer|choose|pick|make)"
    r"(?:\s+(?:it|them|one|that|this))?(?:\s+(?:in|with))?(?:\s+the)?\s+"
    rf"(?P<taken>{EN_COLOUR})(?:\s+(?:one|ones|version|option|colou?r))?){_EN_CLOSES}"
    # "I want the iPhone 15 in black please", "I'd like the kitchen tiles in white"
    r"|(?i:\b(?:take|want|order|get|(?:['’]d|would)\s+like)\s+(?:the|a|an|my|it|them|one)\b"
    rf"(?:\s+[\w'’-]+){{0,4}}?\s+in\s+(?P<object_in>{EN_COLOUR})){_EN_CLOSES}"
    # "switch it to navy", "I've changed your armchair to black"
    r"|(?i:\b(?:switch|swap|chang)(?:e|es|ed|ing)?"
    r"(?:\s+(?:it|them|that|this|(?:the|your|my)(?:\s+[A-Za-z][\w'’-]*){1,3}))?"
    rf"\s+(?:to|for)\s+(?:the\s+)?(?P<switched>{EN_COLOUR})(?:\s+(?:one|ones|version))?)"
    rf"{_EN_CLOSES}"
    # a colour gone back to: "so back to navy", "ok, back to the black one please", "can we
    # go back to white?"; "back to black" after another colour takes the first again
    rf"|(?:^|[,;]|\b(?i:{EN_BACK_OPENERS}|switch(?:ed)?|chang(?:e|ed)|swap(?:ped)?))\s*"
    r"(?i:back)\s+(?i:to)\s+(?:(?i:the)\s+)?"
    rf"(?P<back>(?i:{EN_COLOUR}))(?:\s+(?i:one|ones|version))?{_EN_CLOSES_OR_EMOJI}"
    # the pick said alone: "the grey one please", "ok, the black one then", "not black, the
    # white one"
    r"|(?:^|[,;]|\b(?i:no|but))\s*(?:(?i:ok|okay|fine|actually|then|just|hmm)[,\s]+)*(?i:the)\s+"
    rf"(?P<reply>(?i:{EN_COLOUR}))\s+(?i:one)(?:\s+(?i:please|then|instead))?\s*[.!]?\s*$"
)
#: A plain colour in Persian.
FA_COLOUR = (
    r"(?:سفید|مشکی|سیاه|طوسی|خاکستری|نقره[\u200c\s]?ای|طلایی|کرم|بژ|قهوه[\u200c\s]?ای|آبی"
    r"|سرمه[\u200c\s]?ای|سبز|قرمز|زرشکی|صورتی|بنفش|زرد|نارنجی|یشمی|فیروزه[\u200c\s]?ای)"
)
#: A Persian verb of taking after the colour and its object marker: «مشکی رو می‌خوام»,
#: «رنگ طوسی رو برمی‌دارم», «سفید رو انتخاب می‌کنم», «همون آبی رو بفرستید».
_FA_TAKEN = re.compile(
    rf"(?<![{_FA}])(?P<taken>(?:رنگ\s+)?{FA_COLOUR})(?:ش|ه)?\s+(?:رو|را)\s+"
    rf"(?:(?:به\s+جاش|به\s+جای\s+اون|عوض\s+کنید\s+و)\s+)?"
    rf"(?:می[\u200c\s]?خوام|می[\u200c\s]?خواهم|برمی[\u200c\s]?دارم|بر\s+می[\u200c\s]?دارم"
    rf"|انتخاب\s+می[\u200c\s]?کنم|بفرستید|بفرستین|سفارش\s+می[\u200c\s]?دم|ثبت\s+کنید)"
    # a colour gone back to: «برگردیم به مشکی», «برگردید به همون سفید»
    rf"|(?<![{_FA}])(?:برگردیم|برگردید|برگردین|برمی[\u200c\s]?گردیم)\s+به\s+"
    rf"(?:(?:همون|همان)\s+)?(?P<back>(?:رنگ\s+)?{FA_COLOUR})(?![{_FA}])"
    # «به مشکی تغییر بدید», «به رنگ طوسی عوض کنید»
    rf"|(?<![{_FA}])به\s+(?P<switched>(?:رنگ\s+)?{FA_COLOUR})\s+"
    rf"(?:تغییر|عوض)\s+(?:بدید|بدین|بده|کنید|کنین|کن|دادم|دادیم|کردم|کردیم|شد)"
)
#: A Persian «نمی‌خوام» refuses the colour.
_FA_REFUSED = re.compile(r"نمی[\u200c\s]?خوام|نمی[\u200c\s]?خواهم|نه\s+$")


#: A level of a card, a plan or a membership named by a metal or a colour ("the gold card",
#: "switch my membership to silver", «کارت طلایی», «บัตรสีทอง» are read elsewhere): no
#: colour of a thing taken.
_TIER_THING = re.compile(
    r"(?<![A-Za-z])(?i:cards?|memberships?|members?|plans?|tiers?|packages?|accounts?"
    r"|subscriptions?|levels?|status|loyalty|package|pass(?:es)?|tickets?|class)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:کارت|اشتراک|عضویت|بسته|پکیج|پلن|سطح|بلیط|بلیت)(?:م|ش|مون|تون)?(?![{_FA}])",
)


#: The colours that also name a level: metals ("I'd like the business cards in navy" is a
#: colour whatever it is of).
_METAL = re.compile(r"gold|silver|طلایی|نقره", re.IGNORECASE)


def _of_a_tier(sentence: str, match: re.Match[str], start: int, end: int) -> bool:
    """Whether the metal at ``start``..``end`` names the level of a card or a plan: a tier
    thing in its clause before it («کارتم رو به طلایی …»), or the word right after it."""
    if not _METAL.search(sentence[start:end]):
        return False
    before = re.split(r"[,;.!?،؛]", sentence[:start])[-1]
    word_before = sentence[:start].split()[-1:] or [""]
    word_after = sentence[end:].split()[:1] or [""]
    return any(_TIER_THING.search(part) for part in (before, word_before[0], word_after[0]))


@dataclass(frozen=True)
class ColourTaken:
    start: int
    end: int
    text: str
    #: Gone back to ("so back to navy", «برگردیم به مشکی»): taken only if offered or held
    #: before ("my hair, it's back to black" describes).
    back: bool = False


def colours_taken(sentence: str) -> Iterator[ColourTaken]:
    """Plain colours ``sentence`` takes, English or Persian."""
    for match in _EN_TAKEN.finditer(sentence):
        group = next(g for g in ("taken", "object_in", "switched", "back", "reply") if match[g])
        if group != "object_in" and _of_a_tier(
            sentence, match, match.start(group), match.end(group)
        ):
            continue
        yield ColourTaken(match.start(group), match.end(group), match[group], group == "back")
    for match in _FA_TAKEN.finditer(sentence):
        group = next(g for g in ("taken", "switched", "back") if match[g])
        if _FA_REFUSED.search(match.group()) or _of_a_tier(
            sentence, match, match.start(group), match.end(group)
        ):
            continue
        yield ColourTaken(match.start(group), match.end(group), match[group], group == "back")
