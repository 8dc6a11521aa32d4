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
#: What a request sends that is not the delivery: paperwork ("send the invoice to my work",
#: «فاکتور رو بفرستید», «ใบกำกับภาษีส่งไป») or a person sent to fetch ("send a driver to",
#: "can the driver go to").
_NOT_THE_PARCEL = re.compile(
    r"\b(?:invoices?|receipts?|bills?|paperwork|documents?)\b"
    r"|\bsend\s+(?:a|the|your|some|an)?\s*(?:driver|courier|man|men|van|someone|somebody"
    r"|engineer|technician)\b"
    r"|\b(?:driver|courier|someone|somebody|engineer|technician|you|we|i|they)\s+(?:[\w']+\s+)?"
    r"go\s+to\b"
    rf"|(?<![{_FA}])(?:فاکتور|رسید|صورت\s*حساب|مدارک)"
    r"|ใบกำกับ|ใบเสร็จ|เอกสาร",
    re.IGNORECASE,
)
#: A collection from the place named: "collect the old sofa from my work", "pick up the old
#: one", «از محل کارم ببرید», «بیاد بگیره», «มารับ». No delivery is sent there.
_COLLECTION = re.compile(
    r"\b(?:collect(?:ed|ing|ion)?|pick(?:ed|ing)?\s+(?:[\w']+\s+){0,3}?up|pick-?up)\b"
    rf"|(?<![{_FA}])(?:ببرید|ببرن|بیاد\s+بگیر|بیان\s+بگیر|تحویل\s+بگیر)"
    r"|มารับ|ไปรับ",
    re.IGNORECASE,
)
#: Where the clause that holds a request starts: what it sends is said there.
_CLAUSE_START = re.compile(r"[.!?,،:;\n]\s*|\s(?=\S)(?=[\u0E00-\u0E7F])")
#: A question for an address, with no address in it: "what's the work address?",
#: «آدرس محل کارتون چیه؟», «ขอที่อยู่ที่ทำงานด้วยครับ».
_ASKS_ADDRESS = re.compile(rf"\baddress\b|(?<![{_FA}])آدرس|ที่อยู่", re.IGNORECASE)
#: Keys an address given there may have been read under, for the place the question named
#: or as the postcode it ends in.
_READ_AS = re.compile(r"^(?:work_address|pickup_address|postcode(?:_\d+)?)$")
#: Keys of an address read whole as another place's: the one a request names.
_PLACES = frozenset({"work_address", "pickup_address"})
#: Where the address said ends: a sentence's end, a Thai polite word ("… 10330 ค่ะ"),
#: or the next clause ("… LS5 3BF and the new one …", «… طبقه ۴ و جدید رو بفرستید خونه»).
_ADDRESS_END = re.compile(
    r"[.!?\n]\s|\s*(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ)"
    r"|,?\s+(?:and|but|then)\s+(?:the|send|deliver|bring|please|it)\b"
    rf"|\s+و\s+(?:[{_FA}\u200c]+\s+){{0,2}}?(?:رو|را)(?![{_FA}])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+")
#: Words before the address that are no part of it: "it's", "sure,", «بله», «ได้ค่ะ».
_LEAD = re.compile(
    r"(?:(?:sure|yes|yeah|ok|okay|it'?s|it\s+is|that'?s)\b[\s,:]*)+"
    rf"|(?:بله|باشه|آدرس)(?![{_FA}])[\s،:]*",
    re.IGNORECASE,
)


def _asks_to_send_elsewhere(request: str) -> bool:
    """Whether ``request`` asks to have the delivery itself sent elsewhere: not a collection
    from there, nor an invoice or a driver sent there."""
    if _COLLECTION.search(request) is not None:
        return False
    return any(_sends_the_parcel(request, send) for send in _SEND_ELSEWHERE.finditer(request))


def _sends_the_parcel(request: str, send: re.Match[str]) -> bool:
    """Whether what ``send`` sends, said in its clause (before the verb in Persian and Thai,
    after it in English), is the parcel: "it", "the order", «سفارش», «ของ», or nothing."""
    starts = [m.end() for m in _CLAUSE_START.finditer(request, 0, send.start())]
    clause = request[starts[-1] if starts else 0 : send.end()]
    return _NOT_THE_PARCEL.search(clause) is None


def asks_for_address(question: str) -> bool:
    """Whether ``question`` asks for an address without giving one."""
    return _ASKS_ADDRESS.search(question) is not None and not any(c.isdigit() for c in question)


def _read_as_other_place(key: str) -> bool:
    return _READ_AS.match(key) is not None


def whole_address(reply: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the whole address in ``reply`` around the part at ``start:end``: from
    the reply's start (its lead-in left out) to where the address ends after that part."""
    sentences = [m.end() for m in _SENTENCE_END.finditer(reply, 0, start)]
    begin = sentences[-1] if sentences else 0
    lead = _LEAD.match(reply, begin)
    begin = lead.end() if lead is not None and lead.end() <= start else begin
    stop = _ADDRESS_END.search(reply, end)
    return begin, stop.start() if stop is not None else len(reply.rstrip())


def _address_end(text: str, place: FactMatch) -> int:
    """Where the address read at ``place`` ends: before the next clause, if one was read in."""
    stop = _ADDRESS_END.search(text, place.start)
    return min(stop.start(), place.end) if stop is not None else place.end


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
        or not asks_for_address(question.content)
        or not _asks_to_send_elsewhere(request.content)
    ):
        return matches
    parts = [m for m in matches if _read_as_other_place(m.key)]
    if not parts:
        return matches
    start, end = whole_address(line.content, parts[0].start, parts[-1].end)
    return _delivered_to(line, matches, start, end)


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
        start, end = places[0].start, _address_end(line.content, places[0])
    else:
        # English reads a free address only as the postcode it ends in: the address is
        # its sentence, when that sentence is not the request ("It's Unit 4, …, LS5 3BF").
        postcodes = [m for m in matches if _read_as_other_place(m.key)]
        if places or len(postcodes) != 1:
            return matches
        start, end = whole_address(line.content, postcodes[0].start, postcodes[0].end)
        if _asks_to_send_elsewhere(line.content[start:end]):
            return matches
    return _delivered_to(line, matches, start, end)


def _delivered_to(
    line: TranscriptLine, matches: list[FactMatch], start: int, end: int
) -> list[FactMatch]:
    """``matches`` with the address at ``start:end`` as the delivery address, in place of
    what was read inside it as another place's (or as a delivery address in part)."""
    inside = [
        m
        for m in matches
        if start <= m.start
        and m.end <= end
        and (_read_as_other_place(m.key) or m.key == "delivery_address")
    ]
    kept = [m for m in matches if m not in inside]
    return [*kept, FactMatch("delivery_address", line.content[start:end], start, end)]
