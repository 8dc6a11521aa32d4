"""An address the invoices go to, kept as the billing address, whole.

Asked for it ("And the invoice address for Flint Hospitality?" "Unit 4, Paintworks, Bath
Road, BS4 3EH"), the reply is the billing address, not an invoice number read from its
postcode. Told it moved ("invoices need to go to our new office now. 3rd Floor, 18 Queen
Square, BS1 4NT"), the address given is the new billing address: it replaces the old one
and never the address the service is for (the site's, the delivery's), which stays.

English reads a free address only in part (its street and postcode, or the postcode
alone): the address is the reply, or the sentence it stands in when that sentence is not
the one naming the invoices.
"""

from __future__ import annotations

import re

from domain.memory.engine import TranscriptLine
from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.redirected_deliveries import asks_for_address, whole_address

BILLING_ADDRESS = "billing_address"

#: The invoices, named: "invoices", "the invoice", "billing", "statements".
_INVOICES = re.compile(r"\b(?:invoices?|invoicing|billing|statements)\b", re.IGNORECASE)
#: Invoices sent or going to a place: "invoices need to go to", "send the invoices to",
#: "invoices should be addressed to", "billing address is".
_INVOICES_GO = re.compile(
    r"\b(?:invoices?|billing|statements)\b(?:\s+[\w']+){0,3}?\s+"
    r"(?:go|goes|going|sent|addressed|posted|address)\b"
    r"|\bsend\s+(?:the\s+|our\s+|my\s+|all\s+)?(?:invoices?|statements|bills)\s+to\b",
    re.IGNORECASE,
)
#: The parcel or a visit going somewhere: an address said beside it may be theirs.
_NOT_ONLY_INVOICES = re.compile(
    r"\b(?:deliver\w*|parcels?|packages?|ship\w*|collect\w*|engineer|technician|driver)\b",
    re.IGNORECASE,
)
#: A place other than the invoices' named in the question: "What's the delivery address?
#: I'll email the invoice separately." asks for the delivery's.
_ELSEWHERE = re.compile(
    r"(?<![A-Za-z])(?:deliver\w*|parcels?|packages?|ship\w*|collect\w*|engineer|technician"
    r"|driver|site|visit\w*|home)(?![A-Za-z])",
    re.IGNORECASE,
)
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_SENTENCE_END = re.compile(r"[.!?]\s+")


def _address_part(match: FactMatch) -> bool:
    """Whether ``match`` was read as an address or a part of one (a postcode, under
    whatever key a cue nearby gave it)."""
    key = base_key(match.key)
    return key.endswith("_address") or key == "postcode" or bool(_UK_POSTCODE.search(match.value))


def billed_to(
    line: TranscriptLine, question: TranscriptLine | None, matches: list[FactMatch]
) -> list[FactMatch]:
    """``matches`` of a customer's line with the address it gives for the invoices read as
    the billing address, whole: in a reply to the assistant's question for the invoice
    address, or in a line that says the invoices go there."""
    if line.role != "user" or _NOT_ONLY_INVOICES.search(line.content):
        return matches
    parts = [m for m in matches if _address_part(m)]
    if not parts or any(m.key == BILLING_ADDRESS for m in parts):
        return matches
    if _asked_for_invoice_address(question):
        start, end = whole_address(line.content, parts[0].start, parts[-1].end)
    elif _INVOICES_GO.search(line.content):
        span = _address_apart(line.content, parts)
        if span is None:
            return matches
        start, end = span
    else:
        return matches
    inside = [m for m in parts if start <= m.start and m.end <= end]
    if not inside:
        return matches
    kept = [m for m in matches if m not in inside]
    return [*kept, FactMatch(BILLING_ADDRESS, line.content[start:end], start, end)]


def _asked_for_invoice_address(question: TranscriptLine | None) -> bool:
    return (
        question is not None
        and question.role == "assistant"
        and asks_for_address(question.content)
        and _INVOICES.search(question.content) is not None
        and _ELSEWHERE.search(question.content) is None
    )


def _address_apart(text: str, parts: list[FactMatch]) -> tuple[int, int] | None:
    """(start, end) of the one address ``parts`` read in ``text``: the sentence it stands
    in, when that sentence does not name the invoices; else the address as read, when it
    was read as one (not a postcode alone)."""
    first, last = parts[0], parts[-1]
    if _sentence_of(text, first.start) != _sentence_of(text, last.start):
        return None
    sentence_start, sentence_end = _sentence_of(text, first.start)
    if _INVOICES.search(text, sentence_start, sentence_end) is None:
        return whole_address(text, first.start, last.end)
    if len(parts) == 1 and base_key(first.key).endswith("_address"):
        return first.start, first.end
    return None


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    stop = _SENTENCE_END.search(text, at)
    return (starts[-1] if starts else 0), (stop.start() if stop is not None else len(text))
