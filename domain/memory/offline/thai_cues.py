"""How far a Thai cue or change word reaches, Thai having no marks between sentences.

A Thai message is often one run of clauses with spaces between, so the whole message
is one "sentence" to the rules that stop at a full stop. Three limits keep a cue to
its own clause:

- a cue after a value with "and" or "then" between them opens the next clause
  («เค้กวันที่ 28 เวลา 20.00 น. และเช็กเอาต์ช้าถึง 14.00 น.»: the cake's date, not the check-out);
- a cue right after "before" or "after" («ยกเลิกฟรีก่อนวันเช็กอิน 7 วัน คือภายในวันที่ 20 ธ.ค.»)
  names the point the value is counted from, not the value;
- "new" or "now" makes a value the new one of its kind only near it («คืนวันที่ 28 ธ.ค.
  มีห้องว่าง … แยกเป็นการจองใหม่»: the new booking is not a new date for the stay).
"""

from __future__ import annotations

import re

_THAI = re.compile(r"[\u0e01-\u0e4e]")
#: The whole Thai block, digits and signs included: a Thai word or noun wherever it stands.
THAI_SCRIPT = re.compile(r"[\u0e00-\u0e7f]")
_CONJUNCTION = re.compile(r"และ|แล้ว|ส่วน|กับ")
_BEFORE_OR_AFTER = re.compile(r"(?:ก่อน|หลัง)(?:วัน|เวลา)?\s?$")
#: Thai words that ask what, which, who, why, when, how much and how: a question's own
#: words, never part of a name. A regex alternation with no bounds (Thai writes none).
THAI_QUESTION_WORDS = r"อะไร|ไหน|ใคร|ทำไม|เมื่อไหร่|เมื่อไร|เท่าไหร่|เท่าไร|ยังไง|อย่างไร"
#: One Thai letter of a name or value, where no question word starts: a run of these never
#: takes a question's word («ชื่อร้านอะไรคะ», what is the shop's name, names no «ร้านอะไร»;
#: «ผมชื่อเล่นอะไรคะ» no «อะไร»).
THAI_LETTER_NOT_ASKING = rf"(?:(?!{THAI_QUESTION_WORDS})[\u0e01-\u0e4e])"
#: How far from a Thai value a word of change may stand and still change it.
UPDATE_REACH = 30


def is_thai(text: str) -> bool:
    return _THAI.search(text) is not None


def opens_next_clause(gap: str) -> bool:
    """Whether the Thai words between a value and a cue after it start another clause."""
    return _CONJUNCTION.search(gap) is not None


def counted_from(text: str, cue_start: int) -> bool:
    """Whether a Thai cue is the point a value is counted from («ก่อนวันเช็กอิน»)."""
    return _BEFORE_OR_AFTER.search(text, max(0, cue_start - 10), cue_start) is not None


def near_words(text: str, start: int, end: int, begin: int, stop: int) -> str:
    """The words of a Thai sentence ``text[begin:stop]`` near the value at ``start:end``."""
    return text[max(begin, start - UPDATE_REACH) : min(stop, end + UPDATE_REACH)]
