"""What a value is about: topics named by cue words, and the fact key a value gets under one.

A fact's key names its subject (``delivery_date``, ``refund_amount``), never
just the type of its value. The subject comes from a *topic* (delivery, order,
refund, …) named near the value ("delivered on Friday", "your refund of
$42.50", «مبلغ … برگشت داده میشه», «ยอดคืนเงิน 1,250 บาท») or in the question
the value answers, combined with the value's ``Kind``: the delivery topic gives
``delivery_date`` to a date, ``delivery_time`` to a time of day,
``delivery_address`` to an address and ``shipping_cost`` to an amount. A
topic that has no key for a kind says nothing about such a value, so an
unrelated value never lands on a key by accident.

Cues are matched case-insensitively. English cues are whole words; Persian
cues must not sit inside a longer word; Thai has no spaces, so Thai cues match
anywhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from domain.memory.offline.lexicon import PERSIAN_SUMMED, PERSIAN_WHOLLY_SAID, alternation
from domain.memory.offline.person_names import is_customers_given_name
from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.values import (
    FA_LETTERS,
    FA_MONTH,
    FA_WEEKDAY,
    Kind,
)

_FA = FA_LETTERS

#: A date right after Persian «رفت» (the way out, «رفت (شما) …»): a weekday, a day and
#: month, a day with «ام», «فردا».
_WAY_OUT_DATE = (
    rf"{FA_WEEKDAY}|\d{{1,2}}\s*(?:ام|م)?\s*(?:{FA_MONTH})(?![{_FA}])|\d{{1,2}}\s*ام(?![{_FA}])"
    r"|فردا|پس[\u200c\s]?فردا"
)
#: Spoken «هم» ('too') cleaves to «م» ('my') as «م»: «شماره بابامم» is «شماره بابام هم», 'my
#: dad's number too'. Not after «ش»/«ت»: «من مادرشم» is 'I am his mother' (copula «م»).
_FA_TOO = "(?:(?<=م)م)"
#: A plural takes the possessive after it: «سفارش‌هام», «آدرس‌هاتون»; spoken «هم» may follow.
_FA_SUFFIX = (
    "\u200c?(?:(?:(?:ها|های)(?:\u200c?(?:مان|تان|شان|مون|تون|شون|م|ت|ش|ی))?"
    "|ام|ات|اش|مان|تان|شان|مون|تون|شون|ی|ای|م|ت|ش|ه)"
    f"{_FA_TOO}?)"
)

#: Cues that name a topic only loosely ("amount", "number"): a specific cue
#: anywhere in reach wins over them, whatever the distance.
WEAK = 1
STRONG = 2


@dataclass(frozen=True)
class Topic:
    name: str
    #: Fact key per value kind; a kind missing here is not about this topic.
    keys: dict[Kind, str]
    english: str = ""
    persian: str = ""
    thai: str = ""
    strength: int = STRONG
    #: Kinds this topic names only loosely ("on the order at £45": the order is not
    #: what costs £45 when "assembly" is also in reach).
    weak_kinds: frozenset[Kind] = frozenset()
    #: Whether the cue belongs to the value ("Mastercard ending 2290").
    includes_cue: bool = False
    #: Whether a reply to a question about this topic is itself the value
    #: (a name, an address, an instruction), when it holds no shaped value.
    free_text: bool = False
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        alternatives = []
        if self.english:
            alternatives.append(rf"(?<![A-Za-z])(?:{self.english})(?![A-Za-z])")
        if self.persian:
            # Persian words take suffixes: «سفارشتون», «آدرسم», «شماره‌ام».
            alternatives.append(rf"(?<![{_FA}])(?:{self.persian})(?:{_FA_SUFFIX})?(?![{_FA}])")
        if self.thai:
            alternatives.append(rf"(?:{self.thai})")
        object.__setattr__(self, "pattern", re.compile("|".join(alternatives), re.IGNORECASE))

    def key_for(self, kind: Kind) -> str | None:
        return self.keys.get(kind)

    def strength_for(self, kind: Kind) -> int:
        return WEAK if kind in self.weak_kinds else self.strength


_ID = (Kind.IDENTIFIER, Kind.NUMBER)


def _measured(name: str, english: str, persian: str, thai: str) -> Topic:
    """A thing a measure is the size of ("the 10.4 kWh battery", «حافظه ۲۵۶ گیگ»)."""
    return Topic(name, {Kind.MEASURE: name}, english=english, persian=persian, thai=thai)


def _ids(key: str) -> dict[Kind, str]:
    return dict.fromkeys(_ID, key)


def _held_sum(name: str, *, english: str, persian: str, thai: str) -> Topic:
    """A sum held and given back (a damage deposit): its label says what the sum is and
    outranks a price named beside it."""
    return Topic(
        name, {Kind.AMOUNT: name}, english=english, persian=persian, thai=thai, strength=STRONG + 1
    )


#: A length of time after a "minimum" ("minimum 12 month contract", "at least a year",
#: "minimum term", «ขั้นต่ำ 6 เดือน»).
_LENGTH_OF_TIME_EN = (
    r"\s+(?:of\s+)?(?:(?:\d+|an?|one|two|three|six|twelve|eighteen|twenty-four)[\s-]?"
    r"(?:years?|months?|weeks?|days?|nights?|hours?)(?![A-Za-z])|(?:term|stay|contract|period"
    r"|commitment|lease|tenancy)\b)"
)
_LENGTH_OF_TIME_TH = r"\s?(?:\d+\s?(?:ปี|เดือน|สัปดาห์|อาทิตย์|วัน|คืน|ชั่วโมง)|สัญญา|ระยะเวลา)"

# The order matters only between cues that match the same text: the first topic wins.
#: Someone the customer books or pays for, or shares with (student, learner, roommate).
_OTHER_PERSON_EN = r"student|learner|pupil|room-?mate|flatmate"
_OTHER_PERSON_FA = (
    r"زبان[\u200c\s]?آموز|دانش[\u200c\s]?آموز|هنرجو|هم[\u200c\s]?اتاقی|هم[\u200c\s]?خونه"
)
_OTHER_PERSON_TH = r"นักเรียน|ผู้เรียน|รูมเมท|เพื่อนร่วมห้อง"
#: A Thai question for the name of someone the question names, not the customer's: «ขอชื่อ-
#: นามสกุลคุณธนกร», «ชื่อจริงของนาคล่ะคะ», «ชื่อเขา»; «ชื่อคุณด้วยค่ะ», «ชื่อของคุณลูกค้า», «ชื่อ
#: ของผู้จอง» ask the customer's, and so does «คุณ» before a word that is no name: a particle,
#: a conjunction or a verb («ขอชื่อคุณและเบอร์ติดต่อ», «ขอชื่อคุณเพื่อยืนยันการจอง»).
_THE_CUSTOMER_TH = r"ลูกค้า|ผู้จอง|ผู้สั่ง|ผู้ซื้อ|ผู้ใช้บริการ|ท่าน|ตัวเอง"
_NOT_A_NAME_AFTER_KHUN_TH = (
    rf"{_THE_CUSTOMER_TH}|ด้วย|หน่อย|ก่อน|ได้|ที่|ค่ะ|คะ|ครับ|นะ|ล่ะ|และ|แล้ว|กับ|หรือ|พร้อม"
    r"|เพื่อ|สำหรับ|ให้|คือ|ว่า|เป็น|จะ|ไว้|ตาม|ใน|ทาง|เลย|เอง|จริง|เต็ม|นามสกุล"
)
_YOU_TH = rf"(?:คุณ)?(?:{_THE_CUSTOMER_TH})|คุณ(?=(?:{_NOT_A_NAME_AFTER_KHUN_TH})|\s|$)"
_THIRD_PERSON_NAME_TH = (
    r"ชื่อ(?:\s*-?\s*นามสกุล)?(?:จริง|เต็ม)?\s*"
    rf"(?:ของ\s*(?!{_YOU_TH})|เขา|เค้า|คุณ(?!{_NOT_A_NAME_AFTER_KHUN_TH})(?=[\u0e01-\u0e4e]{{2}}))"
)
_PET_EN = r"dog|cat|puppy|kitten|pet|rabbit|bunny|parrot|bird|hamster|horse"
_PET_FA = r"سگ|گربه|پت|حیوون|حیوان|توله|طوطی|خرگوش|پرنده"
_PET_TH = r"หมา|แมว|สุนัข|สัตว์เลี้ยง|กระต่าย|นก"

#: Someone the customer names by how they know them: their email or number is theirs.
_SOMEONE_OF_MINE_EN = (
    r"(?:my|his|her|our|your)\s+(?:friend|colleague|co-?worker|boss|manager|assistant|flatmate)"
)
_SOMEONE_OF_MINE_FA = r"دوست|همکار|رفیق|رئیس|مدیر"
#: Words after «شماره» that say which number, not whose («شماره تماس خانم …» is no name).
_NUMBER_WORDS_FA = (
    r"تماس|موبایل|همراه|تلفن|ثابت|کارت|حساب|سفارش|پیگیری|ملی|پلاک|شبا|قبض|اشتراک|پرونده"
    r"|فاکتور|خود|خودتون|خودت"
)
#: A possessive ending on such a word («تماستون», «موبایل‌تان», «همراهش»): whose number it is.
_POSSESSIVE_FA = r"(?:\u200c?(?:تون|تان|ت|شون|ش))?"
#: Kin and the people who teach, treat or house the customer, whose email is theirs too
#: (their number stays the recipient's, named earlier).
_KIN_OR_CARER_EN = (
    r"(?:my|his|her|our|your)\s+(?:wife|husband|partner|son|daughter|mum|mom|mother|dad|father"
    r"|sister|brother|teacher|tutor|coach|doctor|landlord|landlady)"
)
_KIN_OR_CARER_FA = r"همسر|خانمم|شوهر|مادر|مامان|پدر|بابا|برادر|خواهر|پسر|دختر|معلم|استاد|دکتر|مربی"

#: A person named by a capitalised name and owning what follows ("Kieran's number"): not
#: after a title, with a full stop or without ("Mr Patel's number", "Mr. Patel's number" is
#: how an agent names the customer), nor a question word ("What's").
_NAMED_SOMEONES = (
    r"(?<!Mr\s)(?<!Mrs\s)(?<!Ms\s)(?<!Miss\s)(?<!Dr\s)"
    r"(?<!Mr\.\s)(?<!Mrs\.\s)(?<!Ms\.\s)(?<!Dr\.\s)(?<![A-Za-z])"
    r"(?!(?:What|Where|Who|That|There|It|Here|He|She)(?:'s|’s))(?-i:[A-Z][a-z]+)(?:'s|’s)"
)
#: The name a ``_NAMED_SOMEONES`` cue opens with: whose the number or email is.
_NAMED_OWNER = re.compile(rf"(?={_NAMED_SOMEONES})(?P<name>[A-Za-z]+)")

#: "…, account 31047142": a bank account only when a sort code (20-45-77) comes before it in
#: its sentence ("sort code 20-45-77, account 31047142"); "Meter 4471, account 55120093"
#: names none.
_BARE_ACCOUNT = r"(?<=\d,\s)account(?=\s+\d)"
_SORT_CODE = re.compile(r"(?<![\d-])\d{2}-\d{2}-\d{2}(?![\d-])")

#: Arriving (not "on arrival", not «ได้รับแล้ว», received already) and the surcharge
#: paid for it to arrive sooner.
_ARRIVING_EN = r"arriv(?:e|es|al|ing)|get\s+(?:it|there|to\s+you)|reach\s+you"
_ARRIVE_EN = rf"(?<!on\s)(?<!upon\s){_ARRIVING_EN}"
_SURCHARGE_EN = r"extra|on\s+top|express"
_ARRIVE_FA = r"می[\u200c\s]?رسه|برسه|میاد|می[\u200c\s]?آید"
_SURCHARGE_FA = r"اضافه|پیک"
_ARRIVE_TH = r"ถึงมือ|ได้รับ(?!แล้ว)"

TOPICS: tuple[Topic, ...] = (
    # -- Persian labels no shared cue names («شناسه قبض», «شماره کنتور», «کد نسخه»): before
    # the shared ones, so that «کد رهگیری نسخه» is the prescription's, not a parcel's.
    Topic(
        "bill",
        _ids("bill_id"),
        persian=r"شناسه\s*(?:ی\s*)?(?:قبض|پرداخت)|شماره\s*(?:ی\s*)?قبض",
    ),
    Topic("policy", _ids("policy_number"), persian=r"شماره\s*(?:ی\s*)?بیمه[\u200c\s]?نامه"),
    Topic(
        "transaction",
        _ids("transaction_reference"),
        persian=r"(?:شماره|کد)\s*(?:ی\s*)?(?:تراکنش|ارجاع|مرجع)",
    ),
    Topic("registration", _ids("registration_number"), persian=r"شماره\s*(?:ی\s*)?ثبت"),
    Topic("meter", _ids("meter_number"), persian=r"(?:شماره|سریال)\s*(?:ی\s*)?(?:بدنه\s*)?کنتور"),
    Topic("case_file", _ids("case_number"), persian=r"شماره\s*(?:ی\s*)?پرونده|کلاسه\s*پرونده"),
    Topic(
        "prescription",
        _ids("prescription_code"),
        persian=r"کد\s*(?:ی\s*)?(?:رهگیری\s*|پیگیری\s*)?(?:نسخه|دارو)|شماره\s*(?:ی\s*)?نسخه",
    ),
    Topic(
        "warranty_card",
        _ids("warranty_card_number"),
        persian=r"(?:شماره|کد)\s*(?:ی\s*)?(?:کارت\s*)?(?:گارانتی|وارانتی|ضمانت[\u200c\s]?نامه)",
    ),
    # «اعتبار» of a sum is a balance held, never a price: «۴۳۰ هزار تومان اعتبار دارید»;
    # «تا کی اعتبار داره» asks how long something is valid.
    Topic("credit", {Kind.AMOUNT: "credit_balance"}, persian=r"(?<!کی\s)(?<!کی)اعتبار|موجودی"),
    Topic(
        "deadline",
        {Kind.DATE: "deadline_date"},
        persian=r"مهلت(?:\s*(?:پرداخت|قانونی))?",
        # "we can hold the date for you until Friday 14 August": till when an offer stands
        english=r"deadline|(?:hold|keep|reserve)\s+(?:\w+\s+){0,4}(?:until|till)"
        r"|no\s+later\s+than|at\s+the\s+latest",
    ),
    # «کارت شما تا یکشنبه ۱۵ مهر … آماده میشه»: when something will be ready to collect
    Topic(
        "ready",
        {Kind.DATE: "ready_date"},
        persian=r"آماده\s*(?:میشه|می[\u200c\s]?شود|می[\u200c\s]?شه|شدن|تحویل)",
    ),
    # -- identifiers -----------------------------------------------------------------------
    Topic(
        "tracking",
        _ids("tracking_number"),
        english=r"tracking(?:\s+(?:number|no\.?|code|id|ref(?:erence)?))?|consignment(?:\s+number)?"
        r"|waybill|parcel\s+(?:number|id)|airway\s+bill",
        persian=r"کد\s*(?:ی\s*)?رهگیری|شماره\s*(?:ی\s*)?رهگیری|کد\s*مرسوله|بارنامه",
        thai=r"เลข(?:พัสดุ|แทร็ก(?:กิ้ง)?|ติดตาม(?:พัสดุ)?)|หมายเลข(?:พัสดุ|ติดตาม)|แทร็กกิ้ง|tracking",
    ),
    Topic(
        "ticket",
        _ids("ticket_id"),
        english=r"ticket(?:\s+(?:number|no\.?|id|ref(?:erence)?))?|case(?:\s+(?:number|no\.?|id|ref(?:erence)?))?"
        r"|(?:repair|service|job)\s+(?:case|job|order|reference|ref|number|request)"
        # "work number" is a phone at work; a "work order" is a job
        r"|work\s+(?:case|job|order|reference|ref|request)"
        r"|complaint\s+(?:number|reference|ref|id)|claim\s+(?:number|reference|ref|id)"
        r"|support\s+(?:reference|ref)",
        persian=r"تیکت|شماره\s*(?:ی\s*)?(?:درخواست|پیگیری|شکایت|پذیرش)|کد\s*(?:ی\s*)?(?:پیگیری|درخواست|پذیرش)",
        thai=r"เลขที่เคส|หมายเลขเคส|เลขเคส|เคส|ทิกเก็ต|เลขที่เรื่อง|เลขเรื่อง|เรื่องร้องเรียน"
        r"|ใบแจ้งซ่อม|(?:เลขที่)?งานซ่อม|เลขที่งาน|(?:หมายเลข|เลขที่|เลข)แจ้งซ่อม",
    ),
    Topic(
        "booking",
        {**_ids("booking_reference"), Kind.DATE: "booking_date"},
        english=r"booking(?:\s+(?:ref(?:erence)?|number|code|id|no\.?))?|reservation(?:\s+(?:number|code|id))?"
        r"|PNR|confirmation\s+(?:number|code)|ref(?:erence)?\s+(?:number|code)",
        persian=r"کد\s*(?:ی\s*)?رزرو|شماره\s*(?:ی\s*)?رزرو|رزرو",
        thai=r"เลขที่การจอง|รหัสการจอง|หมายเลขการจอง|การจอง|booking|เลขจอง",
    ),
    Topic(
        "coupon",
        _ids("coupon_code"),
        english=r"(?:promo(?:tion(?:al)?)?|discount|gift|offer)\s*code|coupon(?:\s+code)?|voucher(?:\s+code)?"
        # a bank's "sort code" is no coupon: the account number after it is the account's
        r"|promo|(?<!sort\s)code",
        persian=r"کد\s*(?:ی\s*)?تخفیف|کوپن|کد\s*(?:ی\s*)?هدیه|ووچر",
        # a Latin «code» in Thai writing, never the end of an English word ("eircode",
        # "barcode", "passcode")
        thai=r"โค้ด(?:ส่วนลด)?|คูปอง|รหัสส่วนลด|วอเชอร์|(?<![A-Za-z])(?<!sort\s)code(?![A-Za-z])",
    ),
    Topic(
        "invoice",
        {**_ids("invoice_number"), Kind.AMOUNT: "invoice_amount"},
        english=r"invoice(?:\s+(?:number|no\.?))?|receipt(?:\s+(?:number|no\.?))?",
        persian=r"فاکتور|شماره\s*(?:ی\s*)?فاکتور|رسید",
        thai=r"ใบเสร็จ|ใบกำกับ(?:ภาษี)?|เลขที่ใบแจ้งหนี้|ใบแจ้งหนี้",
    ),
    Topic(
        "student",
        _ids("student_id"),
        english=r"student\s+(?:id|number|no\.?)",
        thai=r"รหัส(?:ประจำตัว)?นักเรียน|เลขประจำตัวนักเรียน",
    ),
    Topic(
        "slip",
        _ids("payment_slip"),
        english=r"(?:payment|transfer|bank)\s+slip(?:\s+(?:number|no\.?|ref(?:erence)?))?",
        thai=r"สลิป(?:การ)?(?:โอน(?:เงิน)?)?(?:เลขที่)?|เลขที่สลิป",
    ),
    Topic(
        "serial",
        _ids("serial_number"),
        english=r"serial(?:\s+(?:number|no\.?))?|S/N|IMEI",
        persian=r"(?:شماره\s*)?سریال|IMEI|آیمی",
        thai=r"(?:หมายเลข|เลข)?ซีเรียล|serial|IMEI",
    ),
    Topic(
        "account",
        _ids("account_number"),
        english=r"(?:account|customer|member(?:ship)?|subscriber|policy|loyalty|service|internet"
        r"|broadband|contract|subscription|rewards?|frequent\s+fl[yi]er)\s+(?:number|no\.?|id)"
        r"|membership",
        persian=r"شماره\s*(?:ی\s*)?(?:اشتراک|مشتری|حساب|عضویت|سرویس|قرارداد)"
        r"|کد\s*(?:ی\s*)?(?:اشتراک|مشتری)",
        thai=r"(?:หมายเลข|รหัส|เลข)(?:ที่)?(?:สมาชิก|ลูกค้า|อินเทอร์เน็ต|บริการ|สัญญา|ผู้ใช้)",
    ),
    Topic(
        # the bank account money comes from or goes to («บัญชีกสิกร 067-2-41853-9»,
        # «ขอเลขบัญชีด้วยนะคะ»): not a membership or a contract number
        "bank_account",
        _ids("bank_account"),
        # by its number or its bank; «ในบัญชี» alone is the customer's record
        # «ธ.กสิกรไทย เลขที่ 042-…»: a bank named and the number it holds
        thai=r"(?:หมายเลข|เลข(?:ที่)?)บัญชี|บัญชี(?:ธนาคาร|เงินฝาก|ออมทรัพย์)"
        r"|(?:บัญชี|ธนาคาร|ธ\.)\s?(?=กสิกร|ไทยพาณิชย์|กรุงเทพ|กรุงไทย|กรุงศรี|ทีทีบี|ttb|ออมสิน|ธ\.?ก\.?ส|ยูโอบี"
        r"|ซีไอเอ็มบี|เกียรตินาคิน|แลนด์|ธนชาต|KBank|SCB|BBL|KTB)",
    ),
    Topic(
        # the card sent to replace a lost one: not the card it replaces («บัตรใหม่หมายเลขลงท้าย…»)
        "new_card",
        {Kind.NUMBER: "new_card"},
        english=r"(?:replacement|new)\s+card(?:\s+(?:ending(?:\s+in)?|number))?",
        thai=r"บัตรใหม่\S{0,12}?(?:ลงท้าย(?:ด้วย)?|สี่ตัวท้าย|4\s?ตัวท้าย)",
        includes_cue=True,
    ),
    Topic(
        "card",
        {Kind.NUMBER: "payment_card"},
        english=r"(?:(?:visa|master\s?card|amex|debit|credit)\s+(?:card\s+)?|card\s+)?ending(?:\s+in)?"
        r"|last\s+(?:four|4)\s+digits",
        persian=r"(?:چهار|۴|4)\s*رقم\s*آخر|کارت(?:ی)?\s*(?:به|با)\s*شماره",
        thai=r"บัตร\S{0,12}\s?(?:ลงท้าย(?:ด้วย)?|สี่ตัวท้าย|4\s?ตัวท้าย)|เลขท้ายบัตร|ลงท้าย(?:ด้วย)?",
        includes_cue=True,
    ),
    Topic(
        "flight",
        {
            **_ids("flight_number"),
            Kind.DATE: "flight_date",
            Kind.TIME: "flight_time",
        },
        english=r"flight(?:\s+(?:number|no\.?))?|fly(?:ing)?|depart(?:s|ing|ure)?|outbound"
        r"|land(?:s|ing|ed)?",
        # «رفت» alone is the way out with a date right after it («رفت ۱۴ آبان») or the way
        # back beside it («رفت ظهر ۱۴ام، و برگشت ۱۸ آبان»); else it is "went" («شنبه اکبر
        # آقا نیست، رفت بم عروسی»), as it is with an ending («امروز رفتم نمایشگاه», «یادش
        # رفته بود»), no flight
        persian=rf"پرواز|شماره\s*(?:ی\s*)?پرواز|(?:تاریخ|بلیت|بلیط|پرواز)\s*رفت"
        rf"|رفت(?![{_FA}])(?=(?:\s*شما)?\s*(?:{_WAY_OUT_DATE})|[^.!?؟\n]{{0,40}}برگشت)",
        # «ขาไป» (the way out); «ไฟลต์» is spelt both ways
        thai=r"เที่ยวบิน|ไฟล[ทต]์|บิน|ขาไป|เที่ยวไป",
    ),
    # Hiring a room or a hall by the day is no bedroom's nightly rate: "day hire is £650",
    # «اجاره سالن ۵ میلیون», «ค่าเช่าห้องประชุม 5,000 บาท»
    Topic(
        "hire",
        {Kind.AMOUNT: "hire_fee"},
        english=r"(?:day|room|hall|venue|space|meeting\s+room)\s+hire|hire\s+(?:fee|charge|rate)",
        persian=r"اجاره\s*(?:ی\s*)?(?:سالن|اتاق\s*جلسه|فضا)",
        thai=r"ค่าเช่า(?:ห้องประชุม|สถานที่|ห้องจัดเลี้ยง|ห้องสัมมนา|ฮอลล์)",
    ),
    Topic(
        "room",
        {**_ids("room_number"), Kind.AMOUNT: "room_rate", Kind.COUNT: "room_count"},
        english=r"room(?:\s+(?:number|no\.?))?|per\s+night|a\s+night|nightly|/\s?night",
        persian=r"اتاق",
        thai=r"ห้อง(?:พัก)?",
    ),
    Topic(
        "postcode",
        {Kind.NUMBER: "postcode", Kind.IDENTIFIER: "postcode"},
        english=r"post\s?code|postal\s+code|zip(?:\s+code)?|eircode",
        persian=r"کد\s*(?:ی\s*)?پستی",
        # «ไปรษณีย์» alone is the post (a carrier, an office): «หมายเลขติดตามพัสดุไปรษณีย์ไทย
        # คือ EB…TH» is a tracking number
        # «ไปรษณีย์ 50200», «เลขไปรษณีย์ 10400», «ไปรษณีย์อะไรคะ»: before a postcode's five
        # digits or asking for it, the postcode
        thai=r"รหัสไปรษณีย์|(?:เลข)?ไปรษณีย์(?=\s*(?:\d{5}(?!\d)|อะไร))",
    ),
    Topic(
        "birth",
        {Kind.DATE: "date_of_birth"},
        english=r"date\s+of\s+birth|DOB|birth\s?day|born(?:\s+on)?",
        persian=r"تاریخ\s*(?:ی\s*)?تولد|متولد",
        thai=r"วันเดือนปีเกิด|วันเกิด|เกิดวันที่",
    ),
    Topic(
        "national_id",
        _ids("national_id"),
        english=r"national\s+id|passport(?:\s+number)?|ID\s+number",
        persian=r"کد\s*(?:ی\s*)?ملی|شماره\s*(?:ی\s*)?ملی|شماره\s*(?:ی\s*)?پاسپورت",
        thai=r"เลข(?:บัตร)?ประชาชน|พาสปอร์ต",
    ),
    Topic(
        "licence",
        _ids("licence_number"),
        english=r"(?:driv(?:ing|er'?s)\s+)?licen[cs]e(?:\s+(?:number|no\.?))?",
        persian=r"گواهی[\u200c\s]?نامه|شماره\s*(?:ی\s*)?گواهی[\u200c\s]?نامه",
        thai=r"(?:เลข(?:ที่)?)?ใบขับขี่",
    ),
    Topic(
        "plate",
        {**_ids("vehicle_plate")},
        # the plate with its letters: "ทะเบียน กข 4521", "plate 7KQD218"
        english=r"(?:licen[cs]e\s+|number\s+)?plate(?:\s+number)?|reg(?:istration)?\s+plate",
        persian=r"پلاک\s*(?:ی\s*)?(?:ماشین|خودرو|اتومبیل)",
        thai=r"(?<!ลง)ทะเบียน(?:รถ)?",
        includes_cue=True,
    ),
    # "the car's reg", "reg is KP16 XRF": "reg" alone is a car's registration in UK use;
    # the plate is the code after it, without the word
    Topic("car_reg", _ids("vehicle_plate"), english=r"reg(?:\s+(?:number|no\.?))?"),
    # what a vehicle's odometer reads: "mileage is 84,312", "what's on the clock?"
    Topic(
        "mileage",
        {Kind.NUMBER: "mileage", Kind.COUNT: "mileage"},
        # not "the mileage allowance is 10,000 a year": a lease's limit, not a reading
        english=r"mileage(?!\s+(?:allowance|limit|cap)\b)|odometer|on\s+the\s+clock",
    ),
    Topic(
        "access",
        {**_ids("access_code")},
        english=r"(?:gate|door|entry|access|building|lobby)\s+code|code\s+for\s+the\s+(?:gate|door)",
        persian=r"رمز\s*(?:ی\s*)?(?:در|ورود)|کد\s*(?:ی\s*)?(?:در|ورود)",
        thai=r"รหัส(?:ประตู|เข้า(?:ตึก|อาคาร)?)",
    ),
    # -- people and contact ----------------------------------------------------------------
    Topic(
        "courier",
        {Kind.PHONE: "courier_phone"},
        english=r"courier|driver|rider|delivery\s+(?:guy|man|person|agent)",
        persian=r"پیک|راننده|مامور|مأمور|موزع",
        thai=r"ไรเดอร์|คนขับ|พนักงานส่ง(?:ของ)?|คนส่ง(?:ของ)?|แมสเซนเจอร์|แมส",
    ),
    Topic(
        "technician",
        {Kind.PHONE: "technician_phone"},
        english=r"technician|engineer|installer|fitter",
        persian=r"تکنسین|کارشناس|نصاب|تعمیرکار",
        thai=r"ช่าง",
    ),
    Topic(
        "recipient",
        {Kind.PHONE: "recipient_phone"},
        english=r"recipient|receiver|(?:my|his|her|your)\s+(?:wife|husband|son|daughter|mother|mum|mom"
        r"|father|dad|brother|sister|neighbou?r|colleague|friend|partner)(?:'s)?|second\s+passenger"
        r"|(?:his|her|their)\s+(?:full\s+)?name",
        persian=r"تحویل[\u200c\s]?گیرنده|گیرنده|همسر|خانمم|آقامون|مادر|مامان|پدر|بابا|برادر|خواهر"
        r"|همسایه|شوهر|پسر|دختر|بچه|مسافر\s*دوم"
        r"|زن[\u200c\s]?(?:داداش|برادر)|شوهر[\u200c\s]?خواهر|خواهرزاده|برادرزاده",
        # kin by marriage and siblings of either age too («เบอร์ใช้ของพี่สะใภ้ค่ะ +44…»); not the
        # bare «ป้า», «น้า», «ตา»: they hide in «ป้าย», «หน้า», «ตาม»; nor «เพื่อน»: "I'm going
        # with a friend" names no one whose number follows
        # «ให้ครูสมศักดิ์รับแทนได้ค่ะ»: whoever receives it in the customer's place
        thai=r"ผู้รับ|คนรับ|รับแทน|ภรรยา|สามี|แฟน|คุณแม่|แม่|พ่อ|พี่ชาย|พี่สาว|น้องชาย|น้องสาว"
        r"|พี่สะใภ้|น้องสะใภ้|พี่เขย|น้องเขย|เพื่อนบ้าน|ลูกชาย|ลูกสาว|ลูก(?!ค้า)|หลาน",
    ),
    # The name of someone the customer books or pays for, or shares with: "the student's
    # name?", «نام زبان‌آموز», «ชื่อนักเรียน». Only the name word and the person word
    # together: "for the student discount I'll need your full name" asks the customer's.
    # No value of theirs is keyed by it (a student's national id stays the national id).
    Topic(
        "someone_else",
        {},
        english=rf"(?:{_OTHER_PERSON_EN})(?:'s)?\s+(?:(?:full|first|last)\s+)?name"
        rf"|name\s+of\s+(?:the|your)\s+(?:{_OTHER_PERSON_EN})",
        persian=rf"(?:اسم|نام)(?:\s+و\s+(?:نام\s+خانوادگی|فامیلی?)|\s+کامل)?\s+(?:{_OTHER_PERSON_FA})"
        rf"|(?:{_OTHER_PERSON_FA})[\u0600-\u06ff\u200c]{{0,4}}\s+(?:اسم|نام)",
        thai=rf"ชื่อ(?:\s*-?\s*นามสกุล)?\s*(?:ของ)?\s*(?:{_OTHER_PERSON_TH})|(?:{_OTHER_PERSON_TH})ชื่อ",
    ),
    # A pet's name ("What's your dog's name?", «اسم گربه‌تون چیه؟», «น้องแมวชื่ออะไรคะ») and
    # a Persian name asked in the third person («اسمش چیه؟», its or his name): never the
    # customer's own.
    Topic(
        "pet",
        {},
        english=rf"(?:{_PET_EN})(?:'s|’s)?\s+name|name\s+of\s+(?:the|your)\s+(?:{_PET_EN})",
        persian=rf"(?:اسم|نام)\s*(?:ی\s*)?(?:{_PET_FA})",
        thai=rf"ชื่อ\s*(?:ของ)?\s*(?:น้อง)?(?:{_PET_TH})|(?:น้อง)?(?:{_PET_TH})\s*ชื่อ",
    ),
    Topic(
        "third_person_name",
        {},
        persian=r"(?<![\u0600-\u06ff])(?:اسم|نام)\u200c?(?:ش|شون|شان)(?![\u0600-\u06ff])",
        thai=_THIRD_PERSON_NAME_TH,
    ),
    Topic(
        "second_contact",
        {Kind.PHONE: "second_contact_phone", Kind.EMAIL: "second_contact_email"},
        # someone else to reach: a second contact, or "his number", "her email?" after
        # naming them
        english=r"(?:second|another|other|alternative|alternate|backup|emergency)\s+"
        r"(?:contact|number|phone)|(?:his|her|their)\s+(?:number|phone|mobile|cell|e-?mail)"
        # "a number for her?", "the site contact", "What's Kieran's number?": someone else's
        r"|(?:number|phone|mobile|cell|e-?mail)\s+for\s+(?:him|her|them)(?![A-Za-z])"
        r"|(?:site|on-?site)\s+contact(?:'s|’s)?(?:\s+(?:number|phone|mobile|e-?mail))?"
        rf"|{_NAMED_SOMEONES}\s+(?:(?:mobile|phone|contact)\s+)?(?:number|phone|mobile|cell|e-?mail)"
        # a friend's or colleague's email is theirs, never the customer's
        rf"|(?:{_SOMEONE_OF_MINE_EN})(?:'s)?\s+(?:e-?mail|number|phone|mobile)"
        rf"|(?:{_KIN_OR_CARER_EN})(?:'s)?\s+e-?mail",
        persian=r"شماره\s*(?:ی\s*)?(?:دوم|دیگه|دیگر|اضطراری|ایشون|ایشان)|شمارش|شماره[\u200c]?ش"
        rf"|شمارشون|شماره[\u200c]?شون|(?:ایمیل|شماره)\s*(?:ی\s*)?(?:{_SOMEONE_OF_MINE_FA})"
        rf"|ایمیل\s*(?:ی\s*)?(?:{_KIN_OR_CARER_FA})"
        # the one who is there on the day («رابط محل کار», «مسئول کارگاه»)
        r"|(?:رابط|مسئول|هماهنگ[\u200c\s]?کننده)\s*(?:ی\s*)?(?:در\s*)?(?:محل|سایت|کارگاه)"
        # «شماره سارا خانم رو بدید»: a number asked by another's name and title; the
        # customer is asked for «شماره‌تون», never by their own name in the third person
        # («شماره تماستون خانم رضایی؟» is the addressee's own number, asked by name and title)
        rf"|شماره\s*(?:ی\s*)?(?!(?:{_NUMBER_WORDS_FA}){_POSSESSIVE_FA}(?![\u0600-\u06ff]))"
        r"[\u0600-\u06ff]{2,}\s+(?:خانم|خانوم|جان)(?![\u0600-\u06ff])",
        # «อีเมลเธอ …», «อีเมลแม่เป็น …»: the email of the person just named
        # «ขอคนติดต่อหน้างานด้วยนะคะ»: who is there on the day, not the customer who books
        thai=r"เบอร์(?:โทร)?(?:สำรอง|ที่สอง|อื่น)|ผู้ติดต่อสำรอง|เบอร์(?:ของ)?(?:เขา|เธอ|ท่าน)"
        # «ขอชื่อกับเบอร์คุณผู้หญิงด้วยครับ»: the lady's or gentleman's number, someone the
        # customer has just brought in («คุณ» alone is the customer)
        r"|เบอร์(?:โทร)?(?:ของ)?\s*คุณผู้(?:หญิง|ชาย)"
        # «ขอเบอร์คนติดต่อหน้างาน»: the number asked is the on-site contact's, so the words
        # for a number before it belong to this cue, not to the customer's phone
        r"|(?:เบอร์(?:โทร)?(?:ติดต่อ)?(?:ของ)?)?(?:คน|ผู้)(?:ติดต่อ|ประสานงาน)(?:ที่)?หน้างาน"
        r"|อีเมล(?:ของ)?(?:เขา|เธอ|ท่าน|คุณแม่|แม่|คุณพ่อ|พ่อ|ภรรยา|สามี|แฟน|ลูก(?!ค้า)"
        r"|เพื่อน(?!ๆ)|หัวหน้า|ผู้จัดการ|ครู|อาจารย์|คุณหมอ|หมอ|โค้ช)",
    ),
    Topic(
        "building",
        {Kind.PHONE: "building_office_phone"},
        english=r"building\s+(?:manager|office|management|reception)|concierge|front\s+desk"
        r"|reception|landlord|caretaker|property\s+manager|security\s+desk",
        persian=r"مدیر\s*ساختمو?ا?ن|مدیریت\s*ساختمو?ا?ن|نگهبانی|نگهبان|سرایدار|لابی",
        thai=r"นิติ(?:บุคคล)?|รปภ|ป้อมยาม",
    ),
    Topic(
        # a second number of the customer's own: it never replaces the mobile
        "landline",
        {Kind.PHONE: "landline_phone"},
        english=r"land\s?line|home\s+(?:phone|number|line|tel(?:ephone)?)|house\s+phone",
    ),
    Topic(
        "phone",
        {Kind.PHONE: "customer_phone"},
        # "the driver's number is …": whose number it is beats that it is a number.
        weak_kinds=frozenset({Kind.PHONE}),
        english=r"(?:phone|mobile|cell|contact|telephone|callback|whatsapp)(?:\s+(?:number|no\.?))?"
        r"|number\s+to\s+(?:reach|call|contact)|reach\s+(?:me|you)|call\s+(?:me|you)|text\s+(?:me|you)"
        r"|(?:your|my|best)\s+number",
        persian=r"شماره\s*(?:ی\s*)?(?:تماس|تلفن|موبایل|همراه)|تلفن|موبایل|شمارم|شماره[\u200c]?ام|شمارتون|شماره[\u200c]?تون",
        thai=r"เบอร์(?:โทร(?:ศัพท์)?)?(?:ติดต่อ)?|โทรศัพท์|มือถือ|เบอร์ติดต่อ",
    ),
    Topic(
        # where invoices go ("an accounts email we should send them to, rather than to
        # you?", «ایمیل حسابداری», «อีเมลฝ่ายบัญชี»): the firm's inbox, not the customer's
        "accounts_email",
        {Kind.EMAIL: "billing_email"},
        english=r"(?:accounts|billing|invoic(?:e|es|ing)|finance|payables)\s+e-?mail(?:\s+address)?"
        r"|e-?mail\s+(?:for|to\s+send)\s+(?:the\s+)?(?:invoices|bills)",
        persian=r"ایمیل\s*(?:ی\s*)?(?:واحد\s*|بخش\s*)?(?:حسابداری|مالی)",
        thai=r"อีเมล(?:์)?(?:ของ)?(?:ฝ่าย|แผนก)?(?:บัญชี|การเงิน)",
    ),
    Topic(
        "email",
        {Kind.EMAIL: "customer_email"},
        english=r"e-?mail(?:\s+address)?",
        persian=r"ایمیل|پست\s+الکترونیک",
        thai=r"อีเมล(?:์)?|เมล",
    ),
    Topic(
        "product",
        {Kind.IDENTIFIER: "product_model"},
        english=r"(?:which|what)\s+(?:model|product|item|device|laptop|phone|version)|model(?:\s+number)?",
        # «چه شارژری بود؟»: which kind of a thing it was
        persian=r"مدل|محصول|کالا|کدوم\s+(?:گوشی|دستگاه|مدل)"
        rf"|چه\s+[{_FA}]{{2,}}ی\s*(?:بود|بوده|هست|است|داری|دارید)",
        thai=r"รุ่น(?:อะไร|ไหน)?|สินค้าตัวไหน",
        free_text=True,
    ),
    Topic(
        # what is wrong, asked for in the customer's words: "Can you describe what's
        # happening with the trackpad?", "What seems to be the problem?"
        "fault",
        {},
        english=r"describe\s+(?:what'?s\s+happening|the\s+(?:problem|issue|fault))"
        r"|what(?:'s|\s+is|\s+seems\s+to\s+be)\s+(?:wrong|happening|the\s+(?:problem|issue|fault))",
        # «เกิดอะไรขึ้นคะ», «มีปัญหาอะไรครับ», «อาการเป็นยังไงคะ»
        thai=r"เกิดอะไรขึ้น|มีปัญหาอะไร|ปัญหาคืออะไร|อาการเป็น(?:ยังไง|อย่างไร)|เสียยังไง",
        free_text=True,
    ),
    Topic(
        # what the customer does for a living, asked by a lender or an insurer
        "occupation",
        {},
        thai=r"(?:ทำ|ประกอบ)อาชีพ|อาชีพอะไร|ทำงานอะไร",
        free_text=True,
    ),
    Topic(
        "name",
        {},
        # "addressed to R. Mensah. Is that you?", «… خودتون هستید؟», «… ใช่คุณไหมคะ»: a name
        # from a record put to the customer, whose reply gives it in full
        english=r"(?:full\s+|first\s+|last\s+|sur)?name|who\s+am\s+i\s+speaking\s+(?:to|with)"
        r"|is\s+(?:that|this)\s+you",
        # «ثبت‌نام», «نام‌نویسی» are registering, not a name
        persian=r"اسم|(?<!ثبت)(?<!ثبت[\u200c\s])نام(?![\u200c\s]?نویسی)|فامیلی"
        r"|خودتون(?:\s+هستین|\s+هستید|ین|ید)",
        thai=r"ชื่อ|นามสกุล|ใช่คุณ(?:ไหม|มั้ย|หรือเปล่า|รึเปล่า)",
        free_text=True,
    ),
    # -- addresses -------------------------------------------------------------------------
    Topic(
        "previous_address",
        {Kind.ADDRESS: "previous_address"},
        # the address a service moves away from: «ที่อยู่ติดตั้งปัจจุบันคือ …» before a move,
        # «ที่อยู่เดิม», «บ้านเก่า»; a strong cue, so the weak "address" cue beside it yields
        thai=r"ที่อยู่(?:ติดตั้ง|จัดส่ง)?(?:เดิม|เก่า)|ที่อยู่ติดตั้งปัจจุบัน|(?:บ้าน|คอนโด)เก่า",
    ),
    Topic(
        "registered_address",
        {Kind.ADDRESS: "registered_address"},
        # the address on the house registration or ID card, asked for invoices and contracts:
        # «ใช้ตามทะเบียนบ้าน 56 หมู่ 3 …» is not where the order goes
        thai=r"ทะเบียนบ้าน|ที่อยู่ตาม(?:บัตร(?:ประชาชน)?|ทะเบียน)",
    ),
    Topic(
        "billing",
        {Kind.ADDRESS: "billing_address"},
        english=r"billing(?:\s+address)?|invoice\s+address|card\s+address",
        persian=r"آدرس\s*(?:ی\s*)?فاکتور|آدرس\s*(?:ی\s*)?صورتحساب",
        thai=r"ที่อยู่(?:ใน)?(?:การ)?(?:ออก)?ใบกำกับ(?:ภาษี)?|ใบกำกับ(?:ภาษี)?|ที่อยู่ออกบิล|ที่อยู่ใบเสร็จ",
    ),
    Topic(
        "work",
        {Kind.ADDRESS: "work_address", Kind.PHONE: "work_phone", Kind.EMAIL: "work_email"},
        # "my work email", "work line": whole, so the plain "email" cue beside it does not
        # make the customer's own address of it
        english=r"office|work(?:place)?(?:\s+(?:e-?mail|phone|number|line|mobile|cell))?"
        r"|company\s+address",
        persian=r"محل\s*کار|دفتر|شرکت",
        thai=r"ที่ทำงาน|ออฟฟิศ|บริษัท",
    ),
    Topic(
        # where a move or a shipment starts («آدرس دقیق مبدأ», «ที่อยู่ต้นทาง», "the origin
        # address"): the place things are taken from, never where they go. The address word
        # before it is part of the label, so the plain address cue yields to it.
        "origin",
        {Kind.ADDRESS: "pickup_address"},
        english=r"(?:(?:collection|pick-?up)\s+)?origin(?:\s+address)?",
        persian=r"(?:(?:آدرس|نشانی)\s*(?:ی\s*)?(?:دقیق\s*)?)?(?:مبدأ|مبدا|مبداء)",
        thai=r"(?:ที่อยู่)?ต้นทาง",
    ),
    Topic(
        "pickup",
        {
            Kind.ADDRESS: "pickup_address",
            Kind.DATE: "pickup_date",
            Kind.TIME: "pickup_time",
        },
        english=r"pick(?:ed)?[\s-]?up|collect(?:ion|ed)?",
        persian=r"تحویل\s*(?:گرفتن|بگیرم|بگیرید|بگیره|بگیرن|گرفته)|دریافت\s*(?:از|کنم)",
        thai=r"รับ(?:รถ|ของ)?ที่|จุดรับ|รับรถ|ไปรับ",
    ),
    Topic(
        "address",
        {Kind.ADDRESS: "delivery_address"},
        english=r"(?:new|current|home|delivery|shipping|installation|service)?\s*address|live\s+at"
        r"|moved\s+to",
        persian=r"آدرس|نشانی|منزل",
        thai=r"ที่อยู่|บ้านเลขที่",
        # "return address", "billing address": the qualifier says whose address it is.
        weak_kinds=frozenset({Kind.ADDRESS}),
        free_text=True,
    ),
    # -- money -----------------------------------------------------------------------------
    Topic(
        "refund",
        {
            Kind.AMOUNT: "refund_amount",
            Kind.NUMBER: "refund_amount",
            Kind.DATE: "refund_date",
            Kind.DURATION: "refund_duration",
        },
        english=r"refund(?:s|ed|ing)?|reimburs\w*|money\s+back|credit(?:ed)?\s+back|credit\s+note",
        persian=r"بازگشت\s*(?:وجه|پول)|عودت|استرداد|برمی[\u200c\s]?گرد|برگردونده|واریز"
        r"|برگشت\s*(?:داده|میشه|می[\u200c\s]?شود|پول|وجه)",
        thai=r"คืนเงิน|ยอดคืน|เงินคืน|โอนคืน|คืนให้|คืนเข้า",
    ),
    Topic(
        "shipping_cost",
        {Kind.AMOUNT: "shipping_cost", Kind.NUMBER: "shipping_cost"},
        english=r"shipping(?:\s+(?:fee|cost|charge))?|postage|delivery\s+(?:fee|charge|cost)",
        persian=r"هزینه\s*(?:ی\s*)?(?:ارسال|پیک|حمل|پست)|کرایه",
        thai=r"ค่า(?:จัด)?ส่ง|ค่าขนส่ง",
    ),
    Topic(
        "total",
        {Kind.AMOUNT: "order_total", Kind.NUMBER: "order_total"},
        english=r"total|comes?\s+to|came\s+to|altogether|amount\s+due|(?:you(?:'ll)?|to)\s+pay"
        r"|grand\s+total|balance\s+due|final\s+(?:price|amount|cost)",
        # «جمعا»: «جمعاً» as people write it, without the tanvin (not «کلا», which asks the
        # whole in a question, «کلا چقدر میشه؟», and answers take the first figure)
        persian=r"مبلغ\s*(?:ی\s*)?(?:نهایی|کل|قابل\s*پرداخت)|جمع\s*(?:کل)?|مجموع|قابل\s*پرداخت"
        rf"|{alternation(PERSIAN_SUMMED | PERSIAN_WHOLLY_SAID)}",
        # not «ทั้งหมด» alone ("all"): «ยอดคืนทั้งหมด 140» is the whole refund, not a total;
        # «ลดเหลือ» (brought down to) is, «คงเหลือ» (what remains to pay: "balance") is not
        thai=r"ยอดรวม|ราคารวม|รวมทั้งหมด|รวมเป็น|รวมแล้ว|ยอดชำระ|ยอดที่ต้องชำระ|ยอดสุทธิ"
        r"|(?<!คง)(?<!ส่วนที่)เหลือ"
        # «รวม 1,320 บาท»: bare «รวม» right before a figure (before a word it is "including")
        r"|รวม(?=\s?[\d๐-๙])",
    ),
    Topic(
        "minimum",
        {Kind.AMOUNT: "minimum_spend"},
        # a coupon's condition, not what the order came to: «ต้องมียอดสั่งขั้นต่ำ 250 บาท»;
        # the threshold of an offer too ("free delivery on orders over $50", «خریدهای بالای
        # ۵۰۰ هزار تومان», «สั่งซื้อครบ 500 บาท»): no order's total
        # a least length of time is no sum ("£45 a month, minimum 12 month contract",
        # "12-month minimum term", «สัญญาขั้นต่ำ 12 เดือน»): the price beside it is no spend
        english=rf"(?<!months\s)(?<!month\s)(?<!month-)(?<!years\s)(?<!year\s)(?<!year-)"
        rf"(?:minimum(?:\s+(?:order|spend|purchase|amount))?|at\s+least)(?!{_LENGTH_OF_TIME_EN})"
        r"|(?:orders?|purchases?|spend(?:ing)?|baskets?)\s+(?:of\s+)?(?:over|above|more\s+than"
        r"|exceeding)",
        persian=r"(?:خرید|سفارش)(?:[\u200c\s]?(?:ها|های))?\s*(?:بالای|بیشتر\s*از|بالاتر\s*از)",
        thai=rf"(?<!สัญญา)ขั้นต่ำ(?!{_LENGTH_OF_TIME_TH})|(?:ยอด)?(?:สั่ง)?ซื้อ(?:ครบ|เกิน)",
    ),
    # The bound a rule of money moved applies above: "a fee on transfers over $1,000",
    # «برای انتقال‌های بالای ۱۰ میلیون», «โอนเกิน 50,000 บาท»: no fee, no sum moved
    Topic(
        "threshold",
        {Kind.AMOUNT: "threshold_amount"},
        # not payments or deposits: "monthly payments of more than £80" and "a deposit over
        # £500" are sums the customer pays, no bound
        english=r"(?:transfers?|withdrawals?|transactions?)\s+(?:over|above|more\s+than|exceeding)",
        persian=r"(?:انتقال|تراکنش|واریز|برداشت)(?:[\u200c\s]?(?:ها|های))?\s*"
        r"(?:بالای|بیشتر\s*از|بالاتر\s*از)",
        thai=r"(?:โอน|ถอน)(?:เงิน)?(?:ที่)?(?:เกิน|มากกว่า)",
    ),
    Topic(
        "difference",
        {Kind.AMOUNT: "price_difference"},
        # "AU$40 more per night": what one thing costs over another
        english=r"(?:price|fare)\s+difference|difference|top[\s-]?up|more",
        persian=r"مابه[\u200c\s]?(?:ال)?تفاوت|اختلاف\s*قیمت",
        # «ส่วนต่างราคา 640 บาท»: the price word is part of the label, no price's cue (the
        # cue ends where «ราคา» ends, and the earlier of two cues so placed wins)
        thai=r"ส่วนต่าง(?:ของ)?(?:ราคา)?",
    ),
    Topic(
        "bank",
        _ids("bank_account"),
        # "sort code 20-45-77, account 31047142": the account given after the sort code
        # (``_BARE_ACCOUNT``: only after one in its sentence)
        english=rf"IBAN|bank\s+account(?:\s+number)?|sort\s+code|{_BARE_ACCOUNT}",
        persian=r"(?:شماره\s*)?شبا|شماره\s*حساب",
        thai=r"เลขบัญชี|บัญชีธนาคาร|พร้อมเพย์",
    ),
    Topic(
        "rental",
        {Kind.AMOUNT: "rental_rate"},
        english=r"daily\s+rate|rental\s+(?:rate|fee|price)",
        thai=r"ค่าเช่า(?:รถ)?",
    ),
    # A sum held against damage and returned («มัดจำความเสียหาย», «ودیعه خسارت», a
    # landlord's «เงินประกัน»): no part of the price paid up front, so before "deposit",
    # and outranking the rent it is counted in («เงินประกัน 2 เดือน 23,000 บาท + ค่าเช่า
    # ล่วงหน้า 1 เดือน»: the 23,000 is the deposit, not the rent named after it).
    # what is held against a pet's damage is a sum of its own, beside the flat's deposit
    _held_sum(
        "pet_deposit",
        english=r"pet\s+(?:deposit|bond)",
        persian=r"(?:ودیعه|سپرده)\s*(?:ی\s*)?(?:حیوان|پت)",
        thai=r"(?:เงิน)?(?:ประกัน|มัดจำ)สัตว์เลี้ยง",
    ),
    # A sum held against damage and returned («มัดจำความเสียหาย», «ودیعه خسارت», a
    # landlord's «เงินประกัน»): no part of the price paid up front, so before "deposit",
    # and outranking the rent it is counted in («เงินประกัน 2 เดือน 23,000 บาท + ค่าเช่า
    # ล่วงหน้า 1 เดือน»: the 23,000 is the deposit, not the rent named after it).
    _held_sum(
        "security_deposit",
        english=r"(?:damage|security|breakage)\s+(?:deposit|bond)",
        persian=r"(?:ودیعه|سپرده|ضمانت)\s*(?:ی\s*)?(?:خسارت|تضمین)|سپرده\s*(?:ی\s*)?ضمانت",
        thai=r"มัดจำ(?:ประกัน)?(?:ความ)?เสียหาย|เงินประกัน(?!ภัย|สุขภาพ|ชีวิต)",
    ),
    Topic(
        "deposit",
        {Kind.AMOUNT: "deposit"},
        english=r"deposit",
        persian=r"بیعانه|پیش[\u200c\s]?پرداخت|ودیعه",
        thai=r"มัดจำ",
    ),
    # what the customer earns: "18,000 a month" after «รายได้» is income, not a fee (the
    # rate after the sum says how often, not what it is), so it outranks the rate's cue
    Topic(
        "income",
        {Kind.AMOUNT: "monthly_income"},
        english=r"income|salary|take[\s-]home\s+pay",
        persian=r"درآمد|حقوق\s*(?:ماهانه|ماهیانه)",
        # not «เชียงรายได้» (Chiang Rai + "can"), nor «เงินเดือนละ» (money, per month)
        thai=r"(?<![ก-ฮ])รายได้",
        strength=STRONG + 1,
    ),
    Topic(
        "monthly",
        {Kind.AMOUNT: "monthly_fee"},
        english=r"per\s+month|a\s+month|monthly|/\s?month|/mo\b",
        persian=r"ماهیانه|ماهانه|ماهی",
        thai=r"ต่อเดือน|รายเดือน|เดือนละ",
    ),
    Topic(
        "fee",
        {Kind.AMOUNT: "fee"},
        english=r"(?:change|cancellation|late|service|call[\s-]?out|admin|repair|installation)\s+fee"
        r"|fee|surcharge|penalty",
        persian=r"جریمه|کارمزد|هزینه\s*(?:ی\s*)?(?:تعمیر|نصب|تغییر|کنسلی|ابطال|خدمات)|اجرت",
        thai=r"ค่าธรรมเนียม|ค่าปรับ|ค่าบริการ|ค่าซ่อม|ค่าติดตั้ง|ค่าแรง",
    ),
    Topic(
        "discount",
        {Kind.AMOUNT: "discount"},
        english=r"discount|off",
        persian=r"تخفیف",
        thai=r"ส่วนลด|ลด(?:ให้|ราคา|ลง|เหลือ)",
    ),
    Topic(
        "price",
        {Kind.AMOUNT: "price"},
        english=r"price[sd]?|costs?|priced|sells?\s+for|retails?",
        persian=r"قیمت|فی",
        thai=r"ราคา(?:สินค้า)?|ยอดสินค้า|ค่าสินค้า",
    ),
    Topic(
        # a payment taken twice: the second one, not the order's total or a refund
        "duplicate",
        {Kind.AMOUNT: "duplicate_charge"},
        english=r"duplicate(?:\s+(?:charge|payment|transaction))?|double[\s-]charged?|charged\s+twice",
    ),
    Topic(
        # what bags cost on a trip, and how much they may weigh
        "baggage",
        {Kind.AMOUNT: "baggage_fee", Kind.WEIGHT: "baggage_allowance"},
        english=r"(?:extra|checked|additional|hold)\s+bags?|baggage|luggage",
    ),
    Topic(
        # cash paid out over the counter: an emergency withdrawal, an advance
        "cash",
        {Kind.AMOUNT: "cash_amount"},
        english=r"(?:emergency\s+)?cash(?:\s+(?:withdrawal|advance))?|withdrawal",
    ),
    Topic(
        # what a repair or a job will cost before it is done
        "estimate",
        {Kind.AMOUNT: "estimate_amount", Kind.NUMBER: "estimate_amount"},
        english=r"estimate[ds]?|quote[ds]?|quotation",
    ),
    Topic(
        "amount",
        {Kind.AMOUNT: "order_total"},
        english=r"amount|sum",
        persian=r"مبلغ",
        thai=r"ยอด|จำนวนเงิน",
        strength=WEAK,
    ),
    # -- times and events ------------------------------------------------------------------
    Topic(
        "warranty",
        {Kind.DURATION: "warranty_period", Kind.DATE: "warranty_expiry"},
        english=r"warrant(?:y|ies|ee)|guarantee|guaranty",
        persian=r"گارانتی|وارانتی|ضمانت",
        # not the landlord's «เงินประกัน» (a security deposit, above)
        thai=r"รับประกัน|(?<!เงิน)ประกัน",
    ),
    Topic(
        "check_in",
        {Kind.DATE: "check_in_date", Kind.TIME: "check_in_time"},
        english=r"check(?:ing|ed)?[\s-]?in|arriv(?:e|al|ing)\s+at\s+the\s+hotel",
        persian=r"ورود|چک[\u200c\s-]?این",
        thai=r"เช็ค?อิน|เช็กอิน|เข้าพัก",
    ),
    Topic(
        "check_out",
        {Kind.DATE: "check_out_date", Kind.TIME: "check_out_time"},
        # "check in tuesday 14 october, out thursday 16th": a stay's "out" before its day
        english=r"check(?:ing|ed)?[\s-]?out|(?<![\w-])out(?=\s+(?:on\s+)?(?:the\s+)?(?:[A-Za-z]{3,9}day|\d))",
        persian=r"خروج|چک[\u200c\s-]?اوت",
        thai=r"เช็ค?เอาท์|เช็กเอาต์",
    ),
    Topic(
        # the visit booked after this one («นัดครั้งถัดไป», «نوبت بعدی» after a check-up):
        # its day is no move of the appointment being talked about. Not English "next
        # appointment": that is as often the booked visit itself ("his next appointment
        # is on Wednesday, August 6").
        "follow_up",
        {
            Kind.DATE: "follow_up_date",
            Kind.TIME: "follow_up_time",
            Kind.AMOUNT: "follow_up_fee",
        },
        # «نوبت بعدی خالی», «اولین نوبت بعدی», «نوبت بعدی که داریم» are the next free
        # slot, an offer for this one
        persian=r"(?<!اولین )(?<!اولین\u200c)"
        r"(?:نوبت|ویزیت|معاینه)\s*(?:ی\s*)?بعدی(?!\s*(?:که\s*)?(?:خالی|آزاد|داریم|دارم))",
        # «นัดหน้า» is the next visit only before a day, a time or the clause's end: not
        # «นัดหน้าร้าน», «นัดหน้าเซเว่น» (meet in front of …), «นัดหน้างาน» (meet on site)
        thai=r"นัด(?:หมาย)?(?:ครั้ง)?(?:ถัดไป|หน้า(?=\s|$|วัน|คือ|จะ|เป็น|ตอน|ช่วง|ค่ะ|ครับ|นะ"
        r"|เดือน|อาทิตย์|สัปดาห์|[0-9๐-๙]))"
        r"|นัดติดตาม(?:อาการ|ผล)?",
    ),
    Topic(
        # a visit at the customer's home is an option of its own beside the visit in the
        # clinic or the shop ("a home visit is £95", «ویزیت منزل ۵۵۰ هزار», «ตรวจที่บ้าน
        # 1,200 บาท»): its fee never replaces the visit fee; its day is the appointment's.
        # A bare «ตรวจบ้าน» is a home inspection («ตรวจบ้านก่อนโอน», before the transfer)
        # unless a doctor or vet does it («หมอตรวจบ้าน», «สัตวแพทย์มาตรวจบ้าน»)
        "home_visit",
        {Kind.AMOUNT: "home_visit_fee"},
        english=r"home\s+visits?|house\s+calls?|(?:visit|call-?out)s?\s+(?:at|to)\s+(?:your|the)\s+home",
        persian=r"ویزیت\s*(?:ی\s*)?(?:در\s*)?(?:منزل|خونه|خانه)",
        thai=r"(?:ตรวจ|รักษา|เยี่ยม)(?:ที่|ถึง|นอก)บ้าน|(?:รักษา|เยี่ยม)บ้าน"
        r"|(?:หมอ|แพทย์)\s?(?:มา|ไป|เข้า)?\s?ตรวจบ้าน",
    ),
    Topic(
        "appointment",
        {
            Kind.DATE: "appointment_date",
            Kind.TIME: "appointment_time",
            Kind.AMOUNT: "visit_fee",
        },
        english=r"appointment|visit|technician|engineer|doctor|dr\.|consultation|surgery|operation"
        r"|adjuster|inspect(?:s|ed|ing)?"
        r"|come\s+(?:round|over|by)|call[\s-]?out|inspection",
        persian=r"نوبت|ویزیت|مراجعه|تکنسین|کارشناس|بازدید|معاینه|پزشک|دکتر",
        thai=r"นัด(?:หมาย)?|ช่าง(?:จะ)?(?:เข้า)?|พบแพทย์|หมอ|ตรวจ",
    ),
    Topic(
        # the day a booking is for, beside the dates of its deposit, visit and payments;
        # "due 28 days before the event, so by …" dates the payment, not the event
        "event",
        {Kind.DATE: "event_date", Kind.TIME: "event_time"},
        english=r"(?<!before\sthe\s)(?<!after\sthe\s)(?<!before\syour\s)(?<!after\syour\s)"
        r"(?:(?:birthday\s+)?party|event|race|wedding|celebration|ceremony|tournament|marathon|gig)"
        # "our wedding coordinator, Megan": a word of the event naming someone or something
        r"(?!\s+(?:coordinator|planner|organi[sz]er|venue|package|dress|photographer|team|fair))",
    ),
    Topic(
        # a membership or subscription put on hold: its dates are no appointment
        "pause",
        {Kind.DATE: "pause_dates"},
        english=r"freez(?:e|es|ing)|(?:membership|account|subscription)\s+(?:hold|pause)"
        r"|pause[ds]?|suspen(?:d|ded|sion)",
    ),
    Topic(
        "installation",
        {
            Kind.DATE: "installation_date",
            Kind.TIME: "installation_time",
            Kind.ADDRESS: "delivery_address",
        },
        english=r"install(?:ation|ed|ing)?|set[\s-]?up|activat(?:e|ion|ed)|connect(?:ion|ed)?|go\s+live",
        persian=r"نصب|راه[\u200c\s]?اندازی|فعال[\u200c\s]?سازی|وصل",
        thai=r"ติดตั้ง|เปิดใช้",
    ),
    Topic(
        "assembly",
        {
            Kind.DATE: "assembly_date",
            Kind.AMOUNT: "assembly_fee",
            Kind.DURATION: "assembly_duration",
        },
        english=r"assembl(?:y|e|ed|ing)",
        persian=r"مونتاژ",
        thai=r"ประกอบ",
    ),
    Topic(
        "return",
        {
            Kind.DATE: "return_date",
            Kind.ADDRESS: "return_address",
            Kind.IDENTIFIER: "return_id",
            Kind.NUMBER: "return_id",
        },
        english=r"return(?:s|ed|ing)?(?:\s+(?:label|number|id|by|flight))?|RMA|send\s+(?:\w+\s+){0,2}back"
        r"|(?:have|get)\s+it\s+back"
        # a hired thing's drop-off is its return, as «คืนรถ» is (not the pick-up's day); a
        # slip or a receipt of a drop-off is a reference of its own, not the return's id
        r"|drop-?off(?!\s+(?:slip|receipt|ticket|tag|voucher|note|form|confirmation)s?\b)"
        r"|(?<=the\s)drop\s+off"
        r"|inbound",
        persian=r"مرجوع|مرجوعی|برگشت",
        # the way back («ขากลับ», «เที่ยวกลับ») and a rental car's return («คืนรถ»), before
        # the flight's own cue: «ไฟลต์กลับ» is the return flight
        thai=r"คืนสินค้า|ส่งคืน|ตีกลับ|ขากลับ|เที่ยว(?:บิน)?กลับ|ไฟล[ทต]์กลับ|คืนรถ",
    ),
    Topic(
        "payment",
        {Kind.DATE: "payment_date", Kind.AMOUNT: "payment_amount"},
        english=r"pa(?:y|id|yment)\s+(?:on|by|due)|payment|due\s+(?:on|by|date)",
        persian=r"پرداخت|قسط|سررسید|کسر\s*(?:شده|شد|میشه)",
        thai=r"ชำระ(?:เงิน)?|จ่าย(?:เงิน)?|ผ่อน|ครบกำหนด",
    ),
    Topic(
        # what is left to pay once a part is paid: a sum still owed, never the order's total
        "balance",
        {Kind.AMOUNT: "balance_due"},
        # not Persian «مانده» yet: a balance no one asks for again pushes out values at 400
        # "the balance of £10,495 is due after installation": what is owed after the deposit
        english=r"(?:remaining|outstanding)\s+balance|balance\s+(?:remaining|outstanding)"
        r"|balance\s+of(?=\s*[£$€\d])",
        thai=r"คงเหลือ|ส่วนที่เหลือ",
    ),
    Topic(
        "dispatch",
        {Kind.DATE: "dispatch_date", Kind.ADDRESS: "delivery_address"},
        english=r"ship(?:s|ped)?|dispatch(?:ed|es)?|sent\s+out|left\s+(?:our|the)\s+warehouse",
        persian=r"ارسال\s*شد|فرستاده\s*شد|از\s*انبار",
        thai=r"ส่งออก(?:จากคลัง)?|จัดส่งแล้ว|ส่งแล้ว|ออกจากคลัง",
    ),
    Topic(
        "delivery",
        {
            Kind.DATE: "delivery_date",
            Kind.TIME: "delivery_time",
            Kind.ADDRESS: "delivery_address",
            Kind.AMOUNT: "shipping_cost",
            Kind.DURATION: "delivery_duration",
        },
        english=r"deliver(?:y|ed|ing|s)?|(?:next|second|delivery|redelivery)\s+attempt"
        r"|drop[\s-]?off|send\s+(?:it|them|both|everything)\s+to|ship\s+(?:it|them|both)?\s*to"
        r"|bring\s+it|courier|destination(?:\s+address)?",
        # where a move goes («مقصد کجاست؟», "the destination"), beside where it starts
        persian=r"تحویل|ارسال|بفرستید|بفرستیم|بیاره|پست|مقصد",
        # "รับส่ง" is a shuttle (pick up and drop off), not a delivery; sending a slip, a
        # document or a message («ส่งสลิปในแชท», «ส่งเรื่องให้คุณหมอ») ships nothing.
        # «ปลายทาง» (destination), not «เก็บเงินปลายทาง» (cash on delivery)
        thai=r"(?<!เงิน)ปลายทาง|จัดส่ง|ส่งของ|(?<!รับ)ส่ง(?!สลิป|เอกสาร|รูป|ภาพ|ไฟล์|ข้อความ|ลิ้?งก์|อีเมล|เมล|ไลน์"
        r"|SMS|แชท|เรื่อง|หลักฐาน|คำร้อง|ใบ)|เข้าไปส่ง|มาส่ง",
    ),
    # Arriving sooner for a surcharge: "express will get it to you tomorrow for an extra
    # £6.95", «برای اینکه فردا برسه ۵۰ هزار تومن اضافه میشه», «ได้รับพรุ่งนี้ เพิ่ม 80
    # บาท»; not "a welcome drink on arrival", nor «ได้รับแล้ว» (received already).
    Topic(
        "arrival_surcharge",
        {Kind.AMOUNT: "shipping_cost"},
        english=rf"(?:{_ARRIVE_EN})(?=.*?(?:{_SURCHARGE_EN}))|(?:{_SURCHARGE_EN})(?=.*?(?:{_ARRIVE_EN}))",
        persian=rf"(?:{_ARRIVE_FA})(?=.*?(?:{_SURCHARGE_FA}))|(?:{_SURCHARGE_FA})(?=.*?(?:{_ARRIVE_FA}))",
        thai=rf"(?:{_ARRIVE_TH})(?=.*?เพิ่ม)|เพิ่ม(?=.*?(?:{_ARRIVE_TH}))",
    ),
    # Arriving and receiving say when and where a thing comes, never what it costs: "a
    # welcome drink on arrival for an extra £7.50", «ได้รับแล้วค่ะ 500 บาท» (a deposit
    # received), «کی میرسه».
    Topic(
        "arrival",
        {
            Kind.DATE: "delivery_date",
            Kind.TIME: "delivery_time",
            Kind.ADDRESS: "delivery_address",
            Kind.DURATION: "delivery_duration",
        },
        english=_ARRIVING_EN,
        persian=_ARRIVE_FA,
        thai=r"ถึงมือ|ได้รับ(?:ของ|สินค้า)?",
    ),
    Topic(
        "order",
        {
            **_ids("order_id"),
            Kind.DATE: "order_date",
            Kind.AMOUNT: "order_total",
            Kind.COUNT: "order_quantity",
        },
        weak_kinds=frozenset({Kind.AMOUNT, Kind.DATE}),
        english=r"order(?:s|ed)?(?:\s+(?:number|no\.?|num|id|ref(?:erence)?|code))?|purchas(?:e|ed)"
        r"|bought",
        persian=r"سفارش(?:م|تون|تان)?|شماره\s*(?:ی\s*)?سفارش|کد\s*(?:ی\s*)?سفارش|خرید(?:م)?",
        thai=r"(?:หมายเลข|เลขที่|เลข)?(?:คำสั่งซื้อ|ออเดอร์|order)|สั่งซื้อ|ซื้อมา|ซื้อเมื่อ|วันที่ซื้อ",
    ),
    Topic(
        "callback",
        {Kind.DATE: "callback_date", Kind.TIME: "callback_time"},
        english=r"call(?:ing)?\s+(?:you|me)\s+back|callback|call\s+(?:you|me)|ring\s+(?:you|me)",
        persian=r"تماس\s*(?:می[\u200c\s]?گیر|بگیر)|زنگ\s*(?:می[\u200c\s]?زن|بزن)",
        thai=r"โทรกลับ|โทรหา|ติดต่อกลับ",
    ),
    Topic(
        # where a customer is about to move: the address they are at stays theirs till then
        "moving_to",
        {Kind.ADDRESS: "moving_to_address"},
        english=r"mov(?:e|ing)\s+to|relocat(?:e|ing)\s+to",
        free_text=True,
    ),
    # The two ends of a tenancy are two days: a move-out never replaces the move-in.
    Topic(
        "move_in",
        {Kind.DATE: "move_in_date"},
        english=r"mov(?:e|ing)[\s-]+in(?:\s+(?:date|day))?",
        thai=r"ย้ายเข้า",
    ),
    Topic(
        "move_out",
        {Kind.DATE: "move_out_date"},
        english=r"mov(?:e|ing)[\s-]+out(?:\s+(?:date|day))?|vacate|vacating",
        thai=r"ย้ายออก",
    ),
    Topic(
        "move",
        {Kind.DATE: "move_date"},
        english=r"mov(?:e|ing)\s+on|mov(?:e|ing)\s+date",
        persian=r"اسباب[\u200c\s]?کشی|جابجایی|جابه[\u200c\s]?جایی",
        # «วันย้ายของ», «ขนของเข้า»: the day the belongings move
        thai=r"ย้ายบ้าน|ย้ายของ|ขนของ",
    ),
    # Where a span of time starts and where it ends (a lease, a course, a membership, a
    # contract): two days, never one moved. Weak: a day's own subject named in reach
    # ("the installation starts on 5 May", «نوبت از شنبه شروع میشه») keeps the day.
    Topic(
        "start",
        {Kind.DATE: "start_date"},
        # not "to start with", "start off", "for a start": a first step, no day
        english=r"(?<!a\s)(?<![A-Za-z])start(?:s|ing|ed)?(?:\s+date)?(?!\s+(?:with|off|by|over|again))"
        r"|begin(?:s|ning)?|commenc(?:e|es|ing|ement)",
        persian=r"(?:تاریخ\s*)?(?<!برای\s)(?:شروع|آغاز)",
        thai=r"(?:วัน(?:ที่)?)?เริ่ม(?:ต้น)?",
        strength=WEAK,
    ),
    Topic(
        "end",
        {Kind.DATE: "end_date"},
        # not "end up", "in the end", "at the end of the day"
        english=r"(?<!the\s)end(?:s|ing)?(?:\s+date)?(?!\s+up)|finish(?:es|ing)?|last\s+day",
        persian=r"(?:تاریخ\s*)?(?:پایان|اتمام|خاتمه)|تموم|تمام\s*(?:میشه|می[\u200c\s]?شود)",
        # not «หมดสัญญา» (a contract runs out): as often the old place's, said beside the new start
        thai=r"(?:วัน(?:ที่)?)?สิ้นสุด|จบ(?:คอร์ส)?|วันสุดท้าย",
        strength=WEAK,
    ),
    Topic(
        "expiry",
        {Kind.DATE: "expiry_date"},
        english=r"expir(?:y|es|ed|ation)|valid\s+(?:until|till)",
        persian=r"انقضا|اعتبار",
        thai=r"หมดอายุ|ใช้ได้ถึง",
    ),
    Topic(
        "contract",
        {Kind.DURATION: "contract_duration"},
        english=r"contract|plan|subscription|term",
        persian=r"قرارداد|اشتراک|طرح|بسته",
        thai=r"สัญญา|แพ็กเกจ|แพ็คเกจ",
    ),
    Topic(
        "weight",
        {Kind.WEIGHT: "package_weight"},
        english=r"weigh(?:s|t|ing)?|heavy|package|parcel|box",
        persian=r"وزن|سنگین|بسته|کارتن",
        thai=r"น้ำหนัก|หนัก|กล่อง|พัสดุ",
    ),
    Topic(
        "usage",
        {Kind.MEASURE: "usage"},
        english=r"usage|used|uses|consum(?:ption|ed|es)|reading",
        persian=r"مصرف|کارکرد",
        thai=r"ใช้ไป|การใช้|ใช้ไฟ|ใช้น้ำ",
    ),
    # What a measure is the size of is the thing its sentence names, never its unit: a
    # phone's storage and a recorder's hard disk are both in GB, and one does not replace
    # the other. A measure whose sentence names no such thing is a detail, not a fact.
    _measured("battery", r"batter(?:y|ies)|powerwall", r"باتری", r"แบตเตอรี่|แบต"),
    _measured("storage", r"storage|rom", r"حافظه|فضای\s?ذخیره", r"ความจุ|รอม"),
    _measured("memory", r"ram", r"رم", r"แรม"),
    _measured(
        "hard_disk",
        r"hard\s?(?:drive|disk)|hdd|ssd",
        r"هارد(?:\s?دیسک)?|دیسک",
        r"ฮาร์ดดิสก์|ฮาร์ดดิส|ฮาร์ด|เอสเอสดี",
    ),
    _measured(
        "package",
        r"package|plan|tariff|bundle|broadband|fibre|fiber",
        r"بسته|پکیج|طرح|تعرفه",
        r"แพ็กเกจ|แพ็คเกจ|แพคเกจ|โปร(?:โมชั่น)?",
    ),
    _measured("speed", r"speed|download|upload", r"سرعت", r"ความเร็ว|สปีด"),
    _measured("data", r"data|allowance", r"حجم|دیتا", r"ดาต้า|ดาตา"),
    _measured("tank", r"tank|cylinder|boiler", r"مخزن|منبع|آبگرمکن|کپسول", r"ถัง|แทงค์|แท็งก์"),
    _measured("fridge", r"fridge|freezer|refrigerator", r"یخچال|فریزر", r"ตู้เย็น|ตู้แช่"),
    _measured(
        "air_conditioner",
        r"air\s?con(?:ditioner|ditioning)?|a/c",
        r"کولر|اسپلیت",
        r"แอร์|เครื่องปรับอากาศ",
    ),
    _measured("solar_panel", r"panels?|solar", r"پنل|صفحه\s?خورشیدی", r"แผง|โซลาร์"),
    _measured("inverter", r"inverter", r"اینورتر", r"อินเวอร์เตอร์"),
    _measured("charger", r"charger|charging\s+point|wallbox", r"شارژر", r"ที่ชาร์จ|เครื่องชาร์จ"),
    _measured("engine", r"engine|motor(?:bike|cycle)?|scooter", r"موتور", r"เครื่องยนต์|มอเตอร์ไซค์"),
    Topic(
        "width",
        {Kind.LENGTH: "product_width"},
        english=r"wide|width|across",
        persian=r"عرض|پهنا",
        thai=r"กว้าง",
    ),
    Topic(
        "height",
        {Kind.LENGTH: "product_height"},
        english=r"tall|height|high",
        persian=r"ارتفاع|قد",
        thai=r"สูง|ความสูง",
    ),
    Topic(
        "length",
        {Kind.LENGTH: "product_length"},
        english=r"long|length|depth|deep",
        persian=r"طول|عمق",
        thai=r"ยาว|ลึก",
    ),
    Topic(
        "size",
        {Kind.LENGTH: "product_size"},
        english=r"size|dimensions?|measures?",
        persian=r"سایز|اندازه|ابعاد",
        thai=r"ขนาด|ไซส์",
    ),
    Topic(
        "guests",
        {Kind.COUNT: "guest_count"},
        english=r"guests?|people|adults?|persons?|passengers?",
        persian=r"نفر|مهمان|مسافر",
        thai=r"ท่าน|คน|ผู้เข้าพัก|ผู้โดยสาร",
    ),
)

_BY_NAME = {topic.name: topic for topic in TOPICS}

#: Topics whose phone is someone else's than the customer's.
OTHER_PERSONS = frozenset({"recipient", "second_contact", "building", "courier", "technician"})


def topic(name: str) -> Topic:
    return _BY_NAME[name]


@dataclass(frozen=True)
class Cue:
    topic: Topic
    start: int
    end: int


def cues_in(text: str) -> list[Cue]:
    """Every topic cue in ``text``, ordered by where it starts. Cues of different topics
    may overlap ("tax invoice address" names the invoice and the billing address):
    which one a value belongs to is decided by the kind of the value."""
    return list(_cues_in(text))


@functools.lru_cache(maxsize=256)
def _cues_in(text: str) -> tuple[Cue, ...]:
    found = [
        Cue(topic, match.start(), match.end())
        for topic in TOPICS
        for match in topic.pattern.finditer(text)
        if topic.name != "bank" or _after_sort_code(text, match)
    ]
    return tuple(sorted(found, key=lambda cue: (cue.start, -cue.end)))


def _after_sort_code(text: str, match: re.Match[str]) -> bool:
    """Whether a bank cue is no bare "account" (``_BARE_ACCOUNT``), or one after a sort
    code in its sentence."""
    if match.group().casefold() != "account":
        return True
    begin, _ = sentence_bounds(text, match.start(), match.end())
    return _SORT_CODE.search(text, begin, match.start()) is not None


def names_the_customer(text: str, cue: Cue, customer_name: str | None) -> bool:
    """Whether ``cue`` names whose number or email it is by the customer's own held name,
    the first ("Is Dan's number still the best one?") or the full ("Dan Whitlock's
    number"): the agent speaks of the customer, no one else."""
    found = _NAMED_OWNER.match(text, cue.start)
    if found is None or not customer_name or not customer_name.split():
        return False
    if is_customers_given_name(found.group("name"), customer_name):
        return True
    name = found.group("name").casefold()
    words = customer_name.casefold().split()
    before = text[: cue.start].casefold().split()
    return len(words) > 1 and name == words[-1] and before[-(len(words) - 1) :] == words[:-1]


def topics_named(text: str) -> Iterator[Topic]:
    """Topics named in ``text``, first mention first, each once. A cue that is only the
    head of a longer one naming the same kinds of value is part of that label, not a
    topic of its own («کد رهگیری» of «کد رهگیری نسخه» asks for the prescription's code,
    not a parcel's)."""
    seen: set[str] = set()
    cues = cues_in(text)
    for cue in cues:
        if any(_heads(cue, longer) for longer in cues):
            continue
        if cue.topic.name not in seen:
            seen.add(cue.topic.name)
            yield cue.topic


def _heads(cue: Cue, longer: Cue) -> bool:
    return (
        longer.start == cue.start
        and longer.end > cue.end
        and longer.topic is not cue.topic
        and bool(cue.topic.keys)
        and cue.topic.keys.keys() <= longer.topic.keys.keys()
    )
