"""Facts with a recognisable shape: emails, dates, order and ticket ids, prices,
phone numbers, durations (warranty among them) and quantities.

Rules run in a fixed order and each claims the text it reads, so the most
specific shape wins: a date is not also a price, an order number is not also a
phone number. ``\\d`` matches any Unicode digit, so every rule reads Persian
(۰-۹), Arabic-Indic (٠-٩) and Thai (๐-๙) digits as written; values keep them.
"""

import re
from collections.abc import Callable, Iterator

from memq.memory.offline.fact_match import ClaimedSpans, FactMatch

# -- shared pieces ---------------------------------------------------------------------------

_FA = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u200c"  # Persian/Arabic letters, ZWNJ
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

# -- dates -----------------------------------------------------------------------------------

_EN_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_FA_MONTH = (
    "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
    "|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
)
_TH_MONTH = (
    r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม"
    r"|พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\."
    r"|ต\.ค\.|พ\.ย\.|ธ\.ค\."
)
_ORDINAL = r"(?:st|nd|rd|th)?"

_ISO_DATE = re.compile(r"(?<![\d/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])")
_YEAR_FIRST_DATE = re.compile(r"(?<![\d/])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])")
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-])")
_NAMED_MONTH_DATE = re.compile(
    rf"(?<![A-Za-z]){_EN_MONTH}\s+\d{{1,2}}{_ORDINAL}\b(?:,?\s+\d{{4}})?"
    rf"|(?<![\d.,])\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+\d{{4}})?"
    rf"|(?<![\d.,])\d{{1,2}}\s+(?:{_FA_MONTH})(?![{_FA}])(?:\s+(?:ماه\s+)?\d{{4}})?"
    rf"|(?<![\d.,])\d{{1,2}}\s?(?:{_TH_MONTH})(?:\s?(?:พ\.ศ\.|ค\.ศ\.)?\s?\d{{4}})?"
)

# -- order, ticket and tracking ids ------------------------------------------------------------

#: Words that make the following token an identifier even when it is short.
_STRONG_ID_CUE = re.compile(
    r"#|:|\b(?:id|number|no|num|code|ref|reference)\b|شماره|کد|หมายเลข|เลข", re.IGNORECASE
)
_ID_TAIL = (
    r"(?P<cue_tail>\s*(?:(?:is|was|=|คือ|است|هست|اینه|:)\s*)?[:#]?\s*)"
    rf"#?(?P<id>{_ID_CHAR}[A-Za-z0-9\u06f0-\u06f9\u0660-\u0669\u0e50-\u0e59-]{{1,30}})"
)
_ID_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "tracking_number",
        re.compile(
            r"(?P<cue>\btracking(?:\s(?:id|number|no\.?|code))?"
            r"|(?:کد|شماره)\s*(?:ی\s*)?(?:رهگیری|پیگیری)(?:\s*(?:من|بنده))?"
            r"|(?:หมายเลข|เลข)\s*(?:พัสดุ|ติดตาม(?:พัสดุ)?|แทร็ก(?:กิ้ง)?))" + _ID_TAIL,
            re.IGNORECASE,
        ),
    ),
    (
        "ticket_id",
        re.compile(
            r"(?P<cue>\b(?:ticket|case)(?:\s(?:id|number|no\.?))?"
            r"|(?:شماره|کد)\s*(?:ی\s*)?(?:تیکت|درخواست)|(?:تیکت|درخواست)\s*(?:شماره|کد)?"
            r"|(?:หมายเลข|เลขที่)\s*(?:ทิกเก็ต|ตั๋ว|เคส))" + _ID_TAIL,
            re.IGNORECASE,
        ),
    ),
    (
        "order_id",
        re.compile(
            r"(?P<cue>\border(?:\s(?:id|number|no\.?|num|ref(?:erence)?|code))?"
            r"|(?:شماره|کد)\s*(?:ی\s*)?سفارش(?:م|تون|تان)?(?:\s*(?:من|بنده))?"
            r"|سفارش(?:م)?\s*(?:به\s*)?(?:شماره|کد)?"
            r"|(?:หมายเลข|เลขที่|เลข)\s*(?:คำสั่งซื้อ|ออเดอร์|order)"
            r"|(?:คำสั่งซื้อ|ออเดอร์)\s*(?:หมายเลข|เลขที่|เลข)?)" + _ID_TAIL,
            re.IGNORECASE,
        ),
    ),
)
#: A bare "order 12345" needs this many characters to be an id, not a quantity.
_MIN_BARE_ID = 5

# -- prices ----------------------------------------------------------------------------------

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
    r"(?:(?:tomans?|rials?|dollars?|usd|eur|euros?|gbp|baht|thb|irr|irt|aed|dirhams?)(?![A-Za-z])"
    r"|تومان|تومن|ریال|ريال|دلار|دولار|یورو|يورو|درهم|บาท|ดอลลาร์|ยูโร|€|\$|£|฿|﷼)"
)
_PRICE = re.compile(
    rf"{_CURRENCY_BEFORE}\s?{_AMOUNT}{_SCALE}?|{_AMOUNT}{_SCALE}?\s?{_CURRENCY_AFTER}",
    re.IGNORECASE,
)
#: A price right after these words is not the product's price.
_PRICE_QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "shipping_cost",
        re.compile(
            r"(?:shipping|delivery|postage|ارسال|پست|پیک|ค่าส่ง|ค่าจัดส่ง|ขนส่ง)\D{0,25}$",
            re.IGNORECASE,
        ),
    ),
    ("discount", re.compile(r"(?:discount|تخفیف|ส่วนลด)\D{0,15}$", re.IGNORECASE)),
)

# -- phone numbers -----------------------------------------------------------------------------

_PHONE_SHAPES = (
    re.compile(r"(?<![\w+])\+\d[\d\s().-]{6,20}\d(?!\d)"),
    re.compile(r"(?<![\w+.,/])[0۰٠๐]\d[\d\s-]{6,14}\d(?![\d,.])"),
    re.compile(r"(?<!\d)\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?!\d)|(?<![\d-])\d{3}-\d{3}-\d{4}(?![\d-])"),
    re.compile(
        r"(?:phone|mobile|cell|tel|whatsapp|تلفن|موبایل|همراه|تماس|เบอร์|โทร)\D{0,15}?"
        r"(?P<number>(?<![\d.,])\d[\d\s-]{5,14}\d)(?![\d.,])",
        re.IGNORECASE,
    ),
)
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15

# -- durations and quantities -------------------------------------------------------------------

_DURATION = re.compile(
    rf"(?<![A-Za-z\d.,/])(?:\d+(?:\.\d+)?|{_EN_NUMBER_WORDS})"
    rf"(?:\s?(?:-|–|to)\s?(?:\d+|{_EN_NUMBER_WORDS}))?[\s-]?(?:(?:business|working)\s)?"
    r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)(?![A-Za-z])"
    rf"|(?<![{_FA}\d.,/٫٬])(?:\d+(?:[.٫/]\d+)?|{_FA_NUMBER_WORDS})"
    rf"(?:\s?(?:-|–|تا)\s?(?:\d+|{_FA_NUMBER_WORDS}))?\s?"
    rf"(?:سال|ماه|هفته|روز(?:\s?کاری)?|ساعت|دقیقه)(?:ه)?(?![{_FA}])"
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
_WARRANTY_WORD = re.compile(
    r"warrant(?:y|ies|ee)|guarantee|guaranty|گارانتی|وارانتی|ضمانت|รับประกัน|ประกัน",
    re.IGNORECASE,
)
#: How far (in characters) a duration may sit from "warranty" to be the warranty.
_WARRANTY_REACH = 40

_QUANTITY = re.compile(
    rf"{_NUMBER_START}\d+(?:[.٫]\d+)?\s?"
    # A case-sensitive "g": "500g" of beans is a weight, "5G" is a network.
    r"(?:kg|kgs|kilos?|kilograms?|(?-i:g)|grams?|lbs?|ml|l|liters?|litres?|cm|mm|m|meters?|metres?"
    r"|inch(?:es)?|pcs|pieces?|units?|items?|boxes|box|packs?|bottles?|cups?|pairs?|bags?)"
    r"(?![A-Za-z])"
    rf"|{_NUMBER_START}\d+(?:[.٫]\d+)?\s?"
    # "۲ تا" is two items, but "۵ تا ۶" is "5 to 6".
    rf"(?:کیلو(?:گرم)?|گرم|لیتر|عدد|تا(?:یی)?(?!\s*\d)|بسته|جعبه|متر|سانت(?:ی(?:متر)?)?|دستگاه"
    r"|جفت|کارتن)"
    rf"(?![{_FA}])"
    rf"|{_NUMBER_START}\d+(?:\.\d+)?\s?"
    r"(?:กิโล(?:กรัม)?|กรัม|ลิตร|ชิ้น|อัน|กล่อง|แพ็ค|ตัว|เครื่อง|ขวด|คู่|ถุง|แก้ว|เมตร|ซม\.)",
    re.IGNORECASE,
)


# -- rules -----------------------------------------------------------------------------------

Rule = Callable[[str], Iterator[FactMatch]]


def _emails(text: str) -> Iterator[FactMatch]:
    for match in _EMAIL.finditer(text):
        yield FactMatch("email", match.group(), match.start(), match.end())


def _is_calendar_date(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _dates(text: str) -> Iterator[FactMatch]:
    for pattern in (_ISO_DATE, _YEAR_FIRST_DATE):
        for match in pattern.finditer(text):
            if _is_calendar_date(int(match.group(3)), int(match.group(2))):
                yield FactMatch("date", match.group(), match.start(), match.end())
    for match in _DAY_MONTH_YEAR.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        # Either day/month or month/day: one of the two must be a month.
        if _is_calendar_date(first, second) or _is_calendar_date(second, first):
            yield FactMatch("date", match.group(), match.start(), match.end())
    for match in _NAMED_MONTH_DATE.finditer(text):
        yield FactMatch("date", match.group().rstrip("."), match.start(), match.end())


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _identifiers(text: str) -> Iterator[FactMatch]:
    for key, pattern in _ID_RULES:
        for match in pattern.finditer(text):
            identifier = match.group("id").rstrip("-")
            cue = match.group("cue") + match.group("cue_tail")
            strong = _STRONG_ID_CUE.search(cue) or match.group().count("#")
            long_enough = len(identifier) >= (3 if strong else _MIN_BARE_ID)
            if _has_digit(identifier) and long_enough:
                start = match.start("id")
                yield FactMatch(key, identifier, start, start + len(identifier))


def _price_key(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start]
    for key, qualifier in _PRICE_QUALIFIERS:
        if qualifier.search(before):
            return key
    return "price"


def _prices(text: str) -> Iterator[FactMatch]:
    for match in _PRICE.finditer(text):
        yield FactMatch(_price_key(text, match.start()), match.group(), match.start(), match.end())


def _digit_count(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _phones(text: str) -> Iterator[FactMatch]:
    for pattern in _PHONE_SHAPES:
        for match in pattern.finditer(text):
            group = "number" if "number" in pattern.groupindex else 0
            number = match.group(group)
            if _MIN_PHONE_DIGITS <= _digit_count(number) <= _MAX_PHONE_DIGITS:
                yield FactMatch("phone", number, match.start(group), match.end(group))


def _durations(text: str) -> Iterator[FactMatch]:
    found = [
        match
        for match in _DURATION.finditer(text)
        if not _NOT_A_DURATION_AFTER.match(text, match.end())
    ]
    warranty_indexes: set[int] = set()
    for word in _WARRANTY_WORD.finditer(text):
        distances = [
            (max(word.start() - match.end(), match.start() - word.end(), 0), index)
            for index, match in enumerate(found)
        ]
        nearby = [item for item in distances if item[0] <= _WARRANTY_REACH]
        if nearby:
            warranty_indexes.add(min(nearby)[1])
    for index, match in enumerate(found):
        key = "warranty" if index in warranty_indexes else "duration"
        yield FactMatch(key, match.group(), match.start(), match.end())


def _quantities(text: str) -> Iterator[FactMatch]:
    for match in _QUANTITY.finditer(text):
        yield FactMatch("quantity", match.group(), match.start(), match.end())


#: Most specific shape first; each rule only reads text no earlier rule claimed.
RULES: tuple[Rule, ...] = (_emails, _dates, _identifiers, _prices, _phones, _durations, _quantities)
#: Facts about the user that only the user's own messages state.
PERSONAL_KEYS = frozenset({"email", "phone"})


def structured_facts(text: str, claimed: ClaimedSpans, personal: bool) -> list[FactMatch]:
    """Shaped facts in ``text``, left to right. Without ``personal`` (a message not
    written by the user) emails and phones are still claimed, so a support
    line's phone number is not read as something else, but not reported."""
    found: list[FactMatch] = []
    for rule in RULES:
        for fact in rule(text):
            if claimed.is_free(fact.start, fact.end):
                claimed.claim(fact.start, fact.end)
                if personal or fact.key not in PERSONAL_KEYS:
                    found.append(fact)
    return sorted(found, key=lambda fact: fact.start)
