"""The same conversation gives the same context in any session and any process.

Contexts are built through caches shared by every session of a worker (compact forms,
search terms) and through sets whose order depends on the interpreter's hash seed: a
context that depended on either would differ between two workers answering the same
session, and a benchmark run would not repeat.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.dialogue_set import DIALOGUES, load
from bench.quality import ingest, shown
from domain.memory.factory import build_engines
from domain.memory.service import MemoryService
from runtime.settings import Settings
from store.backends.sqlite import SqliteStore

#: One dialogue per language, and one read between their two sessions.
DIALOGUE_IDS = (
    "blind2/en-31-garage-brakes",
    "blind2/fa-33-car-rental",
    "blind2/th-35-condo-rental",
)
BETWEEN = "blind/en-22-courier-parcel-redirect"
BUDGETS = (400, 800, 1_200)


def contexts_digest(names: tuple[str, ...] = DIALOGUE_IDS) -> str:
    """Each dialogue read into two sessions, another one between them; the digest of the
    contexts of the second sessions, after checking they equal the first ones'."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(anthropic_api_key=None).model_copy(update={"data_dir": Path(tmp)})
        store = SqliteStore(Path(tmp) / "determinism.sqlite3")
        service = MemoryService(store.memory, build_engines(settings), settings)
        digest = hashlib.sha256()
        try:
            for index, name in enumerate(names):
                dialogue = load(DIALOGUES / f"{name}.json")
                ingest(store, service, dialogue, f"first-{index}")
                first = [shown(store, settings, f"first-{index}", b).text for b in BUDGETS]
                ingest(store, service, load(DIALOGUES / f"{BETWEEN}.json"), f"between-{index}")
                ingest(store, service, dialogue, f"again-{index}")
                again = [shown(store, settings, f"again-{index}", b).text for b in BUDGETS]
                assert again == first, name
                digest.update("\n".join(again).encode())
        finally:
            store.close()
        return digest.hexdigest()


def test_another_session_and_another_hash_seed_get_the_same_contexts() -> None:
    here = contexts_digest()  # checks the second sessions against the first ones too
    script = "from tests.context.test_context_determinism import contexts_digest as d; print(d())"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert other.stdout.strip() == here
