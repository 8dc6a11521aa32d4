"""What a message of change says it moves: "I've had to move your survey", "we're changing
the survey". A day given then belongs to that thing: when the one date held is another
thing's (the installation), the survey's day does not move it. English only: no Persian or
Thai dialogue read so far names the thing moved in a message whose day is stored."""

import re

from domain.memory.offline.lexicon import word_set

_EN = re.compile(
    r"(?<![A-Za-z])(?:move[sd]?|moving|chang(?:e|es|ed|ing)|reschedul(?:e|es|ed|ing)"
    r"|push(?:es|ed|ing)?|postpon(?:e|es|ed|ing)|rebook(?:s|ed|ing)?)"
    r"\s+(?:your|the|my|our|their|his|her)\s+(?P<thing>[a-z]{3,})",
    re.IGNORECASE,
)
#: Things moved that name no subject of their own: the one held day is theirs.
_ANY_BOOKING = word_set(
    """
    appointment booking visit slot date day time reservation session it plans plan order
    """
)


#: A Thai verb of change, with the words run together before it (its subject: «งานกีฬาสี
#: เลื่อน…») and after it (its object: «เลื่อนส่งเป็น …»).
_TH = re.compile(r"(?P<before>[\u0e00-\u0e7f]*)(?:เลื่อน|ย้าย)(?P<after>[\u0e00-\u0e7f]*)")
#: A Persian verb of change, with up to four words of its clause before it: the thing is
#: its object («تحویل رو بندازید …») or its subject («عروسی افتاد به …»).
_FA = re.compile(
    r"(?P<before>(?:[^\s،,.!?؟:]+\s+){0,4}?)"
    r"(?:\S*نداز|انداخت|عقب|عوض|تغییر|جاب[هـ]?\u200c?جا|منتقل|موکول|افتاد)"
)
#: Heads of events a day of their own is given for: a sports day, a wedding, a trip.
_TH_EVENTS = re.compile(
    r"งาน|พิธี|ทริป|เที่ยว|ประชุม|สัมมนา|ปาร์ตี้|กีฬาสี|รับปริญญา|บวช|สอบ|คอนเสิร์ต|เดินทาง|ฉลอง"
)
_FA_EVENTS = (
    "عروسی",
    "جشن",
    "مراسم",
    "سفر",
    "مسافرت",
    "جلسه",
    "همایش",
    "تولد",
    "مهمونی",
    "مهمانی",
    "امتحان",
    "کنسرت",
    "نامزدی",
    "عقد",
)


def thing_moved(text: str) -> str | None:
    """The noun a word of change in ``text`` moves, unless it names any booking at all (in
    Thai and Persian: the words next to the verb of change, whatever they name)."""
    match = _EN.search(text)
    if match is not None:
        thing = match.group("thing").casefold()
        return None if thing in _ANY_BOOKING else thing
    if (th := _TH.search(text)) is not None:
        return f"{th.group('before')} {th.group('after')}".strip() or None
    if (fa := _FA.search(text)) is not None:
        return fa.group("before").strip() or None
    return None


def another_things(thing: str, held_keys: list[str]) -> bool:
    """Whether ``thing`` names none of the held keys ("survey" of "installation_date"); a
    Thai or Persian one only when it names an event (a sports day, a wedding)."""
    if not thing.isascii():
        return _names_an_event(thing)
    stem = thing[: max(4, len(thing) - 3)]
    return not any(stem in key for key in held_keys)


def thing_named_in(thing: str, text: str) -> bool:
    """Whether ``text`` (the question a reply answers) names ``thing`` too: "anything
    for the car?" "can we move the car to 11am?" moves what was asked about."""
    if thing.isascii():
        return thing[: max(4, len(thing) - 3)] in text.casefold()
    return any(event in text for event in _events_in(thing))


def _names_an_event(words: str) -> bool:
    return bool(_events_in(words))


def _events_in(words: str) -> list[str]:
    """The event words in ``words``: a Thai one anywhere, a Persian one opening a word."""
    thai = [match.group() for match in _TH_EVENTS.finditer(words)]
    persian = [event for word in words.split() for event in _FA_EVENTS if word.startswith(event)]
    return thai + persian
