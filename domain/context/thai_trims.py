"""What a Thai sentence of a detail's compact form does without: its polite particles, its
laughter, and the courtesy before what it says.

Thai costs about a token for every 1.7 letters (``domain.tokens``), and a chat's Thai is
full of words that carry nothing of a value: the polite particle closing a sentence
(«มัดจำ 5,000 บาทนะคะ», «ที่พักชื่ออะไรคะ»), laughter («5555 ได้ค่ะ»), and the greeting or
thanks a sentence opens with («สวัสดีค่ะคุณต้นกล้า รบกวนขอหมายเลขเรื่องด้วยนะคะ»). Each is
left out of the compact form, so that the details' share holds more values:

- a particle closing the sentence or following a value, standing as its own word
  («12,500 บาท ค่ะ») or closing the last word where no word ends so («5,000 บาทนะครับ»;
  not «คุ้มค่า», worth it, nor «ชนะ», to win). One closing a clause inside the sentence
  stays: a clause a customer asks for is read with it («งั้น ทำประกันด้วยค่ะ 84 บาท
  ไม่เยอะ»). A question keeps the one closing it when without it the sentence no longer
  asks («ส่งวันเสาร์ได้คะ»: «คะ» is what makes it one; «ได้ไหมคะ» asks with «ไหม»); a
  sentence that is only a particle («ค่ะ», yes) stays as it is;
- a run of laughter («555», «5555+»), never inside a value;
- the opening clause that only greets or thanks, with the name of the one it addresses
  («สวัสดีค่ะคุณนิด», «ขอบคุณมากนะคะ»), when what follows says something.

Nothing inside a value is touched: the spans of the values move with the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from domain.memory.offline.lexicon import (
    THAI_GREETINGS,
    THAI_NUMBER_LABELS,
    THAI_THANKS,
    alternation,
    word_set,
)

Spans = tuple[tuple[int, int], ...]

_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
#: A polite particle closing a clause, with the «นะ» that softens it and the «ๆ» that
#: repeats it («ค่ะๆ»). Standing as a word of its own, any of them; closing a word, only
#: those no Thai word ends in: «ค่า» and «จ้า» end words («คุ้มค่า», «สว่างจ้า») and go only
#: after «นะ», «คับ» ends «บังคับ» (to force), and none follows a leading vowel («ให้เจ้า»).
_PARTICLES = r"(?:ครับผม|ครับ|คับ|ค้าบ|ค่ะ|คะ|ค่า|จ้ะ|จ้า|จ๊ะ)"
_GLUED = r"(?:ครับผม|ครับ|(?<!บัง)คับ|ค้าบ|ค่ะ|คะ|จ้ะ|จ๊ะ)"
_CLOSING_PARTICLE = re.compile(
    rf"(?:(?<=\s)(?:นะ)?{_PARTICLES}|(?<=\S)(?<![\u0e40-\u0e44])(?:นะ)?{_GLUED}"
    rf"|(?<=\S)(?<![\u0e40-\u0e44])นะ(?:ค่า|จ้า)|(?<=\s)นะ)ๆ?(?=\s|$)"
)
#: Laughter: a run of fives («555», «55555»), a word of its own, where it laughs: opening
#: the sentence or following a particle or a sentence's end («5555 ได้ค่ะ», «ค่ะ 555»), or
#: closing it, particles aside («อยู่แล้ว 555»). Never after a word that labels a number
#: («เบอร์ห้อง 555 เช็คอิน», «ลงท้าย 5555 ยอด 1,200 บาท»), nor between two words that say
#: something: there it is one.
_LAUGHTER = re.compile(r"(?<!\S)5{3,}\+*(?!\S)")
_LAUGH_OPENS = re.compile(rf"(?:^|[.!?…\n]|{_PARTICLES}ๆ?|[^\w\s])\s*$")
_LAUGH_CLOSES = re.compile(rf"(?:\s*(?:(?:นะ)?{_PARTICLES}ๆ?|[.!?…]|[^\w\s]))*\s*$")
_NUMBER_LABEL = re.compile(rf"(?:{THAI_NUMBER_LABELS}|ลงท้าย|ราคา|ยอด|ที่นั่ง)\s*$")
#: What a courtesy clause says: greetings, thanks, congratulations. Not an apology: «ขอโทษ
#: ครับ SD-CNX-47018» says the value before was wrong.
_COURTESY_WORDS = THAI_GREETINGS | THAI_THANKS | word_set("ยินดีด้วย")
#: The name a courtesy addresses, up to the space that ends it. Thai writes a sentence's
#: words with no space between them, so a name running on into more letters may be the
#: words after it: a title is a name only alone («คุณหมอ», not «คุณหมอนัดวันที่ 5», the
#: doctor's appointment), and «คุณภาพ» (quality), «คุณค่า» (value) name none.
_TITLES = r"(?:หมอ|ครู|พ่อ|แม่|ลูกค้า|ป้า|ลุง|น้า|อา)"
_NOT_A_NAME = r"(?:ภาพ|ค่า|สมบัติ|ประโยชน์|ธรรม|ความ)"
_ADDRESSEE = (
    rf"(?:{_TITLES}(?=(?:นะ)?{_PARTICLES}?\s)|(?!{_TITLES}|{_NOT_A_NAME})[\u0e01-\u0e4e]{{2,15}}?"
    rf"(?=(?:นะ)?{_PARTICLES}?\s))"
)
_COURTESY = re.compile(
    rf"^(?:{alternation(_COURTESY_WORDS)})(?:มากๆ|มาก|จริงๆ|ด้วย|เลย)*"
    rf"(?:นะ)?{_PARTICLES}?(?:\s?{_PARTICLES})?"
    rf"(?:(?:คุณ|พี่|น้อง){_ADDRESSEE}(?:นะ)?{_PARTICLES}?)?\s+(?=\S)"
)


def thai_trimmed(
    text: str, spans: Spans, *, question: bool, asks: Callable[[str], bool]
) -> tuple[str, Spans]:
    """``text`` (a sentence, its values at ``spans``) without what carries nothing in Thai
    (module doc), the spans moved with it; ``asks`` tells whether a text is a question."""
    if not _THAI_LETTER.search(text):
        return text, spans
    cuts = [m.span() for m in _LAUGHTER.finditer(text) if _laughs(text, m)]
    ends = {b for _, b in spans} | {len(text.rstrip())}
    particles = [
        m.span()
        for m in _CLOSING_PARTICLE.finditer(text)
        if m.end() in ends or len(text[: m.start()].rstrip()) in ends
    ]
    if question and particles and particles[-1][1] == len(text.rstrip()):
        closing = particles[-1]
        if not asks(text[: closing[0]].rstrip()):
            particles = particles[:-1]  # the particle is what makes it a question
    cuts += particles
    courtesy = _COURTESY.match(text)
    if courtesy is not None:
        cuts.append(courtesy.span())
    cuts = [cut for cut in cuts if not any(a < cut[1] and cut[0] < b for a, b in spans)]
    trimmed, moved = _cut(text, cuts, spans)
    if not trimmed.strip():
        return text, spans  # a particle alone («ค่ะ», yes) is what it says
    return trimmed, moved


def _laughs(text: str, match: re.Match[str]) -> bool:
    """Whether a run of fives is laughter, no number (``_LAUGHTER``)."""
    before = text[: match.start()]
    if _NUMBER_LABEL.search(before):
        return False
    return bool(_LAUGH_OPENS.search(before) or _LAUGH_CLOSES.fullmatch(text, match.end()))


def _cut(text: str, cuts: Sequence[tuple[int, int]], spans: Spans) -> tuple[str, Spans]:
    """``text`` without ``cuts``, each run of spaces they leave read as one, ``spans``
    moved with it."""
    gone = [False] * len(text)
    for start, end in cuts:
        for index in range(start, end):
            gone[index] = True
    kept: list[str] = []
    moved = [0] * (len(text) + 1)
    for index, char in enumerate(text):
        moved[index] = len(kept)
        if gone[index] or (char == " " and (not kept or kept[-1] == " ")):
            continue
        kept.append(char)
    moved[len(text)] = len(kept)
    while kept and kept[-1] == " ":
        kept.pop()
    length = len(kept)
    return "".join(kept), tuple((moved[a], min(moved[b], length)) for a, b in spans)
