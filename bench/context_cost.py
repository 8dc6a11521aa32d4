"""What stored details and fact histories cost a context and a fold, in process.

    python -m bench.context_cost [--repeat N]

Six annotated dialogues (two each of English, Persian and Thai, ``bench/dialogues``) go
through the real SQLite store and the real offline engine as one long session (folded
every 25 messages while it is built, so that it is built in seconds): about 690
messages, 60 facts (a third of them with earlier values) and 200 details, the most a
session keeps. From that memory, four states are written in turn and each measured with
``domain.context.service.build_context`` at 400, 800 and 1,200 tokens (medians of
``--repeat``):

- 15 facts without their history and no details, and the same 15 facts with their
  history and the 200 details;
- the same for all 60 facts.

Each "with" row is printed as a ratio to its "without" row, measured in the same run;
a cold row clears the cache of compact details first (the first context a worker
builds after a fold or a restart). Last, one fold of the next five messages
(``domain.memory.folding.fold``, what a memory worker does every five messages)
with the 200 details and the histories, against the same fold of a state without them.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.dialogue_set import DIALOGUES, Dialogue, load
from bench.quality import ACCOUNT, ingest
from bench.support.progress import log
from domain.context import compact_detail
from domain.context.service import build_context
from domain.memory.factory import build_engines
from domain.memory.folding import fold
from domain.memory.service import MemoryService
from runtime.settings import Settings
from schemas.memory_state import MemoryState
from store.backends.sqlite import SqliteStore

#: Two dialogues per language, concatenated: about 690 messages.
DIALOGUE_FILES = tuple(
    f"{language}/{name}"
    for language, names in {
        "en": ("01-desk-delivery", "02-laptop-warranty"),
        "fa": ("01-sofa-delivery", "02-phone-warranty-repair"),
        "th": ("01-fridge-delivery", "02-aircon-warranty-repair"),
    }.items()
    for name in names
)
#: Folds while the session is built: five times fewer than in production, same engine.
BUILD_FOLD_EVERY = 25
BUDGETS = (400, 800, 1_200)
SESSION = "long"
FEW_FACTS = 15
#: The cold-cache figure is taken at one budget: compaction does not depend on it.
COLD_BUDGET = 1_200


def build_session(store: SqliteStore, settings: Settings) -> MemoryState:
    messages = []
    for name in DIALOGUE_FILES:
        messages += load(DIALOGUES / f"{name}.json").messages
    building = settings.model_copy(update={"memory_fold_every": BUILD_FOLD_EVERY})
    service = MemoryService(store.memory, build_engines(building), building)
    started = time.perf_counter()
    log(f"building a session of {len(messages)} messages from {len(DIALOGUE_FILES)} dialogues")
    ingest(store, service, Dialogue(SESSION, "mixed", messages, {}), SESSION)
    state = store.memory.load_memory(ACCOUNT, SESSION)
    log(
        f"  built in {time.perf_counter() - started:.1f}s: {len(state.facts)} facts "
        f"({sum(1 for f in state.facts if f.history)} with history), "
        f"{len(state.details)} details"
    )
    return state


def variant(state: MemoryState, facts: int, *, details: bool) -> MemoryState:
    """``state`` with its first ``facts`` facts; without ``details``, no details and no
    fact history."""
    kept = state.facts[:facts]
    if details:
        return state.model_copy(update={"facts": kept})
    return state.model_copy(
        update={"facts": [f.model_copy(update={"history": []}) for f in kept], "details": []}
    )


def put_memory(store: SqliteStore, state: MemoryState) -> None:
    """Write ``state`` as the session's memory (under a lease, as a fold does)."""
    owner, now = uuid.uuid4().hex, datetime.now(UTC)
    assert store.memory.acquire_memory_lease(
        ACCOUNT, SESSION, owner, now + timedelta(minutes=5), now
    )
    version = store.memory.load_memory(ACCOUNT, SESSION).version
    assert store.memory.save_memory(
        ACCOUNT, SESSION, state.model_copy(update={"version": version}), owner
    )
    store.memory.release_memory_lease(ACCOUNT, SESSION, owner)


def median_ms(
    run: Callable[[], object], repeat: int, before: Callable[[], None] | None = None
) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def context_ms(
    store: SqliteStore, settings: Settings, budget: int, repeat: int, cold: bool
) -> float:
    def run() -> object:
        return build_context(store.memory, settings, ACCOUNT, SESSION, budget=budget, fmt="text")

    run()  # warm: the compact details' cache, the token estimates
    clear = compact_detail._compact.cache_clear if cold else None
    return median_ms(run, repeat, clear)


def print_table(
    title: str,
    rows: Sequence[tuple[str, list[float], list[float]]],
    budgets: Sequence[int] = BUDGETS,
) -> None:
    print()
    print(title)
    head = "".join(f"{b:>8} tok" for b in budgets)
    print(f"{'state':<44}{head}")
    for name, without, with_ in rows:
        print(f"{name + ', without':<44}" + "".join(f"{ms:>9.1f}ms" for ms in without))
        print(f"{name + ', with':<44}" + "".join(f"{ms:>9.1f}ms" for ms in with_))
        print(
            f"{'  ratio':<44}"
            + "".join(f"{w / base:>10.2f}x" for w, base in zip(with_, without, strict=True))
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="timings per figure (median)")
    args = parser.parse_args()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings().model_copy(update={"data_dir": Path(tmp)})
        store = SqliteStore(Path(tmp) / "cost.sqlite3")
        full = build_session(store, settings)
        rows = []
        cold_rows = []
        for facts in (FEW_FACTS, len(full.facts)):
            timings: dict[bool, list[float]] = {}
            cold: dict[bool, list[float]] = {}
            for details in (False, True):
                state = variant(full, facts, details=details)
                put_memory(store, state)
                label = f"{facts} facts, " + ("with" if details else "without")
                log(f"measuring contexts: {label} history and details")
                timings[details] = [
                    context_ms(store, settings, b, args.repeat, cold=False) for b in BUDGETS
                ]
                cold[details] = [context_ms(store, settings, COLD_BUDGET, args.repeat, cold=True)]
            rows.append((f"{facts} facts", timings[False], timings[True]))
            cold_rows.append((f"{facts} facts, cold cache", cold[False], cold[True]))
        put_memory(store, full)
        batch = store.memory.unfolded_messages(
            ACCOUNT,
            SESSION,
            keep_last=settings.memory_verbatim_count,
            exclude_ids=full.last_fold_ids,
            limit=5,
        )
        service = MemoryService(store.memory, build_engines(settings), settings)
        budgets = settings.budgets_for(ACCOUNT)
        fold_ms = {}
        for details in (False, True):
            state = variant(full, len(full.facts), details=details)
            log(f"measuring a fold of {len(batch)} messages, details and history: {details}")

            def one_fold(state: MemoryState = state) -> object:
                now = datetime.now(UTC)
                return fold(state, batch, service.engines, budgets, service.policy, now)

            one_fold()
            fold_ms[details] = median_ms(one_fold, max(3, args.repeat // 2))
        store.close()
    print()
    print(
        f"in process, medians of {args.repeat}; session of {len(full.details)} details, "
        f"{len(full.facts)} facts ({sum(1 for f in full.facts if f.history)} with history); "
        "'with': history and details, 'without': neither"
    )
    print_table("build_context, text, warm cache", rows)
    print_table(
        "build_context, text, the compact details' cache cleared before each",
        cold_rows,
        (COLD_BUDGET,),
    )
    print()
    print(
        f"fold of {len(batch)} messages: {fold_ms[True]:.1f} ms with, "
        f"{fold_ms[False]:.1f} ms without ({fold_ms[True] / fold_ms[False]:.2f}x; "
        f"{fold_ms[True] - fold_ms[False]:.1f} ms for the details and history)"
    )
    print(f"benchmark took {time.perf_counter() - began:.0f}s")


if __name__ == "__main__":
    main()
