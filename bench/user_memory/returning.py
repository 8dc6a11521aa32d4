"""A user returning for a third conversation: what the first two left, at its first message.

    python -m bench.user_memory.returning [--set dev|dev2|holdout|fresh|blind|blind2..5|all|DIR]
                                          [--budgets 400,800,1200] [--verbose]

Each user had two earlier conversations in one language, each ingested through
the real SQLite store and memory service (folds every 5 messages), ended, and
merged into the user's memory by the user-memory job; then the third
conversation's first message ("hello, it's me again") is stored and its context
assembled at each budget. Two kinds of users per language (English, Persian,
Thai):

- **dialogues**: two annotated support dialogues (``bench/dialogues``, 100–140
  messages each: the quality benchmark's) as the two earlier conversations;
- **planted**: two chit-chat conversations of 60 messages with six first-person
  facts each, two of them updated later (``bench.dialogue_set.planted_dialogues``).

Expected: each annotated subject's current value at the end of the two
conversations (the later conversation's when both state one). Printed per set,
language and budget: the share of them present in the context text, and how many
earlier values (a value corrected, or a subject's value the second conversation
changed) are shown as current: in the user's stored facts ("stale facts", the first
measure), and anywhere in the user-memory section of the context at the largest
budget ("stale shown": its facts, conversation lines and details alike), quoted as a
value of its own without "(replaced …)" after it (``bench.quality``'s rule for
summaries). A detail or summary quoting an earlier total misleads the reader as much
as a fact does.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.dialogue_set import LANGUAGES, Dialogue, load_dialogues, planted_dialogues
from bench.quality import normalized, stale_quotes
from domain.context.service import build_context
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from domain.user_memory.recall import USER_HEADING
from domain.user_memory.service import UserMemoryService
from runtime.settings import Settings
from schemas.messages import MessageEvent
from store.backends.sqlite import SqliteStore

ACCOUNT = "returning"
BUDGETS = (400, 800, 1_200)
GREETING = {
    "en": "Hello, it's me again.",
    "fa": "سلام، دوباره من هستم.",
    "th": "สวัสดีค่ะ ฉันเองนะคะ",
}


@dataclass
class Tally:
    present: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    stale: int = 0
    stale_shown: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)


class Conversations:
    """Stores conversations of users as channels publish them, folding as ingest triggers."""

    def __init__(self, store: SqliteStore, settings: Settings) -> None:
        engines = build_engines(settings)
        self.store = store
        self.memory = MemoryService(store.memory, engines, settings)
        self.users = UserMemoryService(
            store.sessions,
            store.memory,
            store.user_memory,
            engines,
            settings,
            session_memory=self.memory,
        )
        self.seq = 1_000_000

    def publish(
        self, session: str, user: str | None, lines: Sequence[tuple[str, str]], at: datetime
    ) -> None:
        for index, (role, content) in enumerate(lines):
            self.seq += 1
            event = MessageEvent(
                account_id=ACCOUNT,
                session_id=session,
                message_id=f"{session}-{index}",
                role=role,  # type: ignore[arg-type]
                content=content,
                seq=self.seq,
                accepted_at=at + timedelta(seconds=index),
                user_id=user,
            )
            result = self.store.sessions.append_message(event, delivery_id=event.message_id)
            if self.memory.should_trigger(result.message_count):
                self.memory.update(ACCOUNT, session)

    def end(self, session: str, at: datetime) -> None:
        self.store.sessions.end_session(ACCOUNT, session, "closed", at)
        self.users.merge_session(ACCOUNT, session, final=True)


def expected_values(first: Dialogue, second: Dialogue) -> tuple[dict[str, str], list[str]]:
    """Current value per subject after both, and the values no longer current."""
    current: dict[str, str] = {}
    for dialogue in (first, second):
        for subject, values in dialogue.subjects.items():
            current[subject] = values[-1]
    now = {normalized(v) for v in current.values()}
    earlier = [
        v
        for dialogue in (first, second)
        for values in dialogue.subjects.values()
        for v in values
        if normalized(v) not in now
    ]
    return current, earlier


def returning_user(
    talks: Conversations,
    user: str,
    first: Dialogue,
    second: Dialogue,
    budgets: Sequence[int],
    tally: Tally,
) -> None:
    start = datetime.now(UTC) - timedelta(days=14)
    for n, dialogue in enumerate((first, second)):
        at = start + timedelta(days=7 * n)
        session = f"{user}-c{n + 1}"
        talks.publish(session, user, dialogue.messages, at)
        talks.end(session, at + timedelta(hours=1))
    third = f"{user}-c3"
    talks.publish(third, user, [("user", GREETING[first.language])], datetime.now(UTC))
    current, earlier = expected_values(first, second)
    tally.expected += len(current)
    for budget in budgets:
        reply = build_context(
            talks.store.memory,
            Settings(),
            ACCOUNT,
            third,
            budget=budget,
            fmt="text",
            recall_user_memory=True,
        )
        text = normalized(reply.text or "")
        if budget == max(budgets):
            stale = stale_quotes(user_section(reply.text or ""), earlier, current.values())
            tally.stale_shown += len(stale)
            tally.misses += [f"{user}: stale shown {value!r}" for value in stale]
        for subject, value in current.items():
            if normalized(value) in text:
                tally.present[budget] += 1
            elif budget == max(budgets):
                tally.misses.append(f"{user}: {subject} = {value!r}")
    state = talks.store.user_memory.load_user_memory(ACCOUNT, user, "")
    shown_now = {normalized(fact.value) for fact in state.facts}
    tally.stale += sum(1 for value in earlier if normalized(value) in shown_now)


def user_section(text: str) -> str:
    """The user-memory section of a context in text: laid first, a blank line after it."""
    return text.split("\n\n", 1)[0] if text.startswith(USER_HEADING) else ""


def pairs(dialogues: list[Dialogue], language: str) -> list[tuple[Dialogue, Dialogue]]:
    mine = [d for d in dialogues if d.language == language]
    return [(mine[i], mine[i + 1]) for i in range(0, len(mine) - 1, 2)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--set", default="dev", help="a dialogue set, as for bench.quality")
    parser.add_argument("--budgets", default=",".join(map(str, BUDGETS)))
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    budgets = [int(b) for b in args.budgets.split(",")]
    sets = {
        "dialogues": load_dialogues(args.set),
        "planted": planted_dialogues(count=12, length=60),
    }
    at = " / ".join(map(str, budgets))
    print(f"| set | lang | users | values | present at {at} tokens | stale facts | stale shown |")
    print("|---|---|---:|---:|---|---:|---:|")
    for name, dialogues in sets.items():
        for language in LANGUAGES:
            tally = Tally()
            users = pairs(dialogues, language)
            with tempfile.TemporaryDirectory() as tmp:
                settings = Settings(data_dir=Path(tmp))
                store = SqliteStore(Path(tmp) / "returning.sqlite3")
                try:
                    talks = Conversations(store, settings)
                    for index, (first, second) in enumerate(users):
                        returning_user(talks, f"{language}{index}", first, second, budgets, tally)
                finally:
                    store.close()
            shares = " / ".join(
                f"{100 * tally.present[b] / max(tally.expected, 1):.0f}%" for b in budgets
            )
            row = [
                name,
                language,
                len(users),
                tally.expected,
                shares,
                tally.stale,
                tally.stale_shown,
            ]
            print("| " + " | ".join(map(str, row)) + " |")
            if args.verbose:
                for miss in tally.misses:
                    print(f"    missed {miss}")


if __name__ == "__main__":
    main()
