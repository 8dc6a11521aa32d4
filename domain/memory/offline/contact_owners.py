"""Whose phone or email a value is, when the message names another party: the party owns
it only when named as the one the contact belongs to or the one to contact, in the words
before the value ("my wife's number is …", "call my brother Sam on …", «شماره خانمم …»,
«به خانمم زنگ بزنید», «เบอร์นิติบุคคล …», «โทรหาแฟนผม»). A party named for another reason
("I'm ordering for my mum. Phone …", «จองให้พ่อแม่ค่ะ อีเมล …», "a joint account with my
wife, the phone on file …") leaves the contact the customer's own; so does the customer's
own word before the value ("my new number", «شماره خودم», «เบอร์ผม»)."""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: A contact word the party owns, right after it: "my wife's number", "the landlord's
#: mobile", "her brother's email".
_OWNED_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:(?:new|own|work|mobile|cell|personal|direct)\s+)?"
    r"(?:number|phone|mobile|cell|e-?mail|contact|landline|whatsapp)(?![A-Za-z])",
    re.IGNORECASE,
)
#: "…, my sister's is kate@…", "use my sister-in-law's, +44 …": the contact word said
#: once, for both.
_ELIDED_AFTER = re.compile(r"(?:'s|’s)\s*(?:(?:is|was)(?![A-Za-z])|[:,])", re.IGNORECASE)
#: A contact word or a verb of contacting right before the party: "the number of my
#: wife", "call my brother", «شماره خانمم», «ایمیل دوستم», «به … زنگ», «เบอร์นิติ»,
#: «อีเมลของเพื่อน», «เบอร์ใช้ของพี่สะใภ้», «โทรหาแฟนผม», «โทรมือถือ…».
_OWNED_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:number|phone|mobile|e-?mail|contact)\s+(?:of|for)"
    r"|(?<![A-Za-z])(?:call|ring|text|phone|contact|reach|message|whatsapp|e-?mail|try)"
    r"(?:\s+(?:up|back))?)\s+(?:the\s+|our\s+)?$"
    rf"|(?<![{_FA}])(?:شماره|ایمیل|موبایل|تلفن|تماس)(?:\s*(?:ی|تماس|موبایل|همراه|تلفن))*"
    r"[\s\u200c]*(?:ی\s*)?$"
    rf"|(?<![{_FA}])(?:با|به)\s*$"
    r"|(?:เบอร์|มือถือ|อีเมล(?:์)?|เมล|โทรศัพท์|โทร|ติดต่อ)(?:โทร(?:ศัพท์)?)?(?:ติดต่อ)?"
    r"(?:หา|ไปหา|ไปที่|ใช้)?(?:ของ)?\s*(?:คุณ)?\s*$",
    re.IGNORECASE,
)
#: With «به»/«با» before the party, a Persian verb of calling or sending after it makes
#: it the one to contact («به خانمم زنگ بزنید», «با نگهبانی تماس بگیرید»).
_FA_CONTACT_VERB = re.compile(r"[\s\u200c]*(?:زنگ|تماس|پیامک|پیام|اس\s*ام\s*اس|ایمیل|بفرست|ارسال)")
#: How far before a party a contact word or verb may stand: "call my", «เบอร์ของ».
_OWNED_REACH = 24
#: The customer's own, said by them or to them, before the value: "my", "your",
#: «خودم», «شمارم», «ผม», «ของฉัน».
_OWN_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:my|mine|your|yours)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:خودم|خودمه|شمارم|شماره[\u200c]?ام|ایمیلم|خودتون|شمارتون"
    rf"|شماره[\u200c]?تون|ایمیلتون)(?![{_FA}])"
    r"|ผม|ดิฉัน|ตัวเอง|ของฉัน|ของหนู|ของเรา",
    re.IGNORECASE,
)
#: How far before a value an owner's word counts as saying whose it is.
_OWN_REACH = 30


#: A Thai party introduced with its name, its details to follow («คนขับชื่อคุณสมบัติ
#: เบอร์ …», «แฟนชื่อแพรว เบอร์ …»): the topic of the clause the contact is said in.
_NAMED_THEN = re.compile(r"\s*(?:ผม|ดิฉัน|ฉัน|หนู)?\s*(?:ชื่อ|คือ)")


def named_as_owner(text: str, start: int, end: int) -> bool:
    """Whether the party named at ``text[start:end]`` is said to own a contact or to be
    the one contacted, not named for another reason."""
    if _OWNED_AFTER.match(text, end) or _NAMED_THEN.match(text, end):
        return True
    if _ELIDED_AFTER.match(text, max(start, end - 2)):
        return True
    before = text[max(0, start - _OWNED_REACH) : start]
    lead = _OWNED_BEFORE.search(before)
    if lead is None:
        return False
    if lead.group().strip() in ("به", "با"):
        return _FA_CONTACT_VERB.match(text, end) is not None
    return True


def said_as_own(text: str, begin: int, value_start: int, others: list[tuple[int, int]]) -> bool:
    """Whether the customer calls the value theirs between ``begin`` (its sentence's
    start) and the value ("my new number is …", «شماره جدیدم», «เบอร์ผม»); the "my" of
    another party's name ("my wife's number", spans in ``others``) is not theirs."""
    start = max(begin, value_start - _OWN_REACH)
    return any(
        not any(a <= m.start() < b for a, b in others)
        for m in _OWN_BEFORE.finditer(text, start, value_start)
    )
