"""Instructions a customer gives: how to deliver, how (and when) to get in touch.

"please leave it with the doorman", "call me before 6pm, not after",
«لطفاً تحویل نگهبان بدید», «ฝากไว้ที่ป้อมยามได้เลยค่ะ». The value is the
instruction itself as the customer wrote it (one clause, polite particles
trimmed), so the LLM sees it in the customer's words. Two kinds, each one fact
that a later instruction of the same kind replaces: ``delivery_instruction``
and ``contact_preference``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from domain.memory.offline.done_as_asked import done_as_asked
from domain.memory.offline.reason_clauses import EN_REASON_WORDS, FA_REASON_WORDS
from domain.memory.offline.thai_instructions import (
    asked_in_thai,
    no_longer_in_thai,
    thai_instruction_start,
)
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

MAX_CHARS = 120


@dataclass(frozen=True)
class Instruction:
    key: str
    start: int
    end: int
    text: str
    #: It changes the earlier instruction of its kind instead of standing beside it: it says
    #: what is no longer wanted («ไม่ต้อง…แล้ว») or that the way of contact changed ("only
    #: email me", «به جای من …»).
    changes: bool = False


#: The words of a Persian clause before its instruction's verb, read from the clause's start
#: only and bounded: tried from every position of a long unpunctuated text, an unbounded
#: run made the search quadratic (20,000 characters: half a minute). An instruction
#: longer than ``MAX_CHARS`` is dropped anyway.
_CLAUSE_LEAD = rf"(?<![^.!?\n،])[^.!?\n،]{{0,{2 * MAX_CHARS}}}"

_DELIVERY = re.compile(
    # English: leave / drop / hand it …, ring / knock …, use the side door, don't leave it …
    r"(?:(?<![A-Za-z])(?:please\s+|just\s+|can\s+you\s+|could\s+you\s+)?"
    r"(?:leave|drop|hand|give|put|place)\s+(?:it|them|the\s+\w+|my\s+\w+)\s+"
    r"(?:with|at|in|by|outside|behind|next\s+to|on|under|inside|to)\b"
    # "don't ring me" is how to get in touch (``_CONTACT``), "don't ring" the doorbell
    r"|(?<![A-Za-z])(?:please\s+)?(?:don'?t|do\s+not|never)\s+"
    r"(?:leave|ring(?!\s+(?:me|us)\b)|knock|buzz|deliver|put)\b"
    r"|(?<![A-Za-z])(?:please\s+)?(?:ring|knock|buzz)\s+(?:the|twice|at|on|loudly|first)\b"
    r"|(?<![A-Za-z])(?:please\s+)?use\s+the\s+(?:side|back|front|rear|service)\s+(?:door|entrance|gate)"
    r"|(?<![A-Za-z])(?:only\s+)?deliver(?:y)?\s+(?:only\s+)?(?:after|before|between)\b"
    # where the key to get in is left: "we leave a spare key with Joe at the launderette",
    # "grab the key off the neighbour" ("the key is in the glovebox" is a place: kept_clauses);
    # fetching the key is the visitor's only when said to them, "you can grab …", "the
    # engineer can collect …", or bidden at the clause's start: "we get the keys from the
    # estate agent on Friday" is the customer's own errand
    r"|(?<![A-Za-z])(?:leave|keep|hide)\s+(?:a|the|our|my)\s+(?:spare\s+)?keys?\s+"
    r"(?:with|at|in|under|behind|by)\b"
    r"|(?:(?:^|(?<=[.!?,;:\n])|(?<=[.!?,;:\n]\s))(?:please\s+|just\s+|then\s+)?"
    r"|(?<![A-Za-z])(?:you|they|he|she|the\s+(?:engineer|technician|driver|courier|fitter"
    r"|installer|cleaner|plumber|electrician|team|crew|movers?))(?:\s+(?:can|could|should|will"
    r"|may|need\s+to)|'ll)\s+(?:just\s+)?)"
    r"(?:grab|collect|pick\s+up)\s+(?:the|a)\s+(?:spare\s+)?keys?\s+(?:from|off)\b)"
    r"[^.!?\n]*"
    # Persian: «تحویل نگهبان بدید», «دم در بذارید», «به همسایه بدید», «زنگ واحد ۳ رو بزنید»
    rf"|{_CLAUSE_LEAD}(?:(?<![{_FA}])(?:نگهبان|لابی|سرایدار|همسایه|دم\s*در|جلوی\s*در|پشت\s*در|نگهبانی)"
    rf"[^.!?\n]*(?:بدید|بدین|بسپارید|بذارید|بزارید|بگذارید|تحویل|بدهید)"
    rf"|(?<![{_FA}])(?:تحویل|بسته\s*رو|بسته\s*را)\s[^.!?\n]*(?:بدید|بدین|بسپارید|بذارید|بگذارید))[^.!?\n]*"
    # «زنگ در رو نزنید», «آیفون نزنن»: how to announce oneself at the door
    rf"|{_CLAUSE_LEAD}(?<![{_FA}])(?:زنگ\s*(?:در|واحد|خونه|خانه)|آیفون)\s*(?:(?:رو|را)\s*)?"
    rf"(?:نزنید|نزنن|نزنه|نزنند)(?![{_FA}])[^.!?\n]*"
    # «به پیک بگید زنگ طبقه سه خرابه»: what the courier or the installer is to be told
    rf"|{_CLAUSE_LEAD}(?<![{_FA}])به\s*(?:پیک|راننده|نصاب|مامور|مأمور|تکنسین|کارشناس)\s*(?:بگید|بگین|بگویید|بفرمایید)"
    rf"(?![{_FA}])[^.!?\n]*"
    # Thai: «ฝากไว้ที่…», «วางไว้…», «ใส่ตู้จดหมาย…», «ส่งหลัง…», «กดกริ่ง…», «ไม่ต้อง…»
    r"|(?:ฝาก(?:ไว้)?(?:ที่|กับ)|วางไว้|แขวนไว้|ส่ง(?:ได้)?(?:หลัง|ก่อน|เฉพาะ|แค่)|กดกริ่ง|เคาะประตู"
    r"|ไม่ต้อง(?:กดกริ่ง|วาง|ฝาก|ขึ้น)|อย่าเปิดประตู|ต้องใช้ลิฟต์|ต้องแลกบัตร|ต้องแจ้งนิติ"
    # "ให้ขึ้นมาส่งหน้าห้อง": asked for; «ไรเดอร์ขึ้นมาส่ง…» after a noun reports what happened
    r"|(?<![\u0e01-\u0e4e])ขึ้นมาส่ง|(?<=ให้)ขึ้นมาส่ง|(?<=ให้)ส่ง(?:ถึง|ที่)?หน้าห้อง"
    # «ใส่ตู้จดหมาย…» asked for, or refused («ไม่ต้องใส่…»); «พนักงานใส่ตู้จดหมายไว้…» reports it
    r"|(?:(?<![\u0e01-\u0e4e])|(?<=ให้)|(?<=ไม่ต้อง)|(?<=อย่า)|(?<=ช่วย)|(?<=ฝาก))"
    r"ใส่(?:ไว้)?(?:ใน)?ตู้(?:จดหมาย|ไปรษณีย์)"
    r"|รอ(?:ที่|หน้า)(?:ล็อบบี้|ป้อมยาม|ประตู)|ส่งใน(?:เวลา|ช่วง))"
    # the clause runs on past the dots of a time («9.00-17.00 น. ให้ติดต่อ…»)
    r"(?:[^.!?\n]|(?:(?<=\d น)|(?<=\dน))\.|(?<=\d)\.(?=\d))*",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    # English: "email me rather than phone", "call me before 6pm", "whatsapp is best"
    r"(?:(?<![A-Za-z])(?:please\s+|can\s+you\s+|could\s+you\s+|just\s+|best\s+to\s+|better\s+to\s+"
    r"|only\s+)?"
    r"(?:e-?mail|call|ring|phone|text|message|whatsapp|sms)\s+(?:me|us)\b(?!\s+(?:on|at)\s+[+\d])"
    r"|(?<![A-Za-z])(?:please\s+)?(?:don'?t|do\s+not)\s+(?:call|ring|phone|text|email|send|post"
    r"|mail|contact)\b"
    r"|(?<![A-Za-z])please\s+(?:text|e-?mail|call|message|whatsapp)\s+(?:the|all|any|every)\s+\w+"
    r"|(?<![A-Za-z])(?:e-?mail|text|whatsapp|sms|phone)\s+(?:is|works)\s+(?:best|better|easier)"
    r"|(?<![A-Za-z])(?:i(?:'d| would)\s+(?:prefer|rather)|prefer(?:ably)?)\s+(?:an?\s+)?"
    r"(?:e-?mail|call|text|phone|whatsapp|sms|message)"
    # leave given ("you can ring", "calls are fine") and whom to reach instead ("ring
    # Callum not me", "call my wife"): how to get in touch, as much as "text me" is
    # — not a report that calls work ("calls are fine, only the data drops"), nor "call it
    # off", nor a feature or product ("Call Waiting", "Ring Doorbell")
    r"|(?<![A-Za-z])you\s+can\s+(?:call|ring|phone|text|e-?mail|message|whatsapp)\b"
    r"(?!\s+(?:it|that|this|them)\b)"
    r"|(?<![A-Za-z])(?:ringing|calling|phoning|texting)(?:\s+(?:me|us))?\s+(?:is|are)\s+"
    r"(?:fine|ok|okay|good|best)\b(?![^.!?\n]*\b(?:but|only|though)\b)"
    r"|(?:^|(?<=[,.!;]\s)|(?<=please\s)|(?<=just\s))(?:call|ring|phone|text|message|whatsapp)\s+"
    r"(?:my\s+(?:wife|husband|partner|son|daughter|mum|mom|dad|brother|sister|colleague|boss)\b"
    r"(?!\s+(?:on|at)\s+[+\d])"
    r"|(?-i:[A-Z][a-z]+)\s+(?:instead|not\s+me|rather\s+than\s+me)\b))"
    r"[^.!?\n]*"
    # Persian: «قبل از اومدن زنگ بزنید», «فقط بعد از ساعت ۵ تماس بگیرید», «پیامک بدید بهتره»
    # «پیامک هم بزنید», «پیامک بدهید» (written), «پیامک بدن» (spoken: "they should text")
    rf"|{_CLAUSE_LEAD}(?<![{_FA}])(?:زنگ\s*(?:هم\s*)?(?:بزنید|بزنین|بزنه|بزنن|بزنند|نزنید|نزنن|نزنه)"
    rf"|تماس\s*(?:هم\s*)?(?:بگیرید|بگیرن|بگیره|بگیرند|نگیرید|نگیرن)"
    rf"|(?:پیامک|پیام|اس[\u200c\s]?ام[\u200c\s]?اس)\s*(?:هم\s*)?(?:بدید|بزنید|بدین|بدهید|بدن|بزنن|بفرستید)(?![{_FA}])"
    rf"|ایمیل\s*(?:هم\s*)?(?:بزنید|بدید|کنید|بفرستید)|واتساپ|تلگرام|ایتا"
    # «پیاما رو به خود من بدید»: the messages named first, then to whom they go
    rf"|(?:پیامک|پیام)(?:ها|ا)?\s*(?:رو|را)\s[^.!?\n،]{{0,30}}?(?:بدید|بدین|بدهید|بفرستید)(?![{_FA}]))"
    rf"[^.!?\n]*"
    # Thai: «โทรหาก่อน…», «ติดต่อทางไลน์…», «ไม่ต้องโทร», «ทักไลน์…»
    r"|(?:(?:ให้)?โทร(?:หา)?\S{0,8}?ก่อน|ติดต่อ(?:ทาง|ผ่าน)|ทัก(?:ไลน์|แชท)|ส่งข้อความ|ไม่ต้องโทร|อย่าโทร"
    r"|โทรได้(?:หลัง|ก่อน|ช่วง|(?:เลย|ทุกเวลา)(?![^\n]*แต่))|สะดวก(?:ทาง|ให้)?(?:ไลน์|อีเมล|โทร)|ส่งทาง(?:เมล|อีเมล|ไลน์))"
    r"[^.!?\n]*",
    re.IGNORECASE,
)
_TRIM = re.compile(
    r"^(?:\s|,|and\s|also\s|oh\s|ok\s|okay\s|please\s|just\s|و\s|ครับ|ค่ะ)+"
    # Thai particles stay: "ทักไลน์สะดวกกว่าครับ" is the customer's own polite words.
    r"|(?:\s|,|،|\.|!|\bthanks?\b|\bthank\s+you\b|\bplease\b|ممنون(?:م)?|مرسی|لطفاً|لطفا)+$",
    re.IGNORECASE,
)


#: Where one instruction ends and the reasons for it begin.
_CLAUSE_END = re.compile(
    rf",?\s(?:{EN_REASON_WORDS}|as|so\s+that)\s"
    rf"|[،,]?\s*(?<![{_FA}])(?:{FA_REASON_WORDS})(?![{_FA}])"
    r"|\sเพราะ|\sเดี๋ยว",
    re.IGNORECASE,
)
#: A contact instruction about the courier's arrival is a delivery instruction.
_ABOUT_ARRIVAL = re.compile(
    r"outside|arriv|downstairs|at\s+the\s+(?:door|gate)|before\s+(?:they|you)\s+come|on\s+the\s+way"
    r"|when\s+(?:they|you|the\s+\w+)(?:'re|\s+are|\s+get)\s+(?:here|outside|close|there)"
    rf"|(?<![{_FA}])(?:اومدن|آمدن|رسیدید|رسیدن|دم\s*در|قبل\s+از\s+ارسال|پیک)"
    r"|ก่อนเข้ามา|ก่อนมาส่ง|มาถึง|ถึงหน้า|ก่อนส่ง|ก่อนเข้า",
    re.IGNORECASE,
)


#: Words by which a contact instruction takes the place of the earlier one instead of
#: standing beside it: who or how to reach is one choice, and "only email me" / "instead" /
#: "from now on" / "no, …" says the choice changed («به جای من به شوهرم زنگ بزنید», «فقط
#: پیامک»). "Only" and «فقط» count only joined to the way of reaching: in "I can only come
#: down then", «ایمیل هم بزنید فقط فاکتور رو» they say "just", of something else.
#: ("instead", "from now on" in English are changes of any fact already: ``is_update``.)
_CONTACT_MEANS_EN = r"(?:call|text|email|e-mail|phone|ring|message|sms|whatsapp|contact)"
_CONTACT_MEANS_FA = r"(?:پیامک|پیام|ایمیل|زنگ|تماس|واتساپ|تلگرام)"
_REPLACES_EARLIER = re.compile(
    rf"(?<![A-Za-z])only\s+(?:(?:by|via|on|through)\s+)?{_CONTACT_MEANS_EN}\b"
    rf"|(?<![A-Za-z]){_CONTACT_MEANS_EN}(?:\s+(?:me|us))?\s+only\b"
    rf"|(?<![{_FA}])فقط\s+(?:(?:با|از\s+طریق)\s+)?{_CONTACT_MEANS_FA}(?![{_FA}])"
    rf"|(?<![{_FA}])(?:به\s*جای|بجای|از\s+این\s+به\s+بعد)(?![{_FA}])"
    # «نه دیگه پیامکا رو بفرستید به خط خودم», "no, call me": refusing what stands now (not
    # «نه صبح به بعد …», nine in the morning)
    r"|^(?:no|نه)(?:\s*[,،!.]|\s+دیگه)",
    re.IGNORECASE,
)


def _replaces_earlier(key: str, value: str) -> bool:
    """Whether a contact instruction says it replaces the one given before (not a second)."""
    return key == "contact_preference" and bool(_REPLACES_EARLIER.search(value))


#: The keys instructions are noted under.
INSTRUCTION_KEYS = frozenset({"delivery_instruction", "contact_preference"})
#: Share of the shorter instruction's words the other must have to be the same one, changed.
SAME_INSTRUCTION_SHARE = 0.6
_INSTRUCTION_WORD = re.compile(r"\w+")


def same_instruction(new: str, current: str) -> bool:
    """Whether ``new`` is ``current`` said again with a change, not another instruction:
    «فقط زنگ واحد رو نزنن» after «زنگ واحد رو نزنن پیامک بدن», "leave it with the
    neighbour" after "leave it with the doorman" (most words shared, two at least)."""
    a = set(_INSTRUCTION_WORD.findall(new.casefold()))
    b = set(_INSTRUCTION_WORD.findall(current.casefold()))
    shared = len(a & b)
    return shared >= 2 and shared >= SAME_INSTRUCTION_SHARE * min(len(a), len(b))


def _first_clause(text: str) -> str:
    cut = _CLAUSE_END.search(text, 1)
    return text[: cut.start()] if cut else text


def _in_question(text: str, end: int) -> bool:
    stop = re.search(r"[.!?؟\n]", text[end:])
    return stop is not None and stop.group() in "?؟"


def _clean(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _TRIM.sub("", text)
    return text


_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")


def _thai_match(text: str, match: re.Match[str]) -> tuple[int, str] | None:
    """A Thai instruction from where it really starts (``thai_instructions``), or None
    when it is only asked."""
    sentence_start = max(text.rfind(mark, 0, match.start()) for mark in ".!?\n") + 1
    start = thai_instruction_start(text, match.start(), sentence_start)
    raw = text[start : match.end()]
    return None if asked_in_thai(_first_clause(raw)) else (start, raw)


def instructions(text: str) -> Iterator[Instruction]:
    """Delivery and contact instructions in a customer's message, left to right."""
    taken: list[tuple[int, int]] = []
    for key, pattern in (("delivery_instruction", _DELIVERY), ("contact_preference", _CONTACT)):
        for match in pattern.finditer(text):
            if _in_question(text, match.end() - 1):
                continue  # a request the other side may still refuse
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue  # one instruction read by both patterns is one instruction
            taken.append(match.span())
            begin, raw = match.start(), match.group()
            if _THAI_LETTER.match(raw):
                thai = _thai_match(text, match)
                if thai is None:
                    continue
                begin, raw = thai
            raw = _first_clause(raw)
            value = _clean(raw)
            if not value or len(value) > MAX_CHARS or done_as_asked(value):
                continue
            if key == "contact_preference" and _ABOUT_ARRIVAL.search(value):
                key_found = "delivery_instruction"
            else:
                key_found = key
            start = begin + raw.find(value)
            changes = no_longer_in_thai(value) or _replaces_earlier(key_found, value)
            yield Instruction(key_found, start, start + len(value), value, changes)


#: What the customer must do before an appointment, as the assistant tells it: fasting before a
#: blood test («ต้องงดน้ำและอาหารหลังเที่ยงคืน»), "nothing to eat or drink after midnight".
_PREPARATION = re.compile(
    r"(?:(?<![A-Za-z])(?:no\s+food\s+or\s+drink|nothing\s+to\s+eat(?:\s+or\s+drink)?"
    r"|(?:do\s+not|don'?t)\s+eat(?:\s+or\s+drink)?|fast(?:ing)?)\s+(?:after|from|before|for)\b"
    r"|งด(?:น้ำ|อาหาร|ดื่ม|ทาน|กิน))"
    r"[^.!?\n]*",
    re.IGNORECASE,
)


def preparations(text: str) -> Iterator[Instruction]:
    """What to do before an appointment as the assistant tells it, one clause each (the
    customer asking or repeating it back says nothing new)."""
    for match in _PREPARATION.finditer(text):
        raw = _first_clause(match.group())
        if _in_question(text, match.end() - 1) or asked_in_thai(raw):
            continue
        value = _clean(_THAI_CLAUSE_TAIL.sub("", raw))
        if value and len(value) <= MAX_CHARS:
            start = match.start() + raw.find(value)
            yield Instruction("preparation_instruction", start, start + len(value), value)


#: A Thai clause ends at its polite particle: «งดน้ำและอาหารหลังเที่ยงคืนค่ะ ดื่มน้ำเปล่าได้…».
_THAI_CLAUSE_TAIL = re.compile(r"(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ)(?:\s.*)?$")
