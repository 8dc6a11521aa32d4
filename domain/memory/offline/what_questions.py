"""Questions that ask what or which: the customer's short reply names the thing itself.

"What colour for the gift box?" → "burgundy", «جعبه رو چه رنگی میخواید؟» → «زرشکی», «ออกใบ
กำกับในนามอะไรครับ» → «ร้านเจ๊ะหลงการเกษตร». The reply holds no number, date or address,
yet it is what the conversation settled; a detail keeps it with its question.

Asked with "what", "which" or "how" (English), «چه», «چی», «کدوم», «چطور», «چجوری» (Persian),
«อะไร», «ไหน», «แบบไหน», «ยังไง» (Thai). Not a greeting or an offer of help ("how are you?",
"what can I do for you?", «حالتون چطوره؟», «มีอะไรให้ช่วยไหมคะ»), not asking what was meant
(«یعنی چی؟», «หมายถึงอะไร»), not why, not how much,
how many or how long (their answer is a number, kept by its value), and not a yes/no
question that only holds such a word ("is that what you wanted?", «มีอะไรเพิ่มไหมคะ»).
And what answers nothing: no preference ("whatever", «فرقی نمیکنه», «อะไรก็ได้»), or only
courtesy ("no worries", "thanks", «خواهش میکنم», «ไม่เป็นไรค่ะ»).
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import (
    ENGLISH_GREETINGS,
    ENGLISH_REPLIES,
    PERSIAN_GREETINGS,
    PERSIAN_REPLIES,
    REPLY_NOUNS,
    THAI_GREETINGS,
    THAI_PARTICLES,
    THAI_REPLIES,
    alternation,
    word_set,
)
from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

_ASKS_EN = re.compile(r"(?<![\w'’])(?:what|which|how)(?![\w'’])", re.I)
#: English questions with such a word that ask nothing to keep, or ask a number.
_NOT_ASKING_EN = re.compile(
    r"(?<![\w'’])(?:how\s+(?:are|r)\s+(?:you|u|things)|how'?s\s+(?:it|things|everything|your)"
    r"|how\s+(?:can|may|could)\s+(?:i|we)\s+help|what\s+can\s+(?:i|we)\s+do"
    r"|how\s+(?:was|is)\s+your|what\s+brings|how\s+(?:much|many|long|far|old|soon|often)"
    r"|what\s+about|what\s+else|what\s+do\s+you\s+(?:think|mean|reckon)|what\s+happened"
    r"|what\s+a\b|(?:is|was|are)\s+(?:that|this|it)\s+what|how\s+come|anything\s+else)",
    re.I,
)
#: An English yes/no question: it opens with an auxiliary ("do you know which …?" is one
#: unless it asks to be told: "can you tell me which …?").
_YES_NO_EN = re.compile(
    r"^(?:(?:and|so|ok|okay|great|lovely|perfect)[\s,]+)*(?:is|are|was|were|do|does|did|have"
    r"|has|had|can|could|would|will|shall|should|may)\b(?!.*\b(?:tell|let\s+me\s+know|say"
    r"|remind|confirm)\b)",
    re.I,
)

_ASKS_FA = re.compile(
    rf"(?<![{_FA}])(?:چه|چی|چیه|کدوم|کدام|کدومش|کدومشو|کدومو|چطور|چطوری|چجوری|چگونه)(?![{_FA}])"
    rf"|(?<![{_FA}])چه[\s\u200c]?(?:رنگی|مدلی|جوری|طوری|نوعی|سایزی|اسمی)"
)
_NOT_ASKING_FA = re.compile(
    rf"(?<![{_FA}])(?:حال(?:تون|ت|ش|شون)?\s+چطور|چطورید|چطورین|چه\s+خبر|خوبید|خوبین|چرا"
    rf"|چی\s*کار\s+(?:می[\u200c\s]?تونم|کنم)|چه\s+کمکی|چی\s+شده|چه\s+شده"
    rf"|چقدر|چند|آیا|دیگه\s+چی|چیز\s+دیگه|یعنی\s+چی|منظورتون\s+چیه|چه\s+اتفاقی)(?![{_FA}])"
)

_ASKS_TH = re.compile(r"อะไร|(?<!ไม่)ไหน(?!ๆ)|ยังไง|อย่างไร|แบบไหน")
_NOT_ASKING_TH = re.compile(
    r"ไหม|มั้ย|มั๊ย|หรือเปล่า|หรือยัง|ใช่ไหม|เป็นยังไงบ้าง|เป็นไงบ้าง|สบายดี|ให้ช่วย|ทำไม|เท่าไหร่|เท่าไร"
    r"|กี่|อะไรอีก|อะไรเพิ่ม|ว่าไง|ยังไงบ้าง|เป็นอะไร|หมายถึง|เกิดอะไรขึ้น"
)

#: A reply that names nothing: no preference ("whatever", "either is fine", «فرقی نمیکنه»,
#: «هر کدوم», «อะไรก็ได้», «แล้วแต่»), or a bare yes or no.
_NO_PREFERENCE = re.compile(
    r"(?<![\w'’])(?:whatever|either|any(?:thing|one)?\s+(?:is|will\s+do|works|'?s\s+fine)"
    r"|don'?t\s+mind|no\s+preference|up\s+to\s+you|you\s+choose|you\s+decide|doesn'?t\s+matter)"
    r"(?![\w'’])"
    rf"|(?<![{_FA}])(?:فرقی\s+نمی|فرق\s+نمی|هر\s+کدوم|هرکدوم|هر\s+چی|هرچی|هر\s+جور|هرجور"
    rf"|خودتون\s+(?:انتخاب|بگید|میدونید))"
    r"|อะไรก็ได้|แบบไหนก็ได้|ยังไงก็ได้|อันไหนก็ได้|แล้วแต่|ตามสะดวก"
    # a bare yes or no, however spelt: «اره», «ได้ครับ», «ไม่ค่ะ»
    r"|^(?:yes|yeah|yep|yup|no|nope|ok|okay|بله|آره|اره|نه|خیر|ได้|โอเค|ใช่|ไม่)"
    r"[\s!.,]*(?:ครับ|ค่ะ|คะ|คับ|จ้า)?$",
    re.I,
)


#: Replies of courtesy: thanks, an acknowledgement, a greeting, "no worries", «خواهش میکنم»,
#: «ไม่เป็นไรค่ะ». The shared reply words, less those a bare answer to "which?" may be:
#: "right" (a side), "fine" (a grade), «چشم» (an eye).
_EN_THING_WORDS = word_set("right fine")
_COURTESY = re.compile(
    rf"(?<![\w'’])(?:{alternation((ENGLISH_REPLIES | ENGLISH_GREETINGS) - _EN_THING_WORDS)}"
    r"|no\s+(?:worries|problem|prob|probs|bother|rush)(?:\s+at\s+all)?|np|please|pls|plz|you'?re\s+welcome"
    r"|thx|ty|much\s+appreciated|appreciate\s+it|all\s+good|good\s+(?:morning|afternoon|evening))"
    r"(?![\w'’])"
    rf"|(?<![{_FA}])(?:{alternation((PERSIAN_REPLIES | PERSIAN_GREETINGS) - REPLY_NOUNS)}"
    rf"|مشکلی\s+نیست|خواهش\s*(?:می\u200c?)?کنم|لطفا|لطفاً|ممنونم|متشکرم|سپاس|قربونت|فدات)(?![{_FA}])"
    rf"|ไม่เป็นไร|ไม่มีปัญหา|{alternation(THAI_REPLIES | THAI_GREETINGS)}|{THAI_PARTICLES}",
    re.I,
)
_NOTHING_LEFT = re.compile(r"^[\W_]*$")


def asks_what(question: str) -> bool:
    """Whether ``question`` (a sentence that asks) asks what or which (module doc)."""
    if _ASKS_EN.search(question):
        return not _NOT_ASKING_EN.search(question) and not _YES_NO_EN.match(question.strip())
    if _ASKS_FA.search(question):
        return not _NOT_ASKING_FA.search(question)
    if _ASKS_TH.search(question):
        return not _NOT_ASKING_TH.search(question)
    return False


#: Words of a bare answer, beyond which a reply tells a story or states more than the
#: thing asked for («گفت بیا پایین من از پله بالا نمیام»): a Thai answer is one run.
MAX_ANSWER_WORDS = 4


def names_nothing(answer: str) -> bool:
    """Whether ``answer`` leaves the choice to the other side, only says yes, or is no
    bare answer (longer than ``MAX_ANSWER_WORDS``)."""
    if len(answer.split()) > MAX_ANSWER_WORDS:
        return True
    if _NOTHING_LEFT.match(_COURTESY.sub(" ", answer)):
        return True  # only courtesy: "no worries", «خواهش میکنم», «ไม่เป็นไรค่ะ»
    return _NO_PREFERENCE.search(answer.strip()) is not None
