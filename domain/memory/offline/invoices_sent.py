"""Where the invoices go is the billing address, not where the order or the service goes.

"invoices need to go to our new office, … 18 Queen Square", «فاکتورها رو بفرستید دفتر
مرکزی: …», «ใบกำกับภาษีส่งไปที่ออฟฟิศ …»: the place is sent paper, not the parcel or the
technician, so it never replaces the delivery or site address.
"""

import re

from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.values import ValueSpan

#: Paper sent for payment: invoices, bills, statements of account.
_INVOICES = re.compile(
    r"(?<![A-Za-z])(?:invoic(?:e|es|ing)|bills|statements)(?![A-Za-z])"
    r"|فاکتور|صورت[\u200c\s]?حساب"
    r"|ใบกำกับ(?:ภาษี)?|ใบแจ้งหนี้|ใบเสร็จ",
    re.IGNORECASE,
)
#: Words an address's sentence may hold before it and still be only the address ("3rd
#: Floor,", "Unit 4,").
_ADDRESS_LEAD_WORDS = 3


def invoices_sent_to(text: str, value: ValueSpan) -> bool:
    """Whether the sentence of the address ``value``, up to it, names invoices as what goes
    there (or, the address standing alone, the sentence before it does)."""
    begin, _ = sentence_bounds(text, value.start, value.end)
    lead = text[begin : value.start]
    if _INVOICES.search(lead):
        return True
    # "… go to our new office. 3rd Floor, 18 Queen Square": the address's own sentence
    if begin == 0 or len(lead.split()) > _ADDRESS_LEAD_WORDS:
        return False
    last = len(text[:begin].rstrip()) - 1  # the full stop of the sentence before
    before, _ = sentence_bounds(text, last, last)
    return bool(_INVOICES.search(text[before:begin]))
