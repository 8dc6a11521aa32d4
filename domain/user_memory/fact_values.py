"""What of a conversation's facts a user memory keeps as the user's, and in what words.

A session's facts are read by that session's agent, with the conversation around
them; a user fact is read in another conversation, alone. So:

- a contact no one said was the user's (the extractor's ``other_phone`` /
  ``other_email``: a number or address with no subject, often the shop's or a
  third party's, "transfer by PromptPay, the shop's number is 02-538-7760"), or the
  agent's own (``agent_phone``: "Sure, my number is …"), is not a user fact: it goes
  to the conversation's details, with its sentence;
- a named code's value (an order id, a phone, an email, a plate) is the code, not the
  turn that gave it: "sorry typo, its NVL-7730481", «ทะเบียนผมพิมพ์ผิด ที่ถูกคือ
  1กข 4812» keep "NVL-7730481", "1กข 4812" (the last run of words holding digits or
  "@", with the short capitals that open or end one: "ACC 3391 0072", "KM22 XTP", a
  Thai plate's consonants, a phone's extension: "021 8845 2310 داخلی 214"); the turn
  goes to the conversation's details, where its other words are still found;
- a noted code (``reference``, ``reference_2`` …: a value with no subject, kept with
  the words that lead to it) says what it is only by those words: its line shows
  them, without the reply words that open a turn ("sure", «ค่ะ», «بله»), in place
  of a numbered key that says nothing in another conversation ("• Kia Niro EV 4,
  registration: KM22 XTP", not "• Reference 3: That's for the …");
- a date or time (``DAY_KEY``: "flight_date", "pickup_time") said only relative to when
  it was said («فردا صبح», "today", «วันนี้»: no digit with it, ``said_when``'s words) is
  no fact in another conversation once the day it names is over: its line ("Flight date:
  امروز") then took a fact's room, so it is recalled, with that day ("this Friday (Fri 11
  Dec)", ``named_days``), only until then (``day_gone``; one naming no day read there, only
  the day it was said). It is handed over as
  the key's value: dropped at the merge, it left an earlier conversation's date of that
  key current ("1 March", then "tomorrow": the user memory said "1 March"). Any other
  value naming such a day ("Tonight Show tickets", a date with its digits, "tomorrow,
  14 May") is recalled, under the heading of the day it was said
  (``said_when.said_heading``);
- a name that is no name: the words around a Persian one the extractor took for it
  («یکی از», «در بلیت», «صاحبخونه‌ست»), or a kinship word alone («پدرمه»: it is my
  father's; "my wife's", «แม่»: ``is_no_name``), is not kept: its line told the next
  conversation a wrong name;
- a code that differs from a newer code of the same conversation by two neighbouring
  characters swapped (a slip of the fingers, then put right: "NVL-7730418", then
  "NVL-7730481") is the mistake, not a second code: it is not kept (one character
  changed is how two real codes differ: orders 4410287 and 4410288).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from domain.memory.offline.lexicon import (
    ENGLISH_REPLIES,
    FA_LETTERS,
    PERSIAN_REPLIES,
    PERSIAN_STOP_WORDS,
    REPLY_NOUNS,
    THAI_POLITE_WORDS,
    THAI_REPLIES,
    alternation,
    word_set,
)
from domain.memory.offline.person_names import KIN_RELATIONS, relation_words
from domain.memory.offline.values import EN_WEEKDAY, FA_WEEKDAY, TH_WEEKDAY
from domain.search.tokenize import normalize
from domain.user_memory.recall_index import IDENTIFIER_KEY, pretty_key
from domain.user_memory.said_when import is_relative
from schemas.user_memory import UserDetail

#: Keys of a contact the extractor could not give to anyone ("noted" values), or gave to
#: the agent ("my number is …" in the assistant's turn): never the user's.
UNATTRIBUTED_CONTACT = re.compile(r"^(?:other|agent)_(?:phone|email)(?:_\d+)?$")
#: Keys of a code with no subject, kept with the words that lead to it ("noted").
NOTED_CODE = re.compile(r"^reference(?:_\d+)?$")
#: The number the extractor gives a key's later values of another subject ("price_3").
_KEY_NUMBER = re.compile(r"^(.*?)(?:_(\d+))?$")
#: Reply words (yes, acknowledgements, thanks) that open a turn, not what a value is.
_REPLY_WORDS = ENGLISH_REPLIES | PERSIAN_REPLIES | THAI_REPLIES | THAI_POLITE_WORDS
#: The other words a noted code's label may open with before what it names: a no, a
#: sorry, a pointer, a presenter ("no sorry, here it is: …", "it's the …", «اینم …»,
#: «นี่ค่ะ …»).
_LEAD_WORDS = word_set(
    """
    no sorry you oh ah so well great perfect here go it's its that's thats this is for the
    a an and typo actually
    نه خب خوب ببخشید اینم این هم
    ได้ นี่ นี้
    """
)
#: Not a reply noun: "Fine ref PCN 8812" names a penalty.
_REPLY_WORD = re.compile(
    rf"^(?:{alternation((_REPLY_WORDS - REPLY_NOUNS) | _LEAD_WORDS)})[,.:!،]*$", re.I
)
#: Keys whose value is a code: identifiers, contacts, plates.
_CONTACT_KEY = re.compile(r"(?:^|_)(?:phone|mobile|tel|email|plate|registration)(?:_\d+)?$")
#: A word that is part of a code: it holds a digit or "@".
_CODE_WORD = re.compile(r"[0-9@\u06f0-\u06f9\u0e50-\u0e59]")
#: The short capitals that open or end a code ("ACC 3391 0072", "KM22 XTP"), and a Thai
#: plate's consonants («ขค 8830»).
_CODE_PART = re.compile(r"^(?:[A-Z0-9]{2,4}|[\u0e01-\u0e2e]{1,3})$")
#: The words between a phone number and its extension: it is one number.
_EXTENSION = re.compile(r"^(?:ext|extension|x|داخلی|ต่อ)\.?$", re.IGNORECASE)
#: Leading Thai letters glued to a code («คือJOB-67-0413»): Thai writes no space there.
_THAI_LEAD = re.compile(r"^[\u0e00-\u0e4f]+(?=[A-Za-z0-9+])")
_EDGE = ".,;:!?،؛()\"'«»“”"


#: Keys of a name: a person's ("holder_name", "customer_name_2"), and any other thing's
#: ("invoice_name", "pet_name"): whoever or whatever is named, a function word opens no name.
_NAME_KEY = re.compile(r"(?:^|_)name(?:_\d+)?$")
_FA = FA_LETTERS
#: A Persian name that opens with a preposition, a pronoun or a count, or holds a word with
#: "is" joined («‌ست»), is the words around a name the extractor took for one: «به نام یکی از
#: مسافرها» (in the name of one of the passengers), «نام پسرتون در بلیت چیه؟» (your son's
#: name on the ticket?), «قبض به نام صاحبخونه‌ست» (the bill is in the landlord's name).
_NOT_A_PERSIAN_NAME = re.compile(
    rf"^(?:{alternation(PERSIAN_STOP_WORDS | {'یکی'})})(?![{_FA}])"
    rf"|[{_FA}]\u200cست(?![{_FA}])"
)


#: Kin the relation words (``person_names``) leave out: grandparents, uncles and aunts.
_MORE_KIN_FA = "پدربزرگ|مادربزرگ|عمو|عمه|دایی|خاله"
#: A kinship word alone, with the owner and "is" it may carry, says whose name it is, not
#: the name: «قبض به نام پدرمه» (the bill is in my father's name), "it's under my wife's",
#: «บิลเป็นชื่อแม่ค่ะ». Whole values only: «پدرم حسین رحیمی» still names him; the owner is
#: joined with no alef after a consonant («پدرم»), so «پدرام» (Pedram) is a name. The
#: words are ``person_names``' for kin: one list of them for names said and names held.
_KIN_ONLY = re.compile(
    r"^(?:"
    rf"(?:{relation_words(1, KIN_RELATIONS)}|{_MORE_KIN_FA})"
    r"(?:(?:\u200cا)?(?:م|ت|ش|مون|تون|شون|مان|تان|شان))?\u200c?(?:ه|ست|ن)?"
    rf"|(?:my |his |her |our )?(?:{relation_words(0, KIN_RELATIONS)})(?:'s|’s)?"
    rf"|(?:คุณ)?(?:{relation_words(2, KIN_RELATIONS)})"
    r"(?:ของ)?(?:ฉัน|ผม|หนู|เรา|ดิฉัน)?(?:ค่ะ|ครับ|คะ|นะ)*"
    r")$",
    re.IGNORECASE,
)


def is_no_name(key: str, value: str) -> bool:
    """Whether fact ``key`` is a name whose ``value`` is no name: the words around a Persian
    name, or a kinship word alone (module doc)."""
    if not _NAME_KEY.search(key):
        return False
    bare = value.strip().strip(_EDGE + " ")
    return bool(_NOT_A_PERSIAN_NAME.search(bare) or _KIN_ONLY.match(bare))


#: Keys of a date or a time: the key's last word before its number ("delivery_date",
#: "pickup_time", "arrival_day_2", "deadline").
DAY_KEY = re.compile(r"(?:^|_)(?:date|day|time|datetime|deadline|when)(?:_\d+)?$")
#: Words a value of a day relative to when it is said has at most ("tomorrow morning"),
#: and characters in Thai, written without spaces («พรุ่งนี้เช้า»).
MAX_RELATIVE_DAY_WORDS = 3
MAX_THAI_RELATIVE_DAY_CHARS = 15
_THAI_LETTER = re.compile(r"[\u0e00-\u0e7f]")


def only_relative_day(key: str, value: str) -> bool:
    """Whether fact ``key`` is a date or time whose ``value`` names a day only from when it
    was said (``said_when``), with no digit (module doc)."""
    if not DAY_KEY.search(key) or _CODE_WORD.search(value):
        return False
    if len(value.split()) > MAX_RELATIVE_DAY_WORDS:
        return False
    if _THAI_LETTER.search(value) and len(value.strip()) > MAX_THAI_RELATIVE_DAY_CHARS:
        return False
    return is_relative(value)


#: Keys of one date ("start_date", "callback_date_2"), not of a recurring day.
_DATE_KEY = re.compile(r"(?:^|_)date(?:_\d+)?$")
#: A weekday alone, with "on" or «روز»: the singular only («شنبه‌ها» is every Saturday),
#: no Thai word after it other than a polite one. One said with "this", «این», «นี้» is
#: a relative day (``said_when``): shown under the day it was said.
_WEEKDAY_ALONE = re.compile(
    rf"^(?:on\s+)?{EN_WEEKDAY}$"
    rf"|^(?:روز\s+)?{FA_WEEKDAY}$"
    rf"|^{TH_WEEKDAY}(?:{alternation(THAI_POLITE_WORDS)})*$",
    re.IGNORECASE,
)


def only_a_weekday(key: str, value: str) -> bool:
    """Whether fact ``key`` is one date whose ``value`` is a weekday alone (module doc)."""
    return bool(_DATE_KEY.search(key) and _WEEKDAY_ALONE.match(value.strip().strip(_EDGE)))


def day_gone(key: str, value: str) -> bool:
    """Whether fact ``key`` is a date whose day is gone by a later conversation: a weekday
    alone or a day said only from then (module doc). Stored as the key's value, so an
    earlier conversation's date is no longer current; not recalled after the day it names
    (``recall``, ``named_days``)."""
    return only_a_weekday(key, value) or only_relative_day(key, value)


def shown_facts(facts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A conversation's facts a later one is shown: not a date whose day is gone
    (``day_gone``). Only these hold back a detail stating their value: a detail saying
    «พรุ่งนี้เช้า» is the one place a later conversation reads it."""
    return [(key, value) for key, value in facts if not day_gone(key, value)]


def is_code_key(key: str) -> bool:
    return bool(IDENTIFIER_KEY.search(key) or _CONTACT_KEY.search(key))


def code_of(value: str) -> str:
    """The code ``value`` gives (module doc); ``value`` itself when it has none or is one."""
    words = value.split()
    last = next((i for i in range(len(words) - 1, -1, -1) if _CODE_WORD.search(words[i])), None)
    if last is None:
        return value
    start = last
    while start > 0 and (
        _CODE_WORD.search(words[start - 1])
        or _CODE_PART.match(words[start - 1])
        or (
            start > 1 and _EXTENSION.match(words[start - 1]) and _CODE_WORD.search(words[start - 2])
        )
    ):
        start -= 1
    end = last + 1
    while end < len(words) and _CODE_PART.match(words[end].strip(_EDGE)):
        end += 1
    if start == 0 and end == len(words):
        return value
    code = " ".join(words[start:end]).strip(_EDGE)
    return _THAI_LEAD.sub("", code) or value


#: Codes shorter than this are too short to tell a typo from another code.
MIN_TYPO_CODE = 6


def is_typo_of(code: str, newer: str) -> bool:
    """Whether ``code`` is ``newer`` mistyped: two neighbouring characters swapped
    ("NVL-7730418", then "NVL-7730481"). One character changed is not taken for a typo:
    that is how two codes of one conversation differ (orders 4410287 and 4410288, a
    family's numbers 0812345670 and 0812345671), and a second code lost is worse than a
    mistyped one kept."""
    a, b = normalize(code), normalize(newer)
    if a == b or len(a) != len(b) or len(a) < MIN_TYPO_CODE:
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and (a[differ[0]], a[differ[1]]) == (b[differ[1]], b[differ[0]])
    )


@dataclass
class UsersFacts:
    """A conversation's facts as the user memory keeps them, and the turns some came in."""

    facts: list[tuple[str, str]] = field(default_factory=list)
    #: (the turn, the code it gave, or "" for a contact not the user's)
    turns: list[tuple[str, str]] = field(default_factory=list)

    def details(self, session_id: str, at: datetime) -> list[UserDetail]:
        """The turns as details of the conversation (``at``: its last activity)."""
        return [
            UserDetail(session_id=session_id, observed_at=at, position=0, text=text, values=[code])
            for text, code in self.turns
            if code
        ]


def noted_line(key: str, value: str) -> tuple[str, str] | None:
    """A noted code's (label, code) for its line (module doc): with no words leading to
    it, its key without the number; None when it is not one or is the code alone."""
    if not NOTED_CODE.match(key):
        return None
    code = code_of(value)
    if code == value or code not in value:
        return None
    words = value[: value.rindex(code)].split()
    while words and _REPLY_WORD.match(words[0]):
        words.pop(0)
    label = " ".join(words).strip(_EDGE + " -–—")
    return (label or pretty_key(_KEY_NUMBER.match(key).group(1)), code)  # type: ignore[union-attr]


def _later(key: str, other: str, listed_later: bool) -> bool:
    """Whether fact ``key`` came after ``other``: the extractor numbers one key's values
    in the order they came ("reference", "reference_2"); else as listed."""
    base, number = _KEY_NUMBER.match(key).groups()  # type: ignore[union-attr]
    other_base, other_number = _KEY_NUMBER.match(other).groups()  # type: ignore[union-attr]
    if base == other_base:
        return int(number or 1) > int(other_number or 1)
    return not listed_later  # listed most recently updated first


def users_facts(facts: Iterable[tuple[str, str]]) -> UsersFacts:
    """A conversation's facts (most recently updated first) as the user memory keeps them
    (module doc)."""
    kept = UsersFacts()
    codes: list[tuple[str, str]] = []  # (key, code) of every code fact, as listed
    shaped: list[tuple[str, str, str]] = []
    for key, value in facts:
        if UNATTRIBUTED_CONTACT.match(key):
            kept.turns.append((value, code_of(value)))
        elif is_no_name(key, value):
            continue
        elif not is_code_key(key):
            shaped.append((key, value, ""))
        else:
            code = code_of(value)
            codes.append((key, code))
            shaped.append((key, value, code))
    for key, value, code in shaped:
        if code:
            place = codes.index((key, code))
            mistyped = any(
                _later(other, key, at > place) and is_typo_of(code, newer)
                for at, (other, newer) in enumerate(codes)
                if other != key
            )
            if mistyped:
                continue
            if not NOTED_CODE.match(key) and code != value:
                kept.turns.append((value, code))
                value = code
        kept.facts.append((key, value))
    return kept
