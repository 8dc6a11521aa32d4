"""Memory quality benchmark: does the context still know what the conversation is about?

    python -m bench.quality [--set dev|dev2..dev6|holdout|fresh|blind|blind2..blind20|all|DIR]
                            [--budgets 400,800,1200] [--planted] [--verbose]

Two kinds of conversations go through the real SQLite store and the memory
service (folds every 5 messages, as ingest triggers them), then the context
actor's own assembly at each budget:

- **dialogues** (``bench/dialogues/<lang>/*.json``, held-out ones in
  ``bench/dialogues/holdout/``): natural support chats in English, Persian and
  Thai, 100+ messages each, annotated with the values they carry and the
  values that were corrected later (see ``bench/dialogue_set.py``);
- **planted facts** (``--planted``): 30 conversations of chit-chat with six
  first-person facts each, two of them updated later (the earlier benchmark).

Per language and budget it prints:

- **current**: the share of current values present in the context text;
- **stale**: earlier values shown as current: in the key facts, or quoted by a
  summary without "(replaced by …)" (messages shown word for word are the
  conversation as it was and do not count);
- **false repl.**: fact histories (``GET …/memory``) in which a value of one
  subject replaced a value of another;
- **marked cur.**: current values a summary or detail marks "(replaced …)" as if a
  later value had replaced them (a mark the conversation does not bear out misleads the
  reader as much as a missing one);
- **last-N**: the current values a context of the newest messages alone holds
  at the same budget;
- **monotonic**: whether every value present at a budget is present at every
  larger one.

The Claude engine is measured instead when ANTHROPIC_API_KEY is set.
"""

from __future__ import annotations

import argparse
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.dialogue_set import Dialogue, load_dialogues, planted_dialogues
from domain.context.render import SPEAKERS
from domain.context.service import build_context
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from domain.tokens import estimate_tokens
from runtime.settings import Settings
from schemas.messages import MessageEvent
from store.backends.sqlite import SqliteStore

ACCOUNT = "quality"
BUDGETS = (400, 800, 1_200)
REPLACED_MARK = "(replaced"


#: Persian, Arabic-Indic and Thai digits read as ASCII: «پلاک ۱۹» is «پلاک 19».
_ASCII_DIGITS = str.maketrans(
    {chr(zero + d): str(d) for zero in (0x06F0, 0x0660, 0x0E50) for d in range(10)}
)


def normalized(text: str) -> str:
    """Case, Unicode form, the script of digits and runs of whitespace do not count;
    characters and digit values do."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_ASCII_DIGITS)
    return " ".join(folded.split())


# -- one dialogue through memq ------------------------------------------------------------------


def ingest(store: SqliteStore, service: MemoryService, dialogue: Dialogue, session_id: str) -> None:
    start = datetime.now(UTC) - timedelta(days=1)
    for index, (role, content) in enumerate(dialogue.messages):
        event = MessageEvent(
            account_id=ACCOUNT,
            session_id=session_id,
            message_id=f"{session_id}-{index}",
            role=role,
            content=content,
            seq=1_000_000 + index,
            accepted_at=start + timedelta(seconds=index),
        )
        result = store.sessions.append_message(event, delivery_id=event.message_id)
        if service.should_trigger(result.message_count):
            service.update(ACCOUNT, session_id)


@dataclass
class Shown:
    """What a context shows, split by where it shows it."""

    text: str
    facts: list[str]
    #: Summaries and details: text that quotes earlier messages, where an old value must
    #: be marked.
    tiers: list[str]


def shown(store: SqliteStore, settings: Settings, session_id: str, budget: int) -> Shown:
    reply = build_context(store.memory, settings, ACCOUNT, session_id, budget=budget, fmt="json")
    context: dict[str, Any] = reply.context or {}
    text = build_context(
        store.memory, settings, ACCOUNT, session_id, budget=budget, fmt="text"
    ).text
    return Shown(
        text=text or "",
        facts=[fact["value"] for fact in context.get("facts", [])],
        tiers=[tier["text"] for tier in context.get("tiers", [])]
        + [detail["text"] for detail in context.get("details", [])],
    )


def last_n(dialogue: Dialogue, budget: int) -> str:
    """The newest messages, as many as fit ``budget`` (the baseline every memory must beat)."""
    kept: list[str] = []
    for role, content in reversed(dialogue.messages):
        candidate = [f"{SPEAKERS[role]}: {content}", *kept]
        if estimate_tokens("\n".join(candidate)) > budget:
            break
        kept = candidate
    return "\n".join(kept)


#: How far after a quoted value its "(replaced …)" mark may stand ("70,000 تومان (replaced by …)"
#: marks "70,000").
MARK_REACH = 30


def _quotes(haystack: str, needle: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, what follows on its line within ``MARK_REACH``) of each place
    ``haystack`` quotes ``needle`` (both normalized)."""
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        yield start, end, haystack[end : end + MARK_REACH].split("\n", 1)[0]
        start = haystack.find(needle, start + 1)


def quotes_unmarked(text: str, value: str) -> bool:
    """Whether ``text`` quotes ``value`` somewhere without "(replaced …)" right after the
    phrase that holds it, on the same line."""
    return any(
        REPLACED_MARK not in after for _, _, after in _quotes(normalized(text), normalized(value))
    )


def stale_quotes(text: str, earlier: Iterable[str], current: Iterable[str]) -> list[str]:
    """The ``earlier`` values ``text`` quotes as values of their own (not inside a longer
    number or word) without "(replaced …)" after them; one that is part of a ``current``
    value ("£500" of "£500 deposit") is the current one."""
    haystack = normalized(text)
    now = [normalized(value) for value in current]
    found: list[str] = []
    for old in dict.fromkeys(earlier):
        needle = normalized(old)
        if not needle or any(
            _stands_alone(value, start, start + len(needle))
            for value in now
            for start in _starts(value, needle)
        ):
            continue
        if any(
            REPLACED_MARK not in after and _stands_alone(haystack, start, end)
            for start, end, after in _quotes(haystack, needle)
        ):
            found.append(old)
    return found


def _starts(haystack: str, needle: str) -> Iterator[int]:
    start = haystack.find(needle)
    while start != -1:
        yield start
        start = haystack.find(needle, start + 1)


def _stands_alone(haystack: str, start: int, end: int) -> bool:
    """Whether ``haystack[start:end]`` is not part of a longer number or Latin word
    ("2,500" in "12,500", "15" in "115", "Rose" in "Primrose"; Thai and Persian letters
    may touch a number: those scripts write «ราคา12,500»)."""

    def joins(a: str, b: str) -> bool:
        return (a.isdigit() and b.isdigit()) or (a.isascii() and b.isascii() and (a + b).isalpha())

    before = haystack[start - 1] if start > 0 else ""
    if before in ",." and start > 1 and haystack[start - 2].isdigit():
        before = haystack[start - 2]
    after = haystack[end] if end < len(haystack) else ""
    if after in ",." and end + 1 < len(haystack) and haystack[end + 1].isdigit():
        after = haystack[end + 1]
    first, last = haystack[start], haystack[end - 1]
    return not (before and joins(before, first)) and not (after and joins(last, after))


def also_current(old: str, current: Iterable[str]) -> bool:
    """Whether the earlier value ``old`` is (part of) one of the ``current`` values (each
    normalized): then quoting it shows the current value, no stale one."""
    needle = normalized(old)
    return any(needle in value for value in current)


def stale_where(old: str, facts: Sequence[str], tiers: Sequence[str]) -> str | None:
    """Where a context shows the earlier value ``old`` as current: "facts" when a key fact's
    value holds it, "a summary" when a summary or detail quotes it without "(replaced …)"
    after it; None when neither does (messages shown word for word are the conversation as
    it was and do not count)."""
    needle = normalized(old)
    if any(needle in normalized(fact) for fact in facts):
        return "facts"
    if any(quotes_unmarked(text, old) for text in tiers):
        return "a summary"
    return None


def marks_as_replaced(text: str, value: str, old_values: Sequence[str] = ()) -> bool:
    """Whether ``text`` quotes ``value`` as a value of its own (not inside a longer number
    or word, not as the end of one of ``old_values``) with "(replaced …)" after it: right
    after, or after the words of its phrase ("70,000 تومان (replaced …)"), with no other
    number between, on the same line, within ``MARK_REACH``."""
    haystack, needle = normalized(text), normalized(value)
    olds = [normalized(old) for old in old_values]
    for start, end, after in _quotes(haystack, needle):
        phrase = after.split(REPLACED_MARK, 1)[0]
        if (
            REPLACED_MARK in after
            and not any(ch.isdigit() for ch in phrase)
            and _stands_alone(haystack, start, end)
            and not any(
                len(o) > len(needle) and haystack[max(0, end - len(o)) : end] == o for o in olds
            )
        ):
            return True
    return False


def false_replacements(dialogue: Dialogue, facts: Iterable[dict[str, Any]]) -> list[str]:
    """Fact histories in which values of different annotated subjects follow each other:
    no one subject holds every value of the history that matches a subject at all."""
    subjects_of: dict[str, set[str]] = defaultdict(set)
    for subject, values in dialogue.subjects.items():
        for value in values:
            subjects_of[normalized(value)].add(subject)

    def holds(haystack: str, needle: str) -> bool:
        quoted = _quotes(haystack, needle)
        return any(_stands_alone(haystack, start, end) for start, end, _ in quoted)

    def subjects(value: str) -> set[str]:
        # The annotated value itself; else every annotated value it quotes whole (a date
        # with its time slot is either; "£10,995" is not the panel count "10"); else the
        # annotated values it is part of. A text annotated under two subjects may be either.
        found = normalized(value)
        if found in subjects_of:
            return subjects_of[found]
        inside = [known for known in subjects_of if known and holds(found, known)]
        if not inside:
            inside = [known for known in subjects_of if found and holds(known, found)]
        return set().union(*(subjects_of[known] for known in inside))

    wrong = []
    for fact in facts:
        values = [earlier["value"] for earlier in fact.get("history", [])] + [fact["value"]]
        matched = [found for found in map(subjects, values) if found]
        if matched and not set.intersection(*matched):
            wrong.append(f"{fact['key']}: {' → '.join(values)}")
    return wrong


@dataclass
class Score:
    current: int = 0
    current_total: int = 0
    stale: int = 0
    marked_current: int = 0
    baseline: int = 0
    false_replacements: int = 0
    histories: int = 0
    monotonic: bool = True
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.current += other.current
        self.current_total += other.current_total
        self.stale += other.stale
        self.marked_current += other.marked_current
        self.baseline += other.baseline
        self.false_replacements += other.false_replacements
        self.histories += other.histories
        self.monotonic &= other.monotonic
        self.misses += other.misses


def score_dialogue(
    store: SqliteStore,
    settings: Settings,
    dialogue: Dialogue,
    session_id: str,
    budgets: Sequence[int],
) -> dict[int, Score]:
    scores: dict[int, Score] = {}
    memory = store.memory.load_memory(ACCOUNT, session_id)
    stored_facts = [fact.model_dump(mode="json") for fact in memory.facts]
    wrong = false_replacements(dialogue, stored_facts)
    current_values = {subject: values[-1] for subject, values in dialogue.subjects.items()}
    all_current = {normalized(v) for v in current_values.values()}
    old_values = [v for values in dialogue.subjects.values() for v in values[:-1]]
    all_old = {normalized(v) for v in old_values}
    previous_present: set[str] = set()
    for budget in sorted(budgets):
        context = shown(store, settings, session_id, budget)
        score = Score(false_replacements=len(wrong), histories=len(stored_facts))
        text = normalized(context.text)
        baseline = normalized(last_n(dialogue, budget))
        present: set[str] = set()
        for subject, value in current_values.items():
            score.current_total += 1
            if normalized(value) in text:
                score.current += 1
                present.add(subject)
            else:
                score.misses.append(f"{dialogue.id} @{budget}: missing {subject}: {value!r}")
            score.baseline += normalized(value) in baseline
            if normalized(value) not in all_old and any(
                marks_as_replaced(t, value, old_values) for t in context.tiers
            ):
                score.marked_current += 1
                score.misses.append(
                    f"{dialogue.id} @{budget}: marked replaced {subject}: {value!r}"
                )
        for subject, values in dialogue.subjects.items():
            for old in values[:-1]:
                if also_current(old, all_current):
                    continue  # also the current value of something: not stale
                if where := stale_where(old, context.facts, context.tiers):
                    score.stale += 1
                    score.misses.append(
                        f"{dialogue.id} @{budget}: stale {subject} in {where}: {old!r}"
                    )
        score.monotonic = previous_present <= present
        previous_present = present
        if budget == min(budgets):
            score.misses += [f"{dialogue.id}: false replacement {w}" for w in wrong]
        scores[budget] = score
    return scores


# -- the run -----------------------------------------------------------------------------------


def run(
    dialogues: Sequence[Dialogue], settings: Settings, store: SqliteStore, budgets: Sequence[int]
) -> dict[str, dict[int, Score]]:
    service = MemoryService(store.memory, build_engines(settings), settings)
    totals: dict[str, dict[int, Score]] = defaultdict(lambda: defaultdict(Score))
    for index, dialogue in enumerate(dialogues):
        session_id = f"{dialogue.id}-{index}"
        print(f"  [{index + 1}/{len(dialogues)}] {dialogue.id} ({len(dialogue.messages)} messages)")
        ingest(store, service, dialogue, session_id)
        for budget, score in score_dialogue(store, settings, dialogue, session_id, budgets).items():
            totals[dialogue.language][budget].add(score)
    return totals


def percent(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def report(title: str, totals: dict[str, dict[int, Score]], verbose: bool) -> None:
    print(f"\n{title}")
    columns = (
        "lang",
        "budget",
        "current",
        "stale",
        "marked cur.",
        "false repl.",
        "last-N",
        "monotonic",
    )
    widths = (-5, 6, 8, 6, 12, 12, 7, 9)
    print(
        " ".join(
            f"{c:<{-w}}" if w < 0 else f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)
        )
    )
    for language in sorted(totals):
        for budget in sorted(totals[language]):
            s = totals[language][budget]
            print(
                f"{language:<5} {budget:>6} {percent(s.current, s.current_total):>8} {s.stale:>6}"
                f" {s.marked_current:>12} {s.false_replacements:>12}"
                f" {percent(s.baseline, s.current_total):>7}"
                f" {'yes' if s.monotonic else 'NO':>9}"
            )
    if verbose:
        for language in sorted(totals):
            for budget in sorted(totals[language]):
                for miss in totals[language][budget].misses:
                    print(f"    {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--set",
        default="dev",
        help="dev, dev2..dev6, holdout, fresh, blind, blind2..blind20, all, or a folder of files",
    )
    parser.add_argument("--budgets", default=",".join(map(str, BUDGETS)))
    parser.add_argument("--planted", action="store_true", help="also the planted-facts set")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    budgets = [int(b) for b in args.budgets.split(",")]
    settings = Settings()
    engine = "claude" if settings.anthropic_api_key else "offline"
    sets = [(f"dialogues ({args.set})", load_dialogues(args.set))]
    if args.planted:
        sets.append(("planted facts", planted_dialogues()))
    for title, dialogues in sets:
        with tempfile.TemporaryDirectory() as tmp:
            store = SqliteStore(Path(tmp) / "quality.sqlite3")
            try:
                print(f"{title}: {len(dialogues)} conversations, engine {engine} ...")
                totals = run(
                    dialogues,
                    settings.model_copy(update={"data_dir": Path(tmp)}),
                    store,
                    budgets,
                )
            finally:
                store.close()
        report(f"{title}, engine {engine}:", totals, args.verbose)


if __name__ == "__main__":
    main()
