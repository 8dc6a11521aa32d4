"""The day and hour a technician comes for a repair, kept apart from the other appointment
the conversation holds: «ช่างนัดเข้าล้างและเช็คท่อน้ำทิ้ง พฤ. 28 พ.ย. 10:00 น.» after a
room viewing booked for «อา. 13 ต.ค.»; "the engineer can come Tuesday 3 June" after a
survey booked; «تعمیرکار پنجشنبه میاد» after a consultation.

A repair reported is given a ticket («เลขที่แจ้งซ่อม MT-24-1187», "case number …"); the
visit for it is the ticket's, not the viewing or signing held as the appointment before the
ticket existed: read as that appointment, the repair's day replaced the viewing's in its
history and the viewing was lost. So a date or hour keyed as the appointment, in a message
that names a technician or a repair, is the repair visit's (``repair_visit_date``,
``repair_visit_time``) when the held appointment predates the ticket. One key per repair:
the ticket named in the message, else the newest, gives its number (``ticket_id_2`` →
``repair_visit_date_2``). Once a repair's visit is held, a later day for it moves it there.
An appointment booked after the ticket, with no other before it, stays the appointment:
the conversation is about that repair, and its visits keep one history.

"Predates" is read from the order the held values come in, the most recently stated first:
values stored by one fold come in the order the store keeps them, so an appointment and a
ticket said within five messages of each other may be read the wrong way round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.values import FA_LETTERS

#: The appointment's keys and the repair visit's in their place.
_VISIT_KEYS = {"appointment_date": "repair_visit_date", "appointment_time": "repair_visit_time"}
_VISIT_DATE = "repair_visit_date"
_TICKET = "ticket_id"
#: Words that name a technician or a repair: «ช่าง», «ซ่อม», "technician", "engineer",
#: "repair", «تعمیرکار», «تکنسین», «تعمیر».
_REPAIR = re.compile(
    r"ช่าง|ซ่อม|\b(?:technician|engineer|repair(?:s|ed|man)?|plumber|electrician)\b"
    rf"|(?<![{FA_LETTERS}])(?:تعمیرکار|تکنسین|تعمیر|لوله[\u200c\s]?کش|برقکار)",
    re.IGNORECASE,
)


def repair_visit_key(key: str, text: str, recent: Sequence[tuple[str, str]]) -> str:
    """``key``, or the repair visit's key in its place when ``key`` is the appointment's,
    ``text`` (the message saying it) names a technician or a repair and the visit is a
    ticket's (module doc). ``recent``: the held (key, value), the most recently stated
    first."""
    visit = _VISIT_KEYS.get(key)
    if visit is None or not _REPAIR.search(text):
        return key
    order = [held for held, _ in recent]
    tickets = [(held, value) for held, value in recent if base_key(held) == _TICKET]
    if not tickets:
        return key
    ticket = next((held for held, value in tickets if value in text), tickets[0][0])
    number = ticket.removeprefix(_TICKET)
    if _VISIT_DATE + number in order:
        return visit + number  # this repair's visit, held: moved, or its hour said
    if key not in order or order.index(key) < order.index(ticket):
        return key  # no appointment before the ticket: the repair's visit is the appointment
    return visit + number
