"""A Thai customer switching how they pay to one payment: «งั้นขอเป็นจ่ายเต็มค่ะ» (make it
paid in full), «เปลี่ยนเป็นโอนเข้าบัญชีค่ะ» (change to a bank transfer), «เอาเงินสดดีกว่า».

An instalment plan held («ผ่อน 0% 10 เดือน») is how the order is paid until the customer
takes another way; that way is said in words no value reader knows, so the plan stayed
current. Taken by a verb of choice or change, closing its clause (a particle, «ละกัน»,
«ดีกว่า», «เลย», «แทน», the end), it is the payment's new way: it replaces the plan held,
or is the payment method when none is. A condition («ถ้าจ่ายเต็ม…»), a question («ขอเป็น
จ่ายเต็มได้ไหม»: the clause does not close) or a refusal takes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.thai_not_ordered import not_ordered

_WAY = (
    r"(?:จ่าย|ชำระ)(?:เงิน)?(?:เต็ม(?:จำนวน)?|ครั้งเดียว|ก้อนเดียว)"
    r"|โอน(?:เงิน)?(?:เข้าบัญชี)?|(?:จ่าย|ชำระ)?(?:ด้วย)?เงินสด"
)
_TAKEN = re.compile(
    rf"(?<!ถ้า)(?<!ถ้า\s)(?<!หาก)(?:เปลี่ยนเป็น|ขอเป็น|เอาเป็น|เอา|เลือก)\s?(?P<value>{_WAY})"
    rf"(?=\s?(?:ละกัน|ดีกว่า|เลย|แทน)|\s?{THAI_PARTICLES}|\s*$|\s*[.!])"
)
_PLAN_KEY = "instalment_plan"
_METHOD_KEY = "payment_method"


def paid_in_full(text: str, claimed: ClaimedSpans, plan_held: bool) -> Iterator[FactMatch]:
    """The way of paying a customer takes in ``text``, keyed to the instalment plan it
    replaces when ``plan_held``; each claims its words."""
    for match in _TAKEN.finditer(text):
        start, end = match.span("value")
        if not claimed.is_free(start, end) or not_ordered(text, match.start(), end):
            continue
        claimed.claim(start, end)
        yield FactMatch(_PLAN_KEY if plan_held else _METHOD_KEY, match["value"], start, end)
