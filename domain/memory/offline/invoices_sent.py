"""Where the invoices go is the billing address, not where the order or the service goes.

"invoices need to go to our new office, … 18 Queen Square", «فاکتورها رو بفرستید دفتر
مرکزی: …», «ใบกำกับภาษีส่งไปที่ออฟฟิศ …»: the place is sent paper, not the parcel or the
technician, so it never replaces the delivery or site address. Asked for it ("And the
invoice address for Flint Hospitality?" "Unit 4, Paintworks, Bath Road, BS4 3EH"), the
reply is the billing address, whole, not an invoice number read from its postcode.

One test (``invoices_sent_to``) for both: an address value read as one, and an address
read only in part under another key (its postcode, as ``invoice_number``), widened whole
(``billed_to``).
"""

from __future__ import annotations

import re

from domain.memory.engine import TranscriptLine
from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.redirected_deliveries import asks_for_address, whole_address
from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.values import POSTCODE

BILLING_ADDRESS = "billing_address"

#: Paper sent for payment: invoices, billing, bills, statements of account. (Not a Thai
#: receipt, «ใบเสร็จ»: it comes in the bag or by LINE, not to an office.)
_INVOICES = re.compile(
    r"(?<![A-Za-z])(?:invoic(?:e|es|ing)|billing|bills|statements)(?![A-Za-z])"
    r"|فاکتور|صورت[\u200c\s]?حساب"
    r"|ใบกำกับ(?:ภาษี)?|ใบแจ้งหนี้",
    re.IGNORECASE,
)
#: A place other than the invoices' named: the delivery's, the site's, a visit's, a home.
_ELSEWHERE = re.compile(
    r"(?<![A-Za-z])(?:deliver\w*|parcels?|packages?|ship\w*|collect\w*|engineer|technician"
    r"|driver|site|visit\w*|home)(?![A-Za-z])",
    re.IGNORECASE,
)
#: Words an address's sentence may hold before it and still be only the address ("3rd
#: Floor,", "Unit 4,").
_ADDRESS_LEAD_WORDS = 3
#: How an address widened from its postcode begins when the widening took in no lead-in
#: ("The site postcode is …"): a number, or a unit ("Unit 4", "Flat 2").
_ADDRESS_START = re.compile(
    r"\d|(?:unit|flat|suite|apartment|apt|floor|block|building|level)\b", re.IGNORECASE
)


def invoices_sent_to(text: str, span: tuple[int, int], question: str | None = None) -> bool:
    """Whether the address at ``span`` of ``text`` is where invoices go: its sentence, up to
    it, names them; or it stands alone and the sentence before names them (or, that one
    naming no place at all, the one before it); or ``question`` asks for an address for
    the invoices and names no other place (a delivery, the site, a visit, a home)."""
    start, end = span
    if _asks_for_invoice_address(question):
        return True
    begin, _ = sentence_bounds(text, start, end)
    lead = text[begin:start]
    if _INVOICES.search(lead):
        return True
    # "… go to our new office. 3rd Floor, 18 Queen Square": the address's own sentence
    if begin == 0 or len(lead.split()) > _ADDRESS_LEAD_WORDS or _ELSEWHERE.search(lead):
        return False
    for _ in range(2):  # "… go to the manchester office now. accounts moved up there. …"
        last = len(text[:begin].rstrip()) - 1  # the full stop of the sentence before
        if last < 0:
            return False
        before, _ = sentence_bounds(text, last, last)
        sentence = text[before:begin]
        if _INVOICES.search(sentence):
            return True
        if _ELSEWHERE.search(sentence) or before == 0:
            return False
        begin = before
    return False


def _asks_for_invoice_address(question: str | None) -> bool:
    return (
        question is not None
        and asks_for_address(question)
        and _INVOICES.search(question) is not None
        and _ELSEWHERE.search(question) is None
    )


def _address_part(match: FactMatch) -> bool:
    """Whether ``match`` is a part of an address read under another key than an address's
    (a postcode, as whatever a cue nearby made it: "BS4 3EH" as ``invoice_number``)."""
    key = base_key(match.key)
    if key.endswith("_address"):
        return False
    return key == "postcode" or POSTCODE.search(match.value) is not None


def billed_to(
    line: TranscriptLine, question: TranscriptLine | None, matches: list[FactMatch]
) -> list[FactMatch]:
    """``matches`` of a customer's line with an address it gives for the invoices, read
    only in part under another key, read as the billing address, whole."""
    if line.role != "user" or any(m.key == BILLING_ADDRESS for m in matches):
        return matches
    parts = [m for m in matches if _address_part(m)]
    if not parts:
        return matches
    asked = question.content if question is not None and question.role == "assistant" else None
    start, end = whole_address(line.content, parts[0].start, parts[-1].end)
    if (
        start < parts[0].start
        and not _asks_for_invoice_address(asked)
        and not _ADDRESS_START.match(line.content, start)
    ):
        return matches  # "The site postcode is LS6 2AB": a lead-in, not the address
    if not invoices_sent_to(line.content, (start, end), asked):
        return matches
    inside = [m for m in parts if start <= m.start and m.end <= end]
    kept = [m for m in matches if m not in inside]
    return [*kept, FactMatch(BILLING_ADDRESS, line.content[start:end], start, end)]
