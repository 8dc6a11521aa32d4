"""How informative each candidate sentence is, relative to the others.

A term's weight is its TF-IDF over the candidate set: frequent enough to be a
topic (1 + log count) but discounted when every sentence has it (smoothed
idf). A sentence's information is the sum of its terms' weights plus boosts
for what chat memory most needs to keep: shaped values (ids, amounts, dates,
addresses, phones), numbers, currencies and named entities. Sentences without any content term
(greetings, thanks, "ok", a lone "ครับ") are filler.
"""

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.small_talk import is_small_talk, thai_laughs
from domain.memory.offline.terms import content_terms
from domain.memory.offline.values import Kind, find_values

NUMBER_BOOST = 1.5
MAX_NUMBER_BOOSTS = 3
CURRENCY_BOOST = 2.5
NAME_BOOST = 0.5
MAX_NAME_BOOSTS = 2
CONTACT_BOOST = 1.0
#: Identifiers, amounts, dates, addresses …: what a conversation is about survives
#: compression before small talk does.
VALUE_BOOST = 2.0
MAX_VALUE_BOOSTS = 3
#: Users state needs and facts; assistants mostly answer them.
ROLE_FACTOR = {"User": 1.1, "Assistant": 1.0, "System": 0.8}
#: A single content term is a thin sentence ("Nanopresso?").
THIN_SENTENCE_FACTOR = 0.7
#: A sentence that laughs or is an aside and carries no value ("ไปห้างทุกเสาร์อยู่แล้ว
#: 555", "random one but is the sauna open?"): small talk gives its room up first.
SMALL_TALK_FACTOR = 0.3

_NUMBER = re.compile(r"\d+")
_CURRENCY = re.compile(
    r"[$€£¥₹฿﷼]|\b(?:usd|eur|gbp|thb|irr|toman|tomans|rial|rials|dollars?|euros?|baht)\b"
    r"|تومان|ریال|دلار|یورو|บาท|ดอลลาร์|ยูโร",
    re.IGNORECASE,
)
# A capitalized word after a word, i.e. not merely sentence-initial.
_MID_SENTENCE_NAME = re.compile(r"(?<=[A-Za-z,] )[A-Z][a-z]+|(?<=[A-Za-z,] )[A-Z]{2,}\b")
_CONTACT = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.\w+|https?://\S+|\+\d[\d -]{7,}")


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    terms: frozenset[str]
    score: float

    @property
    def is_filler(self) -> bool:
        return not self.terms


def _signal_boost(text: str) -> float:
    # Thai "555" is laughter, not a number
    numbers = min(len(_NUMBER.findall(text)) - thai_laughs(text), MAX_NUMBER_BOOSTS)
    names = min(len(_MID_SENTENCE_NAME.findall(text)), MAX_NAME_BOOSTS)
    boost = NUMBER_BOOST * numbers + NAME_BOOST * names
    if _CURRENCY.search(text):
        boost += CURRENCY_BOOST
    if _CONTACT.search(text):
        boost += CONTACT_BOOST
    shaped = [v for v in find_values(text) if v.kind is not Kind.NUMBER]
    boost += VALUE_BOOST * min(len(shaped), MAX_VALUE_BOOSTS)
    return boost


def score_candidates(candidates: Sequence[Candidate]) -> list[Scored]:
    """Each candidate with its content terms and information score."""
    term_shares = [content_terms(candidate.text) for candidate in candidates]
    document_frequency: Counter[str] = Counter()
    for shares in term_shares:
        document_frequency.update(shares.keys())
    total = len(candidates)

    def weight(term: str) -> float:
        frequency = document_frequency[term]
        idf = math.log(1 + (total + 1) / frequency)
        return (1 + math.log(frequency)) * idf

    scored: list[Scored] = []
    for candidate, shares in zip(candidates, term_shares, strict=True):
        if not shares:
            scored.append(Scored(candidate, frozenset(), 0.0))
            continue
        information = sum(weight(term) * share for term, share in shares.items())
        boost = _signal_boost(candidate.text)
        information += boost
        if not boost and is_small_talk(candidate.text):
            information *= SMALL_TALK_FACTOR
        if sum(shares.values()) <= 1.0:
            information *= THIN_SENTENCE_FACTOR
        factor = ROLE_FACTOR.get(candidate.speaker or "", 1.0) * candidate.prior
        scored.append(Scored(candidate, frozenset(shares), information * factor))
    return scored


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard overlap of two term sets."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
