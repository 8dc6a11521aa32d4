"""The customer's yes to a proposal, beyond the yes, ok and praise every reader takes.

A proposal ("Shall I move it to Thursday 6 June instead?") or a read-back of a change asked
for ("So Thursday 6 June, is that right?") is taken by the ways people say go ahead or
confirm: "Please do", "Go ahead", "Do it", "👍", "Correct", "That's right", "Exactly",
"Thursday is fine" (the proposal's day, said good); «حله», «موافقم», «درسته», «بفرستید»,
«ممنون، همین خوبه»; «ค่ะ» alone, «สะดวกค่ะ», «ตามนั้นค่ะ», «ถูกต้องค่ะ». A thanks may lead
("thanks, go ahead"). Words that also open other talk ("right", "correct", a bare «ค่ะ») take
only when they are the whole reply ("Right, let me think" takes nothing).
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS, Kind, find_values

_FA = FA_LETTERS

#: A thanks that may lead a yes: "thanks, go ahead", «ممنون، همین خوبه».
_THANKS = r"(?:(?:thanks|thank\s+you|cheers|ممنون|مرسی)[\s,،!.]*)?"
#: Openings that take a proposal whatever follows.
_OPENS = (
    r"(?:please\s+do|do\s+(?:it|that)|go\s+(?:ahead|for\s+it)|that(?:['’]s|\s+is)\s+(?:better"
    r"|right|correct|great|good)|exactly(?=\s*(?:[.!,]|$))|spot\s+on|works\s+for\s+me|fine\s+by\s+me"
    r"|sounds\s+(?:great|fine|perfect|lovely))(?![A-Za-z])"
    r"|👍|👌|✅"
    rf"|(?:حله|موافقم|درسته|(?:دقیقا|دقیقاً)(?=\s*(?:[.!،]|$))|همین\s+خوبه|(?:لطفا\s+)?بفرستید|انجامش\s+بدید)(?![{_FA}])"
    r"|(?:สะดวก|ตามนั้น|เอาตามนั้น|ถูกต้อง)(?:เลย)?(?:ค่ะ|ครับ|ค่า|จ้ะ|จ้า)"
)
#: Words that take only as the whole reply: "Right.", "Correct!", «ค่ะ».
_WHOLE = r"(?:right|correct|yes\s+please)(?![A-Za-z])|ค่ะ|ครับ|ค่า"
_TAKES = re.compile(
    rf"^\s*{_THANKS}(?:(?:{_OPENS})|(?:{_WHOLE})[\s.!]*$)",
    re.IGNORECASE,
)
#: What may come before the day said good: "The Thursday is fine".
_LEAD = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
#: The proposal's day or hour said good: "Thursday is fine", "Thursday works for me".
_SAID_GOOD = re.compile(
    r"\s*(?:(?:is|['’]s|would\s+be|sounds)\s+(?:fine|good|great|perfect|better|ok(?:ay)?)"
    r"|works|would\s+work|suits\s+me|will\s+do)(?![A-Za-z])",
    re.IGNORECASE,
)


def says_yes_to(reply: str, proposals: list[str]) -> bool:
    """Whether ``reply`` opens with a go-ahead or confirmation (module doc), or names the
    day or hour of one of ``proposals`` (their values) and says it is good."""
    if _TAKES.match(reply):
        return True
    first = find_values(reply)
    if not first or not _LEAD.fullmatch(reply, 0, first[0].start):
        return False
    value = first[0]
    named = value.kind in (Kind.DATE, Kind.TIME) and any(value.text in p for p in proposals)
    return named and _SAID_GOOD.match(reply, value.end) is not None
