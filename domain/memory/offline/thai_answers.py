"""A Thai reply that leads with a sum, to a question for how much of a thing no cue word
knows: the thing the question named is what the sum is.

«ค่าหนังสือเท่าไหร่คะ» «๖๕๐ บาทค่ะ», «ทุนจดทะเบียนเท่าไหร่คะ» «2 ล้านบาทค่ะ»: the answer is
kept with the words the question asked it by («ค่าหนังสือ ๖๕๐ บาท»), so the reader knows
what it is, and a later answer to the same words replaces it. A sum deeper in the reply,
or a reply to a question for something else, is not the answer.
"""

from __future__ import annotations

import re

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.thai_cues import is_thai
from domain.memory.offline.values import Kind, ValueSpan

#: The question words, and the kinds of value each asks for. Only sums: a day, an hour or
#: an age answered so is moved or put right later in words the rules for those kinds read
#: (a day moved takes the place of the one day held), and one more held beside it would
#: keep the old one standing.
_ASKS = ((re.compile(r"เท่าไ(?:หร่|ร)"), frozenset({Kind.AMOUNT})),)
#: Words that open a question and name nothing («แล้ว», «ไม่ทราบว่า», «ตอนนี้»).
_OPENING = re.compile(
    r"^(?:(?:แล้ว(?:ก็)?|ส่วน|ตอนนี้|ไม่ทราบว่า|อยากทราบว่า|ขอถาม(?:หน่อย)?|ทราบว่า|คุณ(?:ลูกค้า)?"
    r"|ขอโทษนะ(?:คะ|ครับ)?|รบกวน(?:สอบ)?ถาม|สอบถาม|รบกวน)\s?)+"
)
#: Words a sum's name opens with («ค่าเดินทาง», «ราคา…», «ยอด…»): where a label too long to
#: keep whole is cut, at a word's start (not «มูลค่า», of which «ค่า» is no start).
_LABEL_START = re.compile(r"(?<!มูล)ค่า|ราคา|ยอด|งบ|ทุน|เงิน")
#: Words that close the asked thing and name nothing («ประมาณ», «ไว้», «จะ»).
_CLOSING = re.compile(r"(?:ประมาณ|ราวๆ|ราว|ไว้|อยู่|จะ|ได้|ที่|คือ|เป็น|ตก|\s)+$")
#: Of a reply, what may come before the value that answers: a yes, a guess («ประมาณ»).
_LEAD = re.compile(r"^\s*(?:(?:ได้|โอเค|ค่ะ|ครับ|คะ|ประมาณ|ราวๆ|น่าจะ|ก็|คิดว่า|คิดไว้|ตอนนี้)\s?)*$")
#: The longest label kept (characters): a question's last words, not its whole sentence.
_LABEL_REACH = 24


def asked_label(question: str, kind: Kind) -> str | None:
    """The words of the last Thai question of ``question`` that name what it asks for
    right before its question word, when the question asks for a value of ``kind``."""
    for sentence in reversed(split_sentences(question)):
        if not is_thai(sentence) or not is_question(sentence):
            continue
        for asks, kinds in _ASKS:
            found = asks.search(sentence)
            if found is None:
                continue
            if kind not in kinds:
                return None
            words = _CLOSING.sub("", _OPENING.sub("", sentence[: found.start()].split(" ")[-1]))
            if len(words) > _LABEL_REACH:  # cut at a word's start, never in a word
                named = _LABEL_START.search(words)
                words = words[named.start() :] if named is not None else ""
            return words if len(words) >= 2 and is_thai(words) else None
        return None
    return None


def leads_reply(text: str, value: ValueSpan) -> bool:
    """Whether ``value`` is what the reply ``text`` opens with, past a yes or a guess."""
    return _LEAD.match(text[: value.start]) is not None
