"""Why the dialogue benchmark misses what it misses: where each current value went.

    python -m bench.miss_kinds [--set dev|dev2..dev6|holdout|fresh|blind|blind2..blind20|all|DIR
                                      (several joined by commas)] [--budget 1200]

``bench.quality`` says how many current values a context shows; this says, for the
ones it does not show, why not, so that work goes to the biggest cause rather than to
the dialogue at hand. Each missing current value is put under the first of:

- **fact, out of room**: a current fact holds it, and the budget had no room for that fact
  (small budgets only: the facts come before everything but the newest message);
- **history only**: a stored fact held it, and a later value (of the same subject or,
  falsely, of another) replaced it;
- **detail, out of room**: a stored detail quotes it, and the context had no room for it;
- **summary, out of room**: a stored summary quotes it, and the context cut that part;
- **superseded detail**: only a detail a newer one says again holds it;
- **never kept**: no fact, detail or summary of the memory holds it.

Then, per section of the context
(key facts, details, summaries, messages), what it costs and what it carries: tokens,
current values it holds, values no other section holds, and old values it shows as
current (``bench.quality``'s stale rule). Counts only: it prints no dialogue text, so it
may be run over held-back sets without reading them.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.dialogue_set import Dialogue, load_dialogues
from bench.quality import ACCOUNT, also_current, ingest, normalized, stale_where
from domain.context.service import build_context
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from domain.tokens import estimate_tokens
from runtime.settings import Settings
from schemas.memory_state import MemoryState
from store.backends.sqlite import SqliteStore

#: Why a current value is missing, in the order they are tried (module doc).
KINDS = (
    "fact, out of room",
    "history only",
    "detail, out of room",
    "summary, out of room",
    "superseded detail",
    "never kept",
)
SECTIONS = ("facts", "details", "summaries", "messages")


def miss_kind(memory: MemoryState, value: str) -> str:
    """The first of ``KINDS`` that holds for a current ``value`` the context left out."""
    wanted = normalized(value)

    def holds(text: str) -> bool:
        return wanted in normalized(text)

    if any(holds(fact.value) for fact in memory.facts):
        return "fact, out of room"
    if any(holds(earlier.value) for fact in memory.facts for earlier in fact.history):
        return "history only"
    if any(holds(detail.text) for detail in memory.details if not detail.superseded):
        return "detail, out of room"
    if any(holds(tier.text) for tier in memory.tiers()):
        return "summary, out of room"
    if any(holds(detail.text) for detail in memory.details):
        return "superseded detail"
    return "never kept"


def sections(context: dict[str, Any]) -> dict[str, list[str]]:
    """A JSON context's texts by section."""
    return {
        "facts": [f"{fact['key']}: {fact['value']}" for fact in context.get("facts", [])],
        "details": [detail["text"] for detail in context.get("details", [])],
        "summaries": [tier["text"] for tier in context.get("tiers", [])],
        "messages": [message["content"] for message in context.get("verbatim", [])],
    }


@dataclass
class Tally:
    dialogues: int = 0
    values: int = 0
    shown: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    tokens: Counter[str] = field(default_factory=Counter)
    carried: Counter[str] = field(default_factory=Counter)
    only_here: Counter[str] = field(default_factory=Counter)
    stale: Counter[str] = field(default_factory=Counter)

    def add(self, dialogue: Dialogue, memory: MemoryState, context: dict[str, Any]) -> None:
        self.dialogues += 1
        texts = sections(context)
        held = {name: normalized("\n".join(lines)) for name, lines in texts.items()}
        everything = "\n".join(held.values())
        for name, lines in texts.items():
            self.tokens[name] += estimate_tokens("\n".join(lines))
        current = {normalized(values[-1]) for values in dialogue.subjects.values()}
        fact_values = [fact["value"] for fact in context.get("facts", [])]
        for values in dialogue.subjects.values():
            self.values += 1
            value = normalized(values[-1])
            where = [name for name in SECTIONS if value in held[name]]
            self.carried.update(where)
            if len(where) == 1:
                self.only_here[where[0]] += 1
            if value in everything:
                self.shown += 1
            else:
                self.kinds[miss_kind(memory, values[-1])] += 1
            for old in values[:-1]:
                if also_current(old, current):
                    continue  # also (part of) a current value: not stale
                # bench.quality's rule, section by section (messages never count)
                self.stale.update(
                    name
                    for name, facts, tiers in (
                        ("facts", fact_values, []),
                        ("details", [], texts["details"]),
                        ("summaries", [], texts["summaries"]),
                    )
                    if stale_where(old, facts, tiers)
                )


def measure(dialogues: Sequence[Dialogue], budget: int) -> Tally:
    tally = Tally()
    for index, dialogue in enumerate(dialogues):
        print(f"  [{index + 1}/{len(dialogues)}] {dialogue.id}", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings().model_copy(update={"data_dir": Path(tmp)})
            store = SqliteStore(Path(tmp) / "kinds.sqlite3")
            try:
                service = MemoryService(store.memory, build_engines(settings), settings)
                ingest(store, service, dialogue, dialogue.id)
                reply = build_context(
                    store.memory, settings, ACCOUNT, dialogue.id, budget=budget, fmt="json"
                )
                memory = store.memory.load_memory(ACCOUNT, dialogue.id)
                tally.add(dialogue, memory, reply.context or {})
            finally:
                store.close()
    return tally


def report(tally: Tally, budget: int) -> None:
    missing = tally.values - tally.shown
    per = max(tally.dialogues, 1)
    print(
        f"\n{tally.dialogues} dialogues at {budget} tokens: {tally.shown} of {tally.values}"
        f" current values shown, {missing} missing"
    )
    for kind in KINDS:
        count = tally.kinds[kind]
        share = f"{count / missing:.0%}" if missing else "-"
        print(f"  {kind:<22} {count:>5}  {share:>4} of the missing")
    print("\nper dialogue    tokens  values  only here  stale  only here per 100 tokens")
    for name in SECTIONS:
        tokens = tally.tokens[name]
        rate = f"{100 * tally.only_here[name] / tokens:.2f}" if tokens else "-"
        print(
            f"  {name:<12} {tokens / per:>7.0f} {tally.carried[name] / per:>7.1f}"
            f" {tally.only_here[name] / per:>10.1f} {tally.stale[name] / per:>6.1f}  {rate:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--set", default="dev", help="as bench.quality's --set; several joined by commas"
    )
    parser.add_argument("--budget", type=int, default=1_200)
    args = parser.parse_args()
    dialogues = [d for name in args.set.split(",") for d in load_dialogues(name)]
    print(f"{len(dialogues)} dialogues of --set {args.set}, offline engine ...")
    report(measure(dialogues, args.budget), args.budget)


if __name__ == "__main__":
    main()
