"""A name a Thai message puts in quotes: a company's, a shop's, a page's, the first choice and
the backup («ชื่อแรกอยากได้ "ฟ้าใส ดีไซน์ สตูดิโอ"», «ชื่อสำรองเป็น "สกายเคลียร์ ดีไซน์"», «ชื่อร้าน
“บ้านขนมแม่มาลี”»).

Thai writes no space where a name ends; the quotes say where it starts and ends, and the
words between «ชื่อ» and the quote say which name it is. A name compared («ชอบชื่อแรกมากกว่า
"ครีเอทีฟ"», liked more than), an old one («ชื่อเดิม "…"») or one refused is no name taken, and a
name the words do not place («ชื่อ "ขนมปัง" ค่ะ», the cat's) is left to the other rules. A
customer's quoted name after «เปลี่ยนเป็น» or «(กลับไป)ใช้» with no «ชื่อ…» before it («ขอกลับไปใช้
"ฟ้าใส ดีไซน์ สตูดิโอ" เหมือนเดิมค่ะ») changes a held name of this kind that is no backup: the
first held in the order of ``CHANGEABLE`` (shop, company, page, brand, first choice); not one
refused («ไม่ใช้ "…"»), asked about («ขอใช้ "…" ได้ไหมคะ») or a code («ใช้ "SAVE10"»).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from domain.memory.offline.fact_match import ClaimedSpans, FactMatch

_QUOTED = r'["“«](?P<value>[^"“”«»\n]{2,40}?)["”»]'
#: «ชื่อ», the words that say which name, a verb of wanting or being, the quoted name.
_NAMED = re.compile(
    rf"ชื่อ(?P<which>[\u0e01-\u0e4e]{{1,20}}?)\s?(?:อยากได้|จะใช้|ใช้|เป็น|ว่า|คือ)?\s?{_QUOTED}"
)
#: Which name the words after «ชื่อ» say, first match wins: the backup before the rest.
_WHICH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"สำรอง"), "backup_name"),
    (re.compile(r"ร้าน"), "shop_name"),
    (re.compile(r"บริษัท|กิจการ|ห้าง"), "company_name"),
    (re.compile(r"เพจ"), "page_name"),
    (re.compile(r"แบรนด์"), "brand_name"),
    (re.compile(r"แรก|หลัก"), "first_choice_name"),
)
#: Words that make the quoted name no name taken: compared, old, refused, not wanted.
_NOT_TAKEN = re.compile(r"กว่า|เดิม|เก่า|ไม่|ห้าม|ซ้ำ")
#: A quoted name the customer changes to, or goes back to, with no «ชื่อ…» before it.
_CHANGED = re.compile(rf"(?:เปลี่ยนเป็น|(?:กลับไป|กลับมา)?ใช้)\s?{_QUOTED}")
#: Refused before the change: «ไม่ใช้», «ไม่อยากเปลี่ยนเป็น», «อย่ากลับไปใช้», «ห้ามใช้».
_REFUSED_BEFORE = re.compile(
    r"(?:ไม่|ห้าม|อย่า|เลิก)(?:ได้|อยาก|ต้อง|ควร|ค่อยอยาก|คิดจะ)?\s?(?:จะ|ขอ)?\s?$"
)
#: Refused or asked after the quoted name: «… ไม่ได้», «… ดีไหมคะ», «… ได้มั้ย», «… หรือเปล่า».
_REFUSED_OR_ASKED_AFTER = re.compile(
    r"^[^\n]{0,20}?(?:ไม่ได้|ไม่ผ่าน|ไม่เอา|ไหม|มั้ย|หรือเปล่า|หรือไม่|ป่ะ|\?)"
)
#: A code, no name: Latin capitals and a digit, no space («SAVE10», «TH-2024»).
_CODE = re.compile(r"(?=[A-Z\d-]*\d)[A-Z\d-]{3,}")
#: The keys a change with no «ชื่อ…» may put right: the first of them held.
CHANGEABLE = tuple(key for _, key in _WHICH if key != "backup_name")


def quoted_names(
    text: str, claimed: ClaimedSpans, held: Callable[[str], str | None], from_user: bool
) -> list[FactMatch]:
    """The quoted names of ``text``; each claims its words from «ชื่อ» on, so the words
    between are not read as a person's name («ชื่อสำรองเป็น» is no one); so does an old or
    refused one («ชื่อเดิม», «ชื่อร้านเก่า»), taken or not."""
    found: list[FactMatch] = []
    for match in _NAMED.finditer(text):
        which = text[match.start() : match.start("value")]  # «ชอบชื่อแรกมากกว่า "…"»: all of it
        key = next((key for pattern, key in _WHICH if pattern.search(which)), None)
        if not claimed.is_free(*match.span()):
            continue
        if _NOT_TAKEN.search(which):  # «ชื่อเดิม "…"»: no name taken, and «เดิม» is no one
            claimed.claim(*match.span())
            continue
        if key is None:
            continue
        claimed.claim(*match.span())
        found.append(FactMatch(key, match["value"].strip(), *match.span("value")))
    if not from_user:
        return found
    for match in _CHANGED.finditer(text):
        key = next((key for key in CHANGEABLE if held(key) is not None), None)
        if (
            key is None
            or not claimed.is_free(*match.span())
            or _REFUSED_BEFORE.search(text, max(0, match.start() - 12), match.start())
            or _REFUSED_OR_ASKED_AFTER.match(text[match.end() :])
            or _CODE.fullmatch(match["value"].strip())
        ):
            continue
        claimed.claim(*match.span())
        found.append(FactMatch(key, match["value"].strip(), *match.span("value")))
    return found
