"""A count of the people sent to do the work is no party's size.

«ช่างจะไป 2 คน» (two technicians will go), «พนักงานเข้าไป 3 คน», «۲ نفر نصاب میان» (two
fitters are coming): the count is of people, and ``values.counted`` keys a count of people
as the guest count; but those counted are the workers, not the customer's party. Read by
the words for workers in the count's clause: before it in Thai («ช่าง», «พนักงาน»,
«เจ้าหน้าที่», «คนงาน», «ทีมงาน»; «คนขับ» only right before the count, or with «ขาด», «เพิ่ม»:
«คนขับขาด 1 คน», a driver short, not «เช่ารถตู้พร้อมคนขับ ไปกัน 8 คน», the party with its
driver), right after it in Persian («نصاب», «کارگر», «تکنسین»). Not
when a word for guests stands between («ช่างบอกว่าผู้ใหญ่ 2 คน»: the adults are counted), nor
a word of booking for someone («พนักงานจองโต๊ะให้ 4 คน»: the staff booked the party's table).
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS, ValueSpan

#: How far before a Thai count its clause may name the workers.
_REACH = 20
_TH_WORKERS = re.compile(r"ช่าง|พนักงาน|เจ้าหน้าที่|คนงาน|ทีมงาน")
#: Drivers counted: «คนขับ 2 คน», «คนขับขาด 1 คน», «คนขับเพิ่มอีก 1 คน».
_TH_DRIVERS = re.compile(r"คนขับ\s?(?:(?:ขาด|เพิ่ม)(?:อีก)?\s?)?$")
_TH_GUESTS = re.compile(r"ผู้ใหญ่|เด็ก|แขก|ผู้เข้าพัก|ลูกค้า|ผู้โดยสาร|จอง|สำรอง|สำหรับ")
_CLAUSE_END = re.compile(r"[.!?\n]")
_FA_WORKERS_AFTER = re.compile(
    rf"\s*(?:نصاب|کارگر|تکنسین|کارشناس|مامور|مأمور|سرویس[\u200c\s]?کار)(?![{FA_LETTERS}])"
)


def counts_workers(text: str, value: ValueSpan) -> bool:
    """Whether the people count ``value`` in ``text`` counts workers (module doc)."""
    if _FA_WORKERS_AFTER.match(text, value.end):
        return True
    before = _CLAUSE_END.split(text[max(0, value.start - _REACH) : value.start])[-1]
    if _TH_DRIVERS.search(before):
        return True
    workers = list(_TH_WORKERS.finditer(before))
    if not workers:
        return False
    return _TH_GUESTS.search(before, workers[-1].end()) is None
