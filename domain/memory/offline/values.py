"""Values with a recognisable shape, found by what they look like, not by what they are about.

An email, a phone number, a date, a time of day, an amount of money, an
identifier, a weight, a length, a count, a duration, an address: each rule
returns spans of one ``Kind``. What a value is *about* (the delivery date or
the order date, the refund or the total) is decided elsewhere
(``domain.memory.offline.subjects``), from the words around it and from the
dialogue.

Rules run in a fixed order and each claims the text it reads, so the most
specific shape wins: an address is not also a number, a date is not also an
amount, an order number is not also a phone number. ``\\d`` matches any
Unicode digit, so every rule reads Persian (۰-۹), Arabic-Indic (٠-٩) and Thai
(๐-๙) digits as written; values keep them.

A Persian sum said in parts, the larger scale first («۹۴ میلیون و ۵۰۰ تومن», «۱ میلیون و ۸۰۰
هزار تومان»), is one amount, when a money word, a verb or the clause's end follows it (not
«۲ میلیون و ۲ هفته», «۱۵ میلیون و ۲۰ شهریور»: a span, a date after a sum). A number and what
is paid or attended in turns («۴ قسط», «10 งวด», "3 instalments", «۱۰ جلسه») is a count. A month
without its day is a date when the year or its part of the month places it ("last March",
"March last year", «بهمن پارسال», «اواخر آذر», «ธ.ค. ปีที่แล้ว», «ปลายเดือนมีนาคม»): what was
bought, started or is due then.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from domain.memory.offline.counted_fa import counted_noun_end
from domain.memory.offline.fact_match import ClaimedSpans
from domain.memory.offline.lexicon import FA_LETTERS, PERSIAN_STOP_WORDS, THAI_PARTICLES
from domain.memory.offline.place_codes import labelled_place_code
from domain.memory.offline.thai_addresses import (
    building_led_address,
    named_start,
    reaches_address,
)


class Kind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    DATE = "date"
    TIME = "time"
    AMOUNT = "amount"
    DURATION = "duration"
    WEIGHT = "weight"
    LENGTH = "length"
    COUNT = "count"
    #: Energy, power, speed, data, volume: "10.4 kWh", "435W", "30mph", «۲۰ لیتر».
    MEASURE = "measure"
    IDENTIFIER = "identifier"
    #: A bare number: an amount, an id or a postcode only when the dialogue says which.
    NUMBER = "number"


@dataclass(frozen=True)
class ValueSpan:
    kind: Kind
    start: int
    end: int
    text: str
    #: A date written with its time ("Tuesday 3 December, between 9 and 12"): the time.
    time: ValueSpan | None = None


# -- shared pieces ---------------------------------------------------------------------------

#: Persian, Arabic-Indic and Thai digits as ASCII ones: «۱۴۰۱» reads 1401, «๒๕๖๕» 2565.
ASCII_DIGITS = str.maketrans(
    {chr(zero + d): str(d) for zero in (0x06F0, 0x0660, 0x0E50) for d in range(10)}
)


def digits_of(text: str) -> str:
    """The digits of ``text`` in ASCII, nothing else: «۰۹۱۲» is 0912, "020 7946" 0207946."""
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


_FA = FA_LETTERS
_NUMBER_START = r"(?<![\d.,٬،٫/])"  # never start inside a number
_ID_CHAR = r"[A-Za-z0-9\u06f0-\u06f9\u0660-\u0669\u0e50-\u0e59]"

_EN_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|"
    "twenty-four|thirty|thirty-six"
)
_FA_NUMBER_WORDS = "یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|دوازده|هجده|بیست|سی"
_TH_NUMBER_WORDS = "หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ"

# -- email -----------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)

# -- addresses -------------------------------------------------------------------------------

_EN_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Close|Court|Ct"
    r"|Place|Pl|Crescent|Cres|Terrace|Square|Sq|Parade|Hill|Gardens|Row|Mews|Grove|Walk"
    r"|Highway|Hwy|Circle|Park)"
)
#: A unit and its number or letter ("flat 4B", "Suite 210", "Block C"; not "flat near").
_EN_UNIT = (
    # only the abbreviation takes a dot: "my old apartment. 415 …" ends a sentence
    r"(?:(?i:apt\.?|flat|apartment|unit|suite|floor|building|block|room)\s*"
    r"(?=[\w-]{0,5}\d|[A-Za-z](?!\w))[\w-]{1,6}"
    # a floor by its ordinal: "3rd Floor, 18 Queen Square"
    r"|\d{1,2}(?i:st|nd|rd|th)\s+(?i:floor)"
    # a number by "No.", whose dot ends no sentence: "No. 7 Zand Boulevard", "Building No. 4"
    r"|(?:(?i:building|block|house|plot)\s+)?No\.\s?\d{1,5}[A-Za-z]?(?![\w-]))"
)
#: The street types written short, whose dot is no sentence's end ("12 Baker St. Apt. 4").
_EN_STREET_SHORT = "|".join(
    rf"(?<=\b{short})" for short in ("St", "Rd", "Ave", "Blvd", "Ln", "Dr", "Ct", "Pl", "Sq", "Hwy")
)
#: Capitalised words after a street that are no town: a word that opens a sentence, or the
#: label of the next value ("7 Zand Boulevard. Order ORD-48213", "…, Booking ref XK7P2Q").
_EN_NOT_A_TOWN = (
    r"(?:And|But|Or|For|Please|Thanks|Thank|Then|The|It|Is|On|At|By|My|Our|Your|We|You"
    r"|Order|Ticket|Booking|Tracking|Reference|Ref|Invoice|Account|Coupon|Promo|Voucher"
    r"|Code|Phone|Tel|Mobile|Email|Case|Claim|Policy|Reservation|Confirmation|Customer)"
)
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
#: An Irish Eircode: a routing key (a letter and two digits, or D6W) and four letters and
#: digits, both kinds ("H91 K7P3", "D6W XY12"): one code, not a loose "K7P3". Any capital
#: letter: a customer's typo («K7B3») is still the code.
_EIRCODE = r"(?:[A-Z]\d{2}|D6W)\s?(?=[A-Z\d]{0,3}[A-Z])(?=[A-Z\d]{0,3}\d)[A-Z\d]{4}"
#: A postcode alone, UK or Irish: the end of an address more than an id of its own.
POSTCODE = re.compile(rf"{_UK_POSTCODE}|{_EIRCODE}")
_EN_ADDRESS = re.compile(
    rf"(?:{_EN_UNIT},?\s+(?:\d{{1,5}}[A-Za-z]?,?\s+)?"
    rf"|(?<![\w.,])\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?,?\s+)"
    # the street's name, numbered streets too ("415 NW 11th Ave", "88 East 3rd Street")
    rf"(?:(?:[A-Z][\w'.-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{0,3}}{_EN_STREET}\b"
    # an abbreviation's dot ("Baker St. Apt. 4"); a whole word's ends the sentence
    rf"(?:(?:{_EN_STREET_SHORT})\.)?"
    rf"(?:,?\s+(?:{_EN_UNIT}|{_UK_POSTCODE}\b|[A-Z]{{2}}\s\d{{5}}\b|\d{{5}}(?:-\d{{4}})?\b"
    # a town: a capitalised word with no digit that opens no new sentence or label
    rf"|(?!{_EN_NOT_A_TOWN}\b)[A-Z](?![\w'-]*\d)[\w'-]+)"
    # the postcode after a full stop: "212 Gloucester Road, Bishopston. BS7 8NU"
    rf"|\.\s+{_UK_POSTCODE}(?![\w@]))*"
)
#: Persian address parts: a street, an alley, a plate number …
_FA_PART = (
    r"(?:خیابان|خ\.|بلوار|بزرگراه|اتوبان|میدان|کوچه|کوی|بن[\u200c\s]?بست|پلاک|واحد|طبقه"
    r"|نبش|جنب|روبروی|شهرک|محله|فاز|بلوک|برج|مجتمع|ساختمان|جاده|چهارراه|سه[\u200c\s]?راه)"
)
_FA_WORD = rf"[{_FA}\d]+"
#: Where along the street, between two parts: «خیابان ولیعصر، بالاتر از پارک ساعی، کوچه
#: نیکبخت» (above the park), «نرسیده به میدان», «پایین‌تر از …»; never the address's first
#: part (a street leads it). Not «بعد از», «کنار»: «…، بعد از ساعت ۵ بیاید» is a time.
_FA_LANDMARK = r"(?:(?:بالاتر|پایین[\u200c\s]?تر|جلوتر)\s+از|نرسیده\s+به|روبه[\u200c\s]?روی|انتهای)"
#: The ground floor said as the address's last part: «پلاک ۸، همکف».
_FA_GROUND_FLOOR = rf"(?:\s*[،,]?\s*(?:طبقه\s+)?(?:همکف|هم[\u200c\s]کف)(?![{_FA}]))?"
_FA_ADDRESS = re.compile(
    # the city and district before the first part: "تهران، سعادت‌آباد، "
    rf"(?:(?<![{_FA}])[{_FA}]+(?:\s[{_FA}]+)?\s*[،,]\s*){{0,3}}"
    rf"(?<![{_FA}]){_FA_PART}(?![{_FA}])(?:\s+{_FA_WORD}){{1,3}}"
    rf"(?:\s*[،,]?\s*(?:{_FA_PART}|(?<=[،,\s]){_FA_LANDMARK})(?![{_FA}])(?:\s+{_FA_WORD}){{1,3}})+"
    rf"{_FA_GROUND_FLOOR}"
    rf"|(?<![{_FA}])(?:پلاک|واحد)\s+\d+{_FA_GROUND_FLOOR}"
)
#: Words that close the address's sentence, or label the next value when no full stop
#: ends it («… پلاک ۷ شماره سفارش ORD-48213»): never a part of the address.
_FA_ADDRESS_TAIL_WORDS = re.compile(
    r"(?:\s+(?:است|هست|هستش|می[\u200c\s]?باشد|رو|را|بفرستید|ارسال|لطفا|لطفاً|ممنون|و"
    r"|سفارش|شماره|کد|رهگیری|پیگیری|فاکتور|تلفن|موبایل))+$"
)
#: Thai address parts; «ต.» and «ม.» (tambon, village) are not the months «ต.ค.» and «ม.ค.»
_TH_PART = (
    r"(?:บ้านเลขที่|เลขที่|หมู่ที่|หมู่บ้าน|หมู่|ม\.(?!ค\.)|ซอย|ซ\.|ถนน|ถ\.|แขวง|ตำบล|ต\.(?!ค\.)|เขต|อำเภอ|อ\."
    r"|จังหวัด|จ\.|คอนโด|อาคาร|ชั้น|ห้อง|ตึก)"
)
_TH_PROVINCE = r"(?:กรุงเทพฯ?|กรุงเทพมหานคร|กทม\.?|เชียงใหม่|ภูเก็ต|ขอนแก่น|ชลบุรี|นนทบุรี|ปทุมธานี)"
_TH_ADDRESS_PART = (
    rf"{_TH_PART}\s*[\u0e01-\u0e4e\w.]*(?:\s?[A-Z]?\d{{1,4}}(?!\d)(?:/\d{{1,4}})?)?"
    rf"|{_TH_PROVINCE}|\d{{5}}(?!\d)"
)
_TH_ADDRESS = re.compile(
    rf"(?<![\d/])\d{{1,4}}(?:/\d{{1,4}})?\s*(?:(?:{_TH_ADDRESS_PART})\s*){{1,9}}"
)
_TH_BUILDING_ADDRESS = building_led_address(_TH_ADDRESS_PART)
_TH_TRAILING = re.compile(rf"(?:\s*{THAI_PARTICLES})+$")

# -- dates -----------------------------------------------------------------------------------

#: The English months but May, whole or short ("Sept" too), as an alternation with no case
#: rule or edges of its own: each caller sets those, and May, which is also a verb ("3 may be
#: late"), by its own rule.
EN_MONTHS_BUT_MAY = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
#: A month as written alone: capitalised, as "may" and "march" in lower case are words.
_EN_MONTH = rf"(?:May|{EN_MONTHS_BUT_MAY})\b\.?"
#: A month next to its day may be typed in lower case ("7 april", "march 14th"): the day
#: makes it a date, where "may" or "march" alone is a word. A lower-case "may" is the month
#: only where no verb can follow it ("friday 3 may?", "3 may at 10am"; "3 may be late").
_LOWER_MAY = (
    r"may(?=\s*(?:[.,!?;)]|$)|\s+\d{4}|\s+(?:at|from|between|or|and|please|then|works"
    r"|instead|is\s+(?:fine|ok|okay|good|better))\b)"
)
_EN_MONTH_BY_A_DAY = rf"(?:May|{_LOWER_MAY}|(?i:{EN_MONTHS_BUT_MAY}))\b\.?"
#: The months of the Iranian (solar) calendar, as an alternation.
FA_SOLAR_MONTH = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
FA_MONTH = f"{FA_SOLAR_MONTH}|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
#: Where a Persian month after its day ends: at the word's end, or before the spoken «is»
#: written onto it at the clause's end («تاریخ ورود ۱۲ خرداده», it's 12 Khordad; «تا ۲۳
#: اسفنده.»), which is no part of the date («۵ مهره دارم» counts beads).
_FA_MONTH_END = rf"(?=(?![{FA_LETTERS}])|\u200cه(?=\s*(?:$|[.!?؟،,\n]))|ه(?=\s*(?:$|[.!?؟،,\n])))"
_TH_MONTH = (
    r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม"
    r"|พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\."
    r"|ต\.ค\.|พ\.ย\.|ธ\.ค\."
    # as spoken and typed: «15 ธันวา», «15 ธค» (full names first, so they win)
    r"|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา"
    r"|มค|กพ|มีค|เมย|พค|มิย|กค|สค|กย|ตค|พย|ธค"
)
#: Thai counts a thing by its classifier (ลักษณนาม), a closed class of words: time spans,
#: people and the common classifiers of things (a ticket or a card is «ใบ», a car «คัน»).
TH_CLASSIFIER = (
    r"(?:วัน|คืน|เดือน|ภาค|เทอม|ปี|ชั่วโมง|ชม\.|นาที|สัปดาห์|อาทิตย์|ท่าน|คน|ราย|ครั้ง|รอบ|เที่ยว"
    r"|ชิ้น|แก้ว|ใบ|ที่นั่ง|ห้อง|ชุด|กล่อง|ขวด|คัน|เครื่อง|อัน|ตัว|ข้าง|มื้อ|จาน|ถุง|แพ็ค|แผ่น"
    r"|เล่ม|คู่|หน่วย|รายการ|กิโลกรัม|กิโลเมตร|กิโล|กก\.|ลิตร|เมตร|ตร\.ม\.|หลัง|ที่)"
)
#: A Thai year after the month: «2566», «พ.ศ. 2566», «ปี 2566», «66» right after «ธ.ค.»,
#: and «ธ.ค. 67» after a space: two digits of this Buddhist era (2550-2579) that no time,
#: price or classifier follows («พ.ย. 10 โมง», «ธ.ค. 12 คน», «ธ.ค. 50 ตัว» are no years).
_TH_YEAR = (
    r"(?:\s?(?:ปี|พ\.ศ\.?|พศ\.?|ค\.ศ\.?)?\s?\d{4}(?!\d)"
    r"|(?<=\.)\d{2}(?!\d)|\s?(?:ปี|พ\.ศ\.?|พศ\.?)\s?\d{2}(?!\d)"
    r"|(?<=\.)\s[5-7๕-๗]\d(?![\d:.,/\-])"
    rf"(?!\s?(?:โมง|นาฬิกา|น\.|ชม|บาท|%|{TH_CLASSIFIER})))"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
#: A weekday's full name in any case ("thursday 13 march"); its short forms only
#: capitalised ("sat", "sun" are words).
EN_WEEKDAY = (
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?)\b"
)
FA_WEEKDAY = (
    r"(?:شنبه|یک[\u200c\s]?شنبه|دو[\u200c\s]?شنبه|سه[\u200c\s]?شنبه|چهار[\u200c\s]?شنبه"
    r"|پنج[\u200c\s]?شنبه|جمعه)"
)
#: A Thai weekday, «วัน» optional (``said_when`` reads the same words).
TH_WEEKDAY = r"(?:วัน)?(?:จันทร์|อังคาร|พุธ|พฤหัส(?:บดี)?|ศุกร์|เสาร์|อาทิตย์)"

_ISO_DATE = re.compile(r"(?<![\d/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])")
_YEAR_FIRST_DATE = re.compile(r"(?<![\d/])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])")
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-])")
_EN_DAY_MONTH = (
    rf"(?<![A-Za-z]){_EN_MONTH_BY_A_DAY}\s+\d{{1,2}}{_ORDINAL}\b(?:,?\s+\d{{4}})?"
    rf"|(?:(?<![A-Za-z])(?i:the)\s+)?(?<![\d.,])\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_EN_MONTH_BY_A_DAY}(?:,?\s+\d{{4}})?"
)
_NAMED_DATE = re.compile(
    # "Tuesday 3 December", "Friday the 26th", "Nov 21", "the 26th", "next Monday", "tomorrow"
    rf"(?<![A-Za-z])(?:(?:(?i:next|this|coming)\s+)?{EN_WEEKDAY},?\s+(?:(?i:the)\s+)?)?"
    rf"(?:{_EN_DAY_MONTH})"
    # "wed 15th", "fri the 17th": a short weekday typed in lower case, by its day's ordinal
    r"|(?<![A-Za-z])(?i:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)\s+(?:(?i:the)\s+)?\d{1,2}(?i:st|nd|rd|th)\b"
    rf"|(?<![A-Za-z])(?:(?i:next|this|coming)\s+)?{EN_WEEKDAY}(?:,?\s+(?:(?i:the)\s+)?\d{{1,2}}{_ORDINAL}\b)?"
    rf"(?:\s+(?i:morning|afternoon|evening|night))?"
    r"|(?<![A-Za-z])(?i:the)\s+\d{1,2}(?:st|nd|rd|th)\b"
    # a month without its day, placed by the year or in the month: "last March", "early June"
    rf"|(?<![A-Za-z])(?i:last|next|early|mid|late|end\s+of)[\s-]{_EN_MONTH}"
    rf"|(?<![A-Za-z]){_EN_MONTH}\s+(?i:last|next|this)\s+year\b"
    r"|(?<![A-Za-z])(?i:(?:the\s+)?day\s+after\s+tomorrow|tomorrow(?:\s+(?:morning|afternoon|evening|night))?"
    r"|today|tonight|next\s+week|this\s+weekend|next\s+weekend|end\s+of\s+(?:the\s+)?(?:week|month))\b"
    # Persian: "سه‌شنبه ۱۲ آذر", "۱۲ آذر ۱۴۰۳", "فردا صبح", "پنجشنبه"
    rf"|(?:{FA_WEEKDAY}\s*(?:[،,]\s*)?)?(?<![\d.,])\d{{1,2}}\s+(?:{FA_MONTH}){_FA_MONTH_END}(?:\s+(?:ماه\s+)?(?:سال\s+)?\d{{4}})?"
    # a month without its day, placed by the year or in the month: «بهمن پارسال», «مهر سال
    # پیش», «اواخر آذر» (bought, started, due then)
    rf"|(?:(?<![{_FA}])(?:اوایل|اواسط|اواخر)\s+)?(?<![{_FA}])(?:{FA_MONTH})(?:\s+ماه)?"
    rf"\s+(?:پارسال|امسال|سال\s+(?:پیش|قبل|گذشته|بعد|آینده))(?![{_FA}])"
    rf"|(?<![{_FA}])(?:اوایل|اواسط|اواخر)\s+(?:{FA_MONTH})(?![{_FA}])"
    rf"|(?<![{_FA}])(?:{FA_WEEKDAY}|پس[\u200c\s]?فردا|فردا|امروز|امشب)(?:\s+(?:صبح|ظهر|عصر|شب))?"
    rf"(?:\s+(?:هفته|ماه)\s+(?:بعد|آینده))?(?![{_FA}])"
    rf"|(?<![{_FA}])(?:هفته|ماه)\s+(?:بعد|آینده)(?![{_FA}])"
    # Thai: "วันอังคารที่ 3 ธันวาคม", "14 พ.ย.", "21 พฤศจิกายน 2567", "พรุ่งนี้เช้า", "วันศุกร์นี้"
    rf"|(?:{TH_WEEKDAY}\s*(?:ที่\s*)?|วันที่\s?)?(?<![\d.,])\d{{1,2}}\s?(?:เดือน\s?)?(?:{_TH_MONTH})"
    rf"(?:{_TH_YEAR})?"
    # «3 อาทิตย์» counts weeks (a duration), not a Sunday; «10.30 วันศุกร์นี้» is a Friday
    rf"|(?:(?<![\d๐-๙])(?<![\d๐-๙]\s)|(?!อาทิตย์)){TH_WEEKDAY}(?:นี้|หน้า)?"
    # a month without its day, placed by the year or in the month: «ธ.ค. ปีที่แล้ว», «ปลาย
    # เดือนมีนาคม»
    rf"|(?:(?:ต้น|กลาง|ปลาย)?เดือน\s?)?(?:{_TH_MONTH})\s?(?:ปีที่แล้ว|ปีก่อน|ปีนี้|ปีหน้า)"
    rf"|(?:ต้น|กลาง|ปลาย)เดือน\s?(?:{_TH_MONTH})"
    r"|มะรืนนี้|พรุ่งนี้(?:เช้า|บ่าย|เย็น)?|วันนี้|สัปดาห์หน้า|อาทิตย์หน้า|เดือนหน้า"
    r"|วันที่\s?\d{1,2}(?![\d/.:])"
)

_TH_HOUR = r"\d{1,2}|สิบเอ็ด|สิบ|เก้า|แปด|เจ็ด|หก|ห้า|สี่|สาม|สอง|โมง"

# -- times of day ----------------------------------------------------------------------------

_EN_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?|o'clock)?"
#: «و نیم», «و ربع»: half past, a quarter past (an hour said in words after its number).
_FA_HALF_HOUR = rf"\s*و\s*(?:نیم|ربع)(?![{_FA}])"
_TIME = re.compile(
    rf"(?i:between)\s+{_EN_CLOCK}\s+(?i:and)\s+{_EN_CLOCK}(?:\s?[ap]\.?m\.?)?"
    rf"|(?<![\d.,/])(?:(?i:from)\s+)?\d{{1,2}}(?:[:.]\d{{2}})?\s?(?:[ap]\.?m\.?)?\s?(?:-|–|(?i:to|until|till))\s?"
    rf"\d{{1,2}}(?:[:.]\d{{2}})?\s?(?i:[ap]\.?m\.?|o'clock)(?![A-Za-z])"
    rf"|(?<![A-Za-z\d.,/])\d{{1,2}}(?::\d{{2}})?\s?(?i:[ap]\.?m\.?)(?![A-Za-z])"
    # «15:00 น.» keeps its «น.»; «9:00-12:00 น.» is a range, read whole below
    rf"|(?<![\d.,/])\d{{1,2}}:\d{{2}}(?![\d])(?!\s?(?:-|–|ถึง)\s?\d{{1,2}}[.:]\d{{2}})(?:\s?น\.)?"
    rf"|(?i:(?:after|before|by)\s+(?:noon|midday|\d{{1,2}}(?:[:.]\d{{2}})?\s?(?:[ap]\.?m\.?|o'clock)))"
    # Persian: «بین ساعت ۹ و ساعت ۱۳», «بین ساعت ۹ و ۱۳»: "between … and …" is one window
    rf"|(?<![{_FA}])بین\s+ساعت\s*\d{{1,2}}(?:[:٫.]\d{{2}}|{_FA_HALF_HOUR})?\s*و\s*(?:ساعت\s*)?"
    rf"\d{{1,2}}(?:[:٫.]\d{{2}}|{_FA_HALF_HOUR})?(?![\d{_FA}])"
    rf"(?:\s*(?:صبح|ظهر|بعد[\u200c\s]?از[\u200c\s]?ظهر|عصر|شب)(?![{_FA}]))?"
    # Persian: "ساعت ۹ تا ۱۲", "بین ساعت ۲ تا ۴", "۹ صبح", "بعد از ساعت ۵", «پس‌از ساعت ۵»
    # (a half space too); «از» ending a word is no "from" («پرواز ساعت ۹:۱۵»: the flight's)
    rf"|(?:(?<![{_FA}])(?:بین|از|(?:بعد|قبل|پس)[\u200c\s]+از)\s+)?ساعت\s*\d{{1,2}}(?:[:٫.]\d{{2}}|{_FA_HALF_HOUR})?"
    rf"(?:\s*(?:تا|الی|-)\s*\d{{1,2}}(?:[:٫.]\d{{2}}|{_FA_HALF_HOUR})?)?"
    rf"(?:\s*(?:صبح|ظهر|بعد[\u200c\s]?از[\u200c\s]?ظهر|عصر|شب))?"
    # «بازه‌ی ۱۴ تا ۱۷», «بازه ۱۰ تا ۱۲ صبح»: a window of hours named as one, «ساعت» unsaid
    rf"|(?<![{_FA}])بازه(?:[\u200c\s]?(?:ی|ای))?\s+(?:زمانی\s+)?(?:ساعت\s*)?\d{{1,2}}(?:[:٫.]\d{{2}})?"
    rf"\s*(?:تا|الی|-)\s*\d{{1,2}}(?:[:٫.]\d{{2}})?(?![\d.,٫٪%])"
    # after it an hour word or a word that is no unit: «بازه ۲ تا ۳ روز» is a span, «بازه ۱۰ تا
    # ۲۰ میلیون تومن» a sum, «بازه ۲ تا ۳ نفر» a count
    rf"(?!\s*(?:روز|هفته|ماه|سال|ساعت|دقیقه|ثانیه|میلیون|میلیارد|هزار|تومان|تومن|ریال|ريال"
    rf"|دلار|یورو|درهم|درصد|عدد|نفر|دونه|دانه|قسط|متر|سانت|کیلو|گرم|لیتر|(?:تا|بار)(?![{_FA}])))"
    rf"(?:\s*(?:صبح|ظهر|بعد[\u200c\s]?از[\u200c\s]?ظهر|عصر|شب)(?![{_FA}]))?"
    # «ساعتو بکنید ۹ و نیم،»: half or quarter past without «ساعت», when no word follows
    # (not «۲ و نیم میلیون», «۳ و نیم سال»: a sum, a span)
    rf"|(?P<bare_half>(?<![\d.,])(?P<half_hour>\d{{1,2}}){_FA_HALF_HOUR}(?P<half_part>\s*(?:صبح|ظهر|عصر|شب))?)"
    rf"(?!\s*[{_FA}\d])"
    rf"|(?<![\d.,])(?P<bare_hour>\d{{1,2}})(?:\s*(?:تا|-)\s*\d{{1,2}})?\s*"
    rf"(?P<bare_part>صبح|ظهر|بعد[\u200c\s]?از[\u200c\s]?ظهر|عصر|شب)(?![{_FA}])"
    # Thai: "9.00-12.00 น.", "14.00 น.", "บ่ายสองถึงสี่โมง", "หลัง 5 โมงเย็น", "ช่วงเช้า"
    r"|(?<![\d.,/])\d{1,2}[.:]\d{2}\s?(?:-|–|ถึง)\s?\d{1,2}[.:]\d{2}\s?(?:น\.)?"
    # "บ่ายสองถึงสี่โมง", "ช่วง 9 โมงถึงเที่ยง": a range of Thai clock words
    rf"|(?:ช่วง\s?)?(?:บ่าย|เช้า)?(?:{_TH_HOUR})(?:\s?โมง(?:เช้า|เย็น)?)?\s?(?:ถึง|-)\s?"
    rf"(?:(?:{_TH_HOUR})\s?โมง(?:เช้า|เย็น)?|เที่ยง(?:วัน)?|บ่าย(?:{_TH_HOUR})?\s?โมง)"
    r"|(?<![\d.,/])\d{1,2}[.:]\d{2}\s?น\."
    r"|(?:(?:หลัง|ก่อน|ช่วง|ประมาณ)\s?)?(?:\d{1,2}|บ่าย(?:สอง|สาม|สี่|โมง)?|สิบ|เก้า|แปด|เจ็ด|หก|ห้า|สี่|สาม|สอง)"
    r"\s?โมง(?:เช้า|เย็น|ครึ่ง)?(?:\s?(?:ถึง|-)\s?(?:\d{1,2}|สิบ|เก้า|แปด|ห้า|สี่|สาม|สอง)?\s?โมง(?:เช้า|เย็น)?)?"
    # the evening's hours counted from 7pm, half past too: «สองทุ่มครึ่ง», «2 ทุ่ม», «ห้าทุ่ม»
    r"|(?:บ่าย(?:สอง|สาม|สี่)|(?:(?<![\d.,/])[1-5]|หนึ่ง|สอง|สาม|สี่|ห้า)\s?ทุ่ม(?:ครึ่ง)?)"
    r"(?:\s?(?:ถึง|-)\s?(?:สี่|ห้า|หก)?\s?โมง(?:เย็น)?)?"
    r"|ช่วง(?:เช้า|บ่าย|เย็น|ค่ำ)"
)

# -- money -------------------------------------------------------------------------------------

_AMOUNT = (
    rf"{_NUMBER_START}(?:\d{{1,3}}(?:[,٬،.]\d{{3}})+(?:[.,٫]\d{{1,2}})?|\d+(?:[.٫/]\d{{1,2}})?)"
    r"(?!\d)"
)
_SCALE = (
    r"(?:\s?(?:million|billion|thousand|k|m|mn|میلیون|میلیارد|هزار|ล้าน|แสน|หมื่น|พัน)"
    r"(?![A-Za-z]))"
)
_CURRENCY_BEFORE = r"(?:US\$|\$|€|£|¥|₹|฿|﷼|(?<![A-Za-z])(?:USD|EUR|GBP|THB|IRR|IRT|AED)\b)"
_CURRENCY_AFTER = (
    r"(?:(?:tomans?|rials?|dollars?|usd|eur|euros?|gbp|pounds?|baht|thb|irr|irt|aed|dirhams?)"
    r"(?![A-Za-z])|تومان|تومن|ریال|ريال|دلار|دولار|یورو|يورو|درهم|บาท|ดอลลาร์|ยูโร|€|\$|£|฿|﷼)"
)
#: What may follow the part after «و» of a Persian sum: a money word, the clause's end, a verb
#: or a copula, a word of no content, a comparative («… گرون‌تره»). Any other word is a thing
#: the number counts or a month it dates («۲ میلیون و ۲ هفته», «۱۵ میلیون و ۲۰ شهریور», «۲ میلیون
#: و ۳ قسط»): the sum ends before «و».
_FA_SUM_WORDS = "|".join(
    sorted(
        (PERSIAN_STOP_WORDS - {"تا"}) | {"دیگه", "دیگر", "فقط", "هم", "رو"}, key=len, reverse=True
    )
)
_FA_SUM_PART_ENDS = (
    rf"(?=\s?(?:میلیارد|میلیون|هزار|(?:تومان|تومن|ریال)ه?)(?![{_FA}])"
    r"|[ \t]*(?:$|\n|[^\w\s])"
    # a verb: «میشه», «نمی‌دم», «شد», «بود», «پرداخت کردم» (not «میز», «میدان»)
    rf"|\s(?:ن?می(?!(?:ز|وه|دان|دون)(?![{_FA}]))[{_FA}]+"
    rf"|(?:است|هست|نیست|ن?بود|ن?شد|ن?باش|ن?کرد|ن?داد|پرداخت|گرفت|خرید)"
    rf"(?:م|ی|یم|ید|ین|ن|ند|ه|ست)?(?![{_FA}])"
    rf"|[{_FA}]+(?:\u200cتر(?:ه|ین)?|تره)(?![{_FA}])"
    rf"|(?:{_FA_SUM_WORDS})(?![{_FA}])))"
)
#: A Thai rate says what it is per before the amount: «วันละ 1,200 บาท» (a day), «ใบละ …»
#: (a ticket), or after it: «60 บาทต่อใบ», «450 บาท/คืน».
_TH_PER = rf"(?:{TH_CLASSIFIER}ละ\s?)"
#: (The rate after an amount is not part of the value: it may be the cue that names it,
#: «๒๒,๐๐๐ บาทต่อเดือน» a monthly sum; ``facts`` adds it to the fact's text.)
TH_PER_AFTER = rf"(?:\s?(?:ต่อ|/)\s?{TH_CLASSIFIER})"
#: A Persian sum said in parts, the larger scale first: «۹۴ میلیون و ۵۰۰ تومن», «۱ میلیون و
#: ۸۰۰ هزار تومان», «۱۰۰ میلیون و ۵۰۰» (the part after «و» in the next scale down, said or
#: not): one amount, not «۹۴ میلیون» and a loose «۵۰۰». Its money word may carry the spoken
#: "is" («… ۲۰۰ هزار تومانه»), as a sum in one part does; not «تومانی» (a thing of that price).
_FA_COMPOUND_AMOUNT = (
    rf"{_AMOUNT}\s?(?:میلیارد|میلیون)(?:\s?و\s?{_AMOUNT}{_FA_SUM_PART_ENDS}"
    rf"(?:\s?(?:میلیون|هزار)(?![{_FA}]))?)+(?:\s?(?:تومان|تومن|ریال)(?=ه?(?![{_FA}])))?"
)
_PRICE = re.compile(
    rf"{_FA_COMPOUND_AMOUNT}"
    rf"|{_CURRENCY_BEFORE}\s?{_AMOUNT}{_SCALE}?"
    rf"|{_TH_PER}?{_AMOUNT}{_SCALE}?\s?{_CURRENCY_AFTER}"
    # "۸۴۰ هزار" is money in a Persian chat even when "تومان" is left out.
    rf"|{_AMOUNT}\s?(?:هزار|میلیون)(?![{_FA}])",
    re.IGNORECASE,
)

# -- bank accounts ---------------------------------------------------------------------------

#: A Thai bank account as banks print it, 3-1-5-1 digits in any script ("067-2-41853-9",
#: «๔๒๗-๐-๕๕๓๑๘-๖»): an account, never a phone, even when it starts with 0.
_BANK_ACCOUNT = re.compile(r"(?<![\w+.,/-])\d{3}-\d-\d{5}-\d(?![\w-])")

# -- Thai licence plates ------------------------------------------------------------------------

#: A Thai car plate: the province's series digit, two consonants, up to four digits ("7กข 4821",
#: «๓กต ๑๒๓»). Without the series digit ("กข 4821") two consonants are too often a word («คน 2»).
_TH_PLATE = re.compile(
    r"(?<![\w\u0e00-\u0e7f])\d(?P<letters>[\u0e01-\u0e2e]{2})\s?\d{1,4}(?![\w\u0e00-\u0e7f:.,/-])"
)
#: Two-letter months typed without dots («1กค 2567» is a date, not a plate).
_TH_MONTH_WITHOUT_DOTS = frozenset(["มค", "กพ", "พค", "กค", "สค", "กย", "ตค", "พย", "ธค"])
#: Units typed without dots after a number: «1ชม 30 นาที» (an hour and a half), «2คน 1 ห้อง»,
#: «5กม 300 เมตร» are a measure and its remainder, not a plate. («กก» is a plate series too:
#: a kilogram is known by the classifier after it.)
_TH_UNITS_WITHOUT_DOTS = frozenset(["ชม", "คน", "กม", "ซม", "มม", "ตร"])
#: What follows a measure's remainder: a classifier or a price («3กก 200 บาท»).
_TH_UNIT_AFTER = re.compile(rf"\s?(?:{TH_CLASSIFIER}|บาท)")

# -- phone numbers -----------------------------------------------------------------------------

_PHONE_SHAPES = (
    re.compile(r"(?<![\w+])\+\d[\d\s().-]{6,20}\d(?!\d)"),
    # a full stop or comma may end the sentence after it, not continue the number
    re.compile(r"(?<![\w+.,/-])[0۰٠๐]\d[\d\s-]{6,14}\d(?!\d|[,.]\d)"),
    re.compile(r"(?<!\d)\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?!\d)|(?<![\d-])\d{3}-\d{3}-\d{4}(?![\d-])"),
)
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15

# -- durations and quantities -------------------------------------------------------------------

_DURATION = re.compile(
    rf"(?<![A-Za-z\d.,/])(?:\d+(?:\.\d+)?|{_EN_NUMBER_WORDS}|a|an)"
    rf"(?:\s?(?:-|–|to|or)\s?(?:\d+|{_EN_NUMBER_WORDS}))?[\s-]?(?:(?:business|working)\s)?"
    r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)(?![A-Za-z])"
    rf"|(?<![{_FA}\d.,/٫٬])(?:\d+(?:[.٫/]\d+)?|{_FA_NUMBER_WORDS})"
    rf"(?:\s?(?:-|–|تا)\s?(?:\d+|{_FA_NUMBER_WORDS}))?\s?"
    rf"(?:سال|ماه|هفته|روز(?:\s?کاری)?|ساعت|دقیقه)"
    # «۳ سالشه», «۲۳ ماهشه» (she is 23 months): an age said with «ـش» and «ـه», left out;
    # «۷ سالش تموم شد» (she turned 7) with «ـش» alone
    rf"(?:ه(?![{_FA}])|(?=(?:ش|م|ت|شون|مون|تون)ه(?![{_FA}]))|(?=(?:ش|شون)(?![{_FA}]))|(?![{_FA}]))"
    rf"|(?:(?<![\d.,/])\d+(?:\.\d+)?|{_TH_NUMBER_WORDS})"
    rf"(?:\s?(?:-|–|ถึง)\s?\d+)?\s?(?:ปี|เดือน|สัปดาห์|อาทิตย์|วัน(?:ทำการ)?|ชั่วโมง|นาที)",
    re.IGNORECASE,
)
#: "2 years ago", "30 minutes away", "30 years old": a moment, a distance or an age,
#: not how long something lasts.
_NOT_A_DURATION_AFTER = re.compile(
    rf"\s?(?:(?:ago|old|before|earlier|later|away)\b|(?:پیش|قبل|بعد|سن)(?![{_FA}])"
    r"|ที่แล้ว|ก่อน|มาแล้ว)",
    re.IGNORECASE,
)

_WEIGHT_UNITS = (
    r"kg|kgs|kilos?|kilograms?|(?-i:g)|grams?|lbs?|pounds"
    r"|کیلو(?:گرم)?|گرم|กิโล(?!เมตร)(?:กรัม)?|กรัม|กก\."
)
_LENGTH_UNITS = (
    r"kms?|kilomet(?:er|re)s?|cm|mm|m|meters?|metres?|inch(?:es)?|in\.|ft|feet|foot"
    # «سکوریت ۸ میل»: chat says millimetres «میل»
    # «روزی ۲۵۰ کیلومتره»: a distance, «ـه» (is) after it
    r"|کیلومتر(?:ه)?|متر|سانت(?:ی(?:[\u200c\s]?متر)?)?|میلی[\u200c\s]?متر|میل|กิโลเมตร|กม\.|เมตร|ซม\.|เซนติเมตร|เซน|นิ้ว"
)
_COUNT_UNITS = (
    r"pcs|pieces?|units?|items?|boxes|box|packs?|bottles?|cups?|pairs?|bags?|sets?|seats?|rooms?"
    r"|nights?|tickets?|chairs?|tables?|adults?|children|kids|guests?|people|persons?"
    r"|instal(?:l)?ments|sessions?|lessons?"
    # a child's age in Thai, «9 ขวบ» (its own word: no span of time; "9 years old" stays a
    # number, what a car's "3 years old" must not count as)
    r"|ขวบ"
    r"|عدد|تا(?:یی)?(?!\s*\d)|بسته|جعبه|دستگاه|جفت|کارتن|نفر|شب|اتاق|صندلی"
    # what is paid or attended in turns: instalments, sessions, lessons
    r"|قسط|جلسه|งวด"
    r"|ชิ้น|อัน|กล่อง|แพ็ค|ตัว|เครื่อง|ขวด|คู่|ถุง|แก้ว|ท่าน|คน|คืน|ห้อง|ที่นั่ง|ใบ"
    r"|points?|pts|miles|امتیاز|کیلومتر\s*امتیاز|คะแนน|ไมล์"
)
#: Units of energy, power, speed, data, volume, engine size and voltage: the number is that much of
#: it ("a 10.4 kWh battery", "the 435W panel", "up to 150Mb"), never a code nor a bare count.
#: What each unit measures, the subject of a value said with it and no other word.
MEASURED_BY_UNIT = {
    "capacity": r"kWh|Wh|mAh|کیلووات[\u200c\s]?ساعت|กิโลวัตต์ชั่วโมง",
    "power": r"kWp|kW|MW|(?-i:W)|BTU|hp|کیلووات|وات|اسب[\u200c\s]?بخار|กิโลวัตต์|วัตต์|แรงม้า|บีทียู",
    # a line's speed: "Mbps", "Mbit/s", «مگابیت», «گیگابیت», «เมกะบิต»
    "speed": (r"mph|km/h|kph|Mbps|Gbps|Mbit/s|Gbit/s|Mb/s|(?-i:Mb)|مگابیت|گیگابیت|เมกะบิต|กิกะบิต"),
    "data_allowance": r"(?-i:MB)|GB|TB|مگابایت|گیگ(?:ابایت)?|ترابایت|กิกะไบต์",
    "volume": r"litres?|liters?|ml|لیتر|ลิตร",
    "engine_size": r"cc|سی[\u200c\s]?سی|ซีซี",
    # a battery's or a charger's voltage ("12V", "10.8 volts", «۱۲ ولت», «10.8 โวลต์»)
    "voltage": r"(?-i:V)|volts?|ولت|โวลต์|โวลท์",
}
_MEASURE_UNITS = "|".join(MEASURED_BY_UNIT.values())
#: A line's speed down and up, one value: "100/20 Mbps", «۱۰۰/۲۰ مگابیت».
_DOWN_UP = rf"\d+/\d+(?=\s?(?:{MEASURED_BY_UNIT['speed']}))"
_QUANTITY = re.compile(
    # never a number inside a word: "wR7TkP3m" is a code, not "3m"
    rf"{_NUMBER_START}(?<![A-Za-z])(?P<number>{_DOWN_UP}|\d{{1,3}}(?:[,٬]\d{{3}})+|\d+(?:[.٫]\d+)?|{_EN_NUMBER_WORDS})\s?"
    rf"(?:(?P<measure>{_MEASURE_UNITS})|(?P<weight>{_WEIGHT_UNITS})|(?P<length>{_LENGTH_UNITS})"
    rf"|(?P<count>{_COUNT_UNITS}))(?![A-Za-z{_FA}])",
    re.IGNORECASE,
)

# -- identifiers and bare numbers ---------------------------------------------------------------

#: Thai letters and marks: Thai writes a code with no space beside it («ที่นั่งF14»).
_TH = "\u0e01-\u0e4e"
#: Not right after a letter, digit or code mark, a Thai letter aside.
_NOT_AFTER_A_CODE_CHAR = rf"(?<![^\W{_TH}])(?<![/.@-])"
#: Letters and digits together, or a "#": shaped like an id whatever the words around it.
_IDENTIFIER = re.compile(
    rf"(?<![\w/.@-]){_UK_POSTCODE}(?![\w@])"
    rf"|(?<![\w/.@-]){_EIRCODE}(?![\w@-])"
    # a UK car registration, two letters, two digits, a space, three letters ("KP16 XRF"):
    # one code, not "KP16" and a word; not a flight and the airport it leaves from
    # ("Flight BA12 LHR to JFK")
    r"|(?<![\w/.@-])(?<![Ff]light\s)(?<!FLIGHT\s)[A-Z]{2}\d{2}\s[A-Z]{3}(?![\w@-])"
    r"(?!\s?(?:to|-|–|→|>)\s?[A-Z]{3}\b)"
    # capitals, groups of digits and capitals again, spaced ("SP 4471 9062 08 GB",
    # "QQ 12 34 56 C"): one code, not a flight number and loose numbers
    r"|(?<![\w/.@-])[A-Z]{1,4}(?:\s\d{2,6}){1,5}\s[A-Z]{1,3}(?![\w@-])"
    # a label and a code in any digits ("HN ๖๕-๐๑๘๘๓๔", "SN 4471-0923")
    r"|(?<![\w/.@-])[A-Z]{2,4}\s\d+(?:-\d+)+(?![\w@-])"
    # a flight: an airline's two letters and a number ("NW 218", "TG 102")
    r"|(?<![\w/.@-])[A-Z][A-Z0-9]\s\d{2,4}(?![\w@-])"
    # a code in any digits: "PL-๖๗๐๔๒๑๘" is "PL-6704218"; Thai writes no space before or
    # after one («ที่นั่งF14», «เลขพัสดุTH123456789ค่ะ»): a Thai letter bounds it as a space does
    rf"|{_NOT_AFTER_A_CODE_CHAR}(?:#\s?)?(?=(?:{_ID_CHAR}|-)*\d)(?=(?:{_ID_CHAR}|-)*[A-Za-z])[A-Za-z0-9]{_ID_CHAR}*"
    rf"(?:[-/]{_ID_CHAR}+)*(?![^\W{_TH}]|@)"
    rf"|(?<![\w/.@-])#\s?\d{{3,}}(?![\w@])"
    # long digit groups joined by a hyphen: a transfer slip "20250107-5521"
    r"|(?<![\w/.@-])\d{6,}-\d{3,}(?![\w@-])"
)
#: Upper-case words a code may be written as (coupon "SPRING", "WELCOME10").
_CODE_WORD = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{3,19}(?![\w-])")
#: Thai writes a number with no space before the word after it («ยอด 1,250ค่ะ»): a Thai
#: letter ends it as a space does, where a Latin one makes it part of a code.
_NUMBER = re.compile(rf"(?<![\w.,٬،٫/-])\d+(?:[,٬،]\d{{3}})*(?:[.٫]\d+)?(?![^\W{_TH}]|٫)")
_MIN_IDENTIFIER_CHARS = 4

# -- rules -----------------------------------------------------------------------------------

Rule = Callable[[str], Iterator[ValueSpan]]


def _span(kind: Kind, match: re.Match[str], group: int | str = 0) -> ValueSpan:
    return ValueSpan(kind, match.start(group), match.end(group), match.group(group))


def _emails(text: str) -> Iterator[ValueSpan]:
    for match in _EMAIL.finditer(text):
        yield _span(Kind.EMAIL, match)


def _trimmed(kind: Kind, text: str, start: int, end: int, trailing: re.Pattern[str]) -> ValueSpan:
    value = text[start:end].rstrip(" ،,.")
    value = trailing.sub("", value).rstrip(" ،,.")
    return ValueSpan(kind, start, start + len(value), value)


def _addresses(text: str) -> Iterator[ValueSpan]:
    for match in _EN_ADDRESS.finditer(text):
        value = match.group().rstrip(" ,.")
        yield ValueSpan(Kind.ADDRESS, match.start(), match.start() + len(value), value)
    for match in _FA_ADDRESS.finditer(text):
        yield _trimmed(Kind.ADDRESS, text, match.start(), match.end(), _FA_ADDRESS_TAIL_WORDS)
    for match in _TH_BUILDING_ADDRESS.finditer(text):
        start = named_start(text, match.start())
        span = _trimmed(Kind.ADDRESS, text, start, match.end(), _TH_TRAILING)
        if reaches_address(span.text):
            yield span
    for match in _TH_ADDRESS.finditer(text):
        span = _trimmed(Kind.ADDRESS, text, match.start(), match.end(), _TH_TRAILING)
        if _TH_STREET_LEVEL.search(span.text):
            yield span


#: What makes a Thai address of a number and parts: a house number "99/12", or a
#: street, soi, district or province ("1 ห้อง" is one room, not an address).
_TH_STREET_LEVEL = re.compile(
    r"^\d{1,4}/\d|ถนน|ถ\.|ซอย|ซ\.|แขวง|เขต|ตำบล|ต\.(?!ค\.)|อำเภอ|อ\.|จังหวัด|จ\.|หมู่(?:ที่)?\s?\d"
)


_THAI_ABBREVIATION_END = re.compile(r"[\u0e01-\u0e4e]\.[\u0e01-\u0e4e]\.$")


def _is_calendar_date(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _dates(text: str) -> Iterator[ValueSpan]:
    for pattern in (_ISO_DATE, _YEAR_FIRST_DATE):
        for match in pattern.finditer(text):
            if _is_calendar_date(int(match.group(3)), int(match.group(2))):
                yield _span(Kind.DATE, match)
    for match in _DAY_MONTH_YEAR.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        # Either day/month or month/day: one of the two must be a month.
        if _is_calendar_date(first, second) or _is_calendar_date(second, first):
            yield _span(Kind.DATE, match)
    for match in _NAMED_DATE.finditer(text):
        value = match.group().rstrip(" ,")
        if value.endswith(".") and not _THAI_ABBREVIATION_END.search(value):
            value = value.rstrip(".")
        if value:
            yield ValueSpan(Kind.DATE, match.start(), match.start() + len(value), value)


#: What joins the two ends of a stay, a freeze or a booking ("June 1 to July 31", «۲۰ تا ۲۳
#: اسفند», "27-30 ธ.ค.").
_RANGE_JOIN = r"\s*(?:(?i:to|until|till|through)|–|-|تا|الی|ถึง|จนถึง)\s*"
_DATE_RANGE = re.compile(
    rf"(?:{_NAMED_DATE.pattern}){_RANGE_JOIN}(?:{_NAMED_DATE.pattern})"
    # one month for both days
    rf"|(?<![\d.,/])\d{{1,2}}{_ORDINAL}{_RANGE_JOIN}\d{{1,2}}{_ORDINAL}\s+(?:(?i:of)\s+)?{_EN_MONTH_BY_A_DAY}"
    rf"|(?<![A-Za-z]){_EN_MONTH_BY_A_DAY}\s+\d{{1,2}}{_ORDINAL}{_RANGE_JOIN}\d{{1,2}}{_ORDINAL}\b(?!\s*{_EN_MONTH})"
    rf"|(?<![\d.,/])\d{{1,2}}{_RANGE_JOIN}\d{{1,2}}\s*(?:{FA_MONTH}){_FA_MONTH_END}"
    rf"|(?<![\d.,/])\d{{1,2}}{_RANGE_JOIN}\d{{1,2}}\s?(?:{_TH_MONTH})"
)
#: A change of date said as "from … to …" is two dates, the old and the new, not a range.
_CHANGE_BEFORE = re.compile(
    r"(?i:\b(?:move[sd]?|moving|change[sd]?|changing|switch(?:ed)?|push(?:ed)?|resched\w*|shift(?:ed)?)\b)"
    r"|عوض|تغییر|جابجا|جابه|منتقل|เปลี่ยน|เลื่อน|ย้าย"
)
_CHANGE_REACH = 40
_RANGE_WORD = re.compile(rf"\S{_RANGE_JOIN}\S")
#: Joins that say a span, not a change's new end, unless "from" opens it («เลื่อนจาก 3 ถึง 5
#: ธ.ค.» moves a day): "until", «تا», «ถึง», a dash between days. «ไฟลท์เลื่อน ฝาก 26 ถึง 31
#: ธ.ค.» (the flight moved: board 26 to 31 Dec) is one stay, after its sentence's change.
#: A span whose first day borrows the month of its last («26 ถึง 31 ธ.ค.», «۲۰ تا ۲۳ اسفند»):
#: no change names a day without its month as the old one; two full dates may be one.
_BARE_DAY_FIRST = re.compile(rf"\d{{1,2}}{_ORDINAL}{_RANGE_JOIN}\d")
_FROM_BEFORE = re.compile(r"(?:(?i:\bfrom)|(?<![\u0600-\u06ff])از|จาก)\s*$")
_SPAN_ONLY_JOIN = re.compile(
    r"(?i:\b(?:until|till|through)\b)|–|(?<=\d)-(?=\d)|(?<![\u0600-\u06ff])(?:تا|الی)(?![\u0600-\u06ff])|ถึง"
)


def is_range(value: ValueSpan) -> bool:
    """Whether a date is a span of days ("June 1 to July 31")."""
    return value.kind is Kind.DATE and _RANGE_WORD.search(value.text) is not None


def _date_ranges(text: str) -> Iterator[ValueSpan]:
    for match in _DATE_RANGE.finditer(text):
        before = text[max(0, match.start() - _CHANGE_REACH) : match.start()]
        said_as_span = (
            _BARE_DAY_FIRST.match(match.group())
            and _SPAN_ONLY_JOIN.search(match.group())
            and not _FROM_BEFORE.search(before)
        )
        if not said_as_span and _CHANGE_BEFORE.search(before):
            continue
        value = match.group().rstrip(" ,")
        if value.endswith(".") and not _THAI_ABBREVIATION_END.search(value):
            value = value.rstrip(".")
        yield ValueSpan(Kind.DATE, match.start(), match.start() + len(value), value)


#: The hour named before a bare «۹ و نیم» («ساعتو بکنید ۹ و نیم»): without it, or a part
#: of the day after, «۴۲ و نیم» is a size, a price, a weight, an age.
_FA_HOUR_CUE = re.compile(r"ساعت")
_FA_HOUR_CUE_REACH = 24


def _bare_half_hour_is_time(text: str, match: re.Match[str]) -> bool:
    if int(match.group("half_hour")) > 24:
        return False
    if match.group("half_part"):
        return True
    before = text[max(0, match.start() - _FA_HOUR_CUE_REACH) : match.start()]
    return _FA_HOUR_CUE.search(re.split(r"[.!?؟\n]", before)[-1]) is not None


#: A bare «N شب» (no «ساعت») is the night's hour unless a stay is said right beside it:
#: «میشه ۵ شب کنیم؟» (make it five nights), «۱۰ شب بمونیم», «۳ شب اقامت», «به مدت ۳ شب»,
#: «۵ شب به بالا» (a rule's threshold, ``_FA_AND_UP``). Words a time goes with as well
#: («برای ۸ شب رزرو کنید», «همون ۸ شب خوبه», «۹ شب هتل باشید») say none, nor the hour
#: alone: «جلسه ۶ شب شروع میشه» is 6pm. A message that is only «N شب» answers how many
#: nights when N is no evening hour (up to 5: Persian says «۵ عصر» for 5pm).
_FA_STAY_BEFORE = re.compile(rf"(?<![{_FA}])(?:اقامت(?:[\u200c\s]?های)?|مدت)\s*$")
_FA_STAY_AFTER = re.compile(
    rf"\s*(?:اقامت|(?:ب|می[\u200c\s]?)?مون(?:یم|م|ید|ن|د)|ب?کنیم|اضافه|تمدید)(?![{_FA}])"
    rf"|(?:\s*(?:به\s*(?:بالا|بعد)|یا\s*بیشتر)(?![{_FA}]))"
)
_FA_NIGHTS_ANSWER = re.compile(r"\s*[.!؟?]*\s*")
_FA_LAST_ANSWERED_NIGHTS = 5
_HOUR_RANGE_JOIN = re.compile(r"تا|-")


def _counts_nights(text: str, match: re.Match[str]) -> bool:
    """Whether a bare «N شب» (no «ساعت», no range) counts nights, not an hour (above)."""
    if match.group("bare_part") != "شب" or _HOUR_RANGE_JOIN.search(match.group()):
        return False  # «۲ تا ۳ شب»: a window of hours as written
    before = text[max(0, match.start() - _FA_HOUR_CUE_REACH) : match.start()]
    if _FA_HOUR_CUE.search(re.split(r"[.!?؟\n]", before)[-1]):
        return False  # «ساعت رو ۵ شب کنیم»: the hour
    if _FA_STAY_BEFORE.search(text, 0, match.start()) or _FA_STAY_AFTER.match(text, match.end()):
        return True
    return (
        not text[: match.start()].strip()
        and _FA_NIGHTS_ANSWER.fullmatch(text, match.end()) is not None
        and int(match.group("bare_hour")) <= _FA_LAST_ANSWERED_NIGHTS
    )


def _times(text: str) -> Iterator[ValueSpan]:
    for match in _TIME.finditer(text):
        if match.group("bare_half") and not _bare_half_hour_is_time(text, match):
            continue
        if match.group("bare_hour") and _counts_nights(text, match):
            continue
        value = match.group().rstrip(" ,")
        if value.endswith(".") and not value.endswith("น."):
            value = value[:-1]
        if value:
            yield ValueSpan(Kind.TIME, match.start(), match.start() + len(value), value)


def _money(text: str) -> Iterator[ValueSpan]:
    for match in _PRICE.finditer(text):
        yield _span(Kind.AMOUNT, match)


def _digit_count(text: str) -> int:
    return sum(char.isdigit() for char in text)


#: An extension after a number belongs to it ("ext. 214", «داخلی ۲۱۴», "ต่อ 214").
_EXTENSION = re.compile(r"\s*,?\s*(?:ext\.?|extension|x|داخلی|ต่อ)\s*\d{1,5}(?!\d)", re.IGNORECASE)


def _bank_accounts(text: str) -> Iterator[ValueSpan]:
    for match in _BANK_ACCOUNT.finditer(text):
        yield _span(Kind.IDENTIFIER, match)


def _thai_plates(text: str) -> Iterator[ValueSpan]:
    for match in _TH_PLATE.finditer(text):
        letters = match.group("letters")
        if letters in _TH_MONTH_WITHOUT_DOTS or letters in _TH_UNITS_WITHOUT_DOTS:
            continue
        if _TH_UNIT_AFTER.match(text, match.end()):
            continue
        yield _span(Kind.IDENTIFIER, match)


def _phones(text: str) -> Iterator[ValueSpan]:
    for pattern in _PHONE_SHAPES:
        for match in pattern.finditer(text):
            if _MIN_PHONE_DIGITS <= _digit_count(match.group()) <= _MAX_PHONE_DIGITS:
                extension = _EXTENSION.match(text, match.end())
                end = extension.end() if extension else match.end()
                yield ValueSpan(Kind.PHONE, match.start(), end, text[match.start() : end])


def _durations(text: str) -> Iterator[ValueSpan]:
    for match in _DURATION.finditer(text):
        if not _NOT_A_DURATION_AFTER.match(text, match.end()):
            yield _span(Kind.DURATION, match)


#: Counts whose unit names what is counted, whatever the words around them.
_NIGHTS = re.compile(r"nights?|شب|คืน", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^[\d.,٫٬\s]+")
_POINTS = re.compile(r"points?|pts|miles|امتیاز|คะแนน|ไมล์", re.IGNORECASE)
_PEOPLE = re.compile(r"adults?|children|kids|guests?|people|persons?|نفر|ท่าน|คน", re.IGNORECASE)


def counted(value: ValueSpan) -> str | None:
    """``number_of_nights`` for "3 nights", ``guest_count`` for "2 adults"; else None."""
    if value.kind is not Kind.COUNT:
        return None
    if _FA_PARTY.fullmatch(value.text):
        return "guest_count"
    return counted_unit(_LEADING_NUMBER.sub("", value.text))


#: The number that opens a count, in digits or in words ("two adults", «سه شب», «สองคืน»;
#: «یازده», eleven, beside the Persian words the other patterns read).
_COUNT_OPENING = re.compile(
    r"^(?:[\d.,٫٬\s]+"
    rf"|(?:a\s+couple\s+of|{_EN_NUMBER_WORDS}|a|an)\s+"
    rf"|(?:{_FA_NUMBER_WORDS}|یازده)\s+"
    rf"|(?:{_TH_NUMBER_WORDS})\s*)",
    re.IGNORECASE,
)


def what_is_counted(count: str) -> str:
    """``count`` without the number that opens it: "adults" of "two adults"."""
    return _COUNT_OPENING.sub("", count)


def counted_unit(unit: str) -> str | None:
    """``number_of_nights`` for "nights", ``guest_count`` for "adults", ``points_balance``
    for "points": what a count of ``unit`` is; else None."""
    if _NIGHTS.fullmatch(unit):
        return "number_of_nights"
    if _PEOPLE.fullmatch(unit):
        return "guest_count"
    if _POINTS.fullmatch(unit):
        return "points_balance"
    return None


#: A Persian party said in words: «سه مسافر», «دو نفر», «دو بزرگسال و یک کودک» (one
#: person alone, «یه نفر», is "someone", not a party; «تا شش نفر جا داره», «برای چهار نفر
#: مناسبه» say what a room or a van holds).
_FA_PARTY = re.compile(
    rf"(?<![{_FA}])(?<!تا\s)(?:{_FA_NUMBER_WORDS.removeprefix('یک|')}|\d+)\s+"
    rf"(?:نفر|مسافر|بزرگسال|مهمان)"
    rf"(?:\s+و\s+(?:{_FA_NUMBER_WORDS}|یه|\d+)\s+(?:کودک|بچه|نوزاد))?(?![{_FA}])"
    rf"(?!\s*(?:مناسب|جا\s*(?:دار|می)|ظرفیت|ه\s))"
)


_FA_NUMBER_VALUES = {word: n for n, word in enumerate(_FA_NUMBER_WORDS.split("|"), start=1)}
_FA_NUMBER_VALUES.update({"یه": 1, "دوازده": 12, "هجده": 18, "بیست": 20, "سی": 30})


def party_size(text: str) -> int | None:
    """How many people a Persian party counts: «سه بزرگسال و یک کودک» is 4."""
    if _FA_PARTY.fullmatch(text.strip()) is None:
        return None
    total = 0
    for word in re.findall(rf"[{_FA}]+|\d+", text):
        if word.isdigit():
            total += int(word)
        elif word in _FA_NUMBER_VALUES:
            total += _FA_NUMBER_VALUES[word]
    return total


def _fa_parties(text: str) -> Iterator[ValueSpan]:
    for match in _FA_PARTY.finditer(text):
        if not _FA_AND_UP.match(text, match.end()):  # «۲ نفر یا بیشتر»: a threshold
            yield _span(Kind.COUNT, match)


#: A code's group right before a number ("SP 4471 9026 GB"), or its next piece after the
#: unit ("10W-40").
_IN_A_CODE = re.compile(r"[A-Z0-9]\s$")
_CODE_GOES_ON = re.compile(r"[-/][A-Za-z0-9]")


def measured(value: ValueSpan) -> str | None:
    """What a measure measures, by its unit ("10.4 kWh" → "capacity")."""
    if value.kind is not Kind.MEASURE:
        return None
    unit = value.text.lstrip("0123456789.,٫٬۰۱۲۳۴۵۶۷۸۹/ ")
    return next(
        (what for what, units in MEASURED_BY_UNIT.items() if re.fullmatch(units, unit, re.I)),
        None,
    )


#: A Persian count followed by «به بالا» or «یا بیشتر» («۵ شب به بالا», five nights and
#: up; «۲ نفر یا بیشتر») sets a threshold a rule names, not how many of anything the
#: customer has or books: no count, no party, nor its bare number.
_FA_AND_UP = re.compile(rf"\s*(?:به\s*(?:بالا|بعد)|یا\s*بیشتر)(?![{_FA}])")
_FA_COUNT_AND_UP = re.compile(rf"\s?(?:{_COUNT_UNITS}){_FA_AND_UP.pattern}")


def _quantities(text: str) -> Iterator[ValueSpan]:
    for match in _QUANTITY.finditer(text):
        if match.group("count") and _FA_AND_UP.match(text, match.end()):
            continue
        if match.group("measure"):
            if _IN_A_CODE.search(text, 0, match.start()) or _CODE_GOES_ON.match(text, match.end()):
                continue  # "SP 4471 9026 GB", "Motul 10W-40": a code's piece, no measure
            kind = Kind.MEASURE
        elif match.group("weight"):
            kind = Kind.WEIGHT
        elif match.group("length"):
            kind = Kind.LENGTH
        else:
            kind = Kind.COUNT
            end = counted_noun_end(text, match.end(), match.group("count"))
            if end > match.end():  # «۲ تا بچه»: the noun says what is counted
                yield ValueSpan(kind, match.start(), end, text[match.start() : end])
                continue
        yield _span(kind, match)


def _identifiers(text: str) -> Iterator[ValueSpan]:
    for match in _IDENTIFIER.finditer(text):
        value = match.group().rstrip("-/")
        if (
            _WORD_OF_A_NUMBER.fullmatch(value)
            or _FORMAT_WORD.fullmatch(value)
            or _describes_the_next_word(text, match.start(), value)
        ):
            continue  # "a 40th birthday", "10ish", "a 6-digit code", "a 50-point check": no code
        if (
            len(value.lstrip("# ")) >= _MIN_IDENTIFIER_CHARS
            or value.startswith("#")
            or labelled_place_code(text, match.start(), value)
        ):
            yield ValueSpan(Kind.IDENTIFIER, match.start(), match.start() + len(value), value)


#: A size said of a format ("a 6-digit code", "a 10-character reference"): no value.
_FORMAT_WORD = re.compile(
    r"\d{1,3}-(?:digit|character|char|letter|number|word|figure)s?", re.IGNORECASE
)

#: A small number joined to a lower-case word it counts, before the noun it describes ("a
#: 50-point check", "a 3-bed semi", "the 10-minute slot"): no code ("731-qwerty" alone is).
_NUMBER_WORD_COMPOUND = re.compile(r"\d{1,2}-[a-z]{3,}")
_NOUN_AFTER = re.compile(r"\s[a-z]")


def _describes_the_next_word(text: str, start: int, value: str) -> bool:
    return bool(
        _NUMBER_WORD_COMPOUND.fullmatch(value) and _NOUN_AFTER.match(text, start + len(value))
    )


#: How many digits or characters a code has, spaced ("it's 8 digits", "an 8 character
#: code", «کد ۸ رقمیه», «เบอร์ 10 หลัก»): the size of a format, no value.
_FORMAT_SIZE = re.compile(
    r"\d{1,2}\s?(?:(?:digits?|characters?|chars?|figures?)(?![A-Za-z])|رقم(?:ی|یه|ه)?|หลัก)",
    re.IGNORECASE,
)

#: An ordinal or a rough number written as a word ("40th", "28th", "10ish", "20s").
_WORD_OF_A_NUMBER = re.compile(r"\d{1,3}(?:st|nd|rd|th|ish|s)", re.IGNORECASE)


#: Thai laughter ("555", "5555"): "ha" is "ห้า", five.
_THAI_LAUGH = re.compile(r"^5{3,}$")


#: A year named as one ("ปี 2566", «พ.ศ. 2566», «سال ۱۴۰۲»): no quantity, no id.
_YEAR_WORD_BEFORE = re.compile(r"(?:ปี|พ\.ศ\.?|พศ\.?|ค\.ศ\.?|(?<![\u0620-\u06ff])سال)\s?$")
#: "in 2023", "since 2019": a year only when it reads as one ("in 1204" may be a room).
_EN_YEAR_BEFORE = re.compile(r"\b(?i:in|since|year)\s$")
_EN_YEAR = re.compile(r"(?:19|20)\d\d")


def _numbers(text: str) -> Iterator[ValueSpan]:
    for match in _NUMBER.finditer(text):
        if _THAI_LAUGH.match(match.group()) or _is_year(text, match):
            continue
        if _FA_COUNT_AND_UP.match(text, match.end()):
            continue  # «۵ شب به بالا»: a rule's threshold (``_FA_AND_UP``)
        if _FORMAT_WORD.match(text, match.start()) or _FORMAT_SIZE.match(text, match.start()):
            continue  # "a 6-digit code", "it's 8 digits", «۸ رقمی», «10 หลัก»: a format's size
        yield _span(Kind.NUMBER, match)


def _is_year(text: str, match: re.Match[str]) -> bool:
    digits = match.group()
    if len(digits) != 4 or not digits.isdigit():  # isdigit: Thai and Persian digits too
        return False
    if _YEAR_WORD_BEFORE.search(text, 0, match.start()):
        return True
    return bool(_EN_YEAR.fullmatch(digits) and _EN_YEAR_BEFORE.search(text, 0, match.start()))


#: Most specific shape first; each rule only reads text no earlier rule claimed.
RULES: tuple[Rule, ...] = (
    _emails,
    _addresses,
    _date_ranges,
    _dates,
    _times,
    _money,
    _bank_accounts,
    _thai_plates,
    _phones,
    _durations,
    _fa_parties,
    _quantities,
    _identifiers,
    _numbers,
)


#: What may stand between a date and the time of day that belongs to it.
_DATE_TIME_GAP = re.compile(
    r"^(?:\s*[,،]?\s*(?:(?i:at|from)|ช่วง(?:เวลา)?|ตอน|เวลา|ราว|ประมาณ|ค่ะ|ครับ|คะ|نوبت)?)*\s*$"
)


_PARTICLES = re.compile(r"ค่ะ|ครับ|คะ")


def _joining(gap: str) -> str:
    """The words between a date and its time, polite particles left out, spaced once."""
    gap = re.sub(r"\s*([,،])\s*", r"\1 ", " ".join(_PARTICLES.sub(" ", gap).split()))
    if not gap.startswith((",", "،")):
        gap = " " + gap
    return gap if gap.endswith(" ") else gap + " "


def find_values(text: str, claimed: ClaimedSpans | None = None) -> list[ValueSpan]:
    """Shaped values in ``text``, left to right, none overlapping another. A date
    followed by its time of day is one value ("Tuesday 3 December, between 9 and 12")
    that names its time."""
    claimed = claimed if claimed is not None else ClaimedSpans()
    found: list[ValueSpan] = []
    for rule in RULES:
        for span in rule(text):
            if span.end > span.start and claimed.is_free(span.start, span.end):
                claimed.claim(span.start, span.end)
                found.append(span)
    return _dates_with_times(text, sorted(found, key=lambda span: span.start))


def _dates_with_times(text: str, spans: list[ValueSpan]) -> list[ValueSpan]:
    merged: list[ValueSpan] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind is Kind.DATE
            and previous.time is None
            and span.kind is Kind.TIME
            and _DATE_TIME_GAP.match(text[previous.end : span.start])
        ):
            joined = previous.text + _joining(text[previous.end : span.start]) + span.text
            merged[-1] = ValueSpan(Kind.DATE, previous.start, span.end, joined, span)
        else:
            merged.append(span)
    return merged


def code_words(text: str, claimed: ClaimedSpans) -> list[ValueSpan]:
    """Upper-case words that a coupon or booking code may be, where no other value is."""
    return [
        ValueSpan(Kind.IDENTIFIER, m.start(), m.end(), m.group())
        for m in _CODE_WORD.finditer(text)
        if claimed.is_free(m.start(), m.end())
    ]
