"""Chaos accounting: when each accepted message was stored, and what went wrong.

``StoreWatcher`` polls the deployment's SQLite file read-only, as an outsider
would (memq's code is not touched): ``messages.id`` is assigned inside the
write transaction, so rows appear in commit order, and a message is stored by
the first poll that sees its row (late by at most one poll interval).

``tally`` compares that with what the channels were told:

- sent: messages the run tried to deliver (poison included);
- accepted: those that got their 202 (or publisher confirm);
- stored: accepted messages found stored;
- duplicates: rows or session counts beyond one per message;
- lost: accepted messages never stored;
- late: stored more than ``LATE_AFTER`` seconds after their 202;
- out of order: sessions whose listing order is not their acceptance order;
- retries: requests sent again after a 503, a timeout or a refused connection.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.chaos.traffic import Message

#: A message stored later than this after its 202 is late.
LATE_AFTER = 2.0
POLL_SECONDS = 0.02


class StoreWatcher:
    def __init__(self, sqlite_path: Path) -> None:
        self.path = sqlite_path
        self.stored_at: dict[tuple[str, str], float] = {}
        self._last_id = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chaos-watch", daemon=True)

    def start(self) -> StoreWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(sqlite3.Error):  # busy: the next poll sees it
                self.poll()
            self._stop.wait(POLL_SECONDS)

    def poll(self) -> None:
        if not self.path.exists():
            return
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5) as db:
            rows = db.execute(
                "SELECT id, account_id, message_id FROM messages WHERE id > ? ORDER BY id",
                (self._last_id,),
            ).fetchall()
        now = time.time()
        for row_id, account, message_id in rows:
            self.stored_at.setdefault((account, message_id), now)
            self._last_id = max(self._last_id, row_id)

    def wait_for(self, messages: Iterable[Message], timeout: float) -> None:
        """Until every accepted message is stored, or ``timeout`` seconds."""
        wanted = [
            m.key for m in messages if m.accepted_at is not None and not (m.poison and m.direct)
        ]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(key in self.stored_at for key in wanted):
                return
            time.sleep(0.1)


@dataclass
class Tally:
    scenario: str
    sent: int = 0
    accepted: int = 0
    stored: int = 0
    duplicates: int = 0
    lost: int = 0
    late: int = 0
    out_of_order: int = 0
    refused: int = 0  # poison refused at the door, or published and never stored
    late_others: int | None = None  # late messages of accounts that sent no poison
    worst_delay: float = 0.0  # seconds from 202 to stored, the slowest message
    retries: int = 0

    def row(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "sent": self.sent,
            "accepted": self.accepted,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "lost": self.lost,
            "late": self.late,
            "late, other accounts": "-" if self.late_others is None else self.late_others,
            "out of order": self.out_of_order,
            "refused (poison)": self.refused,
            "retries": self.retries,
            "slowest 202→stored s": round(self.worst_delay, 2),
        }


def tally(
    scenario: str, messages: list[Message], watcher: StoreWatcher, poison_accounts: set[str]
) -> Tally:
    watcher.poll()
    result = Tally(scenario, sent=len(messages))
    for message in messages:
        result.retries += max(0, message.attempts - 1)
        if message.poison and (message.refused is not None or message.direct):
            # Refused at the door, or (published straight to RabbitMQ) never stored
            result.refused += message.refused is not None or message.key not in watcher.stored_at
            continue
        if message.accepted_at is None:
            continue
        result.accepted += 1
        stored_at = watcher.stored_at.get(message.key)
        if stored_at is None:
            result.lost += 1
            continue
        result.stored += 1
        delay = stored_at - message.accepted_at
        result.worst_delay = max(result.worst_delay, delay)
        if delay > LATE_AFTER:
            result.late += 1
            if poison_accounts and message.account not in poison_accounts:
                result.late_others = (result.late_others or 0) + 1
    if poison_accounts and result.late_others is None:
        result.late_others = 0
    result.duplicates = _duplicates(watcher.path)
    result.out_of_order = _out_of_order(watcher.path, messages)
    return result


def _duplicates(path: Path) -> int:
    """Rows beyond one per (account, message_id), and counts beyond the rows."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        extra_rows = db.execute(
            "SELECT count(*) - count(DISTINCT account_id || char(0) || message_id) FROM messages"
        ).fetchone()[0]
        overcounted = db.execute(
            "SELECT coalesce(sum(abs(s.message_count - (SELECT count(*) FROM messages m"
            " WHERE m.account_id = s.account_id AND m.session_id = s.session_id))), 0)"
            " FROM sessions s"
        ).fetchone()[0]
    return int(extra_rows) + int(overcounted)


def _out_of_order(path: Path, messages: list[Message]) -> int:
    """Sessions whose stored order differs from the order their messages were accepted in."""
    sent: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for message in messages:
        if not message.poison:
            sent[(message.account, message.session)][message.message_id] = message.index
    wrong = 0
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        for (account, session), indexes in sent.items():
            listed = [
                indexes[message_id]
                for (message_id,) in db.execute(
                    "SELECT message_id FROM messages WHERE account_id = ? AND session_id = ?"
                    " ORDER BY seq, message_id",
                    (account, session),
                )
                if message_id in indexes
            ]
            wrong += listed != sorted(listed)
    return wrong
