"""A change one party asks for and the other agrees to, with no word of change by its value.

"Saturday 12 September is free" → "can we do the Saturday after instead?" → "Sure,
Saturday 19 September then": the value the agreement names is the change the request
asked for, though nothing next to it says so; «ช่างเข้าได้ อ. 3 ธ.ค.» → «ขอเป็นวันเสาร์
ได้มั้ยคะ» → «ได้ครับ เป็น ส. 7 ธ.ค.»; «پنجشنبه ساعت ۵ خالیه» → «به جاش جمعه میشه؟» →
«باشه، جمعه ساعت ۶». The value may stand in the request itself, agreed to in the next
line ("could we move it to the 19th instead?" → "of course").

A request alone changes nothing (offers get refused), nor does an agreement to a request
that asks for no change ("would you like the 10am slot?" → "yes" is a first choice).
"""

from __future__ import annotations

from domain.memory.offline.asking_words import ASKS_CHANGE
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.reply_takes import taking_opening
from domain.memory.speakers import speaker_of, without_speakers

#: A line that opens by agreeing: "ok", "sure, …", «باشه», «اوکیه», «ได้ค่ะ», «โอเค». No
#: praise ("great, …" answers no request) and no «ว่างค่ะ» (a change may be of any kind).
_AGREES = taking_opening(praise=False)


def agreed_change(text: str, value: str) -> bool:
    """Whether ``value`` (of a detail's ``text``, with speakers) is a change one speaker asked
    for and the other agreed to: said in an agreement to the request just before it, or in
    the request with an agreement of the other speaker just after it."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if value in line), None)
    if at is None:
        return False
    line = lines[at]
    if at > 0 and _request(lines[at - 1]) and _agreement(line, lines[at - 1]):
        return not is_question(line)
    return at + 1 < len(lines) and _request(line) and _agreement(lines[at + 1], line)


def _request(line: str) -> bool:
    return ASKS_CHANGE.search(without_speakers(line)) is not None


def _agreement(line: str, request: str) -> bool:
    """Whether ``line`` agrees to ``request``, said by the other speaker."""
    speaker = speaker_of(line)
    return (
        bool(speaker)
        and speaker != speaker_of(request)
        and bool(_AGREES.match(without_speakers(line)))
    )
