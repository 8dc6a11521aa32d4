"""``memq dlq list``'s human-readable lines for a dead letter (``--json`` prints ``as_dict``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from memq.dlq_letter import DeadLetter, whole_seconds


def format_age(seconds: int | None) -> str:
    if seconds is None:
        return "?"
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    if seconds < 172_800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def render(letter: DeadLetter, show_body: bool = False) -> str:
    """A few human-readable lines for ``memq dlq list``."""
    entry = letter.as_dict(show_body=show_body)
    dead = "?"
    if letter.dead_at is not None:
        dead = format_age(whole_seconds(datetime.now(UTC) - letter.dead_at)) + " ago"
    head = (
        f"{entry['id']}  {entry['actor'] or '-'}  {entry['kind']}  "
        f"age {format_age(entry['age_s'])}  dead-lettered {dead}"
    )
    why = [f"reason={entry['reason'] or '?'}"]
    if entry["retries"] is not None:
        why.append(f"retries={entry['retries']}")
    if entry["error"]:
        why.append(f"error={entry['error']}")
    if entry["replays"]:
        why.append(f"replays={entry['replays']}")
    summary = dict(entry["summary"])
    event_ids = summary.pop("event_ids", [])
    lines = [head, f"    queue={entry['queue']} " + " ".join(why)]
    if entry["detail"]:
        lines.append(f"    detail: {entry['detail']}")
    lines.append(f"    {_pairs(summary)}")
    # A batch: one line per event, so an operator can grep the listing for a message id.
    lines += [f"      {_pairs(ids) or '(no ids)'}" for ids in event_ids]
    if show_body:
        lines.append(f"    body: {entry['body']}")
        if letter.traceback:
            lines += ["    traceback:", *("      " + t for t in letter.traceback.splitlines())]
    return "\n".join(lines)


def _pairs(values: dict[str, Any]) -> str:
    return " ".join(f"{key}={json.dumps(value)}" for key, value in values.items())
