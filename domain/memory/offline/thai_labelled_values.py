"""A Thai clause that gives a value by its label, said of the thing the clause before named.

Thai writes no sentence marks and a space before a labelled value: «จุดรับหน้าคอนโด
เวลา 7:10 น.» (the pick-up point in front of the condo, at 7:10), «ค่างวดรถ ตัดบัตรทุกวันที่
25» (the car instalment, charged on the 25th of every month), «จองรอบบ่าย 1 ใบ ที่นั่ง C7»
(one ticket for the afternoon show, seat C7). Cut at the space, the clause with the value
says *when*, *which seat* or *how much*, and the one before says *of what*: a detail that
keeps the value alone keeps no subject. The labelled clause is read as the end of the one
before it (``thai_sentences``) when:

- it opens with a label of a value (a time, a date, a seat, a room, a price, a number, a
  debit: «เวลา», «วันที่», «ที่นั่ง», «ห้อง», «ราคา», «เลขที่», «ตัดบัตร…») and its value
  follows within a few letters (``_LABELLED_VALUE``): «ราคาขึ้นอยู่กับรุ่นค่ะ» (the price
  depends on the model) opens with a label and gives no value, a clause of its own;
- the clause before names something: it runs on (no polite particle nor mark closes it:
  «บันทึกแล้วครับ» is a sentence of its own), is no question, not chat alone, and no
  labelled value itself: «ห้อง 1508 | ราคา 500 บาท» are two values side by side, each
  of its own subject.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import alternation

#: Labels that open a value: of time and date, of a seat or a place in a building, of a
#: price or an amount, of a number; «ตัด» only as a debit («ตัดบัตร», «ตัดทุกวันที่»), not a
#: cut («ตัดผม», a haircut).
_LABELS = (
    "เวลา",
    "ตอน",
    "วันที่",
    "ทุกวันที่",
    "รอบ",
    "ที่นั่ง",
    "แถว",
    "โซน",
    "ห้อง",
    "ชั้น",
    "ตึก",
    "อาคาร",
    "ประตู",
    "เกต",
    "ชานชาลา",
    "เตียง",
    "โต๊ะ",
    "ราคา",
    "ยอด",
    "จำนวน",
    "เลขที่",
    "หมายเลข",
    "เบอร์",
    "รหัส",
    "ตัดบัตร",
    "ตัดบัญชี",
    "ตัดยอด",
    "ตัดเงิน",
    "ตัดทุก",
)
#: Letters a label may run on by before its value: «ตัดทุกวันที่ 5», «เวลาประมาณ 9 โมง».
MAX_LETTERS_BEFORE_VALUE = 10
#: A label, at most a few more letters, then a value: a digit or a code's capital letter.
_LABELLED_VALUE = re.compile(
    rf"^(?:{alternation(_LABELS)})[\u0e01-\u0e4e]{{0,{MAX_LETTERS_BEFORE_VALUE}}}\s?"
    r"[0-9\u0e50-\u0e59A-Z]"
)


def labels_a_value(clause: str) -> bool:
    """Whether ``clause`` opens with a label and the value it labels (module doc)."""
    return _LABELLED_VALUE.match(clause) is not None
