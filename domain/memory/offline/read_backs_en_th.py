"""An English or Thai agent reading a value back, and the customer's no that puts it right.

"So that's 12 March, is that right?" "No, 14 March."; «วันที่ 12 มีนาคม ใช่ไหมคะ» «ไม่ค่ะ
14 มีนาคม». The English and Thai shapes ``read_back_noes`` reads besides the Persian ones
(``read_backs_fa``). A read-back is a question that opens with "so", "just to confirm",
"to confirm", or closes with "…, is that right?", "…, correct?", "…, right?" (or a last
sentence that is only that: "12 March. Is that right?"); in Thai one that closes with
«ใช่ไหม», «ถูกไหม», «ถูกต้องไหม» or opens with «สรุปคือ», «ขอทวน». A question about an
action ("Shall I move it to 14 March?", "Would you like …", «ต้องการ…ไหม», «สะดวก…ไหม»)
is an offer, not a read-back: a no turns it down and puts nothing right.

The customer's opening no ("No, …", "No. …", "Nope …", «ไม่ค่ะ …», «ไม่ใช่ …») is
written as a word of correction ("Actually,", «ที่ถูกคือ») so the value after it is read
as the correction, not as the old one ("not 14 March", «ไม่ใช่ 14 มีนาคม»). Not a no of
thanks or of nothing to do ("no thanks", "no worries", "no need", «ไม่เป็นไร», «ไม่ต้อง»).
The no puts the read-back right only where the value after it is the replacement: first
in what follows, alone or after "it's", "make it", "should be", "rather" (``_GIVES``),
«เป็น»; not a value of something else ("No, I'm at work until 3pm that day", «ไม่ค่ะ
ไม่อยู่บ้านถึงวันที่ 20 มีนาคม») nor one the customer asks about ("No, 20 March?").
"""

from __future__ import annotations

import re

from domain.memory.offline.thai_cues import is_thai
from domain.memory.offline.values import find_values

#: What an English opening no is written as: a word of correction (``dialogue.CORRECTION``).
EN_CORRECTING = "Actually,"
#: What a Thai opening no is written as: «ที่ถูกคือ» (the right one is).
TH_CORRECTING = "ที่ถูกคือ"

# -- the read-back ------------------------------------------------------------------------

#: A sentence ends at its mark and the space after it ("12 March. Is that right?").
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
#: "So …?", "So that's …?", "Just to confirm, …?", "To confirm …?", "Let me read that back: …?"
_EN_OPENS = re.compile(
    r"^(?:so|ok(?:ay)?,?\s+so|just\s+to\s+(?:confirm|check|be\s+sure)|to\s+confirm|confirming"
    r"|let\s+me\s+(?:confirm|check|read\s+(?:that|it)\s+back))(?![A-Za-z])[\s,:—-]*"
    r"(?P<said>.+?)[\s,]*\?+$",
    re.IGNORECASE,
)
#: "…, is that right?", "…, correct?", "… right?", "…, yes?", "… — have I got that right?"
_EN_CONFIRMER = (
    r"(?:is\s+that\s+(?:right|correct|it)|(?:is\s+)?(?:that\s+)?correct|right|yes|ok(?:ay)?"
    r"|have\s+i\s+got\s+that\s+right|did\s+i\s+get\s+that\s+right|does\s+that\s+sound\s+right)"
)
_EN_CLOSES = re.compile(rf"^(?P<said>.+?)[\s,—-]+{_EN_CONFIRMER}\s*\?+$", re.IGNORECASE)
#: A last sentence that is only the confirming question: the sentence before is read back.
_EN_CONFIRMS_ONLY = re.compile(rf"^{_EN_CONFIRMER}\s*\?+$", re.IGNORECASE)
#: A Thai read-back's close: «… ใช่ไหมคะ», «… ถูกต้องไหมครับ», «… ใช่มั้ย».
_TH_CLOSES = re.compile(
    r"^(?P<said>.+?)\s*(?:ใช่|ถูก|ถูกต้อง)(?:ไหม|มั้ย|มั๊ย|หรือเปล่า|รึเปล่า)"
    r"\s*(?:คะ|ครับ|ค่ะ|คับ)?\s*\??\s*$"
)
#: A Thai read-back's opening: «สรุปคือ …», «ขอทวนนะคะ …».
_TH_OPENS = re.compile(
    r"^(?:สรุป(?:คือ|ว่า)?|ขอทวน(?:อีกครั้ง)?(?:นะ)?(?:คะ|ครับ)?|ทวนนะ(?:คะ|ครับ))\s*(?P<said>.+\S)\s*$"
)
#: A question about an action, an offer: "Shall I …", "Would you like …", «ต้องการ…ไหม».
_ASKS_ACTION = re.compile(
    r"(?<![A-Za-z])(?:(?:shall|should|can|could|may)\s+(?:i|we)|would\s+you|do\s+you\s+"
    r"(?:want|need|prefer)|want\s+me\s+to|how\s+about|what\s+about|instead|prefer)(?![A-Za-z])"
    r"|ต้องการ|สะดวก|อยาก|แทน|เลื่อน|เปลี่ยน",
    re.IGNORECASE,
)


def read_back_of(asked: str) -> str | None:
    """What the agent's English or Thai question ``asked`` reads back (module doc), else
    None; a question about an action reads back nothing."""
    said = _thai_read_back(asked.strip()) if is_thai(asked) else _english_read_back(asked)
    if said is None or _ASKS_ACTION.search(said):
        return None
    return said


def _english_read_back(asked: str) -> str | None:
    sentences = _SENTENCE_BREAK.split(asked.strip())
    last = sentences[-1]
    if _EN_CONFIRMS_ONLY.match(last):
        return sentences[-2].rstrip(" .") if len(sentences) > 1 else None
    match = _EN_OPENS.match(last) or _EN_CLOSES.match(last)
    return match.group("said") if match is not None else None


def _thai_read_back(asked: str) -> str | None:
    match = _TH_CLOSES.match(asked) or _TH_OPENS.match(asked)
    return match.group("said") if match is not None else None


# -- the customer's no --------------------------------------------------------------------

#: An English opening no ("No, …", "No. …", "Nope …", "no no, …") and its close; not a no
#: of thanks or of nothing wrong ("no thanks", "no worries", "no problem", "no need").
_EN_OPENING_NO = re.compile(
    r"^\s*(?:(?:no|nope|nah)[\s,.!]+)*(?:no|nope|nah)(?P<close>[,.!]|\s)(?=[\s,.!]*\S)"
    r"(?![\s,.!]*(?:thanks|thank|worries|problem|need|rush|hurry|way|one|longer|more|matter)"
    r"(?![A-Za-z]))",
    re.IGNORECASE,
)
#: A Thai opening no («ไม่ค่ะ …», «ไม่ใช่ …», «ไม่ใช่ครับ, …»): «ไม่» alone or «ไม่ใช่», a
#: particle, then a space or a mark; not «ไม่เป็นไร», «ไม่ต้อง», «ไม่ได้», which run on.
_TH_OPENING_NO = re.compile(
    r"^\s*ไม่(?:ใช่)?\s*(?:นะ)?(?:คะ|ครับ|ค่ะ|ค่า|คับ)?(?P<close>[\s,.!]+)(?=\S)"
    r"(?!ขอบคุณ|ไม่เป็นไร)"
)
#: A message that is a no and nothing more: "No.", "Nope!", «ไม่ใช่ค่ะ».
_BARE_NO = re.compile(
    r"^\s*(?:(?:no|nope|nah)[\s,.!]*)+$|^\s*ไม่(?:ใช่)?\s*(?:นะ)?(?:คะ|ครับ|ค่ะ|ค่า|คับ)?[\s.!]*$",
    re.IGNORECASE,
)
#: A first clause that adds to the read-back rather than puts it right: "No, and also …",
#: "no, there's a second parcel too", «ไม่ค่ะ มีอีก 2 กล่องด้วย».
_ADDS = re.compile(r"(?<![A-Za-z])(?:and|also|too|as\s+well|plus)(?![A-Za-z])|ด้วย|อีก", re.I)


def _opening_no(reply: str) -> re.Match[str] | None:
    """``reply``'s English or Thai opening no, if it opens with one."""
    return _EN_OPENING_NO.match(reply) or _TH_OPENING_NO.match(reply)


def as_correction(reply: str) -> tuple[str, int] | None:
    """``reply`` with its English or Thai opening no written as a word of correction, and
    how many characters that put before the reply's own words (fewer than none when the
    no was the longer); None when it opens with no such no."""
    opening = _opening_no(reply)
    if opening is None:
        return None
    english = opening.re is _EN_OPENING_NO
    correcting = EN_CORRECTING if english else TH_CORRECTING
    close = opening.group("close")
    # "No, 14 March" → "Actually, 14 March"; "No 14 March" keeps its space after the comma
    rest = opening.start("close") if close.isspace() and english else opening.end("close")
    if not english:
        correcting += " "
    return correcting + reply[rest:], len(correcting) - rest


def is_bare_no(text: str) -> bool:
    """Whether ``text`` is an English or Thai no and nothing more."""
    return _BARE_NO.match(text) is not None


def correcting_no(text: str) -> str:
    """What a reply after a bare no is read with: the language's word of correction."""
    return TH_CORRECTING + " " if is_thai(text) else EN_CORRECTING + " "


def adds(reply: str) -> bool:
    """Whether ``reply``'s first clause after its no adds to the read-back ("No, and also
    ring me first") rather than puts it right."""
    opening = _opening_no(reply)
    after = reply[opening.end() :] if opening is not None else reply
    first_clause = re.split(r"[,.!?;]", after.strip(), maxsplit=1)[0]
    return _ADDS.search(first_clause) is not None


#: What may stand between the no and the value it gives instead: nothing, a "sorry", and
#: "it's", "make it", "it should be", "rather", "I meant", a preposition; «เป็น», «ค่ะ».
_GIVES = re.compile(
    r"^[\s,.!:—-]*(?:(?:sorry|actually|oh|ah|um)[\s,.!]+)*"
    r"(?:(?:it'?s|it\s+is|that'?s|make\s+it|(?:it\s+)?should\s+be|rather|i\s+(?:said|meant))"
    r"[\s,]+)?(?:(?:on|at|for|the)\s+)*"
    r"(?:(?:ขอ)?เป็น|คือ|ขอ)?\s*(?:นะ)?(?:คะ|ค่ะ|ครับ|คับ)?[\s,]*$",
    re.IGNORECASE,
)


def gives_replacement(after_no: str) -> bool:
    """Whether ``after_no``, what the customer says after a no, opens with the value that
    replaces the one read back (module doc), in a sentence that asks nothing."""
    values = find_values(after_no)
    if not values or not _GIVES.match(after_no[: values[0].start]):
        return False
    sentence_end = re.search(r"[.!?]", after_no[values[0].end :])
    return sentence_end is None or sentence_end.group() != "?"


def replacement_after_no(reply: str) -> bool:
    """``gives_replacement`` of what follows ``reply``'s opening no."""
    opening = _opening_no(reply)
    return gives_replacement(reply[opening.end() :] if opening is not None else reply)
