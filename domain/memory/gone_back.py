"""Facts gone back to an earlier value, at fold time.

A customer changes a value and then takes the first one again: «۵ شب کنیم؟» … «برگردیم
همون ۴ شب», "switch to the Pro" … "actually, back to the Classic", «เปลี่ยนเป็นสีดำ» …
«กลับไปเป็นสีขาวเหมือนเดิม». The engine reads the message against the current values only,
so the value said again often goes under no key, or under a key of its own, and the fact
keeps the value given up. The fact's history knows better: a value said with a word of
going back («همون», «برگردیم», «پس», "back to", "original", «เหมือนเดิม») that is an
earlier value of exactly one fact names that fact, and is its value again. A value in
two facts' histories names neither; a question ("can we go back to R-214?") asks, it
does not settle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from domain.memory.engine import TranscriptLine
from domain.memory.offline.lexicon import FA_BLOCK
from domain.memory.offline.values import EN_WEEKDAY, FA_WEEKDAY, TH_WEEKDAY
from schemas.memory_model import Fact, FactValue

_FA = FA_BLOCK

#: Words that take an earlier value again. Persian: «همون» (that same), «برگردیم به»,
#: «پس» (so: the answer to one's own "back to …?"), but not «پس فردا» (the day after
#: tomorrow). English: "back to", "go back", "the original", "as before". Thai: กลับไป /
#: กลับมา (back to), เหมือนเดิม / แบบเดิม / อันเดิม / ตามเดิม (as before).
_FA_BACK = r"همون|همان|برگردیم|برگردید|برگردین|برمی[\u200c\s]?گردیم"
_EN_TH_BACK = (
    r"|(?<![A-Za-z])(?:back\s+to|go(?:ing)?\s+back|original(?:ly)?|as\s+before"
    r"|revert(?:ing)?)(?![A-Za-z])"
    r"|กลับ(?:ไป|มา)|(?:เหมือน|แบบ|อัน|ตาม)เดิม"
)
_GONE_BACK = re.compile(
    rf"(?<![{_FA}])(?:{_FA_BACK}|پس(?!\s*فردا))(?![{_FA}])" + _EN_TH_BACK, re.IGNORECASE
)

#: The words of going back that point at a value said before, not «پس» (so) alone: a
#: value of the same shape as a held one is that one's only when said as gone back to.
_POINTS_BACK = re.compile(rf"(?<![{_FA}])(?:{_FA_BACK})(?![{_FA}])" + _EN_TH_BACK, re.IGNORECASE)

#: Little words between a word of going back and its value: «برگردیم به همون», "back to
#: the", «กลับไปเป็น», «กลับไปเรียน» (back to studying on).
_LITTLE_WORDS = re.compile(
    rf"(?:[\s\u200c,:]+|(?<![{_FA}])(?:به|رو|را)(?![{_FA}])|(?<![A-Za-z])(?:the|my|our)"
    r"(?![A-Za-z])|เป็น|ใช้|เอา|เรียน|ที่)*$",
    re.IGNORECASE,
)

#: A going back turned down: "not back to …", "no need to go back to …".
_REFUSED = re.compile(r"(?<![A-Za-z])(?:not|never|no\s+need)(?![A-Za-z])|n't", re.IGNORECASE)

#: A value said as not the one, after it: «پس X515 نیست» (so it is not the X515), «R-230
#: نه»; a Thai ask with no question mark: «ขอกลับไปเรียน เสาร์ 9.00-11.00 ได้ไหมคะ».
_DENIED_OR_ASKED_AFTER = re.compile(
    rf"^(?:[^.!?؟\n]|\.\d)*?(?:(?<![{_FA}])(?:نیست|نبود|نباشه|نه|نمی)|ไหม|มั้ย|หรือเปล่า|รึเปล่า|หรือยัง)"
)

#: Where a sentence ends: its question mark tells an ask from a choice.
_SENTENCE_END = re.compile(r"[!?؟\n]|\.(?!\d)")

#: A value stands whole: not inside a longer number, code or Persian word ("R-2140",
#: «۱۴»); Thai writes no spaces, so a Thai letter beside it is no part of it.
_EDGE_BEFORE = rf"(?<![A-Za-z0-9{_FA}.,٬/-])"
_EDGE_AFTER = rf"(?![A-Za-z0-9{_FA}/-])"

#: A value this short ("۴", "12") is inside too many other things to name a fact.
MIN_VALUE_CHARS = 3


def gone_back_facts(
    facts: Sequence[Fact], lines: Sequence[TranscriptLine], now: datetime, max_history: int
) -> tuple[list[Fact], list[str]]:
    """``facts`` with each one a line of ``lines`` takes back to an earlier value holding
    it again (the value given up last in its history, ``max_history`` values at most),
    and the values gone back to (current again: no longer to be marked replaced)."""
    by_key = {fact.key: fact for fact in facts}
    positions = {line.message_id: line.position for line in lines}
    restored: list[str] = []
    for line in lines:
        held = list(by_key.values())
        found = _gone_back_to(line.content, held)
        if found is None and line.role == "user":
            found = _same_shape_again(line.content, held)
        if found is None:
            continue
        fact, value = found
        if positions.get(fact.source_message_id, -1) > line.position:
            continue  # set again after this line, in the same batch
        given_up = FactValue(
            value=fact.value, source_message_id=fact.source_message_id, updated_at=fact.updated_at
        )
        by_key[fact.key] = fact.model_copy(
            update={
                "value": value,
                "source_message_id": line.message_id,
                "updated_at": now,
                "history": [*fact.history, given_up][-max_history:],
            }
        )
        restored.append(value)
    kept = [by_key[fact.key] for fact in facts]
    return kept, restored


def _gone_back_to(text: str, facts: Sequence[Fact]) -> tuple[Fact, str] | None:
    """The one fact whose earlier value ``text`` takes again, and that value."""
    found: list[tuple[Fact, str]] = []
    for fact in facts:
        for earlier in {item.value.strip() for item in fact.history}:
            if len(earlier) < MIN_VALUE_CHARS or earlier in fact.value:
                continue
            if _taken_again(text, re.escape(earlier), _GONE_BACK):
                found.append((fact, earlier))
                break
    return found[0] if len(found) == 1 else None


def _same_shape_again(text: str, facts: Sequence[Fact]) -> tuple[Fact, str] | None:
    """The one fact whose value has the shape of one a user goes back to, and that value:
    «برگردیم همون ۴ شب» while «۵ شب» is held, «پس همون پنجشنبه ۱۵ آذر» while «شنبه ۱۷
    آذر» is. The earlier value went under no key (read as an hour, or not kept), but
    «همون» points back to a value said before, and its number and word name the fact."""
    found: list[tuple[Fact, str]] = []
    for fact in facts:
        shape = _shape_of(fact.value.strip())
        if shape is None:
            continue
        value = _taken_again(text, shape, _POINTS_BACK)
        if value is not None and value not in fact.value:
            found.append((fact, value))
    return found[0] if len(found) == 1 else None


#: A weekday's name in any of the three languages.
_ANY_WEEKDAY = f"(?:{FA_WEEKDAY}|{EN_WEEKDAY}|{TH_WEEKDAY})"

#: A space in a shape: Persian writes «۴ شب», «۴شب» and «۴\u200cشب» alike.
_SPACE = "[\\s\u200c]*"


def _shape_of(value: str) -> str | None:
    """A pattern of ``value`` with any number for its numbers (and any weekday for its
    weekday): «۵ شب» → "N شب", «شنبه ۱۷ آذر» → "[weekday] N آذر". Only a number with a
    word after it has a shape: a bare number, or a word alone, names no subject."""
    weekday = re.match(rf"{_ANY_WEEKDAY}[\s,]+", value)
    rest = value[weekday.end() :] if weekday else value
    parts = re.split(r"(\d+(?:[.,:٫٬]\d+)*)", rest)
    if len(parts) < 3 or parts[0] or not re.search(r"[^\W\d_]", "".join(parts[2::2])):
        return None
    shape = "".join(
        r"\d+(?:[.,:٫٬]\d+)*" if index % 2 else _SPACE.join(map(re.escape, re.split(r"\s+", part)))
        for index, part in enumerate(parts)
    )
    if weekday:
        shape = rf"(?:{_ANY_WEEKDAY}[\s,]+)?" + shape
    return shape


def _taken_again(text: str, value: str, cues: re.Pattern[str]) -> str | None:
    """What ``text`` says of ``value`` (a pattern) in a sentence that goes back to it: a
    word of ``cues`` before it in that sentence, no question, no "not"."""
    for match in re.finditer(_EDGE_BEFORE + "(?:" + value + ")" + _EDGE_AFTER, text):
        start = _sentence_start(text, match.start())
        end = _SENTENCE_END.search(text, match.end())
        if (end is not None and end.group() in "?؟") or _DENIED_OR_ASKED_AFTER.search(
            text[match.end() :]
        ):
            continue
        before = text[start : match.start()]
        if _just_before(cues, before) and not _REFUSED.search(before):
            return match.group()
    return None


def _just_before(cues: re.Pattern[str], before: str) -> bool:
    """Whether a word of ``cues`` ends ``before`` (but for little words: «به», "the"):
    «همون قهرمان آلپ، ۱۴ میلیون» goes back to the brand, not to the sum after it."""
    head = before[: _LITTLE_WORDS.search(before).start()]  # type: ignore[union-attr]
    return any(cue.end() == len(head) for cue in cues.finditer(head))


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0
