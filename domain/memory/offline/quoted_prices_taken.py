"""A price quoted with its difference from the one held, then taken by a switch: «เตียง Mori
6 ฟุต ราคา 15,900 บาทครับ ต่างจากเดิม 3,000 บาทครับ» → «เปลี่ยนเป็น 6 ฟุตเลย»; "the
Deluxe is £140 a night, £30 more than your current room" → "switch me to the Deluxe".

The quote alone is an option offered, kept beside the held price; the switch takes it, and
the reply often says no price again («เปลี่ยนให้แล้วครับ»). The difference says which held
price was the old option's: the one the quote is that much above or below. That price
becomes the quote, so the old option's price no longer reads as current. A quote with no
difference names no old price (it may be another item's); a switch under a condition or
refused («ถ้าเปลี่ยน…», "I'll keep mine") takes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.switched_prices import OPTION_PRICES, SUM, amount_of, switches

#: «(ของ|ตัว|รุ่น)เดิม»: the one held.
_HELD = r"(?:ของ|ตัว|อัน|แบบ|รุ่น)?เดิม"
#: Words just before a sum that say it is the difference from the held price: «ต่างจากเดิม»,
#: «ส่วนต่าง(ราคา)», «เพิ่มจากเดิม», «แพงกว่าเดิม», "a difference of", "an extra".
_DIFFERENCE_BEFORE = re.compile(
    rf"(?:ต่าง(?:จาก{_HELD})?|ส่วนต่าง(?:ราคา)?|(?:เพิ่ม|แพง|ถูก|ลด)(?:ขึ้น|ลง)?(?:กว่า|จาก){_HELD})"
    r"(?:อีก)?\s*(?:[$£€]\s?)?$"
    r"|\b(?:difference\s+(?:of|is)|extra)\s*[$£€]?\s*$",
    re.IGNORECASE,
)
#: Words just after a sum that say it is the difference: "£30 more than your current room".
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:more|less|cheaper|extra)\s+than\b", re.IGNORECASE)
#: How many characters before a sum its difference words are read in: the longest of them
#: («แพงขึ้นกว่าของเดิม» with «อีก» and a currency sign, 24), and no further, so that the
#: difference words of the sum before are not read as this one's.
_REACH = 24


def quoted_price_taken(
    customer_said: str, offered: str, held: Iterable[tuple[str, str]]
) -> tuple[str, str] | None:
    """(key of the held old price, the quote that replaces it) when ``customer_said``
    switches to the option the assistant's message ``offered`` priced with its difference
    from a price ``held`` ((key, value), the most recently stated first)."""
    if not switches(customer_said):
        return None
    sums = [
        (match, number)
        for match in SUM.finditer(offered)
        if (number := amount_of(match.group())) is not None
    ]
    differences = [number for match, number in sums if _is_difference(offered, match)]
    if len(differences) != 1:
        return None
    difference = differences[0]
    prices = [(key, value) for key, value in held if base_key(key) in OPTION_PRICES]
    quoted = {number for match, number in sums if not _is_difference(offered, match)}
    found = [
        (old_key, new_value)
        for _, new_value in prices
        if (new := amount_of(new_value)) in quoted
        for old_key, old_value in prices
        if (old := amount_of(old_value)) is not None
        and new is not None
        and abs(abs(new - old) - difference) < 0.005
    ]
    return found[0] if len(found) == 1 else None


def _is_difference(text: str, match: re.Match[str]) -> bool:
    """Whether the sum ``match`` of ``text`` is said as a difference from the held price."""
    before = text[max(0, match.start() - _REACH) : match.start()]
    return bool(
        _DIFFERENCE_BEFORE.search(before) or _DIFFERENCE_AFTER.match(_after_money(text, match))
    )


def _after_money(text: str, match: re.Match[str]) -> str:
    """What ``text`` says after the sum ``match`` and its currency word."""
    rest = text[match.end() :]
    money = re.match(r"\s*(?:บาท|baht|thb)", rest, re.IGNORECASE)
    return rest[money.end() :] if money else rest
