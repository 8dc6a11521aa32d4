"""Who arrives: a person or their flight arriving ("my sister arrives on the 12th", "we
arrive at the hotel after 11pm", "Flight BA123 departs at 6:40 and arrives 9:15",
«پرواز ساعت ۹:۱۵ می‌رسه», «เครื่องลงถึง 9:15») is a traveller's arrival, never a delivery:
a delivery's date or time replaced by it, or replacing it, mixes two subjects."""

import re

from domain.memory.offline.subjects import Topic
from domain.memory.offline.values import FA_LETTERS, Kind

#: Arriving of someone: its keys, and a cue that never matches (the topic is chosen by
#: who arrives, never by a word of its own).
SOMEONES_ARRIVAL = Topic(
    "someones_arrival",
    {Kind.DATE: "arrival_date", Kind.TIME: "arrival_time"},
    english=r"(?!)",
)

#: Who or what is said to arrive, the nearest before the word of arriving wins: a person
#: or a flight, or a thing sent (a parcel, an order, "it").
_TRAVELLER_EN = (
    r"I|I'll|we|we'll|you|you'll|your|our|my|he|she|us|flight|plane|train|bus|ferry|sister"
    r"|brother|mum|mom|dad|mother|father|parents|guests?|family|friends?|colleagues?|wife"
    r"|husband|son|daughter|kids|children|partner|grandparents"
)
_THING_EN = (
    r"it|parcel|package|order|delivery|item|items|goods|box|boxes|shipment|courier|driver"
    r"|van|sofa|bed|table|fridge|furniture|engineer|technician|refund|money|payment|card"
)
_TRAVELLER_FA = r"پرواز|هواپیما|قطار|اتوبوس|ما|من|خواهرم|برادرم|مادرم|مامانم|پدرم|بابام|مهمون|مهمان"
_THING_FA = r"بسته|سفارش|مرسوله|کالا|پیک|مامور|مأمور|تکنسین|پول|مبلغ|کارت"
_TRAVELLER_TH = r"เครื่อง(?!ซัก|ปรับ|ทำ|ดูด|ใช้)|เที่ยวบิน|ไฟล[ทต]์|รถไฟ|ผม|ดิฉัน|ฉัน|เรา|พี่สาว|น้องสาว|แม่|พ่อ|แขก"
_THING_TH = r"พัสดุ|ของ|สินค้า|ออเดอร์|คำสั่งซื้อ|ช่าง|เงิน|บัตร"
_SUBJECT = re.compile(
    rf"(?<![A-Za-z'])(?P<en_t>{_TRAVELLER_EN})(?![A-Za-z'])"
    rf"|(?<![A-Za-z'])(?P<en_x>{_THING_EN})(?![A-Za-z'])"
    rf"|(?<![{FA_LETTERS}])(?P<fa_t>{_TRAVELLER_FA})(?![{FA_LETTERS}])"
    rf"|(?<![{FA_LETTERS}])(?P<fa_x>{_THING_FA})"
    rf"|(?P<th_t>{_TRAVELLER_TH})|(?P<th_x>{_THING_TH})",
    re.IGNORECASE,
)
#: What "it" can stand for when a flight arrives: a vehicle, never a person.
_VEHICLE_EN = re.compile(r"(?<![A-Za-z'])(?:flight|plane|train|bus|ferry)(?![A-Za-z'])", re.I)
#: A vehicle after one of these is where something happened, not what arrives ("I
#: ordered a lamp on my flight home, it arrives on Tuesday").
_AFTER_PREPOSITION = re.compile(
    r"\b(?:on|in|by|for|from|to|after|before|during)\s+(?:(?:my|the|our|your|a|an)\s+)?$", re.I
)
#: Where the clause of the word of arriving begins.
_CLAUSE_START = re.compile(r"[.!?؟;\n]|,\s(?:so|but)\s|\sbut\s")


def of_someone(cue: Topic, text: str, cue_start: int) -> Topic:
    """The traveller's arrival in place of a delivery, when the nearest one said to
    arrive before the word of arriving, in its clause, is a person or a flight."""
    if cue.name != "arrival":
        return cue
    begin = max((m.end() for m in _CLAUSE_START.finditer(text, 0, cue_start)), default=0)
    said = [m for m in _SUBJECT.finditer(text, begin, cue_start)]
    if not said:
        return cue
    last = said[-1]
    if last.group().casefold() == "it":
        # "the flight was changed, it now arrives at 7:30": "it" is what was named last
        # before it in the turn, the flight as well as the parcel
        named = [m for m in _SUBJECT.finditer(text, 0, last.start()) if m.lastgroup == "en_x"]
        named += (
            m
            for m in _VEHICLE_EN.finditer(text, 0, last.start())
            if not _AFTER_PREPOSITION.search(text, 0, m.start())
        )
        if named and max(named, key=lambda m: m.start()).re is _VEHICLE_EN:
            return SOMEONES_ARRIVAL
        return cue
    return SOMEONES_ARRIVAL if last.lastgroup in ("en_t", "fa_t", "th_t") else cue
