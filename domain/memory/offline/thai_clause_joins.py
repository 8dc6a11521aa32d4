"""Which Thai clause must stay with the next one: spaces also fall inside a value.

Thai writers put a space before a value and inside a name, so a clause split at
every space can leave a label without its value («เปลี่ยนนัดเป็น | อาทิตย์ 15 ธ.ค.»)
or a given name without its surname («คุณพิมพ์ชนก | ศรีวงศ์»). The half without the
value then says nothing and drops out of a summary. These are grammar words, not
topics: a clause ending in a word that expects its object, or in a titled given
name, continues into the next clause; a clause that opens with the word for a model and its
name or code, or for a brand («รุ่น Oslo», «ยี่ห้อ Dunlop»; not «รุ่นไหน», «รุ่นพี่») goes on
describing the thing the clause before named («โซฟา 3 ที่นั่ง | รุ่น Oslo»). A company's legal
name, the form before and «จำกัด» after («บริษัท ลูมิน่า สตูดิโอ จำกัด», «บริษัท ... จำกัด
(มหาชน)»), is one name however many spaces it holds (``unbroken_names``); «ไม่จำกัด», «มีจำกัด»
(unlimited, limited) close none.
"""

import re

from domain.memory.offline.lexicon import word_set
from domain.memory.offline.thai_value_runs import names_go_on

#: Words that introduce the value after them: copulas, quote and naming verbs,
#: labels of numbers, dates, times, prices and places.
_EXPECTS_OBJECT = word_set(
    """
    เป็น คือ ที่ ชื่อ นามสกุล ว่า เลข เลขที่ หมายเลข เบอร์ วันที่ วัน เวลา ตอน ราคา ยอด
    จำนวน ประมาณ รวม ใน ในนาม จาก ถึง ไป ไปที่ ย้ายไป เปลี่ยนเป็น แก้เป็น สาขา
    ได้แก่ เช่น ของ กับ โดย ผ่าน ทาง
    """
)
#: Words that expect their verb after them: «จะ» (will), which a space may cut from its
#: verb («ตอนรับรถผมจะ จ่ายเงินสด», I'll pay cash when I collect it). A clause ending in
#: one runs on; one opening with one is a clause of its own, no value («ส่งไป
#: จะถึงพรุ่งนี้», sent, it arrives tomorrow).
_EXPECTS_VERB = word_set("จะ")
#: Thai has no spaces between words, so a label word can end a longer word that is no
#: label: «ทุกวัน» (every day), «ส่งไป» (sent off), «ตลอดเวลา» (all the time), «มากกว่า»
#: (more than). The words known to end so, by the label they end in.
_LONGER_WORD_BEFORE = {
    "วัน": ("ทุก", "ราย", "กลาง", "หลาย", "บาง", "ทั้ง", "ต่อ"),
    "ไป": ("ส่ง", "ผ่าน", "เกิน", "ต่อ", "แล้ว", "หาย", "ออก", "กลับ", "ลง", "ขึ้น", "เข้า"),
    "ที่": ("ทุก", "บาง"),
    "เวลา": ("ตลอด", "ทัน", "เสีย"),
    "ว่า": ("ก",),
    "เป็น": ("จำ",),
    "ยอด": ("สุด",),
    "ตอน": ("ขั้น",),
    "ของ": ("สิ่ง",),
    "ทาง": ("เส้น",),
}
#: «ไป» (to) after a verb of moving or sending («ส่งไป», «ขึ้นไป», «ผ่านไป») still says where
#: to when the next clause opens with a place or a value: a digit, a building, floor or room
#: («คอนโด…», «ชั้น 5», «ห้อง 1208»), or a label of its own («เบอร์ 08…»).
_DIRECTION = "ไป"
_PLACE_OPENERS = ("อาคาร", "ตึก", "คอนโด", "หมู่บ้าน", "บ้าน", "ชั้น", "ห้อง", "ซอย", "ถนน")
_DIGIT = re.compile(r"[\d\u0e50-\u0e59]")


#: A title and the given name after it, ending the clause («…ชื่อคุณพิมพ์ชนก»); not
#: the «คุณ» of «ขอบคุณ», «ขอบพระคุณ», «บุญคุณ», nor a name that already closed with a
#: polite particle.
_TITLED_NAME_AT_END = re.compile(
    r"(?<!ขอบ)(?<!พระ)(?<!บุญ)(?:นางสาว|นาง|นาย|คุณ|ด\.ช\.|ด\.ญ\.|ดร\.)[\u0e00-\u0e7f]{3,15}$"
)
#: Words that open a description of the thing just named: its model by its name or code
#: («รุ่น Oslo», «รุ่น X800»; not «รุ่นไหน…», which model?, nor «รุ่นพี่», a senior), its brand
#: (not «ยี่ห้อไหน», which brand?).
_DESCRIBES_THE_THING_BEFORE = re.compile(r"รุ่น\s?[A-Za-z0-9\u0e50-\u0e59]|ยี่ห้อ(?!\s?(?:ไหน|อะไร))")
#: A Thai company's legal name: its legal form, at most four spaced words (no number among
#: them: an amount is said in a sentence), «จำกัด» and «(มหาชน)» perhaps (a public company);
#: not «ไม่จำกัด», «มีจำกัด» (unlimited, limited), said of anything.
_LEGAL_NAME = re.compile(
    r"(?:บริษัท|บจ\.|บมจ\.)\s?(?:(?![\d\u0e50-\u0e59])\S+\s){0,4}?\S*?(?<!ไม่)(?<!มี)จำกัด"
    r"(?:\s?\(มหาชน\))?"
)
_POLITE_END = re.compile(r"(?:ครับ|คับ|ค่ะ|คะ|นะ|จ้ะ|จ้า)$")


def _opens_with_value(following: str) -> bool:
    return (
        _DIGIT.match(following) is not None
        or following.startswith(_PLACE_OPENERS)
        or any(following.startswith(word) for word in _EXPECTS_OBJECT)
    )


def _ends_with_label(clause: str, following: str) -> bool:
    return any(
        clause.endswith(word)
        and (
            not clause[: -len(word)].endswith(_LONGER_WORD_BEFORE.get(word, ()))
            or (word == _DIRECTION and _opens_with_value(following))
        )
        for word in _EXPECTS_OBJECT | _EXPECTS_VERB
    )


def _ends_with_titled_name(clause: str) -> bool:
    return _TITLED_NAME_AT_END.search(clause) is not None and not _POLITE_END.search(clause)


def continues_into_next(clause: str, following: str) -> bool:
    """Whether ``clause`` stops where its value or surname (``following``) begins,
    ``following`` goes on describing what ``clause`` named (module doc), or a name runs
    on across the space (``thai_value_runs``)."""
    return (
        _ends_with_label(clause, following)
        or _ends_with_titled_name(clause)
        or _DESCRIBES_THE_THING_BEFORE.match(following) is not None
        or names_go_on(clause, following)
    )


def unbroken_names(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a company's legal name, spaces and all (module doc)."""
    return [match.span() for match in _LEGAL_NAME.finditer(text)]
