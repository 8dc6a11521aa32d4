"""Whether a name said in an English sentence is chosen: the clause it stands in may refuse
it ("I don't want Brembo pads"), say it cannot be had ("Colour Red is not available"), or
weigh it against another ("The Family Room is bigger than the Deluxe King room").

A clause ends at a comma, a semicolon, a bracket or a dash, or where "but", "so",
"because", "which" or "while" begin another: "I don't want the Basic plan, put me on the
Premium plan" refuses only the first.
"""

from __future__ import annotations

import re

_CLAUSE_END = re.compile(
    r"[,;()—–]|\s-\s|\b(?:but|so|because|which|while|although|though|whereas)\b", re.IGNORECASE
)
#: A verb said not to happen: "I don't want", "I can't afford", "is not available".
_NEGATED = re.compile(r"n[’']t\b|\b(?:not|never|cannot)\b", re.IGNORECASE)
#: Whose verb a "not" belongs to: the last subject before a name starts the verb that governs
#: it ("If it's not too late I'd like …" refuses nothing; "I don't want …" does).
_SUBJECT = re.compile(
    r"\b(?:I|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Ii]t(?=[’']s|\s+is)"
    r"|[Yy]ou(?=[’']|\s+(?:can|will|would|should|must|do|did|have|had|are|were|may|might)\b))\b"
)
#: A name said not to be had by the verb right after it: "Colour Red is not available",
#: "The Basic plan isn't for me"; "… if it's not too late" is another verb's.
_NEGATED_AFTER = re.compile(
    r"^\s+(?:(?:colou?r|room|plan|club|model|one|pads|discs|parts)\s+)?"
    r"(?:is|are|was|were|will|would|can|could|does|do|did|has|have|had|should|must)"
    r"(?:n[’']t|\s+not|\s+never)\b|^\s+(?:cannot|can[’']t|won[’']t)\b",
    re.IGNORECASE,
)
_UNAVAILABLE = re.compile(r"\b(?:sold\s+out|out\s+of\s+stock|unavailable|discontinued)\b", re.I)
#: Two names weighed against each other choose neither ("rather than" still chooses one).
_COMPARING = r"\b(?:(?<!rather\s)than|versus|vs\.?|compared)\b"
_COMPARED = re.compile(_COMPARING, re.IGNORECASE)
#: A sentence that weighs a name against another name ("The Family Room is AU$329 per night,
#: so AU$40 more than the Deluxe King"); "than I thought" weighs no name.
_AGAINST_A_NAME = re.compile(
    rf"(?i:{_COMPARING})(?:\s+(?:to|with))?\s+(?:(?i:the|our|your)\s+)?(?!I\b)[A-Z]"
)
#: The words a choice is made with: "went with", "fitted", "we'll use", "I've ordered",
#: "that's approved:", "I've moved you to", "Done: home club" ("like" alone is also "looks
#: like").
_CHOOSING = (
    r"(?i:done|with|fit|fitted|fitting|use|using|order|ordered|book|booked|choose|chose|chosen"
    r"|pick|picked|approved|quote|quoted|want|prefer|(?:['’]d|would)\s+like|moved\s+you\s+to"
    r"|put\s+you\s+on|switch(?:ed)?\s+to|change(?:d)?\s+to)"
)
#: The choosing words, then a few lower-case words ("fitted the new", "with genuine"), and
#: the name right after them.
_CHOSEN_NEXT = re.compile(rf"\b{_CHOOSING}:?(?:\s+[a-z][\w'’-]*){{0,3}}\s+$")


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause of ``sentence`` that holds ``start:end``."""
    first, last = 0, len(sentence)
    for boundary in _CLAUSE_END.finditer(sentence):
        if boundary.end() <= start:
            first = boundary.end()
        elif boundary.start() >= end:
            last = boundary.start()
            break
    return first, last


def chosen_by_words(sentence: str, start: int) -> bool:
    """Whether the name at ``start`` comes right after the words a choice is made with."""
    return _CHOSEN_NEXT.search(sentence[:start]) is not None


def not_chosen(sentence: str, start: int, end: int) -> bool:
    """Whether the clause that names ``start:end`` refuses it or says it cannot be had, or
    the name is weighed against another: its clause compares, or the sentence compares it
    with another name. A name said right after a choosing word is still chosen: "I compared
    prices and went with Brembo pads", "I've moved you to the Premium plan, cheaper than the
    Basic one"."""
    first, last = clause_around(sentence, start, end)
    clause = sentence[first:last]
    if _negated(sentence[first:start], sentence[end:last]) or _UNAVAILABLE.search(clause):
        return True
    compared = _COMPARED.search(clause) or _AGAINST_A_NAME.search(sentence)
    return compared is not None and not chosen_by_words(sentence, start)


def _negated(before: str, after: str) -> bool:
    """Whether the verb that governs a name says it is not had: a "not" from the last
    subject before the name to the name ("I don't want the …", "… and not the Basic plan"),
    or one on the verb right after it ("Colour Red is not available")."""
    subjects = list(_SUBJECT.finditer(before))
    governed = before[subjects[-1].start() :] if subjects else before
    return bool(_NEGATED.search(governed) or _NEGATED_AFTER.search(after))
