"""A LINE ID: how Thai customers most often say where to reach them, a handle with no shape
of its own («ไลน์ผม thanakorn.boat», «ไอดีไลน์: kwan_2024», "LINE ID @nok_99").

It is found by the word for LINE before it, in Thai or Latin letters, with the owner
(«ผม», «ดิฉัน», «ของแม่») and a «คือ» or a colon allowed between. A shop's official account
(«แอดไลน์ @shop-care» from the agent) is where to write to, not the customer's handle.
A reply that is only a handle («nok_99 ค่ะ») to a question for the LINE ID («มีไลน์ไอดีไหมคะ»)
is the handle too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.sentences import split_sentences

#: In Latin letters only with "ID" after it: "deadline 13th" names no handle.
_LINE_WORD = r"(?:ไอดี\s?ไลน์|ไลน์\s?ไอดี|ไลน์|(?<![A-Za-z])(?i:line)\s?(?i:id)(?![A-Za-z]))"
_OWNER = r"(?:\s?(?:ของ)?(?:ผม|ดิฉัน|ฉัน|หนู|เรา|พี่|น้อง|คุณ\S{0,10}?|แม่|พ่อ))?"
#: A handle: a letter in it («ไลน์ 0812345678» is a phone, read as one).
_HANDLE_TEXT = (
    r"(?P<value>@?(?=[A-Za-z0-9._-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]{1,30}[A-Za-z0-9])"
    r"(?![A-Za-z0-9._@-])"
)
_HANDLE = re.compile(rf"{_LINE_WORD}{_OWNER}\s?(?:คือ|เป็น|:|is)?\s?{_HANDLE_TEXT}")
#: A reply that opens with a handle and says nothing else before its particle or its end.
_BARE_HANDLE = re.compile(rf"^\s*{_HANDLE_TEXT}\s*(?=ครับ|ค่ะ|คะ|จ้า|นะ|$)")
_ASKS_LINE = re.compile(_LINE_WORD)
#: Latin words after «ไลน์» that are no handle: "ไลน์ OA", "LINE Pay".
_NOT_HANDLES = frozenset({"oa", "pay", "official", "app", "call", "id"})
#: Latin words that reply to a question, not handles: «มีไลน์ไอดีไหมคะ» «yes ค่ะ» says there
#: is one, and gives none.
_REPLY_WORDS = frozenset(
    [
        "yes",
        "yeah",
        "yep",
        "yup",
        "yah",
        "no",
        "nope",
        "nah",
        "okay",
        "okey",
        "oke",
        "okk",
        "sure",
        "fine",
        "thanks",
        "thank",
        "thx",
        "sorry",
        "wait",
        "hello",
        "hi",
        "have",
        "has",
        "none",
        "not",
        "done",
        "right",
        "cool",
        "great",
    ]
)


def line_ids(text: str, claimed: ClaimedSpans, from_user: bool) -> Iterator[FactMatch]:
    """The LINE IDs in ``text``; each claims its handle."""
    for match in _HANDLE.finditer(text):
        handle = match.group("value")
        start, end = match.span("value")
        if handle.casefold() in _NOT_HANDLES or (handle.startswith("@") and not from_user):
            continue
        if claimed.is_free(start, end):
            claimed.claim(start, end)
            yield FactMatch("line_id", handle, start, end)


def line_id_replied(question: str, text: str, claimed: ClaimedSpans) -> Iterator[FactMatch]:
    """The handle a reply gives alone («nok_99 ค่ะ») when ``question``, the other party's
    last message, asks for the LINE ID («มีไลน์ไอดีไหมคะ», «ขอไลน์ด้วยค่ะ»)."""
    if not any(_ASKS_LINE.search(s) and is_question(s) for s in split_sentences(question)):
        return
    match = _BARE_HANDLE.match(text)
    if match is None or match.group("value").casefold() in _NOT_HANDLES | _REPLY_WORDS:
        return
    start, end = match.span("value")
    if claimed.is_free(start, end):
        claimed.claim(start, end)
        yield FactMatch("line_id", match.group("value"), start, end)
