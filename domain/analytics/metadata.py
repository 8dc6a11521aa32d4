"""What an answer's ``metadata`` says, read tolerantly.

Channels send whatever their LLM pipeline produced. A field that is missing or
malformed is simply not counted: it never fails the message or the flush.

- ``confidence``: a number in [0, 1] (not a bool, not a string);
- ``sources``: knowledge-base entry ids: a list of strings (or of objects with
  ``entry_id`` or ``id``), or one string; blank ones dropped, duplicates within
  one answer counted once, each cut to ``ENTRY_ID_CHARS``, at most
  ``SOURCES_PER_ANSWER`` per answer;
- ``collection``, ``model``: non-empty strings, cut to ``NAME_CHARS``;
- ``latency_ms``: a non-negative number;
- ``tokens``: a non-negative integer, or an object of them (``total`` when
  present, else the sum of the others, e.g. ``{"input": 120, "output": 80}``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

ENTRY_ID_CHARS = 200
SOURCES_PER_ANSWER = 50
NAME_CHARS = 100


@dataclass(frozen=True)
class AnswerMetadata:
    confidence: float | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)
    collection: str | None = None
    model: str | None = None
    latency_ms: float | None = None
    tokens: int | None = None


def parse(metadata: dict[str, Any] | None) -> AnswerMetadata:
    if not metadata:
        return AnswerMetadata()
    return AnswerMetadata(
        confidence=_confidence(metadata.get("confidence")),
        sources=_sources(metadata.get("sources")),
        collection=_name(metadata.get("collection")),
        model=_name(metadata.get("model")),
        latency_ms=_non_negative(metadata.get("latency_ms")),
        tokens=_tokens(metadata.get("tokens")),
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _confidence(value: Any) -> float | None:
    number = _number(value)
    return number if number is not None and 0.0 <= number <= 1.0 else None


def _non_negative(value: Any) -> float | None:
    number = _number(value)
    return number if number is not None and number >= 0 else None


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _tokens(value: Any) -> int | None:
    if isinstance(value, dict):
        total = _count(value.get("total"))
        if total is not None:
            return total
        parts = [_count(part) for key, part in value.items() if key != "total"]
        counted = [part for part in parts if part is not None]
        return sum(counted) if counted else None
    return _count(value)


def _name(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()[:NAME_CHARS]


def _sources(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str | dict) else value
    if not isinstance(items, list | tuple):
        return ()
    seen: dict[str, None] = {}
    for item in items:
        if isinstance(item, dict):
            item = item.get("entry_id", item.get("id"))
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str) or not item.strip():
            continue
        seen.setdefault(item.strip()[:ENTRY_ID_CHARS], None)
        if len(seen) == SOURCES_PER_ANSWER:
            break
    return tuple(seen)
