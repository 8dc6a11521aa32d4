"""What a Thai conversation is about when it is a named thing, not a shaped value: the room
type, the study programme, the internet package, the shop and its branch, an allergy, who is
coming, the seats, a medicine and its dose, a bus line, a car.

Thai names the kind of thing right before its name, with no space between for Thai names
(«หลักสูตรสองภาษา», «ร้านข้าวมันไก่เฮียเส็ง สาขาบรรทัดทอง») and a space before Latin ones
(«ห้อง Pool Villa», «แพ็กเกจ 1000/500 Mbps»). Each kind is one subject, so a change
(«เปลี่ยนเป็นห้อง Pool Villa») replaces the earlier one and keeps it in history. Offers and
lists («มีห้อง Superior Garden View ว่าง», «มีสองหลักสูตร คือ …») and questions choose no room
or programme; a model, colour, card or plan refused, had before, sold out or compared is not
ordered (``thai_not_ordered``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.lexicon import THAI_PARTICLES
from domain.memory.offline.thai_instructions import asked_in_thai
from domain.memory.offline.thai_not_ordered import not_ordered, pays_with

_LATIN_NAME = r"[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,3}"
#: A Thai name ends where a particle, a space or another clause begins.
_THAI_END = rf"(?={THAI_PARTICLES}|\s|$|[.,!?]|แทน|แล้ว|ค่าเทอม|ค่าบริการ)"
_THAI_NAME = rf"[\u0e01-\u0e4e]{{2,30}}?{_THAI_END}"

#: A product by its brand and model, the model word with a digit and its sizes after it:
#: «Samsung Galaxy A55 5G 8/256GB».
_LATIN_MODEL = (
    r"[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,3}\s(?:[A-Z][A-Za-z]*)?\d[\dA-Za-z/.+-]*"
    r"(?:\s[A-Z0-9][\dA-Za-z/.+-]*){0,3}"
)
#: Banks whose cards Thai names by the bank: «บัตรเครดิตกสิกรไทย».
_TH_BANKS = "กสิกรไทย|กสิกร|กรุงเทพ|กรุงไทย|กรุงศรี|ไทยพาณิชย์|ทีทีบี|ยูโอบี|ซิตี้|ออมสิน"
#: A company by the short form of its legal form, as a customer types it for a tax invoice:
#: «บจ. ไบรท์ซอฟต์ โซลูชั่น» (to the end of the clause). «บริษัท … จำกัด» is left out: it is also
#: how an invoice is said to be made out («ออกในนามบริษัท …»), and a switch to a person's name
#: («ออกในนามบุคคล คุณ…») is read as a holder's name, under another key, leaving it stale.
_COMPANY_WORDS = r"[\u0e01-\u0e4eA-Za-z]{2,}(?:\s[\u0e01-\u0e4eA-Za-z]{2,}){0,3}?"
_COMPANY = (
    rf"(?:บจ\.|บมจ\.|หจก\.)\s?(?P<value>{_COMPANY_WORDS})"
    rf"(?=\s?(?:จำกัด|{THAI_PARTICLES}|$|\n|[.,]))"
)

#: A Latin name ends at a word's end, not inside a code («DR-11862», «RF-25-11873»).
_NO_MORE = r"(?![A-Za-z0-9-])"
#: «สี Awesome Navy», «สีม่วง Awesome Lilac»: the word for colour, a Thai colour perhaps, the
#: Latin name; «สี» inside a word («เสียหาย», damage) or a verb of painting or dyeing («ทาสี
#: Nippon Paint», «พ่นสี», «ย้อมสี»: the paint's brand follows) is no colour.
TH_COLOURS = "แดง|เหลือง|เขียว|ฟ้า|น้ำเงิน|กรมท่า|ม่วง|ชมพู|ดำ|ขาว|เทา|ส้ม|น้ำตาล|ทอง|เงิน|ครีม|บรอนซ์"
_COLOUR = rf"(?<!เ)(?<!ทา)(?<!พ่น)(?<!ย้อม)สี(?:{TH_COLOURS})?\s?(?P<value>{_LATIN_NAME}){_NO_MORE}"

_TH_CAR_MAKES = (
    "โตโยต้า|ฮอนด้า|มาสด้า|นิสสัน|อีซูซุ|มิตซูบิชิ|ฟอร์ด|เชฟโรเลต|ซูซูกิ|เอ็มจี|ฮุนได|เกีย|บีวายดี"
    "|วอลโว่|เบนซ์|บีเอ็มดับเบิลยู|ซูบารุ|เลกซัส|ยามาฮ่า|คาวาซากิ"
)

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("room_type", re.compile(rf"ห้อง(?:พัก)?\s(?P<value>{_LATIN_NAME})(?![A-Za-z])")),
    ("programme", re.compile(rf"(?P<value>หลักสูตร{_THAI_NAME})")),
    (
        "internet_package",
        re.compile(r"(?P<value>\d{2,5}/\d{2,5}\s?(?:Mbps|Gbps|Mb|Gb))(?![A-Za-z])", re.I),
    ),
    # «ลูกแพ้กุ้ง»: what someone must not be given; "แพ้หนัก" says how badly, not to what;
    # «ไม่แพ้กัน», «ไม่แพ้ใคร» (second to none, as good) and «แพ้ทาง» (no match for) are no
    # allergy
    (
        "allergy",
        re.compile(rf"(?<!ไม่)(?P<value>แพ้(?!หนัก|มาก|ง่าย|บ่อย|กัน|ใคร|ทาง){_THAI_NAME})"),
    ),
    # who is coming: «ผู้ใหญ่ 2 เด็ก 1»
    (
        "guest_count",
        re.compile(
            r"(?P<value>ผู้ใหญ่\s?\d{1,2}(?:\s?(?:คน|ท่าน))?(?:\s?เด็ก\s?\d{1,2}(?:\s?(?:คน|ท่าน))?)?)"
        ),
    ),
    # «ที่นั่ง 7A และ 7B»
    (
        "seats",
        re.compile(r"(?P<value>ที่นั่ง\s?\d{1,2}[A-K](?:\s?(?:และ|กับ|,)\s?\d{1,2}[A-K])*)(?![A-Za-z])"),
    ),
    # a medicine and its dose, after the word for taking or prescribing it:
    # «พ่อกินวาร์ฟาริน 3 มก.», «สั่งวาร์ฟาริน 3 มก. จำนวน 30 เม็ด»
    (
        "medication",
        re.compile(
            r"(?:กิน|ทาน|ใช้ยา|ยา|สั่ง)(?P<value>[\u0e01-\u0e4eA-Za-z]{3,20}?\s?\d+(?:\.\d+)?\s?"
            r"(?:มก\.|มิลลิกรัม|ไมโครกรัม|mg|mcg)(?![A-Za-z]))"
        ),
    ),
    # a bus or van line: «เส้นทางสาย B», «รถสาย D» («รับสาย», a call taken, has no letter after it)
    ("route", re.compile(r"(?P<value>สาย\s?[A-Z0-9]{1,3})(?![A-Za-z0-9])")),
    # a car by its make as Thai writes it and its model: «ฮอนด้า ซิตี้», «โตโยต้า ยาริส»
    ("vehicle", re.compile(rf"(?P<value>(?:{_TH_CAR_MAKES})\s?{_THAI_NAME})")),
    # what the customer orders, read back or changed (see ``_ORDERED``); a colour received
    # by mistake («ที่ได้มาเป็นสีเหลือง Awesome Lemon», "what came is the yellow …") is not
    # the colour wanted
    ("colour_received", re.compile(rf"(?:ได้มา|ได้รับ|ส่งมา)(?:เป็น)?{_COLOUR}")),
    ("colour", re.compile(_COLOUR)),
    # «ออเดอร์นี้คือ …» (this order is), «รุ่น …», «สั่ง …»; «ปัญหาคือ Windows 11 …» (the problem
    # is) names no order
    (
        "product_model",
        re.compile(
            rf"(?:(?:ออเดอร์|สินค้า|ที่สั่ง)\S{{0,6}}คือ|รุ่น|สั่ง|ซื้อ)\s?(?P<value>{_LATIN_MODEL})"
            rf"{_NO_MORE}"
        ),
    ),
    # «บัตรเครดิตกสิกรไทย», «บัตร KTC»; a card money goes back into («คืนเงินเข้าบัตร…») is
    # where a refund goes, not how the order is paid
    (
        "payment_card",
        re.compile(
            rf"(?<!เข้า)(?P<value>บัตร(?:เครดิต|เดบิต)?\s?(?:{_LATIN_NAME}|{_TH_BANKS}))"
            rf"(?![A-Za-z0-9\u0e01-\u0e4e-])"
        ),
    ),
    # «ผ่อน 0% 6 เดือน», «ผ่อน 10 งวด»
    (
        "instalment_plan",
        re.compile(r"(?P<value>ผ่อน(?:\s?\d{1,2}(?:\.\d+)?\s?%)?\s?\d{1,2}\s?(?:เดือน|งวด))"),
    ),
    # a company by its Thai legal form: «บจ. ไบรท์ซอฟต์ โซลูชั่น», «บริษัท … จำกัด»
    ("invoice_name", re.compile(_COMPANY)),
    (
        "shop_branch",
        re.compile(
            rf"ร้าน(?P<value>[\u0e01-\u0e4eA-Za-z]{{2,30}}\sสาขา[\u0e01-\u0e4eA-Za-z]{{2,30}}?"
            rf"{_THAI_END})"
        ),
    ),
)
#: An offer or a list of options: nothing is chosen yet.
_OFFER = re.compile(r"ว่าง|มี\S{0,6}(?:สอง|สาม|หลาย)[^!?\n]{0,30}?คือ|หรือ|ไหน|อะไร")


#: Things offered before one is chosen; a shop or a package named in a question
#: («… สาขาบรรทัดทอง ใช่ไหมคะ», "is that right?") is still the one meant.
_CHOSEN = frozenset({"room_type", "programme"})
#: What a customer orders: in a question it is chosen only when read back to be confirmed
#: («… สี Awesome Navy … ถูกต้องไหมคะ») or asked for as a change («ขอเปลี่ยนเป็นสีม่วง Awesome
#: Lilac ได้ไหมครับ»); «มีสี Awesome Lilac ไหม» (is there …?) orders nothing.
_ORDERED = frozenset(
    {"colour", "colour_received", "product_model", "payment_card", "instalment_plan"}
)
_READ_BACK_OR_CHANGE = re.compile(r"ถูกต้อง|ใช่(?:ไหม|มั้ย)|เปลี่ยนเป็น")


#: An option taken by its Latin name alone, the way a customer picks one of those offered
#: («เอา Express ค่ะ», «งั้นเอา Economy ละกัน», «เอา Michelin ดีกว่า», «งั้นเปลี่ยนเป็น Michelin
#: เลยครับ»): the name closes the clause, so a model read back with its price («เปลี่ยนเป็น
#: Samsung Galaxy A55 ราคา …») or a question («เอา Express ดีไหม») takes nothing, nor does a
#: choice only weighed («ถ้าเปลี่ยนเป็น Economy …», if it were changed). A later pick of the
#: same shape replaces the earlier one. The kind of option may stand before the name («เอา
#: แพ็กเกจ Gold ค่ะ», «เลือกแผน Family ครับ», «เปลี่ยนเป็นคอร์ส Advanced»); a room or a model
#: so named is read by its own kind (``_KINDS``).
_PICK_KIND = r"(?:แพ็กเกจ|แพ็คเกจ|แพคเกจ|แผน|โปร|คอร์ส|แบบ|ตัว)\s?"
_PICKED = re.compile(
    rf"(?<!ถ้า)(?<!ถ้า\s)(?:เอา|เลือก|เปลี่ยนเป็น)\s?(?:{_PICK_KIND})?(?P<value>{_LATIN_NAME})"
    rf"(?=\s?(?:ละกัน|ดีกว่า|เลย|แทน)|\s?{THAI_PARTICLES}|\s*$|\s*[.!])"
)


#: A plain colour taken the same way («เอาสีดำค่ะ», «งั้นเปลี่ยนเป็นสีฟ้าดีกว่า», «เลือกสีขาวละกัน»),
#: or gone back to after another («กลับไปสีดำเหมือนเดิมค่ะ», "back to black as before"): the
#: colour closes the clause; «สีดำ» said of what something is («ตัวเครื่องสีดำ») takes
#: nothing.
_PICKED_COLOUR = re.compile(
    rf"(?<!ถ้า)(?<!ถ้า\s)(?:เอา|เลือก|เปลี่ยนเป็น|(?P<back>กลับไป)(?:เป็น|ใช้|เอา)?)\s?"
    rf"(?P<value>สี(?:{TH_COLOURS}))"
    rf"(?=\s?(?:ละกัน|ดีกว่า|เลย|แทน|เหมือนเดิม)|\s?{THAI_PARTICLES}|\s*$|\s*[.!])"
)


def named_things(
    text: str, claimed: ClaimedSpans, named_before: Callable[[str], bool] = lambda _: True
) -> Iterator[FactMatch]:
    """Named things in ``text``, left to right; each claims its words. A colour gone back
    to («กลับไปสีดำ») is taken only if ``named_before`` (offered or held): «ผมกลับไปสีดำ»
    may be hair gone black again."""
    yield from _picked(text, claimed, named_before)
    choosing = bool(_OFFER.search(text) or "?" in text or asked_in_thai(text))
    confirming = _READ_BACK_OR_CHANGE.search(text) is not None
    for key, pattern in _KINDS:
        if choosing and (key in _CHOSEN or (key in _ORDERED and not confirming)):
            continue
        for match in pattern.finditer(text):
            start, end = match.span("value")
            if key in _ORDERED and _left_out(key, text, match):
                continue
            if claimed.is_free(start, end):
                claimed.claim(start, end)
                yield FactMatch(key, match.group("value"), start, end)


#: A card named by a Latin name alone («บัตร KTC», but also «บัตร SIM», «บัตร ATM») pays
#: only where the words before it say so; a credit card or a bank's card is one to pay with.
_NAMED_CARD_ONLY = re.compile(r"บัตร\s?[A-Z]")


def _left_out(key: str, text: str, match: re.Match[str]) -> bool:
    if not_ordered(text, match.start(), match.end("value")):
        return True
    named_only = key == "payment_card" and _NAMED_CARD_ONLY.match(match["value"])
    return bool(named_only) and not pays_with(text, match.start())


def _picked(
    text: str, claimed: ClaimedSpans, named_before: Callable[[str], bool]
) -> Iterator[FactMatch]:
    """Options taken by their name alone (``_PICKED``) or colours taken
    (``_PICKED_COLOUR``), not refused."""
    picks = [("chosen_option", m) for m in _PICKED.finditer(text)]
    picks += [("colour", m) for m in _PICKED_COLOUR.finditer(text)]
    for key, match in picks:
        start, end = match.span("value")
        if key == "colour" and match["back"] and not named_before(match["value"]):
            continue
        if claimed.is_free(start, end) and not not_ordered(text, match.start(), end):
            claimed.claim(start, end)
            yield FactMatch(key, match["value"], start, end)


_CARD = next(pattern for key, pattern in _KINDS if key == "payment_card")
#: A question of which card: «ชำระด้วยบัตรไหนคะ», «ใช้บัตรอะไรคะ»; «มีบัตร ATM ไหมคะ» (do you have
#: …?) asks no card to pay with.
_WHICH_CARD = re.compile(r"บัตร\S{0,15}?(?:ไหน|อะไร)")


def card_replied(question: str, reply: str) -> str | None:
    """The card a reply names when the message before asked which card pays («ชำระด้วยบัตร
    ไหนคะ» «บัตร KTC ค่ะ»): a card named only, in answer to a question about the card."""
    if _WHICH_CARD.search(question) is None:
        return None
    match = _CARD.search(reply)
    if match is None or not_ordered(reply, match.start(), match.end("value")):
        return None
    return match["value"]
