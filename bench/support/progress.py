"""What a benchmark prints while it runs: lines, and a progress line every few seconds."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

PROGRESS_EVERY_S = 3.0


def log(text: str) -> None:
    print(text, flush=True)


@dataclass
class Progress:
    """Counters shown by the progress thread (plain ints: the GIL is enough)."""

    phase: str = ""
    total: int = 0
    sent: int = 0
    stored: int = 0
    show_sent: bool = True
    show_stored: bool = True
    started: float = field(default_factory=time.monotonic)

    def begin(self, phase: str, total: int, *, sent: bool = True, stored: bool = True) -> None:
        self.phase, self.total, self.sent, self.stored = phase, total, 0, 0
        self.show_sent, self.show_stored = sent, stored
        self.started = time.monotonic()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        parts = [f"[{self.phase}] {elapsed:6.1f}s"]
        if self.show_sent:
            parts.append(f"sent {self.sent}/{self.total} ({self.sent / max(elapsed, 1e-9):.0f}/s)")
        if self.show_stored:
            parts.append(
                f"done {self.stored}/{self.total} ({self.stored / max(elapsed, 1e-9):.0f}/s)"
            )
        if self.show_sent and self.show_stored:
            parts.append(f"backlog {max(0, self.sent - self.stored)}")
        return "  ".join(parts)


@contextmanager
def progress_printer(progress: Progress) -> Iterator[None]:
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(PROGRESS_EVERY_S):
            log("  " + progress.line())

    thread = threading.Thread(target=run, name="progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
