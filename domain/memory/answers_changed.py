"""A customer's answer to a what- or which-question that a later turn changes.

"Which pharmacy should it go to?" "walgreens on clark and division" is kept as a detail
(``kept_clauses``); when a later turn changes the thing the question asked about to a new
answer, the old one is no longer current and must not be shown as if it were. The later
turn's wording may hold none of the answer's words, so ``supersedes`` (same terms) does not
find it.

A change counts when the thing is its object and it brings a new answer:
"change the colour to navy", "I've changed the pharmacy to the CVS", «رنگ جعبه رو عوض
کنید، سرمه‌ای», «به جای زرشکی سرمه‌ای بذارید», «เปลี่ยนสีกล่องเป็นสีน้ำเงิน». A change that
names no thing ("make it navy instead", «به جاش سرمه‌ای», «เปลี่ยนเป็นสีน้ำเงิน») changes
only the answer given last. Only the customer asks a change; the agent's turn counts when
it says one done with its new value (a read-back). Not a change of something else that
shares a word ("update me when the pharmacy has it", «به جای برچسب»), not one that keeps
the answer ("updated the pharmacy to Walgreens on Clark"), not one refused («عوض نکنید»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.asking_words import EN_MAKE_IT
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.lexicon import word_set
from domain.memory.offline.sentences import split_sentences
from domain.memory.offline.terms import content_terms
from domain.memory.offline.thai_changes import THAI_IF, changes_named
from domain.memory.offline.values import FA_LETTERS
from domain.memory.offline.what_questions import asks_what
from domain.memory.speakers import speaker_of, speaker_turns, without_speakers
from schemas.memory_model import Detail

_FA = FA_LETTERS

_ASKED = re.compile(r"^Assistant: (?P<question>[^\n]+)\nUser: (?P<answer>[^\n]+)")

#: An English verb of change and its object: "change the colour", "switched my pharmacy".
_EN_VERB = (
    r"(?<![\w'’])(?:chang(?:e|ed|ing)|switch(?:ed|ing)?|swap(?:ped|ping)?|updat(?:e|ed|ing)"
    r"|replac(?:e|ed|ing)|amend(?:ed|ing)?)\s+"
)
_EN_OBJECT = re.compile(
    _EN_VERB + r"(?P<object>(?:(?:the|my|our|your|that|this)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
    r"(?P<after>(?:\s+[\w'’-]+){0,3}?)\s+(?:to|for|into|with)\s+(?P<new>[^,.;!?]+)",
    re.I,
)
#: A change with no named thing: "make it navy instead", "change it to navy", "navy instead".
_EN_IT = re.compile(
    rf"(?<![\w'’])(?:{EN_MAKE_IT}(?=[^,.;!?]*\binstead\b)|(?:chang|switch|swap)\w*\s+it\s+(?:to|for))"
    r"\s+(?P<new>[^,.;!?]+)"
    r"|^(?:(?:actually|sorry|no|oh|hmm|ok|okay|so|um)\W+)*"
    r"(?P<before>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+instead(?!\s+of)(?![\w'’])",
    re.I,
)
#: A change named as done: the agent's read-back of it ("changed", «عوض شد», «تغییر دادم»).
_EN_DONE = re.compile(
    r"(?<![\w'’])(?:changed|switched|swapped|updated|replaced|amended)(?![\w'’])", re.I
)
_FA_DONE = re.compile(rf"(?:عوض|تغییر)\s*(?:شد|کردم|کردیم|دادم|دادیم)(?![{_FA}])")
#: Not a change made: "don't change it", "no need to change the colour".
_EN_REFUSED = re.compile(r"(?<![\w'’])(?:don'?t|do\s+not|no\s+need\s+to|never|not)\s+$", re.I)

#: A Persian change of a thing: «رنگ جعبه رو عوض کنید», «رنگش رو به سرمه‌ای تغییر بدید».
_FA_CHANGE = re.compile(rf"(?<![{_FA}])(?:عوض|تغییر)(?![{_FA}])(?!\s*ن(?:کن|ده|دی|شه|شد|کرد|داد))")
#: «به جای X»: X is what is given up.
_FA_INSTEAD = re.compile(rf"(?<![{_FA}])(?:به\s*جای|بجای)\s+(?P<old>[{_FA}]+)")
_FA_INSTEAD_IT = re.compile(rf"(?<![{_FA}])(?:به\s*جاش|بجاش)(?![{_FA}])")
#: Words that only carry a request or a change: no new answer.
_LIGHT = word_set(
    "عوض تغییر کنید کنین بکنید بکنین بدید بدین بشه میشه لطفا لطفاً بذارید بزارید باشه بجای جای"
    " جاش بجاش میخوام میخواستم راستی ببخشید ممکنه اگه instead actually rather"
)
#: Thai with no thing named: «เปลี่ยนเป็นสีน้ำเงิน», «เอาสีน้ำเงินแทน».
_TH_IT = re.compile(
    r"(?:เปลี่ยน|ขอ)(?:ให้)?เป็น(?P<new>[\u0e01-\u0e4e]{2,})|เอา(?P<taken>[\u0e01-\u0e4e]{2,}?)แทน"
)
#: Before a Thai change, words that say it is not made: «ไม่», «ถ้า» (if), «อยาก» (would like).
_TH_NOT = re.compile(rf"ไม่|{THAI_IF}|อยาก")

#: Shortest English or Persian word two spellings of one word share ("colour"/"colours").
_MIN_STEM = 3


def changed_answers(details: Sequence[Detail]) -> set[int]:
    """Indexes (in ``details``, oldest first) of the what-answers a later detail changes."""
    gone: set[int] = set()
    for index, detail in enumerate(details):
        if set(detail.kinds) != {"answer"}:
            continue
        asked = _ASKED.match(detail.text)
        if asked is None or not asks_what(asked["question"]):
            continue
        last = True  # no other answer given since: a change that names no thing is its
        for later in details[index + 1 :]:
            if later.first_position <= detail.last_position:
                continue
            if _changes(later.text, asked["question"], asked["answer"], last=last):
                gone.add(index)
                break
            last = last and "answer" not in later.kinds
    return gone


def _changes(text: str, question: str, answer: str, *, last: bool) -> bool:
    """Whether a turn of ``text`` changes the thing ``question`` asked, answered ``answer``."""
    subject = list(content_terms(question))
    for turn in speaker_turns(text):
        speaker = speaker_of(turn)
        if speaker not in ("User", "Assistant"):
            continue
        for sentence in split_sentences(without_speakers(turn)):
            if speaker == "Assistant" and (is_question(sentence) or not _said_done(sentence)):
                continue
            if _changes_thing(sentence, subject, answer):
                return True
            if last and speaker == "User" and _changes_it(sentence, answer):
                return True
    return False


def _said_done(sentence: str) -> bool:
    """Whether ``sentence`` says a change made: "I've changed …", «عوض شد», «เปลี่ยน…เป็น…»."""
    return bool(_EN_DONE.search(sentence) or _FA_DONE.search(sentence) or changes_named(sentence))


def _changes_thing(sentence: str, subject: list[str], answer: str) -> bool:
    """A change whose object is the thing asked about, to a new answer (module doc)."""
    for match in _EN_OBJECT.finditer(sentence):
        if _EN_REFUSED.search(sentence[: match.start()]):
            continue
        if _names(match["object"], subject) and _new(match["new"], answer):
            return True
    if _FA_CHANGE.search(sentence) and _names_fa_object(sentence, subject):
        return _new(sentence, answer, subject)
    instead = _FA_INSTEAD.search(sentence)
    if instead and (_names(instead["old"], subject) or _names(instead["old"], [answer])):
        return _new(sentence, answer, subject)
    return any(
        _thai_names(change.subject, subject) and _new(change.value, answer)
        for change in changes_named(sentence)
    )


def _changes_it(sentence: str, answer: str) -> bool:
    """A customer's change that names no thing, to a new answer: "make it navy instead"."""
    for match in _EN_IT.finditer(sentence):
        if _EN_REFUSED.search(sentence[: match.start()]):
            continue
        if _new(match["new"] or match["before"], answer):
            return True
    if _FA_INSTEAD_IT.search(sentence):
        return _new(sentence, answer)
    for match in _TH_IT.finditer(sentence):
        if not _TH_NOT.search(sentence[: match.start()]) and not is_question(sentence):
            return _new(match["new"] or match["taken"], answer)
    return False


def _names_fa_object(sentence: str, subject: list[str]) -> bool:
    """A Persian word of the thing asked about is the object of the change: it stands
    before the verb, marked «رو»/«را» or joined to «ش» («رنگش رو عوض کنید»)."""
    change = _FA_CHANGE.search(sentence)
    if change is None:
        return False
    before = sentence[: change.start()].split()[-5:]
    return any(_names(word, subject) for word in before)


def _names(words: str, subject: Sequence[str]) -> bool:
    """Whether ``words`` name one of the ``subject`` terms (one a start of the other:
    "colour"/"colours", «رنگ»/«رنگی»/«رنگش»)."""
    for word in content_terms(words) or words.split():
        for term in subject:
            short, long = sorted((word.lower(), term.lower()), key=len)
            if len(short) >= _MIN_STEM and long.startswith(short):
                return True
    return False


def _thai_names(changed: str, subject: Sequence[str]) -> bool:
    """A Thai subject of change is the thing asked about: a run of it the question holds."""
    return any(changed in term or term in changed for term in subject) or any(
        term in content_terms(changed) for term in subject
    )


def _new(said: str, answer: str, leave_out: Sequence[str] = ()) -> bool:
    """Whether ``said`` names something the ``answer`` does not: a new answer."""
    old = set(content_terms(answer))
    terms = [
        term
        for term in content_terms(said)
        if term not in old and term not in _LIGHT and not _names(term, leave_out)
    ]
    return bool(terms)
