"""A phone given in place of one the assistant read back: "Shall the driver ring you on
07700 900123?" "No, ring my work line: 020 7946 0018"; «با همون 0912… تماس بگیره؟» «نه، رو
خط کاریم زنگ بزنه: 0936…»; «ในระบบเป็นเบอร์คุณพ่อ 089-…» «ขอเปลี่ยนเป็นเบอร์ลูกสาว» «086-…».

Whatever its own words call the new number (a work line, someone's mobile), it is the
number to call now: it replaces the one read back, under that one's key, and the old one
goes to history instead of staying current beside it. Only when the customer says no or
asks for a change, in the reply or in the message just before it. The customer's own number
read back is not replaced by another person's named in the new one's clause ("no, call my
husband instead, 07700 900789", «نه، به خانمم زنگ بزنه …»): that stays theirs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from domain.memory.engine import TranscriptLine
from domain.memory.offline.dialogue import is_correction, is_question, says_no
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.subjects import OTHER_PERSONS, cues_in
from domain.memory.offline.values import Kind, digits_of, find_values

#: Numbers that are the business's own, never the customer's to replace.
_NOT_REPLACED = frozenset({"agent_phone"})


def quoted_phone_replaced(
    line: TranscriptLine,
    previous: TranscriptLine | None,
    earlier: TranscriptLine | None,
    matches: Sequence[FactMatch],
    held: Mapping[str, str],
) -> list[FactMatch]:
    """``matches`` with the one phone of a customer's ``line`` moved to the key of the held
    phone the assistant just read back (in ``previous``, or in ``earlier`` when
    ``previous`` is the customer's own message asking for the change)."""
    if line.role != "user" or previous is None:
        return list(matches)
    phones = [m for m in matches if _phone_digits(m.value)]
    if len(phones) != 1:
        return list(matches)
    if previous.role == "assistant":
        read_back, said = previous.content, line.content
    elif previous.role == "user" and earlier is not None and earlier.role == "assistant":
        read_back, said = earlier.content, f"{previous.content}\n{line.content}"
    else:
        return list(matches)
    refused = any(says_no(t) and not _NO_BOTHER.match(t) for t in (said, line.content))
    if not (refused or is_correction(said)):
        return list(matches)
    if _ALSO.search(said) or not (is_question(read_back) or _CONFIRM.search(read_back)):
        return list(matches)  # "send it to my work phone too": a second number, kept apart
    new = phones[0]
    quoted = {digits_of(span.text) for span in find_values(read_back) if span.kind is Kind.PHONE}
    keys = [
        key
        for key, value in held.items()
        if key not in _NOT_REPLACED and (digits := _phone_digits(value)) and digits in quoted
    ]
    if len(keys) != 1 or keys[0] == new.key or _phone_digits(new.value) in quoted:
        return list(matches)
    if keys[0] == _CUSTOMERS and _someone_elses(line.content, new):
        return list(matches)  # "text my wife instead, her number is …": hers, not theirs
    return [dataclasses.replace(m, key=keys[0]) if m is new else m for m in matches]


#: The customer's own number: another person's number given for it is no change of it.
_CUSTOMERS = "customer_phone"
#: A number added beside the one read back, not put in its place.
_ALSO = re.compile(
    r"(?<![A-Za-z])(?:too|also|as\s+well|as\s+a\s+backup|in\s+addition)(?![A-Za-z])"
    r"|همچنین|اضافه|อีกเบอร์|เพิ่ม(?:อีก)?",
    re.IGNORECASE,
)
#: "No problem", "no worries": a no that refuses nothing.
_NO_BOTHER = re.compile(r"\s*no\s+(?:problem|worries|bother|rush)", re.IGNORECASE)
#: A read-back that asks the customer to confirm it, with no question mark: «ขอยืนยัน
#: เบอร์ติดต่อนะคะ …», "please confirm …", «لطفا تایید کنید».
_CONFIRM = re.compile(r"(?<![A-Za-z])confirm|ยืนยัน|تایید|تأیید", re.IGNORECASE)
#: Whose the number is, said in its clause: "her number is …", "my wife's mobile",
#: «شماره خانمم», «เบอร์ภรรยา».
_SOMEONE_ELSES = re.compile(
    r"(?<![A-Za-z])(?:her|his|their)\s+(?:\w+\s+)?(?:number|mobile|phone|cell|line)"
    r"|(?<![A-Za-z])(?:my|our)\s+(?:wife|husband|partner|son|daughter|mum|mom|mother|dad|father"
    r"|sister|brother|friend|colleague|neighbou?r)'s"
    r"|(?:شماره|موبایل|گوشی)\s*(?:ی\s*)?(?:خانمم|همسرم|شوهرم|مادرم|مامانم|پدرم|بابام|پسرم|دخترم"
    r"|برادرم|خواهرم|دوستم|همکارم)"
    r"|เบอร์(?:ของ)?(?:ภรรยา|สามี|แฟน|แม่|พ่อ|ลูก|พี่|น้อง|เพื่อน)",
    re.IGNORECASE,
)
#: How far before a number its clause is read for whose it is.
_CLAUSE_REACH = 40


def _someone_elses(text: str, new: FactMatch) -> bool:
    """Whether the clause of the phone ``new`` says whose it is ("her number is …"), or
    names the person its key is already for: "no, call my husband instead, 07700 900789",
    «نه، به خانمم زنگ بزنه 0935…», «ไม่ค่ะ โทรหาแม่แทน 092-…» (recipient_phone, his or
    hers). A person named only in another sentence ("that mobile is with my son. Ring my
    work line: …") leaves the number the customer's."""
    before = _clause_before(text, new.start)
    return _SOMEONE_ELSES.search(before) is not None or any(
        cue.topic.name in OTHER_PERSONS and cue.topic.key_for(Kind.PHONE) == new.key
        for cue in cues_in(before)
    )


def _clause_before(text: str, start: int) -> str:
    """The words of the sentence before ``start``, within ``_CLAUSE_REACH``."""
    before = text[max(0, start - _CLAUSE_REACH) : start]
    return re.split(r"[.!?؟\n]", before)[-1]


def _phone_digits(value: str) -> str:
    """The digits of ``value`` when it is a phone number and nothing else (not an
    instruction that quotes one: «رو خط کاریم زنگ بزنه: 0936…»), else ''."""
    spans = find_values(value)
    if len(spans) != 1 or spans[0].kind is not Kind.PHONE or spans[0].text != value.strip():
        return ""
    return digits_of(spans[0].text)
