"""A Thai price brought down to a new sum: «แพ็กเกจนี้ลดเหลือ 7,900 บาทค่ะ» (this package
comes down to 7,900), «ลดให้เหลือ 11,500 บาท/เดือน» (brought down for you to 11,500 a month).

«ลด(ให้)เหลือ» says the sum after it is what a price held now costs, not a discount (that is
«ลดให้ 500 บาท», the sum taken off) nor a total. It replaces the price it brings down: the
price-like sum stated most recently that is higher, and not so much higher that the new
one could be a part of it. A price held with its charge's name («ค่าบริการ 8,500 บาท») is
left to the charge rules: the bare new sum would leave the name marked as replaced.
A question («ลดเหลือ 7,000 ได้ไหม») or a condition before it in its clause («ถ้าโอนเต็ม
จำนวน ลดเหลือ …», an offer) brings nothing down; a condition after it («… ถ้าทำสัญญา 1 ปี»)
is most often the customer's own, asked for and granted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.subjects import cues_in
from domain.memory.offline.switched_prices import amount_of
from domain.memory.offline.thai_changes import THAI_IF
from domain.memory.offline.values import Kind

#: «ลดเหลือ», «ลดให้เหลือ», «ลดลงเหลือ», then the sum or its unit word («ตัวละ», «เดือนละ»).
_BROUGHT_DOWN = re.compile(r"ลด(?:ลง)?(?:ให้)?(?:อีก)?เหลือ\s?(?:[\u0e01-\u0e4e]{1,8}ละ\s?)?$")
#: Keys of what a thing costs, which a seller can bring down; never a deposit, a total, a
#: balance, a discount or a refund.
_PRICE_KEYS = frozenset(
    {"price", "charge", "fee", "rental_rate", "room_rate", "estimate_amount", "shipping_cost"}
)
_FEE_KEY = re.compile(r"^[a-z_]+_fee$")
#: Where the clause of the sum starts: a new line or a polite particle that closed the one
#: before («ขออภัยค่ะ แอดมินเช็กอีกที…»); only so many characters back.
_CLAUSE_START = re.compile(r"\n|ครับ|ค่ะ|คะ|[.!]\s")
_CLAUSE_CHARS = 60
#: A question or a condition in the words of the sentence before the sum.
_NOT_MADE = re.compile(rf"{THAI_IF}|ไหม|มั้ย|หรือเปล่า|[?]")
_ASKED_AFTER = re.compile(r"^[^\n]{0,20}?(?:ได้ไหม|ได้มั้ย|ไหม|มั้ย|หรือเปล่า|[?])")
#: The new sum is at least this share of the price it brings down: a sum far smaller is a
#: part of it, a fee or a deposit, not the same price lowered.
_LEAST_SHARE = 0.4
#: Topics named before «ลด» that leave the sum the price's: the price, the whole, the
#: thing priced («แพ็กเกจนี้», no sum of its own).
_PRICE_TOPICS = frozenset({"price", "total"})
#: The common fee of a building («(ค่า)ส่วนกลาง»), a sum of its own no topic names.
_OTHER_SUMS = re.compile(r"ส่วนกลาง")
#: A held price said as its sum alone, or per unit («ตัวละ 190 บาท»): one held with the name
#: of its charge («ค่าบริการ 8,500 บาท») would keep the name as an old value's word, marked
#: replaced wherever the name is said again.
_BARE_SUM = re.compile(r"(?:[\u0e01-\u0e4e]{1,8}ละ\s?)?\d")


def price_brought_down(
    before: str, after: str, amount: str, held: Iterable[tuple[str, str]]
) -> str | None:
    """The key of the held price the sum ``amount`` brings down, when ``before`` (the
    sentence up to the sum) ends in «ลด(ให้)เหลือ» and ``after`` asks nothing; ``held`` is
    (key, value), the most recently stated first."""
    clause = _CLAUSE_START.split(before[-_CLAUSE_CHARS:])[-1]
    lowered = _BROUGHT_DOWN.search(clause)
    if not lowered or _NOT_MADE.search(clause) or _ASKED_AFTER.match(after):
        return None
    if _names_another_sum(clause[: lowered.start()]):
        return None  # «มัดจำลดเหลือ 3,000»: the deposit brought down, not the price
    new = amount_of(amount)
    if new is None:
        return None
    for key, value in held:
        if not _is_price(key) or not _BARE_SUM.match(value):
            continue
        old = amount_of(value)
        if old is not None and _LEAST_SHARE * old <= new < old:
            return key
    return None


def _is_price(key: str) -> bool:
    base = base_key(key)
    return base in _PRICE_KEYS or bool(_FEE_KEY.match(base))


def _names_another_sum(subject: str) -> bool:
    """Whether ``subject`` (the clause before «ลด») names a sum other than a price or the
    whole: a deposit («มัดจำ»), a balance owed («ยอดค้าง»), the common fee («ส่วนกลาง»).
    A loose cue («ยอด») counts only where no price or total cue covers it («ยอดรวม»)."""
    if _OTHER_SUMS.search(subject):
        return True
    cues = cues_in(subject)
    kept = [
        c
        for c in cues
        if c.topic.name in _PRICE_TOPICS or _is_price(c.topic.key_for(Kind.AMOUNT) or "")
    ]
    return any(
        (key := cue.topic.key_for(Kind.AMOUNT)) is not None
        and not _is_price(key)
        and cue.topic.name not in _PRICE_TOPICS
        and not any(k.start <= cue.start < k.end or cue.start <= k.start < cue.end for k in kept)
        for cue in cues
    )
