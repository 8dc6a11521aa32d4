"""Whether a rent said before a sum is the rent of the option the customer switched to (its
price: «ค่าเช่าเป็น 450 บาท/วัน», "the van rental is £60 per day", «پژو اجاره‌اش هر روز …»)
or a charge of its own: the rent of another thing (a helmet, a child seat, a roof rack), or
another charge of the rent (its deposit, its insurance, a fine for returning it late).

The rent word alone does not say which. The words around it do: the rent of the option is
a rent whose head is the rent word itself, named by nothing but the option switched to (the
words of the customer's switch), the thing booked («รถ», "car", «ماشین»), a rate's words
("daily", «هر روز», «วันละ») and the copula. Any other word between the rent word and the
sum («ค่าเช่าหมวกกันน็อค», «ค่าเช่าเพิ่ม», "rental insurance is"), or before it in its noun
phrase («ค่ามัดจำค่าเช่า», «بیمه اجاره», «جریمه دیرکرد اجاره», "roof rack rental",
"insurance on the rental"), names another charge.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import (
    ENGLISH_REPLIES,
    PERSIAN_REPLIES,
    REPLY_NOUNS,
    THAI_PARTICLES,
    word_set,
)
from domain.memory.offline.values import FA_LETTERS, TH_CLASSIFIER

_FA = FA_LETTERS

#: The words of a rent: «ค่าเช่า», «ค่าห้อง», "rent(al)", "daily rate", «اجاره», «کرایه»
#: (with whose it is: «اجاره‌اش», «کرایه‌ش»).
_RENT = re.compile(
    r"ค่าเช่า|ค่าห้อง|\b(?:rent(?:al)?|(?:daily|nightly|room)\s+rate)\b"
    rf"|(?<![{_FA}])(?:اجاره|کرایه)(?:\u200c?(?:ی|اش|ش|شون|شان))?(?![{_FA}])",
    re.IGNORECASE,
)
#: How many characters before a sum its rent word is read in (the charge's words of
#: ``charges``: «ค่าเช่ารถ ADV 160 ต่อวัน», "the rental rate for the van is").
_REACH = 40
#: Where the words naming a sum start at the latest: a clause's end, or the sum before.
_CLAUSE_END = re.compile(r".*[.!?؟,،;:\n\d]", re.DOTALL)

#: Words around a rent that name no other thing: the copula, a rate's words, the thing
#: booked, the price's own name ("the rental price", «قیمت اجاره»).
_ENGLISH_PLAIN = word_set(
    """
    is are was will be would now just only then comes come to at of for it its it's this
    that new base standard usual rate rates price cost per day days night nights week weeks
    month months hour daily nightly weekly monthly car vehicle room
    """
)
_PERSIAN_PLAIN = word_set(
    """
    هر روز شب ماه هفته ساعت روزی شبی ماهی روزانه شبانه ماهانه میشه می‌شه میشود می‌شود هست
    است هستش شده شد برای این اون الان حالا هم قیمت مبلغ هزینه نرخ ماشین خودرو اتاق
    """
)
#: A reply's opening words ("sure", «بله») too; not "fine" («چشم»), a charge of its own.
_PLAIN = _ENGLISH_PLAIN | _PERSIAN_PLAIN | (ENGLISH_REPLIES | PERSIAN_REPLIES) - REPLY_NOUNS
#: Words that open a noun phrase: "the rental" is headed by the rent unless a preposition
#: before them makes it another head's ("insurance on the rental", "the price of the rental").
_DETERMINERS = word_set("the a an your my our this that its")
_PREPOSITIONS = word_set("on of for with from to about")
#: Words that join two clauses: the rent's noun phrase starts after them.
_JOINS = word_set("and so but now then و ولی پس")
#: Thai words around a rent that name no other thing: the copula, a rate («วันละ»,
#: «ต่อวัน», «รายวัน»), the thing booked («รถ», «ห้องพัก»), the particles.
_THAI_PLAIN = re.compile(
    r"เป็น|คือ|อยู่ที่|จะ|ก็|ใหม่|ของ|รถ|ห้องพัก|ห้อง|คัน|รุ่น|ราคา|เหลือ|นี้"
    rf"|{TH_CLASSIFIER}ละ|ต่อ\s?{TH_CLASSIFIER}|ราย{TH_CLASSIFIER}|{THAI_PARTICLES}"
)
#: Where a customer's clause ends, or another thing asked for is joined to the switch ("and
#: add a roof rack", «และขอหมวกกันน็อคด้วย», «و صندلی کودک»).
_JOINED = re.compile(
    rf"[.!?؟,،;\n]|\b(?:and|also|plus)\b|และ|กับ|ด้วย|(?<![{_FA}])و(?![{_FA}])", re.IGNORECASE
)
#: A word: letters and digits, apostrophes, joiners, and the Thai and Persian vowel and tone
#: marks that ``\w`` leaves out («หมวกกันน็อค» is one word, not five).
_WORD = re.compile(r"[\w'\u200c\u0e01-\u0e4e\u064b-\u0652]+")
_THAI = re.compile(r"[\u0e01-\u0e4e]")


def rent_of_option(text: str, start: int, option: str) -> bool | None:
    """Whether the rent word just before the sum at ``start`` of ``text`` says the rent of
    the option ``option`` names (the customer's words switching to it); ``None`` when no
    rent word stands in the words naming the sum."""
    lead = max(0, start - _REACH)
    clause = _CLAUSE_END.match(text, lead, start)
    lead = clause.end() if clause else lead
    rents = list(_RENT.finditer(text, lead, start))
    if not rents:
        return None
    rent = rents[-1]
    named = _words(option)
    thai = bool(_THAI.match(rent.group()))
    return _plain_between(text[rent.end() : start], named) and _rent_heads(
        text[lead : rent.start()], named, thai
    )


def option_words(customer_said: str, switch: re.Match[str] | None) -> str:
    """The words of ``customer_said`` that name the option switched to: the clause of its
    switch word ``switch`` («ขอเปลี่ยนเป็น ADV 160», not «… และขอหมวกกันน็อคด้วย» after it);
    the whole message when it has none (a price asked lowered)."""
    if switch is None:
        return customer_said
    ends = [m.start() for m in _JOINED.finditer(customer_said, switch.end())]
    starts = [m.end() for m in _JOINED.finditer(customer_said, 0, switch.start())]
    return customer_said[max(starts, default=0) : min(ends, default=len(customer_said))]


def _plain_between(words: str, named: frozenset[str]) -> bool:
    """Whether ``words`` (between a rent word and its sum) name nothing but the option:
    «เป็น», «รถ ADV 160», "rate is", «هر روز»; not «หมวกกันน็อค», «เพิ่ม», "insurance"."""
    for word in _words(_THAI_PLAIN.sub(" ", words)):
        if word in _PLAIN or word in named:
            continue
        if _THAI.match(word) and any(word in said for said in named):
            continue  # «ห้องดีลักซ์» of «ขอเปลี่ยนเป็นห้องดีลักซ์ค่ะ»
        return False
    return True


def _rent_heads(before: str, named: frozenset[str], thai: bool) -> bool:
    """Whether the rent word after ``before`` (its clause up to it) heads its noun phrase,
    named by nothing but the option: «ค่าเช่า…», "the SUV rental", «پژو اجاره‌اش»; not
    «ค่ามัดจำค่าเช่า» (the deposit heads it), "roof rack rental" (a rack's), "insurance on
    the rental", «بیمه اجاره» (the insurance's)."""
    if thai:  # the words glued before it head the charge («ค่ามัดจำค่าเช่า»)
        return not _THAI.search(before[-1:])
    words = _word_list(before)
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        if _THAI.match(word) or word in _JOINS:
            return True  # a Thai phrase of its own before it, or another clause
        if word in _DETERMINERS:
            if at == 0 or words[at - 1] not in _PREPOSITIONS:
                return True
            # "insurance on the rental": the head is the noun before the preposition
            return at < 2 or words[at - 2] in _PLAIN
        if word not in _PLAIN and word not in named:
            return False
    return True


def _word_list(text: str) -> list[str]:
    """The words of ``text`` in order, casefolded."""
    return [word.casefold().strip("\u200c") for word in _WORD.findall(text)]


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, casefolded."""
    return frozenset(_word_list(text))
