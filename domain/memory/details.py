"""Details: every question–answer unit or sentence that states a value, kept at fold time.

The extractive summaries have a few hundred tokens for a hundred messages: a sentence
they drop is lost, and a fact rule keys only the values it knows how to name. A detail
keeps the unit word for word ("Assistant: What's the mileage?\\nUser: 84,312"), with
the values it states (``domain.memory.offline.values``), so the context can show what
the rest of it does not carry. It is extraction, not summarization: every engine's
folds fill it.

A newer detail *supersedes* an older one when it states values of the same kinds and
says the same thing around them: once the values, the speakers and a word of change
("now", "new", "instead", «الان», «جدید», «ใหม่», «แทน») are taken out, their content terms
are the same ("The mileage is 84,312" after "The mileage is 79,000"), and the identifiers
they name (an identifier, a number after a name: "Order 4471", "Room 12") are the same.
Not when either says something the other does not ("my son's appointment" and "my
daughter's appointment", "front tyres" and "rear tyres", "Paris flight" and "Rome
flight", "INV-1001" and "INV-1002"). So is an older detail every value of which newer
ones replaced (``domain.memory.detail_changes``: "User: 40118872" after "oops, 40118827").
A fold deletes nothing for it: it flags the older one ``superseded`` and the context leaves
it out. Each fold also stores on a detail which of its values newer ones replaced
(``Detail.replaced``), which the context marks where a text still quotes one. The stored
list is bounded: past ``MAX_DETAILS`` the superseded go first, then the oldest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.answers_asked_again import answers_asked_again
from domain.memory.answers_changed import changed_answers
from domain.memory.detail_changes import fully_replaced, replaced_values, value_changes
from domain.memory.engine import TranscriptLine
from domain.memory.offline.asked_topics import names_an_item
from domain.memory.offline.candidates import (
    Candidate,
    context_question,
    from_lines,
    render,
    units,
)
from domain.memory.offline.compound_words import joined_compounds
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.kept_clauses import clauses_kept
from domain.memory.offline.lexicon import RELATIVE_DAYS
from domain.memory.offline.terms import content_terms
from domain.memory.offline.thai_sentences import thai_sentences
from domain.memory.offline.values import find_values
from domain.memory.speakers import without_speakers
from schemas.limits import MAX_DETAILS
from schemas.memory_model import Detail, ReplacedValue
from schemas.messages import StoredMessage

#: Content terms two details of the same value kinds share when they say the same thing.
MIN_SHARED_TERMS = 2


def details_of(
    lines: Sequence[TranscriptLine], context: Sequence[TranscriptLine] = ()
) -> list[Detail]:
    """The details of a fold's ``lines``, oldest first; ``context`` (the previous fold's
    tail) gives the question an answer in the first line may be answering."""
    if not lines:
        return []
    candidates = thai_sentences(from_lines(lines, lines[0].position))
    question = context_question(lines, context, lines[0].position - 1)
    if question is not None:
        candidates.insert(0, question)
    found: list[Detail] = []
    #: The last unit kept for its clauses alone, while the next may continue it.
    clause_unit: tuple[Candidate, ...] = ()
    for unit in units(candidates):
        unit = _with_lead_in(candidates, unit)
        values = [
            (value.text, value.kind.value)
            for candidate in unit
            for value in find_values(candidate.text)
            if value.text.casefold() not in RELATIVE_DAYS
        ]
        if values:
            found.append(_detail(unit, values))
            clause_unit = ()
            continue
        clauses = [(c.text, c.kind) for c in clauses_kept(unit)]
        asked = _asked_before_options(candidates, unit) if not clauses else None
        if asked is not None:
            answered = (asked, *unit)
            clauses = [(c.text, c.kind) for c in clauses_kept(answered)]
            unit = answered if clauses else unit
        if not clauses:
            clause_unit = ()
            continue
        if _continues(clause_unit, unit) and not _only_answers(found[-1].kinds, clauses):
            previous = found.pop()
            unit = (*clause_unit, *unit)
            clauses = [*zip(previous.values, previous.kinds, strict=True), *clauses]
        found.append(_detail(unit, clauses))
        clause_unit = unit
    return found


def _only_answers(kinds: Sequence[str], clauses: Sequence[tuple[str, str]]) -> bool:
    """Whether the clauses kept before (their ``kinds``) or the next unit's ``clauses`` are
    only a bare answer to a what-question: kept apart, it is the detail a context shows
    last (``replaced_details.share_order``), and the other keeps the room it had."""
    return set(kinds) == {"answer"} or {kind for _, kind in clauses} == {"answer"}


def _with_lead_in(
    candidates: Sequence[Candidate], unit: tuple[Candidate, ...]
) -> tuple[Candidate, ...]:
    """``unit`` with the sentence before its question when that sentence only names the
    item asked about («แล้วหมวกล่ะคะ» before «สีอะไรคะ», "Now the cap." before "What
    colour?"): without it the answer would read as one to the earlier, bare question."""
    if not unit or unit[0].speaker == "User" or unit[0].order[1] == 0:
        return unit
    source, sentence = unit[0].order
    before = [c for c in candidates if c.order == (source, sentence - 1)]
    if len(before) == 1 and names_an_item(before[0].text):
        return (before[0], *unit)
    return unit


def _asked_before_options(
    candidates: Sequence[Candidate], unit: Sequence[Candidate]
) -> Candidate | None:
    """The question a customer's lone reply answers when the agent's message went on past
    it without a value («جعبه رو چه رنگی میخواید؟ مخمل زرشکی داریم، سرمه‌ای، سفید» → «زرشکی»;
    a Thai request split at its spaces, «ขอชื่อร้านหรือบริษัท ที่อยู่ …»): ``units`` pairs
    a reply only with a message's last sentence."""
    if len(unit) != 1 or unit[0].speaker != "User" or unit[0].order[1] != 0:
        return None
    before = [c for c in candidates if c.source == unit[0].source - 1]
    if not before or before[0].speaker == "User" or is_question(before[-1].text):
        return None
    for candidate in reversed(before):
        if is_question(candidate.text):
            return candidate
        if find_values(candidate.text):
            return None  # what follows the question states values: not a bare list
    return None


def _detail(unit: Sequence[Candidate], values: Sequence[tuple[str, str]]) -> Detail:
    return Detail(
        first_position=max(1, min(c.source for c in unit)),
        last_position=max(c.source for c in unit),
        text=render(unit),
        values=[value for value, _ in values],
        kinds=[kind for _, kind in values],
    )


def _continues(earlier: Sequence[Candidate], unit: Sequence[Candidate]) -> bool:
    """Whether ``unit`` is the next sentence of the message ``earlier`` ended on: a clause
    kept with the one before it is one detail («…ล้างจานรั่ว», «แล้วแอร์…มีน้ำหยด»)."""
    if not earlier or len(unit) != 1:
        return False
    last, sentence = earlier[-1], unit[0]
    return (
        last.source == sentence.source
        and last.speaker == sentence.speaker
        and sentence.order[1] == last.order[1] + 1
    )


#: Words that say a value changed, not what it is of: taken out before two details' words
#: are compared (a Thai one wherever it stands, the script has no spaces).
CHANGE_WORDS = frozenset(
    {"now", "new", "instead", "actually", "update", "updated", "changed", "correction"}
    | {"الان", "حالا", "اکنون", "جدید"}  # Persian
)
THAI_CHANGE_WORDS = ("ตอนนี้", "ใหม่", "แทน")

_CHANGE = re.compile(r"\b(?:" + "|".join(sorted(CHANGE_WORDS)) + r")\b", re.IGNORECASE)

#: Just before a number that names something rather than counts it: a capitalised word,
#: "#" or "No." ("Order 4471", "Room 12", "#12").
_ID_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*|#|\b[Nn]o\.?)\s*$")


def _bare_text(detail: Detail) -> str:
    text = without_speakers(detail.text)
    for value in sorted(detail.values, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def detail_terms(detail: Detail) -> set[str]:
    """The content terms of ``detail`` without its speakers, its values and the words that
    only say something changed."""
    text = _CHANGE.sub(" ", joined_compounds(_bare_text(detail)))
    for word in THAI_CHANGE_WORDS:
        text = text.replace(word, "")
    return set(content_terms(text))


def detail_ids(detail: Detail) -> list[str]:
    """The values of ``detail`` that name something (module doc), sorted."""
    ids: list[str] = []
    for value, kind in zip(detail.values, detail.kinds, strict=False):
        if kind == "identifier":
            ids.append(value.casefold())
        elif kind == "number":
            at = detail.text.find(value)
            if at >= 0 and _ID_BEFORE.search(detail.text[:at]):
                ids.append(value.casefold())
    return sorted(ids)


def supersedes(newer: Detail, older: Detail, terms: dict[int, set[str]] | None = None) -> bool:
    """Whether ``newer`` says again what ``older`` said, with its own values (module doc)."""
    if set(newer.kinds) != set(older.kinds):
        return False
    newer_terms = detail_terms(newer) if terms is None else terms[id(newer)]
    older_terms = detail_terms(older) if terms is None else terms[id(older)]
    if newer_terms != older_terms or len(newer_terms) < MIN_SHARED_TERMS:
        return False
    return detail_ids(newer) == detail_ids(older)


def superseded_indexes(details: Sequence[Detail]) -> set[int]:
    """Indexes (in ``details``, oldest first) of the details a newer one supersedes.

    ``supersedes`` holds between two details exactly when they have the same kinds, the
    same terms (``MIN_SHARED_TERMS`` or more) and the same identifiers: the details are
    grouped by those, and every one but the newest of a group is superseded (a fold
    compares each detail with every newer one, not each pair)."""
    newest: dict[tuple[frozenset[str], frozenset[str], tuple[str, ...]], int] = {}
    said: list[tuple[frozenset[str], frozenset[str], tuple[str, ...]] | None] = []
    for index, detail in enumerate(details):
        terms = detail_terms(detail)
        if len(terms) < MIN_SHARED_TERMS:
            said.append(None)  # supersedes nothing, superseded by nothing
            continue
        key = (frozenset(detail.kinds), frozenset(terms), tuple(detail_ids(detail)))
        said.append(key)
        newest[key] = index
    return {index for index, key in enumerate(said) if key is not None and newest[key] != index}


def said_when(
    details: Sequence[Detail], lines: Sequence[TranscriptLine], messages: Sequence[StoredMessage]
) -> list[Detail]:
    """``details`` (of ``lines``, the transcript of ``messages``), each with the time it was
    said (``Detail.said_at``) where it has none yet: when the newest of its messages that
    states one of its values was accepted, else the one it ends with. A conversation can run
    for days, and its "tomorrow at 9" counts from the day it was said; a unit can run on
    past its values (a Thai unit takes the thanks two days later)."""
    accepted = {message.message_id: message.accepted_at for message in messages}
    known = [line for line in lines if line.message_id in accepted]
    ends = {line.position for line in known}
    said: list[Detail] = []
    for detail in details:
        if detail.said_at is not None or detail.last_position not in ends:
            said.append(detail)
            continue
        unit = [
            line for line in known if detail.first_position <= line.position <= detail.last_position
        ]
        stating = [line for line in unit if any(v in line.content for v in detail.values)]
        at = accepted[(stating or unit)[-1].message_id]
        said.append(detail.model_copy(update={"said_at": at}))
    return said


def kept_details(
    stored: Sequence[Detail], new: Sequence[Detail], limit: int = MAX_DETAILS
) -> list[Detail]:
    """``stored`` then ``new`` in the order of the conversation, those a newer one
    supersedes flagged ``superseded``, each with the values newer ones replaced
    (``Detail.replaced``); at most ``limit``: past it the superseded go first (the oldest
    of them first), then the oldest."""
    stored, new = _joined_at_the_fold(stored, new)
    details = sorted([*stored, *new], key=lambda d: (d.first_position, d.last_position))
    # Worked out over every kept detail at each fold (a new one may replace a value of any
    # stored one; the list is bounded) and stored, so that a context only reads them.
    changes = value_changes(details)
    known = {(change.older, change.old) for change in changes}
    changes += [c for c in answers_asked_again(details) if (c.older, c.old) not in known]
    gone = superseded_indexes(details) | fully_replaced(details, changes) | changed_answers(details)
    replaced = replaced_values(len(details), changes)
    details = [_as_folded(d, i in gone, replaced[i]) for i, d in enumerate(details)]
    excess = len(details) - limit
    if excess <= 0:
        return details
    flagged = [i for i, d in enumerate(details) if d.superseded][:excess]
    out = set(flagged)
    rest = [i for i in range(len(details)) if i not in out]
    out |= set(rest[: excess - len(flagged)])
    return [d for i, d in enumerate(details) if i not in out]


def _as_folded(detail: Detail, gone: bool, replaced: list[ReplacedValue]) -> Detail:
    """``detail`` flagged ``superseded`` when ``gone`` and no longer when not (worked out
    anew at each fold, as its replaced values are: the result must not depend on where
    the folds fell), with the values newer details replaced now (a value said again since
    is current again: no longer replaced)."""
    update: dict[str, object] = {}
    if gone != detail.superseded:
        update["superseded"] = gone
    if replaced != detail.replaced:
        update["replaced"] = replaced
    return detail.model_copy(update=update) if update else detail


def _joined_at_the_fold(
    stored: Sequence[Detail], new: Sequence[Detail]
) -> tuple[list[Detail], list[Detail]]:
    """A new detail that opens with the question the previous fold ended on, when a stored
    detail holds that question already, is joined to it: the question is stored once."""
    ending_at = {detail.last_position: index for index, detail in enumerate(stored)}
    joined = list(stored)
    fresh: list[Detail] = []
    for detail in new:
        index = ending_at.get(detail.first_position)
        question, _, rest = detail.text.partition("\n")
        if (
            index is not None
            and "answer" in detail.kinds
            and without_speakers(question) not in joined[index].text
        ):
            # the stored detail is another sentence of that message: a bare answer would
            # lose the question that says what it answers
            index = None
        if index is None or not rest:
            fresh.append(detail)
            continue
        earlier = joined[index]
        pairs = list(zip(earlier.values, earlier.kinds, strict=True))
        pairs += [
            (value, kind)
            for value, kind in zip(detail.values, detail.kinds, strict=True)
            if value not in question and (value, kind) not in pairs
        ]
        joined[index] = Detail(
            first_position=earlier.first_position,
            last_position=detail.last_position,
            text=f"{earlier.text}\n{rest}",
            values=[value for value, _ in pairs],
            kinds=[kind for _, kind in pairs],
            said_at=detail.said_at,  # it ends with the answer: said then
        )
    return joined, fresh
