"""The subject an English sentence names for a code it gives without a known cue.

"Your move reference is MV-66021", "your quote reference is BS-Q-20417", "patient number
is P-00731842", "the council's permit code: PK-4410", "to Royal Mail, reference RM-88":
the words right before the code say what it is. Such a code is kept under a key that
names that subject (``move_reference``, ``quote_reference``, ``patient_number``,
``royal_mail_reference``) with the code alone as its value, not under a counter of its
type (``reference_3``) with the clause that led to it ("an enquiry for you, your quote
reference is …"): a key names its subject, and the clause is tokens the context needs.

Only a type noun (reference, number, code, id) with a subject before it names one: "a
claim under reference CLM-22" and "your reference is CMP-55" say no subject, and keep the
words that lead to the code.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import ENGLISH_STOP_WORDS, word_set

#: A type noun and what may join it to the code ("reference is", "number:", "code -").
_TYPE_NOUN = r"(?P<noun>reference|ref|number|no\.?|code|id)"
_JOIN = r"(?:\s*(?:is|was|will\s+be|:|-|=))?\s*$"
#: One to three lower-case words before the type noun ("quote", "car rental").
_SUBJECT_BEFORE = re.compile(
    rf"(?<![\w'-])(?P<words>(?:[a-z][a-z'-]*\s+){{1,3}}){_TYPE_NOUN}{_JOIN}"
)
#: A name, a comma, then the type noun ("Electricity North West, reference"): the name's.
_NAME_BEFORE = re.compile(
    rf"(?P<name>(?:[A-Z][\w&'-]*\s+){{0,3}}[A-Z][\w&'-]*),\s*(?P<noun>reference|ref){_JOIN}"
)
#: The capital letter opening a sentence, when the word it opens is no name in capitals.
_OPENING_CAPITAL = re.compile(r"\s*[A-Z](?=[a-z])")
#: The key's spelling of a type noun.
_NOUN_KEYS = {"ref": "reference", "no": "number", "no.": "number"}
#: Words that never name a subject, besides the stop words: "the new reference", "the
#: correct number", "the booking's ref" keep only what names the thing; nor does a word
#: of agreement opening a reply ("Fine ref …").
_NOT_A_SUBJECT = word_set(
    "new old correct right wrong updated revised same full last first second other "
    "given another this that fine ok okay sure great thanks yes"
)


def named_code_key(lead: str) -> str | None:
    """The key the words ``lead`` (all that comes before a code in its sentence) name for
    it, or None when they name no subject."""
    name = _NAME_BEFORE.search(lead)
    if name is not None:
        words = name.group("name").casefold().split()
        return _key(words, name.group("noun"))
    # a capital that only opens the sentence makes no name: "Payment reference is …"
    opening = _OPENING_CAPITAL.match(lead)
    if opening is not None:
        lead = lead[: opening.end() - 1] + lead[opening.end() - 1].lower() + lead[opening.end() :]
    match = _SUBJECT_BEFORE.search(lead)
    if match is None:
        return None
    subject: list[str] = []
    for word in reversed(match.group("words").split()):
        word = word.removesuffix("'s")
        if word in ENGLISH_STOP_WORDS or word in _NOT_A_SUBJECT or "'" in word:
            break
        subject.insert(0, word)
    return _key(subject, match.group("noun")) if subject else None


def _key(words: list[str], noun: str) -> str:
    noun = noun.casefold()
    parts = [re.sub(r"[^a-z0-9]+", "_", word).strip("_") for word in words]
    return "_".join([*filter(None, parts), _NOUN_KEYS.get(noun, noun)])
