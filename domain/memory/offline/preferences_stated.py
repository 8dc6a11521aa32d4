"""A customer's preference of one way over another: "they want maroon with a white sash
instead", "I'd rather have it delivered", «بجاش پسرم میاد تحویل بگیره» (my son comes for it
instead), «ส่งที่โรงเรียนเลยดีกว่าค่ะ» (better send it to the school).

The words "instead", "I'd rather", «به جاش» / «بجاش» / «عوضش» and a Thai clause closed by
«ดีกว่า» (rather, better) say that what the clause names replaces what was settled before,
often with no request word ("can you", «ขอ») and no shaped value, so no other rule keeps
it, and a later turn relies on it.
Not a preference: a question ("should we do black instead?" asks), a refusal ("rather
not", «ไม่บอกดีกว่า», better not say), a Thai «ไม่ … ดีกว่า» (better not to: a thing turned
down, «ไม่เอาดีกว่า»), "rather" as "quite" ("that's rather a long time"), nor a comparison
(«เกาะถนนดีกว่ามาก», grips much better; «ดีกว่ารอ…», better than waiting). Nor a clause
that names the way it turns down ("instead of navy", "rather … than bank transfer", «به جای
سفید», «ดีกว่าสีขาว»): the detail would show that old way as if it were still wanted.
Nor a report of what was done or is under way ("you sent me the navy one instead", "my
husband wanted to collect it instead", "it's coming tomorrow instead", «بجاش مشکی
فرستادید»): a complaint or news, nothing the customer asks for. Nor a way only thought of
("i was thinking of moving to the Salford Quays gym instead", «شاید بجاش …», «อาจจะ…ดีกว่า»),
nor a Thai bare verb of change that names no way («เปลี่ยนดีกว่าค่ะ», better change it).
"""

from __future__ import annotations

import re

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.lexicon import FA_LETTERS

_FA = FA_LETTERS

#: A word that puts one way in another's place (module doc): "instead" (not "instead of"),
#: "I'd rather", a clause opening with "rather", «به جاش», a Thai clause closed by «ดีกว่า»
#: and a polite particle at most.
PREFERRED = re.compile(
    r"(?<![\w'’])(?i:instead(?!\s+of\b)|(?:(?<='d\s)|(?<=’d\s)|(?<=would\s)|(?<=had\s)|^)rather)"
    r"(?![\w'’])"
    rf"|(?<![{_FA}])(?:به[\s\u200c]?جاش|بجاش|عوضش)(?![{_FA}])"
    r"|ดีกว่า(?=(?:นะ)?(?:ครับ|คับ|ค่ะ|คะ|ค่า|จ้ะ|จ้า)?(?:[\s!.~]|$))"
)
#: What says the preference is none: "rather not", "rather … than" (the way turned down
#: named), Thai «ไม่ …ดีกว่า» (better not).
#: A report (module doc): a subject and a verb in the past ("you sent", "they charged", "the
#: courier left", "my husband wanted"; the customer's own "I wanted" may ask politely), or
#: the order under way ("it's coming", "the parcel is arriving").
_REPORTED = re.compile(
    r"(?i:\b(?:you|they|he|she|the\s+\w+|my\s+\w+|your\s+\w+)\s+(?:\w+ly\s+)?"
    r"(?:\w+ed|sent|left|gave|brought|came|went|took|got|put|sold|paid|told|did)\b"
    r"|\b(?:it|the\s+\w+|your\s+\w+)(?:'s|’s|\s+is|\s+was|'ll\s+be|\s+will\s+be)\s+(?:now\s+)?"
    r"(?:coming|arriving|going|delivered|shipped|sent|dispatched)\b)"
    # Persian: a verb in the past, not in a condition (a past stem and a person ending)
    rf"|^(?!.*(?:اگه|اگر)).*(?<![{_FA}])ن?(?:فرستاد|داد|آورد|اورد|کرد|گذاشت|گرفت|زد|رفت|اومد"
    rf"|آمد|برد|گفت|ریخت|کشید|رسید)(?:م|ی|یم|ید|ین|ن|ند)?(?![{_FA}])"
)
#: A way only thought of ("i was thinking of moving … instead", "maybe", "I might", «شاید»,
#: «อาจจะ»): nothing chosen yet, and often not taken later, so kept it would read as settled.
_TENTATIVE = re.compile(
    r"(?i:\b(?:thinking\s+(?:of|about)|maybe|perhaps|might|considering|wondering)\b)"
    rf"|(?<![{_FA}])(?:شاید|داشتم\s+فکر)(?![{_FA}])"
    r"|อาจจะ|กำลังคิด"
)
#: A Thai «…ดีกว่า» clause whose body is a bare verb of change or taking («เปลี่ยนดีกว่าค่ะ»,
#: better change it): it names no way, so kept it says nothing of what was chosen.
_THAI_BARE_VERB = re.compile(r"^\s*(?:เปลี่ยน|ย้าย|เลื่อน|แก้|เอา|ทำ)(?:เลย|ไป|แทน)?ดีกว่า")
_NOT_PREFERRED = re.compile(
    r"(?<![\w'’])(?i:rather\s+not|rather\b.*\bthan)(?![\w'’])|ไม่\S{0,12}ดีกว่า"
)


def preference_starts(text: str) -> list[int]:
    """Where ``text`` (a customer's sentence) uses a word of preference (``PREFERRED``)."""
    return [match.start() for match in PREFERRED.finditer(text)]


def states_preference(clause: str, sentence: str) -> bool:
    """Whether ``clause`` of ``sentence``, which holds a word of preference, states one
    (module doc): not a question (the clause may have lost its question mark to the
    clause cut), not a refusal nor a thing turned down, nor a report."""
    at = sentence.find(clause)
    asks = at >= 0 and sentence[at + len(clause) :].lstrip().startswith(("?", "؟"))
    return (
        not asks
        and not is_question(clause)
        and not _NOT_PREFERRED.search(clause)
        and not _REPORTED.search(clause)
        and not _TENTATIVE.search(clause)
        and not _THAI_BARE_VERB.search(clause)
    )
