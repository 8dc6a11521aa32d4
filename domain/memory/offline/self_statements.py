"""Facts a customer states about themselves: their name, where they live, their age,
the product they want, a preference ("my name is Sara", "this is Sara Whitfield",
"Tom here", "من در تهران زندگی می‌کنم", «بنده محمدی هستم», "ผมชื่อสมชาย").

Only the user's own messages are read. Each rule is a cue phrase and a
captured value; values that are obviously not names or places ("I'm fine",
"من خسته هستم", "ผมอยู่ที่บ้าน") are rejected by per-rule word lists. Thai
writes words without spaces, so a Thai value runs lazily up to the first
polite particle (ครับ, ค่ะ, นะ …), space or punctuation.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.lexicon import FA_LETTERS, THAI_PARTICLES, word_set
from domain.memory.offline.thai_cues import THAI_LETTER_NOT_ASKING

_FA = FA_LETTERS
_FA_COPULA = r"(?:است|هست|هستم|هستش|هستیم|می‌باشد|میباشد)(?![" + _FA + "])"
#: One Persian word that is not a copula or "and".
_FA_WORD = rf"(?:(?!{_FA_COPULA}|و(?![{_FA}]))[{_FA}]+)"
_FA_OR_LATIN_WORD = rf"(?:(?!(?:رو|را|و)(?![{_FA}]))[{_FA}A-Za-z0-9-]+)"
_FA_MI = "می[\u200c\\s]?"  # the present-tense prefix, written joined, with ZWNJ or a space

_TH_PRONOUN = r"(?:ผม|ฉัน|ดิฉัน|หนู|กระผม|เรา|ชั้น)"
_TH_PARTICLES = THAI_PARTICLES
#: A Thai letter of a value: no question word starts at it («แม่ผมชื่อจริงอะไร» names no
#: «จริงอะไร»).
_TH_LETTER = THAI_LETTER_NOT_ASKING
_TH_VALUE = (
    r"(?P<value>[A-Za-z][A-Za-z'-]*(?:\s[A-Z][A-Za-z'-]*){0,2}"
    # a given name, and the family name when a particle or the end follows it
    # («…ชื่อนางสาวกมลวรรณ ใจดีเลิศ ค่ะ»: a space before the particle is common)
    rf"|{_TH_LETTER}{{2,}}?\s(?!{_TH_PARTICLES}){_TH_LETTER}{{2,}}?"
    rf"(?=\s?{_TH_PARTICLES}+(?:\s|$|[.,!?])|$)"
    rf"|{_TH_LETTER}{{2,}}?(?={_TH_PARTICLES}*(?:\s|$|[.,!?])))"
)

_EN_I_AM = r"(?i:i'm|i’m|i am|im)"
#: Latin letters with their accents ("Lucía Fernández", "Zoë", "Jürgen").
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_EN_NAME = rf"[{_UPPER}][{_LOWER}{_UPPER}'-]+(?:\s[{_UPPER}][{_LOWER}{_UPPER}'-]+){{0,2}}"
_EN_NAME_END = r"(?=\s*(?:[.,!?;)]|$|and\b|but\b|from\b|here\b))"
_EN_PLACE = r"(?:(?i:the)\s+)?(?P<value>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})"
_EN_PRODUCT_WORD = r"[A-Za-z]*[A-Z][\w+-]*"

# Words that follow "I'm" / "من … هستم" / "ผมอยู่ที่" without being a name or place.
_NOT_NAMES = word_set(
    """
    sorry fine good great happy here back ok okay not just so very really interested looking
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today tomorrow that this there what
    visa mastercard amex paypal yes no sure thanks thank ok okay great perfect correct right
    me you we it everything nothing someone
    going trying glad sure still also well ready done busy tired new afraid confused hungry
    home in on at from the a an calling writing wondering asking thinking curious excited
    worried satisfied unhappy disappointed available free single married retired student
    alright all no yes never always almost currently now sick late sad angry upset lost
    american british english iranian persian thai canadian german french chinese japanese
    indian australian italian spanish russian turkish arab afghan korean vegan vegetarian
    خوب خوبم خسته دانشجو مطمئن ناراحت خوشحال منتظر آماده موافق مخالف مشتری معلم مهندس دکتر
    گرسنه بیکار مریض راضی ناراضی علاقه‌مند علاقمند اینجا اونجا هم هنوز الان مجرد متاهل متأهل
    اهل ساکن نگران عصبانی شاغل کارمند بازنشسته پشیمان گیج مشغول تنها بیمار واقعا خیلی کاملا
    دنبال مایل ایرانی سلام ممنون مرسی بنده من ما شما
    """
)
_NOT_PLACES = word_set(
    """
    home work the a an this that
    یک یه این اون آن همین همون خانه خونه
    บ้าน ที่บ้าน ทำงาน ที่ทำงาน ร้าน นี่ นี้ ที่นี่ ตรงนี้ ข้างนอก
    """
)
_NOT_PRODUCTS = word_set("یک یه این اون آن چیزی")
#: Pronouns no name holds anywhere in it: "it's me again", «دوباره من هستم», «خودم هستم»
#: introduce someone already known, they do not name them.
_NEVER_IN_NAME = word_set("me myself من خودم خود خودمم ما شما")
#: "Again" before or after a name is no part of it: «سلام، دوباره سارا هستم».
_AGAIN = word_set("again دوباره باز بازم")
#: Not a name: a pointing word, or "it's me" («ผมเอง», «ดิฉันเอง»).
_TH_DEICTIC = re.compile(r"นี้|นี่|นั้น|เรื่อง|เอง$")
#: «บัตรเป็นชื่อผม», «จองในชื่อผม», «ใส่ชื่อผม»: whose name a card or a booking is in, no
#: name given; the words after it say something else («… เมียรูดแทนไม่ได้ใช่มั้ย»).
_TH_NOT_IN_THE_NAME = r"(?<!เป็น)(?<!เป็น\s)(?<!ใน)(?<!ใน\s)(?<!ใส่)(?<!ใส่\s)"
_TH_TRAILING_PARTICLES = re.compile(rf"{_TH_PARTICLES}+$")
_FA_LEADING_PRONOUN = re.compile(r"^(?:من|ما|بنده)\s+")


@dataclass(frozen=True)
class StatementRule:
    key: str
    pattern: re.Pattern[str]
    rejects: frozenset[str] = frozenset()
    clean: Callable[[str], str] = str.strip
    #: Whether the phrase is off limits to the shape rules: "30 years old" is an age,
    #: not a duration, but "I'm Sara from Shiraz" is a name and a place.
    claims_text: bool = False
    #: An introduction that only opens a conversation ("this is Sara", "Tom here"):
    #: later the same words name someone else ("it's Priya from flat 2 who's home").
    opening_only: bool = False


def _persian_name(value: str) -> str:
    """ "ساراست" is "سارا" + a contracted "است"."""
    value = value.strip()
    if len(value) > 3 and value.endswith("ست") and value[-3] in "اوی":
        return value[:-2]
    return value


_TH_WORD_END_PARTICLES = re.compile(rf"{_TH_PARTICLES}+$")


def _thai_value(value: str) -> str:
    """The name without its particles; a given name that ends in a particle ends the name
    ("นิดนะคะ ลูกสาวคนไข้": "นิด", the rest says who she is)."""
    words = value.strip().split()
    if len(words) > 1 and _TH_WORD_END_PARTICLES.search(words[0]):
        words = words[:1]
    value = _TH_TRAILING_PARTICLES.sub("", " ".join(words))
    return "" if _TH_DEICTIC.search(value) else value


def _persian_full_name(value: str) -> str:
    """A name of one or two words, without a second word that is no name ("من حمید خیلی")."""
    words = _persian_name(value).split()
    if len(words) > 1 and words[1] in _NOT_NAMES:
        words = words[:1]
    return " ".join(words)


def _persian_phrase(value: str) -> str:
    return _FA_LEADING_PRONOUN.sub("", value.strip())


RULES: tuple[StatementRule, ...] = (
    # -- name --------------------------------------------------------------------------------
    StatementRule(
        "customer_name",
        re.compile(
            r"\b(?i:my name is|my name's|name's|call me)\s+"
            rf"(?P<value>{_EN_NAME}|[a-z][a-z'-]+){_EN_NAME_END}"
        ),
        _NOT_NAMES,
    ),
    StatementRule(
        "customer_name",
        re.compile(
            rf"(?<![\w'’]){_EN_I_AM}\s+(?P<value>[{_UPPER}][{_LOWER}'-]+(?:\s[{_UPPER}][{_LOWER}'-]+)?)"
            rf"{_EN_NAME_END}"
        ),
        _NOT_NAMES,
    ),
    StatementRule(
        "customer_name",
        re.compile(
            rf"(?<![{_FA}])(?:اسم|نام)(?:\s*(?:من|بنده)|م)\s+(?P<value>{_FA_WORD}(?:\s+{_FA_WORD})?)"
            rf"(?=\s*{_FA_COPULA}|\s*(?:[.،,!؟?]|$))"
        ),
        _NOT_NAMES,
        _persian_name,
    ),
    StatementRule(
        "customer_name",
        re.compile(
            rf"(?<![{_FA}])(?:من|بنده)\s+(?P<value>{_FA_WORD}(?:\s+{_FA_WORD})?)\s+هستم(?![{_FA}])"
            rf"|(?:^|[،,.!؟]\s*)(?P<value2>{_FA_WORD})\s+هستم(?![{_FA}])"
        ),
        _NOT_NAMES,
        _persian_full_name,
    ),
    # «نه، من همسرشم، سپیده اکبری», «دخترشم، لیلا رحیمی»: who the customer is to the holder,
    # then their own full name
    StatementRule(
        "customer_name",
        re.compile(
            rf"(?:^|(?<![{_FA}])من\s+|(?<![{_FA}])نه[\s،,]+(?:من\s+)?)"
            rf"(?:همسر|خانم|شوهر|دختر|پسر|مادر|پدر|برادر|خواهر|وکیل|نماینده|همکار)"
            rf"(?:ش|شون|شان)(?:م|ام|\s+هستم)\s*[،,]\s*(?P<value>{_FA_WORD}\s+{_FA_WORD})"
            rf"(?![{_FA}])"
        ),
        _NOT_NAMES,
        _persian_name,
    ),
    StatementRule(
        "customer_name",
        re.compile(
            rf"(?:{_TH_PRONOUN}\s*ชื่อ(?:เล่น)?|{_TH_NOT_IN_THE_NAME}ชื่อ(?:ของ)?\s*{_TH_PRONOUN})"
            rf"\s*(?:ว่า|คือ)?\s*{_TH_VALUE}"
        ),
        _NOT_NAMES,
        _thai_value,
    ),
    StatementRule(
        "customer_name",
        re.compile(
            r"(?:^|[.!?]\s+|\b(?i:hi|hello|hey|morning|evening)[,!.]?\s+)"
            r"(?i:this\s+is|it's|it’s|it\s+is)\s+"
            rf"(?P<value>[{_UPPER}][{_LOWER}-]+(?:\s[{_UPPER}][{_LOWER}-]+){{0,2}})(?![\w'’])"
            r"(?=\s*(?:[.,!?;)]|$|from\b|here\b|speaking\b|calling\b|again\b))"
        ),
        _NOT_NAMES,
        opening_only=True,
    ),
    StatementRule(
        "customer_name",
        re.compile(
            r"(?:^|\b(?i:hi|hello|hey)[,!.]?\s+)"
            rf"(?P<value>[{_UPPER}][{_LOWER}-]+(?:\s[{_UPPER}][{_LOWER}-]+)?|(?<=^)[a-z][a-z-]+)"
            r"\s+(?i:here)\b"
            r"(?!\s+(?:is|are|to|for|in|we|you|it))"
        ),
        _NOT_NAMES,
        opening_only=True,
    ),
    StatementRule(
        "customer_name",
        re.compile(
            rf"(?:^|(?:سلام|درود)[\s،,!.]*)(?:(?:من|بنده)\s+)?"
            rf"(?P<value>{_FA_WORD}(?:\s+{_FA_WORD})?)\s+هستم(?![{_FA}])"
        ),
        _NOT_NAMES,
        opening_only=True,
    ),
    StatementRule(
        "customer_name",
        re.compile(rf"^(?:สวัสดี(?:ครับ|ค่ะ|คะ)?\s*)?นี่(?:คือ)?\s*(?:คุณ|พี่|น้อง)?{_TH_VALUE}"),
        _NOT_NAMES,
        _thai_value,
        opening_only=True,
    ),
    # -- location ----------------------------------------------------------------------------
    StatementRule(
        "customer_location",
        re.compile(
            r"\b(?:I\s+(?i:live|stay|reside)\s+(?i:in)"
            rf"|{_EN_I_AM}(?:\s+[A-Z][a-z'-]+)?\s+(?i:from)"
            rf"|{_EN_I_AM}\s+(?i:based|located|living|staying)\s+(?i:in))\s+{_EN_PLACE}"
        ),
        _NOT_PLACES,
    ),
    StatementRule(
        "customer_location",
        re.compile(
            rf"(?<![{_FA}])(?:در|تو)\s+(?P<value>{_FA_WORD}(?:\s+{_FA_WORD})?)"
            rf"\s+زندگی\s*{_FA_MI}کنم(?![{_FA}])"
        ),
        _NOT_PLACES,
    ),
    StatementRule(
        "customer_location",
        re.compile(
            rf"(?<![{_FA}])(?:اهل|ساکن)\s+(?P<value>{_FA_WORD}(?:\s+{_FA_WORD})?)"
            rf"\s*(?:هستم|هستیم|ام)(?![{_FA}])"
        ),
        _NOT_PLACES,
    ),
    StatementRule(
        "customer_location",
        re.compile(rf"{_TH_PRONOUN}\s*(?:(?:อาศัย)?อยู่ที่|อาศัยอยู่|มาจาก)\s*{_TH_VALUE}"),
        _NOT_PLACES,
        _thai_value,
    ),
    # -- age ---------------------------------------------------------------------------------
    StatementRule(
        "customer_age",
        re.compile(
            rf"(?<![\w'’]){_EN_I_AM}\s+(?P<value>\d{{1,3}})(?:\s?(?i:years?|yrs?)[\s-]?(?i:old)\b"
            r"|(?=\s*(?:[.,!?;]|$)))"
            r"|\b(?i:my age is)\s+(?P<value2>\d{1,3})\b"
        ),
        claims_text=True,
    ),
    StatementRule(
        "customer_age",
        re.compile(
            rf"(?<![\d.,])(?P<value>\d{{1,3}})\s*(?:سالمه|سال\s*(?:سن\s*)?دارم)(?![{_FA}])"
            rf"|سن(?:م|\s*من)\s*(?P<value2>\d{{1,3}})"
        ),
        claims_text=True,
    ),
    StatementRule("customer_age", re.compile(r"อายุ\s*(?P<value>\d{1,3})\s*ปี"), claims_text=True),
    # -- product -----------------------------------------------------------------------------
    StatementRule(
        "product",
        re.compile(
            r"\b(?i:(?:i(?:'d|’d| would)? like to|i want to|i wanna|i(?:'m|’m| am) going to"
            r"|i(?:'ll|’ll| will)) (?:buy|order|purchase|get)"
            r"|i(?:'m|’m| am) interested in(?: buying| getting| ordering)?"
            r"|i(?:'ll|’ll| will) take)\s+(?:(?i:the|a|an|your|this|that|one)\s+)?"
            rf"(?P<value>{_EN_PRODUCT_WORD}(?:\s(?:{_EN_PRODUCT_WORD}|\d[\w+-]*)){{0,3}})"
        ),
    ),
    StatementRule(
        "product",
        re.compile(
            rf"(?:{_FA_MI}(?:خوام|خواهم)|قصد\s+دارم)\s+(?:(?:یه|یک)\s+)?"
            rf"(?P<value>{_FA_OR_LATIN_WORD}(?:\s+{_FA_OR_LATIN_WORD}){{0,2}}?)"
            r"\s+(?:(?:رو|را)\s+)?(?:بخرم|سفارش\s+بد(?:ه)?م|تهیه\s+کنم)"
        ),
        _NOT_PRODUCTS,
    ),
    StatementRule(
        "product",
        re.compile(rf"(?:สนใจ|อยากซื้อ|ต้องการซื้อ|จะซื้อ|อยากสั่ง(?:ซื้อ)?+|ขอสั่ง(?:ซื้อ)?+)\s*{_TH_VALUE}"),
        _NOT_PRODUCTS,
        _thai_value,
    ),
    # -- preference --------------------------------------------------------------------------
    StatementRule(
        "preference",
        re.compile(
            r"\b(?i:i(?:'d|’d| would)? prefer|i(?:'d|’d| would) rather)\s+"
            r"(?P<value>[^.!?\n,;]{3,60}?)(?=\s*(?:[.!?\n,;]|$))"
        ),
    ),
    StatementRule(
        "preference",
        re.compile(
            rf"(?<![{_FA}A-Za-z0-9-])(?P<value>{_FA_OR_LATIN_WORD}(?:\s+{_FA_OR_LATIN_WORD}){{0,3}}?)"
            rf"\s+(?:رو|را)\s+ترجیح\s*{_FA_MI}(?:دهم|دم)"
        ),
        clean=_persian_phrase,
    ),
)


#: What a preference is about, by the words of its value; one that matches none is not kept
#: ("I'd prefer that" says nothing a key could name).
_PREFERENCE_SUBJECTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "contact_preference",
        re.compile(
            r"e-?mail|phone|call|text|sms|whatsapp|message|ایمیل|پیامک|تماس|تلفن|واتساپ|تلگرام"
            r"|ไลน์|อีเมล|โทร|แชท",
            re.IGNORECASE,
        ),
    ),
    (
        "payment_method",
        re.compile(
            r"card|cash|transfer|paypal|instal(?:l)?ments?|apple\s+pay|کارت|نقد|اقساط|قسط|پرداخت"
            r"|โอน|บัตร|เงินสด|ผ่อน|พร้อมเพย์",
            re.IGNORECASE,
        ),
    ),
    (
        "preferred_time",
        re.compile(
            r"morning|afternoon|evening|weekend|صبح|عصر|شب|آخر\s+هفته|เช้า|บ่าย|เย็น|เสาร์|อาทิตย์",
            re.IGNORECASE,
        ),
    ),
)


def _preference_key(value: str) -> str | None:
    for key, words in _PREFERENCE_SUBJECTS:
        if words.search(value):
            return key
    return None


def _without_again(name: str) -> str:
    return " ".join(word for word in name.split() if word.casefold() not in _AGAIN)


def _captured(match: re.Match[str]) -> str:
    value = match.group("value")
    if value is None and "value2" in match.re.groupindex:
        value = match.group("value2")
    return value or ""


def stated_facts(
    text: str, claimed: ClaimedSpans, known_keys: frozenset[str] = frozenset()
) -> list[FactMatch]:
    """First-person facts in a customer's message, left to right; each claims its phrase.
    An opening introduction is read only while the customer's name is not known."""
    found: list[FactMatch] = []
    for rule in RULES:
        if rule.opening_only and rule.key in known_keys:
            continue
        for match in rule.pattern.finditer(text):
            value = rule.clean(_captured(match))
            if not value or value.split()[0].casefold() in rule.rejects:
                continue
            if rule.key == "customer_name":
                value = _without_again(value)
                if not value or _NEVER_IN_NAME & set(value.casefold().split()):
                    continue
            if not claimed.is_free(match.start(), match.end()):
                continue
            key = _preference_key(value) if rule.key == "preference" else rule.key
            if key is None:
                continue
            if rule.claims_text:
                claimed.claim(match.start(), match.end())
            found.append(FactMatch(key, value, match.start(), match.end()))
    return sorted(found, key=lambda fact: fact.start)
