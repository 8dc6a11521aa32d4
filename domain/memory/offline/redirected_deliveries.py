"""An address given in answer to "what's the address there?" after the customer asked to have
the delivery sent somewhere else: "Can you send it to my work instead?" "Of course, what's
the work address?" "Unit 4, Kirkstall Forge, Leeds LS5 3BF"; «میشه بفرستید محل کارم؟»
«آدرس محل کارتون چیه؟»; «ส่งไปที่ทำงานได้ไหมคะ» «ขอที่อยู่ที่ทำงานด้วยครับ».

The question names the place ("work"), so the answer alone reads as that place's address,
or only as the postcode it ends in. Asked after a change of destination it is where the
delivery now goes: the delivery address, stored whole, the old one kept in history.

The request often gives the address itself: «بفرستید دفترم: خیابان زند، ساختمان آرین»,
"send it to my work instead: 14 Wellington Street, Leeds LS1 4DL". The address read there
as the place's is the delivery address too (``redirected_in_request``).
"""

from __future__ import annotations

import re

from domain.memory.engine import TranscriptLine
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: A request to send the delivery to another place: "send it to my work", "could it go
#: to my sister's", «بفرستید محل کارم», «ส่งไปที่ทำงานได้ไหม».
_SEND_ELSEWHERE = re.compile(
    r"\b(?:deliver|send|ship|redirect|go|bring)\b(?:\s+[\w']+){0,3}?\s+to\b"
    rf"|(?<![{_FA}])(?:بفرست|ارسال\s+کن|بره|برسه|برسونید|بیارید)"
    r"|ส่ง(?:ไป|มา)",
    re.IGNORECASE,
)
#: A question for an address, with no address in it: "what's the work address?",
#: «آدرس محل کارتون چیه؟», «ขอที่อยู่ที่ทำงานด้วยครับ».
_ASKS_ADDRESS = re.compile(rf"\baddress\b|(?<![{_FA}])آدرس|ที่อยู่", re.IGNORECASE)
#: Keys an address given there may have been read under, for the place the question named
#: or as the postcode it ends in.
_READ_AS = re.compile(r"^(?:work_address|pickup_address|postcode(?:_\d+)?)$")
#: Keys of an address read whole as another place's: the one a request names.
_PLACES = frozenset({"work_address", "pickup_address"})
#: Where the address said ends: a sentence's end, a Thai polite word ("… 10330 ค่ะ").
_ADDRESS_END = re.compile(r"[.!?\n]\s|\s*(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ)")
_SENTENCE_END = re.compile(r"[.!?]\s+")
#: Words before the address that are no part of it: "it's", "sure,", «بله», «ได้ค่ะ».
_LEAD = re.compile(
    r"(?:(?:sure|yes|yeah|ok|okay|it'?s|it\s+is|that'?s)\b[\s,:]*)+"
    rf"|(?:بله|باشه|آدرس)(?![{_FA}])[\s،:]*",
    re.IGNORECASE,
)


def _asks_to_send_elsewhere(request: str) -> bool:
    return _SEND_ELSEWHERE.search(request) is not None


def _asks_for_address(question: str) -> bool:
    """Whether ``question`` asks for an address without giving one."""
    return _ASKS_ADDRESS.search(question) is not None and not any(c.isdigit() for c in question)


def _read_as_other_place(key: str) -> bool:
    return _READ_AS.match(key) is not None


def _whole_address(reply: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the whole address in ``reply`` around the part at ``start:end``: from
    the reply's start (its lead-in left out) to where the address ends after that part."""
    sentences = [m.end() for m in _SENTENCE_END.finditer(reply, 0, start)]
    begin = sentences[-1] if sentences else 0
    lead = _LEAD.match(reply, begin)
    begin = lead.end() if lead is not None and lead.end() <= start else begin
    stop = _ADDRESS_END.search(reply, end)
    return begin, stop.start() if stop is not None else len(reply.rstrip())


def redirected_delivery(
    line: TranscriptLine,
    question: TranscriptLine | None,
    request: TranscriptLine | None,
    matches: list[FactMatch],
    delivering: bool,
) -> list[FactMatch]:
    """``matches`` of a customer's reply, its address read as the delivery address, whole,
    when it answers the assistant's question for an address (``question``) just after the
    customer asked to have the delivery (held: ``delivering``) sent elsewhere (``request``)."""
    if (
        not delivering
        or line.role != "user"
        or question is None
        or request is None
        or question.role != "assistant"
        or request.role != "user"
        or not _asks_for_address(question.content)
        or not _asks_to_send_elsewhere(request.content)
    ):
        return matches
    parts = [m for m in matches if _read_as_other_place(m.key)]
    if not parts:
        return matches
    start, end = _whole_address(line.content, parts[0].start, parts[-1].end)
    inside = [
        m
        for m in matches
        if start <= m.start
        and m.end <= end
        and (_read_as_other_place(m.key) or m.key == "delivery_address")
    ]
    kept = [m for m in matches if m not in inside]
    return [*kept, FactMatch("delivery_address", line.content[start:end], start, end)]


def redirected_in_request(
    line: TranscriptLine, matches: list[FactMatch], delivering: bool
) -> list[FactMatch]:
    """``matches`` of a customer's line that asks to have the delivery (held: ``delivering``)
    sent elsewhere and gives the address there: the address read as the other place's
    (work, pick-up) or as its postcode is the delivery address, whole."""
    if not delivering or line.role != "user" or not _asks_to_send_elsewhere(line.content):
        return matches
    if any(m.key == "delivery_address" for m in matches):
        return matches
    places = [m for m in matches if m.key in _PLACES]
    if len(places) == 1:
        start, end = places[0].start, places[0].end
    else:
        # English reads a free address only as the postcode it ends in: the address is
        # its sentence, when that sentence is not the request ("It's Unit 4, …, LS5 3BF").
        postcodes = [m for m in matches if _read_as_other_place(m.key)]
        if places or len(postcodes) != 1:
            return matches
        start, end = _whole_address(line.content, postcodes[0].start, postcodes[0].end)
        if _asks_to_send_elsewhere(line.content[start:end]):
            return matches
    inside = [
        m for m in matches if start <= m.start and m.end <= end and _read_as_other_place(m.key)
    ]
    kept = [m for m in matches if m not in inside]
    return [*kept, FactMatch("delivery_address", line.content[start:end], start, end)]
