"""People named by the role they play for the customer: "your surveyor will be Dan
Whitlow", "your event manager will be Marcus Hale instead", "Gareth, our senior
coordinator", «دکتر کامرانی», «مهندس صالحی», «استاد خانم دلاوری», «ช่างโอ๊ต», «หมอแพรว».

Each is keyed by the role (``surveyor_name``, ``manager_name``, ``assigned_doctor_name``,
``engineer_name``, ``technician_name`` …): in English the role is the word the
conversation uses ("your coordinator will be …" → ``coordinator_name``), in Persian and
Thai the title said with the name. A new person in the role replaces the earlier one, so
the one who held it goes to the history ("Tom is on leave, so your event manager will be
Marcus Hale"). Of several people in one role a message names, the one named last holds it:
the change is said old one first ("Dan has called in sick … Priya Sandhu will do it",
«ช่างเอกลาป่วย … เปลี่ยนเป็น ช่างโอ๊ต»).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from domain.memory.offline.holder_names import FA_NAME_WORD
from domain.memory.offline.lexicon import (
    ENGLISH_REPLIES,
    ENGLISH_STOP_WORDS,
    THAI_PARTICLES,
    word_set,
)
from domain.memory.offline.person_names import FA_NOT_A_GIVEN_NAME, RELATION_KEYS
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

EN_NAME = r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)"
#: The words of a role: one or two lowercase nouns ("surveyor", "event manager"), the last
#: a noun of someone who does something ("-er", "-or", "-ist", "-ian", "-ant"; not "your
#: club is Riverside"); it says the role ("wedding coordinator", "senior coordinator").
_EN_ROLE = r"(?P<role>(?:[a-z]+\s+)?(?P<head>[a-z]{2,}?(?:er|or|ist|ian|ant|ent)))s?"
#: Words that stand where a role would and are none: "your order will be …".
EN_NOT_A_ROLE = word_set(
    """
    order booking appointment delivery name number address total price date time slot
    email phone reference account room table car flight ticket card payment deposit refund
    contact point one best first next last team choice option number letter dinner meter
    filter cover center centre counter voucher charger other outdoor indoor
    router installer holder user customer owner member partner supplier provider courier
    carrier
    """
)
#: Capitalised words that open a sentence and name nobody: "Who will be the main driver",
#: "Yes, our outdoor space …", "Thanks, our team …", "Noted, your gym locker code is 4471"
#: (an agent's word of acknowledgement).
EN_NOT_A_NAME = (
    ENGLISH_STOP_WORDS
    | ENGLISH_REPLIES
    | word_set(
        """
    no please sorry great perfect noted done understood certainly absolutely lovely brilliant
    excellent wonderful gotcha confirmed booked updated sorted
    """
    )
)
#: After a word ending like a role, words that make it an adjective: "the heavier
#: traditional one", "the lighter option", "the cheaper of the two", "bigger than".
EN_DESCRIBES_ONE = re.compile(
    r"(?:\s+[a-z][\w-]*)?\s+(?:one|ones|option|version|model|of\s+the\s+(?:two|three)|of\s+them)\b"
    r"|\s+than\b"
)
_EN_PATTERNS = (
    # "your surveyor will be Dan Whitlow", "your event manager is Marcus Hale"
    re.compile(rf"\b(?i:your)\s+{_EN_ROLE}\s+(?:will\s+be|is|'ll\s+be)\s+{EN_NAME}"),
    # "our wedding coordinator, Megan", "your engineer, Marek"
    re.compile(rf"\b(?i:our|your)\s+{_EN_ROLE},\s+{EN_NAME}"),
    # "Gareth, our senior coordinator, will …", "Priya Sandhu, she's one of our surveyors"
    re.compile(rf"{EN_NAME},\s+(?:our|your)\s+{_EN_ROLE}\b"),
    re.compile(
        rf"{EN_NAME},\s+(?:he|she|they)(?:'s|’s|\s+is|\s+are)\s+one\s+of\s+(?:our|your)\s+"
        r"(?P<role>(?:[a-z]+\s+)?(?P<head>[a-z]{4,}?))s\b"
    ),
    # "Marcus Hale will be your event manager"
    re.compile(rf"{EN_NAME}\s+(?:will\s+be|is)\s+(?:your|the)\s+{_EN_ROLE}\b"),
)

#: Persian titles of a role, and the role each says.
_FA_TITLES = {"دکتر": "assigned_doctor", "مهندس": "engineer", "استاد": "teacher"}
#: A Persian family name has the ending of one: «رضایی», «کامرانی», «کاظم‌زاده», «نیکپور»
#: («دکتر ببینه», «مهندس بیاد»: a verb; «دکتر تلفنی», «دکتر قبلی»: what kind of doctor).
_FA_FAMILY_NAME_ENDS = ("ی", "زاده", "پور", "نیا", "فر", "راد", "منش")
_FA_FAMILY_NAME_END = "(?:" + "|".join(f"(?<={end})" for end in _FA_FAMILY_NAME_ENDS) + ")"
_FA_NOT_A_FAMILY_NAME = (
    r"(?:تلفنی|حضوری|اینترنتی|آنلاینی|عمومی|خصوصی|قبلی|بعدی|جدیدی|دیگری|کسی|یکی|خوبی"
    # what kind of doctor or engineer: «دکتر داخلی», «دکتر بیهوشی», «مهندس ساختمانی»
    r"|داخلی|بیهوشی|ارتوپدی|ساختمانی|عمرانی|برقی|مکانیکی|کامپیوتری|شیمی|پوستی|اطفالی"
    rf"|قلبی|مغزی|روانی|نرم‌افزاری|معماری)(?![{_FA}])"
)
_FA_PATTERN = re.compile(
    rf"(?<![{_FA}])(?P<title>{'|'.join(_FA_TITLES)})\s+(?:(?:آقای|خانم)\s+)?"
    rf"(?P<name>(?!{FA_NOT_A_GIVEN_NAME})(?!{_FA_NOT_A_FAMILY_NAME}){FA_NAME_WORD}"
    rf"{_FA_FAMILY_NAME_END})(?![{_FA}])"
)

#: Thai titles of a role, and the role each says («หมอน», a pillow, and «หมอก», fog: «หมอกสวย»,
#: the mist is lovely, are no doctor; a ก with a vowel or tone mark after it starts a name,
#: «หมอกิ๊ฟ», as «หมอกบ» is doctor Kob).
_TH_TITLES = {"ช่าง": "technician", "หมอ": "assigned_doctor"}
#: Words after a Thai title that say the trade or what the person does, not who: «ช่างแอร์»,
#: «หมอฟัน», «หมอตรวจ», «หมอแนะนำ».
_TH_TRADE_OR_WORD_AFTER_TITLE = (
    r"(?:แอร์|ไฟ|ประปา|ซ่อม|ยนต์|เทคนิค|ที่|จะ|มา|ไป|เข้า|ก็|ได้|บอก|ว่า|ของ|ฟัน|ตา|นัด"
    r"|ผู้|คน|ท่าน|เขา|ใหญ่|ประจำ|อีก|ทุก|แต่|และ|กับ|ให้|เอง|เลย|ตรวจ|แนะ|ดู|วัน|ไว้|อยู่"
    r"|มัก|ยัง|ไม่|คง|ต้อง|สั่ง|ว่าง|เก่ง|รอ|ทำ"
    # a trade: «ช่างไม้», «ช่างภาพ», «ช่างสี», «ช่างปูน», «ช่างตัดผม», «หมอเด็ก», «หมอนวด»
    r"|ไม้|ภาพ|สี|ปูน|ตัดผม|ทาสี|เชื่อม|เด็ก|นวด|ดู|ผี|ยา"
    # a particle or function word: «คุณหมอค่ะ», «ส่งเรื่องให้คุณหมอแล้วค่ะ», «ขอบคุณช่างด้วย»,
    # and «ช่างเถอะ», «ช่างมัน» ("never mind")
    rf"|{THAI_PARTICLES}|แล้ว|ด้วย|ก่อน|หน่อย|บ้าง|เถอะ|มัน|หรือ|ไหม|มั้ย|นี้|นั้น|คือ|เป็น)"
)
#: A Thai nickname is short (เอก, โอ๊ต, แพรว) and ends where a space, a stop or a closing
#: particle does; it never ends on a vowel written before its consonant.
_TH_PATTERN = re.compile(
    rf"(?P<title>ช่าง|หมอ(?!น|ก(?![\u0e31-\u0e3a\u0e47-\u0e4eบ])))\s?(?P<name>(?!{_TH_TRADE_OR_WORD_AFTER_TITLE})[\u0e01-\u0e4e]{{2,5}}?)"
    rf"(?<![\u0e40-\u0e44])(?=(?:{THAI_PARTICLES})?(?:\s|$|[.,!?()]))"
)


@dataclass(frozen=True)
class RoleHolder:
    start: int
    end: int
    name: str
    key: str


def role_holders(text: str) -> list[RoleHolder]:
    """Each person the message names in a role, in the order named (module doc)."""
    found: list[RoleHolder] = []
    for pattern in _EN_PATTERNS:
        for match in pattern.finditer(text):
            head = match.group("head").lower()
            if head in EN_NOT_A_ROLE or match.group("name").split()[0].lower() in EN_NOT_A_NAME:
                continue
            if EN_DESCRIBES_ONE.match(text, match.end("role")):
                continue  # "the Classic is the heavier traditional one": an option compared
            found.append(_holder(match, match.group("name"), _role_key(match)))
    for match in _FA_PATTERN.finditer(text):
        key = f"{_FA_TITLES[match.group('title')]}_name"
        found.append(_holder(match, match.group(), key))
    for match in _TH_PATTERN.finditer(text):
        key = f"{_TH_TITLES[match.group('title')]}_name"
        found.append(_holder(match, match.group("title") + match.group("name"), key))
    return sorted(found, key=lambda holder: holder.start)


#: Words before a role that say how, not which role: "senior coordinator" is a coordinator.
_EN_NOT_A_KIND_OF_ROLE = word_set(
    """
    senior junior main lead head chief principal new assigned dedicated personal usual regular
    own local other same first second
    """
)


def _role_key(match: re.Match[str]) -> str:
    """The key of an English role, by all its words: an account manager and a project manager
    are two roles ("account_manager_name"), a senior coordinator is a coordinator."""
    words = match.group("role").lower().split()
    head = match.group("head").lower()
    if len(words) > 1 and words[0] not in _EN_NOT_A_KIND_OF_ROLE:
        return f"{words[0]}_{head}_name"
    return f"{head}_name"


def _held_as(key: str, held_keys: Iterable[str]) -> str:
    """The held key a role is named by in fewer or more words: "your manager" after "your
    account manager is …", "your event manager" after "your manager is …" (the one such, or
    ``key`` itself)."""
    held = [k for k in held_keys if k != key and is_role_key(k)]
    if key in held_keys:
        return key
    same = [k for k in held if k.endswith(f"_{key}") or key.endswith(f"_{k}")]
    return same[0] if len(same) == 1 else key


def _holder(match: re.Match[str], name: str, key: str) -> RoleHolder:
    start = match.start() if match.group("name") != name else match.start("name")
    return RoleHolder(start, match.end("name"), name, key)


#: Someone the business says stands in for another, in other words than the role's:
#: "so Tomasz will come instead", "Gareth, our senior coordinator, will show you round
#: instead", "Priya is covering for him", "we've booked Rosa instead", "replaced by Rosa".
_EN_STANDS_IN = (
    re.compile(
        rf"(?<![A-Za-z'’]){EN_NAME}(?:,[^,.!?]{{1,40}},)?\s+(?:will|'ll|’ll|is\s+going\s+to|is"
        r"|has)\b[^.!?,;]{0,50}?\b(?:instead|take\s+over|taking\s+over|covering\s+for"
        r"|cover\s+for|step(?:ping)?\s+in|in\s+(?:his|her|their)\s+place"
        r"|replac(?:e|es|ing)\s+(?:him|her|them))\b"
    ),
    re.compile(
        rf"\b(?:assigned|booked|sending|send|moved\s+you\s+to|with)\s+{EN_NAME}\s+instead\b"
    ),
    re.compile(rf"\breplaced\s+by\s+{EN_NAME}"),
)
#: A Persian «آقای/خانم …» said to stand in for another: «خانم نوری جاشون هستن»,
#: «به جای ایشون آقای مرادی میان».
_FA_PERSON = (
    rf"(?P<person>(?:آقای|خانم)\s+(?P<name>(?!{FA_NOT_A_GIVEN_NAME}){FA_NAME_WORD}))(?![{_FA}])"
)
_FA_STANDS_IN = (
    # (right by the person: «خانم نوروزی از پذیرش برای نوبت جایگزین» replaces the booking)
    re.compile(rf"{_FA_PERSON}\s+(?:جاشون|جای\s*ایشون|جایگزین\s+ایشون|جایگزین(?:\s|$))"),
    re.compile(rf"(?:به\s+جای|جای)\s+(?:ایشون|ایشان)[،,]?\s+{_FA_PERSON}"),
)

#: A Thai «พี่/คุณ/น้อง …» said to go or see to it in another's place: «ให้พี่บอยไปแทน»,
#: «คุณสมชายจะเข้ามาดูแลแทนค่ะ».
#: («ไปรับแทน» is to collect on someone's behalf, not to do their work.)
_TH_STANDS_IN = re.compile(
    r"(?P<person>(?:พี่|คุณ|น้อง|ช่าง|หมอ)\s?(?P<name>[\u0e01-\u0e4e]{2,5}?))\s?(?:จะ)?"
    r"(?:เข้าไป|เข้ามา|ไป|มา)?(?:ดูแล|ซ่อม|ตรวจ|ทำ)?(?:ให้)?แทน"
)
#: What the customer is asked to arrange («คุณลูกค้าจะให้…แทนได้ไหมคะ»), or a question: the
#: business does not say who stands in.
_TH_ASKED = re.compile(r"คุณลูกค้า|ลูกค้า(?:จะ|สะดวก|ต้องการ)|ได้ไหม|ได้มั้ย|ไหม(?:คะ|ครับ)|มั้ย")

#: The old holder is away: a stand-in is only said where the message says so ("off sick",
#: "on leave", "can't make it", «مرخصی», «امروز نیستن», «ลาป่วย», «ไม่เข้า»); "Marek checked
#: the pump and Bosch will replace it" names no stand-in.
_AWAY = re.compile(
    r"(?<![A-Za-z])(?:sick|ill|unwell|off(?:\s+(?:today|tomorrow|work|this))|away|on\s+leave"
    r"|on\s+holiday|on\s+vacation|off\s+sick|left\s+the\s+company|has\s+left|no\s+longer"
    r"|unavailable|not\s+available|isn['’]t\s+available|can['’]t\s+make\s+it"
    r"|cannot\s+make\s+it|can['’]t\s+come|won['’]t\s+be\s+(?:in|able|available))(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:مرخصی|مریض|بیمار|نیستن|نیستند|تشریف\s+ندارن|نمیتونن|نمی‌تونن)(?![{_FA}])"
    r"|ลาป่วย|ลาพักร้อน|ลากิจ|ลา(?:งาน)?|ป่วย|ไม่เข้า|ไม่ว่าง|ไม่สะดวก|ติดธุระ|ไม่อยู่"
)
#: Capitalised words that are no stand-in: a day or month ("Thursday will have to do instead").
_EN_NOT_A_STAND_IN = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday today tomorrow january february
    march april may june july august september october november december
    """
)


def is_role_key(key: str) -> bool:
    """Whether ``key`` is one a role holder is kept under (``role_holders``), not the
    customer's or a relative's name."""
    if key in {f"{role}_name" for role in (*_FA_TITLES.values(), *_TH_TITLES.values())}:
        return True
    head = key.removesuffix("_name").rsplit("_", 1)[-1]
    return (
        key.endswith("_name")
        and key not in RELATION_KEYS
        and head not in EN_NOT_A_ROLE
        and re.fullmatch(r"(?:[a-z]+_)?[a-z]{2,}?(?:er|or|ist|ian|ant|ent)_name", key) is not None
    )


_TH_LETTER = re.compile(r"[\u0e01-\u0e4e]")


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Each match of ``pattern`` in ``text``, one from each place it can start: the old
    holder's name may open a match that would hide the new one's ("Alan is off, so Rosa
    will come instead")."""
    match = pattern.search(text)
    while match is not None:
        yield match
        match = pattern.search(text, match.start() + 1)


def _stands_in(text: str, old: str) -> str | None:
    """The person ``text`` says stands in for ``old`` (who held the role), when it names
    ``old`` too: "Alan is off sick, so Rosa will come instead"."""
    words = [w for w in re.split(r"\s+", old) if w not in _FA_TITLES and w not in _TH_TITLES]
    if (
        not words
        or not _AWAY.search(text)
        or not any(
            # a Thai name runs on into the next word («ช่างเอกลาป่วย»)
            re.search(rf"(?<![\w{_FA}]){re.escape(w)}(?![\w{_FA}])", text)
            or (_TH_LETTER.match(w) and w in text)
            for w in words
        )
    ):
        return None
    for pattern in _EN_STANDS_IN:
        for match in _overlapping(pattern, text):
            name = match.group("name")
            first = name.split()[0]
            if first.lower() not in EN_NOT_A_NAME | _EN_NOT_A_STAND_IN and first not in old.split():
                return name
    for match in _overlapping(_TH_STANDS_IN, text):
        if match.group("name") not in old and not _TH_ASKED.search(text):
            return match.group("person")
    for pattern in _FA_STANDS_IN:
        for match in _overlapping(pattern, text):
            if match.group("name") not in old:
                return match.group("person")
    return None


def holders_named(
    text: str,
    held: Callable[[str], str | None],
    from_user: bool,
    changes: bool,
    held_keys: Iterable[str] = (),
) -> list[RoleHolder]:
    """The holder of each role ``text`` names: the one named last. The business assigns its
    people, so nothing the customer names ("hope Ek gets well soon", «ขอให้ช่างเอกหายไวๆ»)
    holds a role. Where the business names who holds a role (``held_keys``) and someone it
    says stands in for them in other words ("Alan is off sick, so Rosa will come instead"),
    that one holds it: a holder kept after the conversation replaced them would be shown as
    current."""
    if from_user:
        # The business assigns its people: a doctor the customer has a prescription from or
        # asks for («نسخه از دکتر رضایی دارم», «میشه مهندس صالحی بیان؟»), the customer's own
        # accountant ("our accountant, Priya"), holds no role.
        return []
    last: dict[str, RoleHolder] = {}
    several: set[str] = set()
    held_keys = list(held_keys)
    for holder in role_holders(text):
        key = _held_as(holder.key, held_keys)
        if key in last and last[key].name not in holder.name:
            several.add(key)
        last[key] = dataclasses.replace(holder, key=key)
    if not changes and not _AWAY.search(text):
        # two people under one title, no change said: two roles («جراح شما دکتر رضایی …
        # بیهوشی دکتر کامرانی»), neither known to be the one
        for key in several:
            del last[key]
    for key in held_keys:
        old = held(key)
        if old is None or not is_role_key(key) or (key in last and last[key].name != old):
            continue  # (a new one named in the role's words holds it already)
        new = _stands_in(text, old)
        if new is not None:  # (where the message names the old one in the role again)
            at = text.find(new)
            last[key] = RoleHolder(at, at + len(new), new, key)
    return list(last.values())
