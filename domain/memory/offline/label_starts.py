"""Where the label of a noted value starts inside the words that lead to it: only the
label said right before it («เลขที่แจ้งซ่อม MT-24-1302», "account 032-118 448-901"),
never the reply, the acknowledgement or the story said before the label («รับเรื่องครับ»,
«มารับเครื่องไปแล้วนะครับ», "Transfer it to Westpac,"). A label that only says "number"
or "is" («เลขที่», "it's", «شماره‌ش») names nothing alone and keeps the phrase before it
(«ธ.กสิกรไทย เลขที่ 042-8-91375-6»: the bank; "given me the PO, it's PO-558213"). Its
own module: it reads only the words before the value, never the facts held."""

import re

from domain.memory.offline.lexicon import THAI_PARTICLES, word_set
from domain.memory.offline.thai_cues import is_thai

#: A Thai phrase that only says "number" or "is": the thing numbered is said before it.
_THAI_BARE_LABEL = re.compile(r"(?:หมายเลข|เลขที่|เลข|รหัส|เบอร์|ที่|คือ|เป็น)+:?")
#: The end of a reply inside the value's Thai phrase, spaces left out («ได้เลยครับเบอร์ผม»).
_THAI_REPLY_END = re.compile(r"^.*(?:ครับ|ค่ะ|คะ|ค่า|จ้ะ|จ้า)(?=\S)")
#: A Thai phrase closing with a polite particle: a reply or a statement of its own.
_CLOSES_POLITELY = re.compile(rf"{THAI_PARTICLES}[\s,.!]*$")
#: Where a clause ends in English or Persian: the label is in the last one.
_CLAUSE_BREAK = re.compile(r"[,،;؛]\s*")
#: English and Persian words that say "number" or "is" and name nothing.
_BARE_WORDS = word_set(
    """
    it it's its is was that's this here the a my your our number no no. ref num code
    شماره شماره‌ش شمارش شماره‌اش کد هست است اینه این اینم
    """
)
_WORD = re.compile(r"[^\W\d_][\w'\u200c.]*")


def thai_label_start(text: str, start: int, value_start: int) -> int:
    """Where the Thai label of the value at ``value_start`` starts within
    ``start``…``value_start``: Thai writes a phrase without spaces and puts a space
    between phrases, so the label is the phrase joined to the value."""
    phrases = list(re.finditer(r"\S+", text[start:value_start]))
    if not phrases:
        return start
    last = phrases[-1]
    begin = start + last.start()
    reply = _THAI_REPLY_END.match(last.group())
    if reply:
        return begin + reply.end()
    if len(phrases) > 1 and _THAI_BARE_LABEL.fullmatch(last.group()):
        before = phrases[-2]
        if _CLOSES_POLITELY.search(before.group()):
            return begin
        phrases, last = phrases[:-1], before
    # «สำหรับ Galaxy A55 เลขที่ …»: a name in Latin letters or digits spans several phrases
    if len(phrases) > 1 and not is_thai(phrases[-2].group()):
        return start
    return start + last.start()


def clause_label_start(text: str, start: int, value_start: int) -> int:
    """Where the clause that labels the value at ``value_start`` starts within
    ``start``…``value_start``: after the clause break before the last clause that names
    something more than "number" or "is" ("they wrote me a slip, number KS-20417"), when
    the clauses dropped name nothing of their own ("That's for the Kia Niro EV 4,
    registration KM22 XTP": the car the plate is of stays)."""
    stop = value_start
    for clause_break in reversed(list(_CLAUSE_BREAK.finditer(text, start, value_start))):
        words = [w.casefold() for w in _WORD.findall(text[clause_break.end() : stop])]
        if any(word not in _BARE_WORDS for word in words):
            dropped = text[start : clause_break.start()]
            return start if _names_something(dropped) else clause_break.end()
        stop = clause_break.start()
    return start


def _names_something(clause: str) -> bool:
    """Whether a clause names a thing of its own: a number, or a capitalised word that
    does not merely open it ("for the Kia Niro", "Tom Ellery"; not "I left the keys")."""
    if any(ch.isdigit() for ch in clause):
        return True
    words = clause.split()[1:]
    return any(word[:1].isupper() and word != "I" and not word.startswith("I'") for word in words)
