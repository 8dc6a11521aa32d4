"""Clauses a detail keeps that state no value ``values`` finds: what the customer asks
for or chooses, the people they bring in, a place they answer, a fault that is found.

"can you keep the old discs", "my partner Sarah will pick it up", «کارت به کارت میکنم
موقع تحویل», «میخوایم بریم شمال، رامسر» (answering «مسیرتون کجاست؟»), "the rear shock
absorber is leaking", «ก๊อกซิงค์ล้างจานรั่ว». None of them is a number, a date or an
address, yet each is what a later turn relies on. Five kinds:

- ``instruction``: a request, a wish or a way of doing things the customer asks for
  (``instructions`` first: delivery and contact; then a request word: "please", "can
  you", "I'd like", "don't …", an imperative opening the clause, «لطفا», «میخوام», «بذارید»,
  «ช่วย», «ขอ», «อยาก», «ไม่ต้อง»), or a first-person decision («… میکنم», "I'll take …");
- ``choice``: an option agreed to ("let's go with …", «باشه همون …», «เอาอันนี้»);
- ``person``: someone named (``person_names``) or brought in by relation ("my partner
  Sarah", «همسرم», «แฟน»), or a name answered to a question that asks one;
- ``place``: what answers a where-question, or where something is ("the key is in the
  glovebox");
- ``problem``: a fault or damage either side states ("leaking", «خراب», «รั่ว»).

The value is the clause itself, as written (a substring of the sentence): the context
shows the whole unit, the value tells it whether anything shown before says it already.
A clause with no content term ("can you help?", «خواهش میکنم») is small talk, and a
customer's question for information ("can you tell me the price?", «چنده؟») states
nothing of theirs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.holder_names import FA_NAME_WORD
from domain.memory.offline.instructions import instructions
from domain.memory.offline.person_names import people_named, relation_words
from domain.memory.offline.terms import content_terms
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
_TH = "\u0e01-\u0e4e"

#: Longer than this, a clause is cut after its cue.
MAX_CHARS = 120
#: Content terms a request needs besides its request words: «صبر کنید» ("wait"), «امتحان
#: میکنیم» ("we'll try") and "please hurry" ask for nothing to remember. Thai counts by
#: letter trigrams (``terms``).
MIN_REQUEST_TERMS = 2
#: Longer than this, a reply is no bare answer to a where- or name-question.
MAX_ANSWER_CHARS = 60

#: Where a clause ends inside a sentence (Thai clauses are the sentences' own: the
#: splitter cuts them at spaces). A Persian «،» does not: «میخوایم بریم شمال، رامسر».
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:but|because|cos|cause|since|so)\s|[.!?؟]+(?=\s|$)", re.I)
#: Filler a clause opens with, left out of its value.
_LEAD = re.compile(
    r"^(?:\s|[,،.!-]|(?:oh|also|and|actually|ok|okay|yeh|yeah|yes|yep|fine|right|so|well|hi"
    r"|hello|then|but|و|ولی|اما|باشه|آره|بله|ok)(?![\w']))+",
    re.I,
)
#: What «همین» / «همون» says when it chooses nothing: «همین الان» (right now), «همونجا».
_FA_NOT_CHOSEN = rf"(?:الان|الآن|جا|جوری|طور|موقع|روز|اول|ساعت)(?![{_FA}])"
_TAIL = re.compile(r"[\s,.!?؟،:;]+$")

_REQUEST_EN = re.compile(
    r"(?<![\w'’])(?:please|pls|plz|can\s+(?:you|u)|could\s+(?:you|u)|would\s+you"
    r"|(?:i|we)(?:'?d|\s+would)\s+(?:like|prefer|rather)|(?:i|we)\s+(?:want|prefer)"
    r"|(?:i|we)\s+(?:don'?t|do\s+not)\s+want|make\s+sure|let'?s"
    r"|(?:i|we)(?:'?ll|\s+will)\s+(?:take|go\s+with|have|pay|bring|collect|pick|drop|keep))"
    r"(?![\w'’])"
    # an imperative opening the clause: "keep the old discs", "don't leave it outside"
    r"|^(?:just\s+)?(?:(?:don'?t|do\s+not|never)\s+)?(?:keep|leave|plug|put|send|text|email"
    r"|call|ring|bring|use|take|book|cancel|add|remove|charge|bill|deliver|drop|hold|return"
    r"|swap|change|switch|move|skip|note|mark|go\s+(?:with|for))"
    r"\s+(?:it|them|me|us|the|my|our|a|an|this|that|him|her|back|off|up|in|out|ahead)(?![\w'’])",
    re.I,
)
#: A way of doing things said to suit: "ringing is fine", "email works best".
_SUITS_EN = re.compile(
    r"^(?!(?:that|this|it|everything|all|which|what)\b)\w+(?:\s+\w+)?\s+(?:is|works|would\s+be)"
    r"\s+(?:fine|best|better|easier|ok|okay|preferred)(?![\w'’])",
    re.I,
)
#: What a "can you …" asks for when it asks for information, not a thing done.
_ASKS_INFO_EN = re.compile(
    r"(?<![\w'])(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?(?:just\s+)?(?:tell|confirm|check"
    r"|let\s+me\s+know|explain|help|clarify|repeat|see|remind|give\s+me\s+an?\s+update)"
    r"|^(?:what|when|where|which|who|how|why)\b|\bhow\s+(?:much|long|many)\b",
    re.I,
)
#: Persian: «لطفا», «میخوام»/«نمیخوام», «ترجیح», «بهتره»; an imperative of a common
#: verb («بذارید», «زنگ بزنید», «نفرستید», «… کنید»); a first-person decision («… میکنم»,
#: «میدم», «میارم», «میگیرم»).
_REQUEST_FA = re.compile(
    rf"(?<![{_FA}])(?:لطفا|لطفاً|خواهشا|خواهشاً|ترجیح|بهتره"
    rf"|(?:ن)?می[\u200c\s]?خوا(?:م|یم|ستم|ستیم)"
    rf"|(?:ب|ن)(?:کن|د|ز|ذار|زار|گذار|گیر|یار|فرست|گ|نداز|بر|نویس|رسون|خر|ده)(?:ید|ین)"
    rf"|کنید|کنین"
    rf"|(?<!فکر\s)(?:ن)?می[\u200c\s]?(?:کن|د|گیر|یار|بر|خر|پرداز|زن|فرست|گذار|ذار|مون)(?:م|یم))"
    rf"(?![{_FA}])"
)
#: A Persian question for information: «چنده؟», «کیه؟», «کجاست؟».
_ASKS_INFO_FA = re.compile(
    rf"(?<![{_FA}])(?:چی|چیه|چنده|چند|کی|کیه|کجا|کجاست|چطور|چطوری|چرا|چقدر|کدوم|کدام)(?![{_FA}])"
)
#: Thai: «ช่วย», «ขอ» (not thanks, sorry, asking to know), «อยาก», «ไม่ต้อง», «ฝาก», «อย่า»,
#: «ต้องการ», «สะดวก», «จะ» with a verb of paying or coming.
_REQUEST_TH = re.compile(
    r"ช่วย|ขอ(?!บคุณ|โทษ|ทราบ|อภัย|ตัว|บ|ง|น|ถาม)|อยาก|ไม่ต้อง|ฝาก|อย่า|ต้องการ|สะดวก"
    r"|จะ(?:จ่าย|โอน|ชำระ|รับ|ไป|มา|เอา)"
)
_ASKS_INFO_TH = re.compile(r"อะไร|ไหน|เท่าไหร่|เท่าไร|เมื่อไหร่|เมื่อไร|ยังไง|อย่างไร|กี่|ใคร")

#: An option agreed to: "let's do the …", "go with the …", «باشه همون …», «همین رو»,
#: «เอาอันนี้», «เอาแบบ …».
_CHOICE = re.compile(
    r"(?<![\w'’])(?:let'?s\s+(?:do|go\s+(?:with|for))|go\s+(?:with|for)\s+the"
    r"|(?:i|we)(?:'?ll|\s+will)\s+(?:take|go\s+with|go\s+for))(?![\w'’])"
    rf"|(?<![{_FA}])(?:همون|همین|همان)(?:\s+(?:رو|را))?(?![{_FA}])(?!\s*(?:{_FA_NOT_CHOSEN}))"
    r"|เอา(?:อัน|แบบ|ตัว|รุ่น|สี|ห้อง|แพ็กเกจ|ที่)",
    re.I,
)

#: Capitalised words after a relation that name no one: "my son I think", "my wife Can …".
_NOT_A_NAME_EN = r"(?:I|Im|I'm|The|And|But|So|Is|Was|Has|Can|Will|Would)\b"
#: Persian words after a relation that name no one: «مامانم اینا» (my mum's family).
_FA_NOT_NAMES = rf"(?:اینا|اینها|هم|تو|که|رو|را|با|از|به|هست|هستن)(?![{_FA}])"

#: The customer's own relative or friend said with a name: "my partner Sarah", «دخترم آوا،»
#: (a relation alone, «مامانم میگه …», "my mum says …", brings in no one to remember).
_RELATION = re.compile(
    rf"(?<![\w'’])(?i:my|our)\s+(?i:{relation_words(0)}),?\s+(?!{_NOT_A_NAME_EN})[A-Z][a-z'’-]+"
    rf"|(?<![{_FA}])(?:{relation_words(1)})(?:م|مون)\s+(?!می|نمی|{_FA_NOT_NAMES}){FA_NAME_WORD}\s*[،,]"
)
#: Where something is: "the key is in the glovebox", "they're behind the counter".
_WHERE_IT_IS = re.compile(
    r"(?<![\w'’])(?:is|are|'s)\s+(?:in|inside|under|behind|on|at)\s+(?:the|my|our)\s+\w+", re.I
)

#: A fault or damage: "leaking", "worn", «خراب», «چکه», «รั่ว», «พัง».
_PROBLEM = re.compile(
    r"(?<![\w'’])(?:leak(?:s|ing|ed|y)?|worn|broken|cracked|faulty|damaged|seized|corroded"
    r"|snapped|torn|blocked|clogged|not\s+working|(?:doesn'?t|does\s+not|won'?t|isn'?t)\s+"
    r"(?:work|working|start|turn\s+on|charge|close|open)|stopped\s+working|defective|rusted"
    r"|dripping|dented|scratched|smashed|misfiring|overheating|grinding|squeal(?:ing|s)?"
    r"|squeak(?:ing|s)?|rattl(?:e|es|ing)|knocking)(?![\w'’])"
    rf"|(?<![{_FA}])(?:خراب|نشت|چکه|ترک\s*(?:خورده|داره|برداشته)|سوخته|شکسته|معیوب|پاره"
    rf"|کار\s*نمی[\u200c\s]?کن|خط\s*(?:افتاده|و\s*خش)|ایراد|عیب)"
    r"|รั่ว|(?<!ค่า|ผู้)เสีย(?!ง|ใจ|เวลา|ค่า|เงิน|ดาย|สละ|ก่อน|ภาษี)|พัง|แตก|หยด|ชำรุด|ไม่ทำงาน|ร้าว|หลวม"
    r"|สึก|ตัน|ไม่ติด|ไม่เย็น|เป็นรอย|บุบ|ขึ้นรา",
    re.I,
)

#: A question that asks where, or asks for a name.
_ASKS_WHERE = re.compile(rf"(?<![\w'’])(?i:where)(?![\w'’])|(?<![{_FA}])کجا|ที่ไหน|ไหน(?!ๆ)")
_ASKS_NAME = re.compile(
    rf"(?<![\w'’])(?i:name|who)(?![\w'’])|(?<![{_FA}])(?:نام|اسم|کیه|چه\s+کسی)|ชื่อ"
)


#: The kinds of clause a detail keeps (module doc).
CLAUSE_KINDS = frozenset({"instruction", "choice", "person", "place", "problem"})


@dataclass(frozen=True)
class KeptClause:
    """The clause of a unit a detail keeps, and the kind of thing it states."""

    text: str
    kind: str


def clauses_kept(unit: Sequence[Candidate]) -> list[KeptClause]:
    """The clauses of a question–answer unit or sentence that state a request, a choice, a
    person, a place or a fault (module doc), in order, none inside another."""
    found: list[KeptClause] = []
    for index, candidate in enumerate(unit):
        asked = unit[index - 1] if index else None
        if asked is not None and (
            asked.speaker == candidate.speaker or not is_question(asked.text)
        ):
            asked = None
        found += _of_sentence(candidate, asked)
    kept: list[KeptClause] = []
    for clause in found:
        if any(clause.text in other.text != clause.text for other in found):
            continue  # inside a longer clause kept
        if all(clause.text != other.text for other in kept):
            kept.append(clause)  # the first kind found names it
    return kept


def _of_sentence(candidate: Candidate, asked: Candidate | None) -> list[KeptClause]:
    text = candidate.text
    found: list[KeptClause] = []
    if asked is not None:
        answer = _clean(text)
        if 0 < len(answer) <= MAX_ANSWER_CHARS and content_terms(answer):
            if _ASKS_WHERE.search(asked.text):
                found.append(KeptClause(answer, "place"))
            elif _ASKS_NAME.search(asked.text):
                found.append(KeptClause(answer, "person"))
    for person in people_named(text):
        found.append(KeptClause(_clause_at(text, person.start), "person"))
    for match in _PROBLEM.finditer(text):
        found.append(KeptClause(_clause_at(text, match.start()), "problem"))
    if candidate.speaker == "User":
        found += _customer_clauses(text)
    return [clause for clause in found if clause.text and content_terms(clause.text)]


def _customer_clauses(text: str) -> list[KeptClause]:
    """Requests, decisions, choices, relatives and whereabouts in a customer's sentence."""
    found = [KeptClause(i.text, "instruction") for i in instructions(text)]
    for kind, pattern in (
        ("choice", _CHOICE),
        ("person", _RELATION),
        ("place", _WHERE_IT_IS),
    ):
        found += [KeptClause(_clause_at(text, m.start()), kind) for m in pattern.finditer(text)]
    for pattern, asks_info in (
        (_REQUEST_EN, _ASKS_INFO_EN),
        (_REQUEST_FA, _ASKS_INFO_FA),
        (_REQUEST_TH, _ASKS_INFO_TH),
    ):
        for match in _request_matches(text, pattern):
            clause = _clause_at(text, match)
            # a Persian verb of request or decision says nothing of what (an English
            # imperative does: "plug it back in")
            asked_for = _REQUEST_FA.sub(" ", clause)
            if len(content_terms(asked_for)) >= MIN_REQUEST_TERMS and not asks_info.search(clause):
                found.append(KeptClause(clause, "instruction"))
    found += [
        KeptClause(_clause_at(text, at), "instruction") for at in _request_matches(text, _SUITS_EN)
    ]
    return found


def _request_matches(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where ``pattern`` matches in ``text``, at a clause's start for its anchored parts."""
    starts = [m.start() for m in pattern.finditer(text)]
    for start, end in _clause_spans(text):
        lead = _LEAD.match(text, start, end)
        at = lead.end() if lead else start
        match = pattern.match(text[at:end])
        if match and at not in starts:
            starts.append(at)
    return sorted(starts)


def _clause_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for cut in _CLAUSE_BREAK.finditer(text):
        spans.append((start, cut.start()))
        start = cut.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _clause_at(text: str, at: int) -> str:
    """The clause of ``text`` around ``at``, its opening filler left out, cut after
    ``MAX_CHARS`` from ``at``."""
    for start, end in _clause_spans(text):
        if start <= at < end:
            break
    else:
        return ""
    clause = _clean(text[start:end])
    if len(clause) <= MAX_CHARS:
        return clause
    return _clean(text[at : at + MAX_CHARS].rsplit(" ", 1)[0])


def _clean(text: str) -> str:
    text = _LEAD.sub("", text)
    return _TAIL.sub("", text).strip()
