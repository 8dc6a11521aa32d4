"""What a past conversation's details hand to the user's memory, and how they are kept.

A conversation's session memory keeps its details (``domain.memory.details``): every
unit that states a value, word for word. The fact rules key only the values they know
how to name, so the details carry the rest ("the landlord's number is 07700 900733",
"the balance will be split over 3 months") to the user's next conversation. A merge
hands the user memory the conversation's live details (a newer one did not restate
them), in the compact form a session's context shows them (``compact_detail``: the
sentences that state values and the words that name them) shortened around their
values (``brief``), without the values a newer detail
replaced (``Detail.replaced``: a typo put right, an appointment moved), leaving out a
detail whose every value a newer detail or one of the conversation's facts states
already and whose words they all say too (``says_more``: "Full service it is, £239"
names the service a price fact "£239" does not, "Arrived at 1:40, Marek's fitting them
now" the technician): at most ``MAX_DETAILS_PER_CONVERSATION``, its newest.

Across conversations the latest value wins as for facts: a detail a newer
conversation's detail supersedes goes (``domain.memory.details.supersedes``), and so
does one whose every value is stated by newer details or is an earlier value of a fact
a later conversation changed. At most ``MAX_USER_DETAILS`` are kept, the most recent.
A value the user asked to remove is scrubbed from every detail, and one left with no
value goes: it never comes back from a detail.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from domain.context.compact_detail import compact_detail
from domain.context.replaced import ReplacedMarks
from domain.memory.details import supersedes
from domain.memory.offline.fact_keys import restates
from domain.memory.offline.terms import content_terms
from domain.memory.offline.values import Kind
from domain.memory.speakers import label_of
from domain.search.tokenize import normalize
from domain.user_memory.idle_details import only_of_the_moment
from domain.user_memory.removed import REMOVED, Removed
from domain.user_memory.replaced_marks import ShortMarks, unmarked
from schemas.memory_model import Detail, Fact, ReplacedValue
from schemas.user_memory import UserDetail

#: Details one conversation hands to the user memory, its newest.
MAX_DETAILS_PER_CONVERSATION = 40
#: Details a user memory keeps, the most recent.
MAX_USER_DETAILS = 120
#: Characters kept before a line's first value and after its last one.
BEFORE_VALUE = 60
AFTER_VALUE = 30
#: Characters kept of a line without a value (the question a value answers), its end.
QUESTION_TAIL = 60
ELLIPSIS = "…"


def _cut_start(text: str, at: int) -> int:
    """``at`` moved forward to the start of a word, when the text has spaces near it."""
    if at <= 0:
        return 0
    space = text.find(" ", at - 1)
    return space + 1 if 0 <= space < at + 15 else at


def _cut_end(text: str, at: int) -> int:
    """``at`` moved back to the end of a word, when the text has spaces near it."""
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", 0, at + 1)
    return space if space > at - 15 else at


def _window(text: str, start: int, end: int) -> str:
    left = _cut_start(text, start)
    right = _cut_end(text, end)
    head = ELLIPSIS if left > 0 else ""
    tail = ELLIPSIS if right < len(text) else ""
    return f"{head}{text[left:right].strip()}{tail}"


def brief_line(line: str, values: Sequence[str]) -> str:
    """``line`` kept around its values: its speaker, up to ``BEFORE_VALUE`` characters
    before its first value and ``AFTER_VALUE`` after its last; a line without a value
    (the question answered next), its last ``QUESTION_TAIL`` characters."""
    label = label_of(line)
    body = line[len(label) :].strip()
    spans = [(at, at + len(v)) for v in values if v and (at := body.find(v)) >= 0]
    if not spans:
        if len(body) <= QUESTION_TAIL:
            return f"{label}{body}"
        return f"{label}{_window(body, len(body) - QUESTION_TAIL, len(body))}"
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return f"{label}{_window(body, start - BEFORE_VALUE, end + AFTER_VALUE)}"


def brief(text: str, values: Sequence[str]) -> str:
    """A detail's text on one line, each of its lines shortened around its values."""
    return " ".join(brief_line(line, values) for line in text.splitlines() if line.strip())


#: A bare number this short says little without its sentence ("I swapped the 2 and the 8").
WEAK_DIGITS = 2


def is_weak(value: str) -> bool:
    """Whether ``value`` is a bare small number: not worth a detail of its own."""
    digits = normalize(value).strip()
    return digits.isdigit() and len(digits) <= WEAK_DIGITS


#: Kinds of value that measure something (``domain.memory.offline.values.Kind``).
MEASURES = frozenset({Kind.DURATION, Kind.WEIGHT, Kind.LENGTH, Kind.COUNT})


def only_measures(detail: UserDetail) -> bool:
    """Whether every value of ``detail`` is a measure: how long, how many, how big
    (a detail stored without kinds is not)."""
    return bool(detail.kinds) and all(kind in MEASURES for kind in detail.kinds)


def states(text: str, value: str) -> bool:
    """Whether normalized ``text`` holds normalized ``value`` as a whole word or number
    (a Thai value may end inside a run of letters: the script has no spaces)."""
    if not value:
        return False
    at = text.find(value)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(value)] if at + len(value) < len(text) else " "
        if not (before.isalnum() and value[0].isalnum() and not _thai(before)) and not (
            after.isalnum() and value[-1].isalnum() and not _thai(after)
        ):
            return True
        at = text.find(value, at + 1)
    return False


def _thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def strong(values: Sequence[str]) -> Sequence[str]:
    """``values`` but the bare small numbers, unless there is nothing else."""
    kept = [v for v in values if not is_weak(v)]
    return kept or values


def all_stated(values: Iterable[str], texts: Collection[str]) -> bool:
    """Whether every one of ``values`` (normalized) is stated in one of ``texts``."""
    return all(any(states(text, value) for text in texts) for value in values)


#: Content terms that name a turn's speaker ("User: …"), not what it says.
SPEAKER_TERMS = frozenset({"user", "assistant", "system"})
#: Words (content terms' weight: a Thai word is several letter runs) a detail must say
#: besides what is said already to be worth keeping for them: one word is mostly what
#: the value is ("the landlord's number", "my email"), which its fact's key says.
MIN_NEW_WORDS = 2.0
_POSSESSIVE = re.compile(r"['’]s$")


def words_of(text: str, values: Sequence[str] = ()) -> dict[str, float]:
    """The content terms ``text`` says around its ``values`` (English, Persian and Thai
    alike: ``content_terms``) with their weight, without the speakers' labels."""
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    # a possessive is its noun: "the landlord's number" says "landlord"
    terms = {_POSSESSIVE.sub("", t): w for t, w in content_terms(text).items()}
    return {t: w for t, w in terms.items() if t not in SPEAKER_TERMS}


def says_more(text: str, values: Sequence[str], said: Collection[str]) -> bool:
    """Whether ``text`` says ``MIN_NEW_WORDS`` around its ``values`` that are not among
    ``said`` (content terms): what the value is ("Full service it is, £239"), whose it
    is ("Marek's fitting them now"), where ("…پلاک ۸، همکف ـه خداروشکر پله نداره")."""
    new = sum(w for t, w in words_of(text, values).items() if t not in said)
    return new >= MIN_NEW_WORDS


def replaced_in(details: Sequence[Detail], facts: Sequence[tuple[str, str]]) -> list[ReplacedValue]:
    """The values of a conversation that a newer detail of it replaced
    (``Detail.replaced``), as its context marks them: a mistake put right, or a value
    changed that none of the conversation's ``facts`` holds as current; never one that
    is the newest value of another."""
    items = [item for detail in details for item in detail.replaced]
    newest = {normalize(item.new) for item in items}
    current = [value for _, value in facts]
    chosen: dict[str, ReplacedValue] = {}
    for item in items:
        old = normalize(item.old)
        if old in newest or old in chosen:
            continue
        if item.corrected or not any(restates(item.old, value) for value in current):
            chosen[old] = item
    return list(chosen.values())


def conversation_details(
    details: Sequence[Detail],
    facts: Sequence[tuple[str, str]],
    session_id: str,
    at: datetime,
    *,
    session_facts: Sequence[Fact] = (),
    old_values: Sequence[str] = (),
) -> list[UserDetail]:
    """What one conversation's ``details`` (oldest first, as its memory holds them) hand
    to the user memory, newest first (module doc); ``at`` is its last activity. A value
    a newer detail replaced is not handed over as one: a detail with no other goes, and
    where a text still quotes it, "(replaced by …)" follows it. Where a text quotes an
    earlier value of one of the conversation's ``session_facts`` (with their history),
    or a value it named as old (``old_values``), it is marked as the conversation's own
    context marks it (``conversation_marks``)."""
    known = [normalize(value) for _, value in facts]
    replaced = replaced_in(details, facts)
    old = {normalize(item.old) for item in replaced}
    marks = ShortMarks(ReplacedMarks(session_facts, old_values, detail_replaced=replaced))
    # the words the facts (their keys too) and the newer details kept say (``says_more``)
    said = {term for key, value in facts for term in words_of(f"{key.replace('_', ' ')} {value}")}
    kept: list[UserDetail] = []
    replaced_only = 0
    for detail in sorted(details, key=lambda d: d.last_position, reverse=True):
        kinds = detail.kinds if len(detail.kinds) == len(detail.values) else []
        pairs = [
            (value, kind)
            for value, kind in zip(detail.values, kinds or [""] * len(detail.values), strict=True)
            if normalize(value) not in old
        ]
        if detail.superseded or not pairs:
            continue
        if only_of_the_moment([value for value, _ in pairs], [kind for _, kind in pairs]):
            continue  # chat of that moment (``idle_details``)
        current = [value for value, _ in pairs]
        shortened = brief(compact_detail(detail.text.strip(), current), current)
        text = marks.mark_detail(shortened, current)
        # a sentence saying only what a newer one of the detail replaced went with its values
        current = [value for value in current if value in text or value not in shortened]
        # what it states as current: a value marked wherever it is quoted was replaced
        live = unmarked(text, current)
        values = [normalize(v) for v in live]
        if live and all_stated(strong(values), known) and not says_more(text, live, said):
            continue  # a newer detail or a fact of this conversation says it all
        if live:
            known.extend(values)
            said.update(words_of(text))
        else:
            # kept (a wrong mark must not lose it), but it takes no other detail's place:
            # recall shows none whose every value is marked (``recall_details``)
            replaced_only += 1
        # its values are those it states as current (a line shows only the sentences
        # stating one); one stating none keeps them all, for recall to know it
        pairs = [(value, kind) for value, kind in pairs if value in live] or pairs
        kept.append(
            UserDetail(
                session_id=session_id,
                observed_at=at,
                position=detail.last_position,
                text=text,
                values=[value for value, _ in pairs],
                kinds=[kind for _, kind in pairs] if kinds else [],
                said_at=detail.said_at,
            )
        )
        if len(kept) - replaced_only == MAX_DETAILS_PER_CONVERSATION:
            break
    return kept


def _as_detail(detail: UserDetail) -> Detail:
    return Detail(
        first_position=max(1, detail.position),
        last_position=max(1, detail.position),
        text=detail.text,
        values=detail.values,
        kinds=detail.kinds if len(detail.kinds) == len(detail.values) else [],
    )


def recency(detail: UserDetail) -> tuple[datetime, int]:
    return detail.observed_at, detail.position


def merged_details(
    stored: Sequence[UserDetail],
    new: Sequence[UserDetail],
    sessions: Collection[str],
    earlier_values: Collection[str] = (),
    *,
    chosen: bool = False,
) -> list[UserDetail]:
    """``stored`` with the details of ``sessions`` (the conversations merged now)
    replaced by ``new``, most recent first: the latest value wins across conversations
    (module doc); ``earlier_values`` are the values of facts a later conversation
    changed. ``chosen``: ``new`` are details a merge already chose (an import's), so
    only another conversation's stating all their values leaves one out: an import
    keeps what was exported (one whose words say more than its values, ``says_more``)."""
    union = [d for d in stored if d.session_id not in sessions]
    union += [d for d in new if d.session_id in sessions]
    union.sort(key=recency, reverse=True)
    stale = [normalize(v) for v in earlier_values]
    kept: list[UserDetail] = []
    newer: list[Detail] = []
    stated: list[tuple[str, str]] = []  # (session, value) of the details kept
    for detail in union:
        values = [normalize(v) for v in detail.values]
        as_detail = _as_detail(detail)
        if not values:
            continue
        if any(
            kept_detail.session_id != detail.session_id and supersedes(later, as_detail)
            for kept_detail, later in zip(kept, newer, strict=True)
        ):
            continue
        said = [v for session, v in stated if not chosen or session != detail.session_id]
        if kept and all_stated(strong(values), [*said, *stale]):
            continue
        kept.append(detail)
        newer.append(as_detail)
        stated.extend((detail.session_id, value) for value in values)
        if len(kept) == MAX_USER_DETAILS:
            break
    return kept


def without_values(
    details: Sequence[UserDetail],
    values: Iterable[str],
    removed: Removed | None = None,
) -> list[UserDetail]:
    """``details`` without the values the user asked to remove: ``values``, one holding
    or held by them ("HG2 7DN" of a removed address), and those ``removed`` finds
    however they are written. Their quotes become "[removed]" (ignoring case), and a
    detail left with no value goes."""
    gone = {v.strip() for v in values if v.strip()}
    folded = [normalize(v) for v in gone]
    kept: list[UserDetail] = []
    for detail in details:
        dropped = [
            v
            for v in detail.values
            if (removed is not None and removed.holds(v))
            or any(states(normalize(v), f) or states(f, normalize(v)) for f in folded)
        ]
        quoted = any(v.casefold() in detail.text.casefold() for v in gone) or (
            removed is not None and bool(removed.found(detail.text))
        )
        if not dropped and not quoted:
            kept.append(detail)
            continue
        values_left = [v for v in detail.values if v not in dropped]
        if not values_left:
            continue
        text = detail.text
        for value in sorted({*gone, *dropped}, key=len, reverse=True):
            text = re.sub(re.escape(value), REMOVED, text, flags=re.IGNORECASE)
        if removed is not None:
            text = removed.scrubbed(text)
        pairs = [
            (v, k) for v, k in zip(detail.values, detail.kinds, strict=False) if v in values_left
        ]
        kept.append(
            detail.model_copy(
                update={
                    "text": text,
                    "values": [v for v in values_left if v in text],
                    "kinds": [k for v, k in pairs if v in text],
                }
            )
        )
    return [d for d in kept if d.values]
