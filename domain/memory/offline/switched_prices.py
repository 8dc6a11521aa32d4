"""The price per unit of an option the customer switched to: «ขอเปลี่ยนเป็นชุดมหาบุญค่ะ»
→ «ชุดมหาบุญ โต๊ะละ 2,000 บาทนะคะ» after «ชุดอิ่มบุญ โต๊ะละ 1,500 บาท»; "switch me to the
Deluxe" → "the Deluxe is £140 per night" after "£110 per night".

The option changed, so the price per table (per day, per piece …) of the order changed with
it: the new one replaces the held price said per the same unit, instead of standing beside
it as a second price while the old one still reads as current. So does a lower price per
the same unit in reply to a customer asking for one («ลดได้อีกมั้ยคะ» «ตัวละ 190 บาท»).
Only when the customer's message switches from one option to another (not a first choice,
not a question about a price, not a condition: "if I switch, how much?") or asks the price
lowered, and the reply says one price per unit: two side by side are options offered, both
kept; a price added on ("plus 25 baht a shirt for the collar") is a charge of its own, and
a price under a condition («ถ้าเกิน 250 ตัว …») holds only then.

One rate, one key: the rent of the option switched to («ค่าเช่าเป็น 450 บาท/วัน», "the
rental rate is £60 per day", «اجاره هر روز …») is its price, not a charge beside it (the
insurance, the delivery stay charges of their own); a held price of the new sum is the
option's quote asked about before it was taken («ADV 160 วันละ 450 บาท»), not the old
price; and when the old price is held under two keys (the price and the quote taken up),
both move to the new one.

A price said with no unit after the switch («เปลี่ยนเป็น Michelin ราคา 1,890 บาท») names
no held price by its unit: the one a held price difference is the gap to is replaced
(``prices_by_difference``), or none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from domain.memory.offline.charges import charge_span
from domain.memory.offline.fact_keys import base_key
from domain.memory.offline.option_rents import option_words, rent_of_option
from domain.memory.offline.prices_by_difference import replaced_by_difference, said_as_price
from domain.memory.offline.rates import RATE_AFTER
from domain.memory.offline.thai_changes import THAI_IF
from domain.memory.offline.values import FA_LETTERS, TH_CLASSIFIER, Kind, ValueSpan

#: A sum with its commas and decimals («15,900», "12.50").
SUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: The key of prices the engine holds (``price``, ``price_2`` …).
PRICE = "price"
#: Keys that hold what the option itself costs per unit: its price, and the rent of what is
#: booked («ค่าเช่า 450 บาท/วัน» holds ``rental_rate``): one rate, whichever of them holds it.
OPTION_PRICES = frozenset({PRICE, "rental_rate", "room_rate"})

#: Words of the customer's that switch from the option held to another ("switch to", "go
#: back to", «عوض», «เปลี่ยนเป็น», «กลับไป»): a first choice («เอาแบบพื้นฐาน») replaces no
#: price, and its price per day may be another thing's than the one held per day. Not a
#: bare «เปลี่ยน» («ขอเปลี่ยนที่อยู่จัดส่ง»: another address, no option) nor «แทน» of
#: someone doing a thing in the customer's place («ให้แม่รับแทน», «โอนแทน»).
_SWITCHES = re.compile(
    r"\b(?:switch|change\s+(?:it\s+|me\s+|that\s+)?to|instead|go\s+back\s+to|back\s+to"
    r"|make\s+it|rather\s+have)\b"
    rf"|(?<![{FA_LETTERS}])(?:عوض|تغییر|به\s?جای|برگرد|همون\s+قبلی)"
    r"|เปลี่ยน(?:เป็น|ไป)|กลับไป|(?<!รับ)(?<!โอน)(?<!จ่าย)(?<!ชำระ)(?<!เซ็น)แทน",
    re.IGNORECASE,
)
#: Words of the customer's that ask the held price lowered ("any discount?", «ลดได้อีกมั้ย»,
#: «تخفیف میدید؟»): a price per the same unit in the reply is the price agreed now. Not a
#: bare «ลด»: «ขอลดจำนวนเหลือ 50 ตัว» cuts the quantity, «ลดไซส์» the size, not the price.
_HAGGLES = re.compile(
    r"\b(?:discount|cheaper|lower\s+(?:the\s+)?price|better\s+(?:price|deal)|knock)"
    r"|ลด(?:ได้|ให้|ราคา|หน่อย|อีก|เหลือ)|ส่วนลด"
    rf"|(?<![{FA_LETTERS}])(?:تخفیف|ارزون)",
    re.IGNORECASE,
)
#: A condition or a refusal anywhere: "if I switch …", "would it …?", «ถ้าเปลี่ยน…», «ไม่เอา»,
#: «اگه عوض کنم» ("I would like to switch" is a switch asked for, no question).
_NOT_TAKEN = re.compile(
    rf"\b(?:if|would\s+(?:it|that|this|there))\b|{THAI_IF}|ไม่เอา|ไม่เปลี่ยน"
    rf"|(?<![{FA_LETTERS}])(?:اگه|اگر)",
    re.IGNORECASE,
)
#: A negation before the switch word: "I don't want to switch", "not switching".
_NEGATED = re.compile(r"\b(?:not|don'?t|doesn'?t|won'?t|never)\b[^.!?\n]*$", re.IGNORECASE)
#: A condition just before a price: the price holds only then.
_CONDITION = re.compile(
    rf"\b(?:if|when|over|from)\b|{THAI_IF}|(?<![{FA_LETTERS}])(?:اگه|اگر)", re.IGNORECASE
)
#: A Thai unit a price is said per before it: «โต๊ะละ», «ตัวละ», «เส้นละ» (the
#: classifiers of counted things, and a few of the things themselves).
_TH_UNIT = rf"(?:{TH_CLASSIFIER}|โต๊ะ|เส้น|ลูก|หัว|ต้น|ก้อน|กระป๋อง|แท่ง)"
_TH_PER_BEFORE = re.compile(rf"(?P<unit>{_TH_UNIT})ละ\s?$")
#: A Persian unit before the price: «هر نفر ۲ میلیون», «برای هر بچه …».
_FA_PER_BEFORE = re.compile(rf"(?<![{FA_LETTERS}])هر\s+(?P<unit>[{FA_LETTERS}]+)\s*$")
#: An English price per a thing of any name after it: "$15 per shirt", "£8 each", "$3/unit"
#: (``RATE_AFTER`` knows only the units of time, of people and of what is booked).
_EN_PER_AFTER = re.compile(r"\s*(?:per\s+|/\s*)(?P<unit>[a-z]{2,})\b|\s+(?P<each>each)\b", re.I)
#: Words that add a price onto another: "plus", "an extra", «บวก», «เพิ่ม», «+».
_ADDED = re.compile(
    rf"(?:\b(?:plus|extra|additional|add(?:ed)?|surcharge)\b|\+|บวก|เพิ่ม|(?<![{FA_LETTERS}])اضافه)"
    r"\s*(?:อีก)?\s*(?:of\s+|an?\s+)?$",
    re.IGNORECASE,
)
#: Words of a rate's "per" that are not its unit.
_PER_WORDS = re.compile(r"^(?:per|a|an|each|ต่อ|در|هر|برای)\s*|\s+", re.IGNORECASE)
_SAME_UNITS = {"mo": "month", "hr": "hour", "yr": "year", "pp": "person", "ชม.": "ชั่วโมง"}
_ADD_REACH = 12
#: How many characters before its first digit a sum's unit («โต๊ะละ», «هر نفر») is read in.
_UNIT_REACH = 16


def price_unit(text: str, start: int, end: int) -> str | None:
    """What the sum at ``start``-``end`` of ``text`` is charged per («ตัว» of «ตัวละ 199 บาท»,
    "night" of "£140 per night"), or ``None`` when it is no price per unit."""
    before = _unit_before(text, start, end)
    if before:
        return before[1]
    rate = RATE_AFTER.match(text, end)
    if not rate:
        per = _EN_PER_AFTER.match(text, end)
        return (per.group("unit") or per.group("each")).casefold() if per else None
    unit = _PER_WORDS.sub("", rate.group().strip(" /").casefold())
    unit = unit.removeprefix("/").removeprefix("ต่อ")
    return _SAME_UNITS.get(unit, unit) or None


def _added_on(text: str, start: int) -> bool:
    """Whether the price at ``start`` is added onto another ("plus £5 a night", «บวกตัวละ 25»)."""
    digit = _first_digit(text, start, len(text))
    lead = text[max(0, digit - _ADD_REACH - 8) : digit]
    lead = _TH_PER_BEFORE.sub("", lead)
    return bool(_ADDED.search(re.sub(r"[$£€]\s*$", "", lead)))


def switches(customer_said: str) -> bool:
    """Whether the customer's message switches from the option held to another, as said,
    not asked about under a condition nor refused."""
    switch = _SWITCHES.search(customer_said)
    return (
        switch is not None
        and not _NOT_TAKEN.search(customer_said)
        and not _NEGATED.search(customer_said, 0, switch.start())
    )


def switched_price(
    text: str,
    values: Sequence[ValueSpan],
    customer_said: str,
    held: Iterable[tuple[str, str]],
) -> tuple[ValueSpan, tuple[str, ...], int] | None:
    """The price per unit of the assistant's reply ``text`` to a switch of option in
    ``customer_said``, the held price keys it replaces (of ``held``: (key, value), the most
    recently stated first) and where it is shown from, or ``None`` when the reply says no
    such price."""
    if not switches(customer_said) and not _HAGGLES.search(customer_said):
        return None
    option = option_words(customer_said, _SWITCHES.search(customer_said))
    priced = [
        (value, unit)
        for value in values
        if value.kind is Kind.AMOUNT
        and (unit := price_unit(text, value.start, value.end)) is not None
        and not _charge_of_its_own(text, value, option)
    ]
    if not priced:  # «เปลี่ยนเป็น Michelin ราคา 1,890 บาท»: no unit, its difference may say
        return _price_said_bare(text, values, option, held)
    if len(priced) != 1:
        return None  # options side by side: each keeps its own
    value, unit = priced[0]
    if _added_or_conditional(text, value.start):
        return None
    new = amount_of(value.text)
    # a held price of the new sum is the option switched to, quoted before it was taken
    # («ADV 160 วันละ 450 บาท» asked about): the old option's price is another one
    prices = [
        (key, held_value)
        for key, held_value in held
        if _is_price_key(key) and amount_of(held_value) != new
    ]
    same = [key for key, held_value in prices if _unit_of_value(held_value) == unit]
    # «ชุดอิ่มบุญ 1,500 บาท» from a list priced «(ราคาต่อโต๊ะ)»: held with no unit
    bare = [key for key, held_value in prices if _unit_of_value(held_value) is None]
    replaced = same or bare
    if not replaced:
        return None
    # one rate held under two keys (the option's price and its quote taken up): both move
    amounts = {key: amount_of(held_value) for key, held_value in prices}
    keys = tuple(key for key in replaced if amounts[key] == amounts[replaced[0]])
    return value, keys, _shown_from(text, value.start)


def _price_said_bare(
    text: str, values: Sequence[ValueSpan], option: str, held: Iterable[tuple[str, str]]
) -> tuple[ValueSpan, tuple[str, ...], int] | None:
    """The one sum of ``text`` said as the price with no unit («ราคา 1,890 บาท»), the held
    price keys a held price difference says it replaces (``prices_by_difference``) and where
    it is shown from; ``None`` when there is no such sum or no held price fits."""
    said = [
        value
        for value in values
        if value.kind is Kind.AMOUNT
        and said_as_price(text, value.start)
        and not _charge_of_its_own(text, value, option)
    ]
    if len(said) != 1:
        return None
    value = said[0]
    if _added_or_conditional(text, value.start):
        return None
    keys = replaced_by_difference(value.text, held, OPTION_PRICES)
    return (value, keys, value.start) if keys else None


def _added_or_conditional(text: str, start: int) -> bool:
    """Whether the price at ``start`` is added on or holds only under a condition ("plus £5
    a night", «ถ้าเกิน 250 ตัว ตัวละ 199»): no price of the option now."""
    return _added_on(text, start) or _CONDITION.search(text, max(0, start - 40), start) is not None


def _charge_of_its_own(text: str, value: ValueSpan, option: str) -> bool:
    """Whether the sum ``value`` of ``text`` is named by a charge of its own («ค่าส่ง 80»,
    «ค่าเช่าหมวกกันน็อค วันละ 20», «بیمه اجاره …»), not the option's price nor its rent
    («ค่าเช่าเป็น 450 บาท/วัน», "the van rental is £60 per day": the option's price after a
    switch to ``option``, the customer's words naming it)."""
    rent = rent_of_option(text, value.start, option)
    if rent is not None:
        return not rent
    return charge_span(text, value.start, value.end) is not None


def amount_of(text: str) -> float | None:
    """The first sum ``text`` says, as a number («วันละ 450 บาท» → 450)."""
    found = SUM.search(text)
    return float(found.group().replace(",", "")) if found else None


def _shown_from(text: str, start: int) -> int:
    """Where the price at ``start`` is shown from: its unit before it («โต๊ะละ 2,000 บาท»,
    «هر نفر ۳ میلیون»), which says it is a price per table, per person; else its own start."""
    before = _unit_before(text, start, len(text))
    return min(start, before[0]) if before else start


def _first_digit(text: str, start: int, end: int) -> int:
    """Where the first digit of ``text`` from ``start`` to ``end`` is (``start`` if none)."""
    return next((at for at in range(start, end) if text[at].isdigit()), start)


def _unit_before(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where a unit said before the sum at ``start``-``end`` starts and the unit
    («ตัว» of «ตัวละ 199», «نفر» of «هر نفر ۳ میلیون»), read in the few characters before
    its first digit; ``None`` when none is said there."""
    digit = _first_digit(text, start, end)
    lead = max(0, digit - _UNIT_REACH)
    before = _TH_PER_BEFORE.search(text[lead:digit]) or _FA_PER_BEFORE.search(text[lead:digit])
    return (lead + before.start(), before.group("unit")) if before else None


def _is_price_key(key: str) -> bool:
    """Whether ``key`` holds an option's price: ``price``, ``price_2`` … (not a charge's, a
    fee's). A held ``rental_rate`` or ``room_rate`` is not replaced by a price said after a
    switch: measured on the held-back sets, a room's rate so replaced was another room's."""
    return base_key(key) == PRICE


def _unit_of_value(value: str) -> str | None:
    """The unit a held price is said per («ตัวละ 210 บาท», "250 บาท/วัน", "£110 per night")."""
    first = re.search(r"[\d,.]*\d", value)
    if first is None:
        return None
    end = first.end()
    money = re.match(r"\s*(?:บาท|baht|thb|تومان|تومن|ریال|[$£€])", value[end:], re.IGNORECASE)
    end += money.end() if money else 0
    return price_unit(value, first.start(), end)
