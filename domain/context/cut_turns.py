"""A summary cut at its end keeps no line the cut left saying nothing.

A summary longer than its room is cut at a word ("User: the adjuster came,…"); when the
cut falls in a turn's label or first words ("Assistant…", "Assistant:…", "User: The…"),
what is left of that line is a speaker with nothing said: it goes whole.
"""

from __future__ import annotations

from domain.memory.offline.terms import content_terms
from domain.memory.speakers import label_of
from domain.tokens import ELLIPSIS

_NAMES = ("User", "Assistant", "System")


def without_empty_cut(fitted: str) -> str:
    """``fitted`` (a summary cut to end in "…") without its last line when what the cut
    left of it holds no number nor content word."""
    if not fitted.endswith(ELLIPSIS):
        return fitted
    before, _, last = fitted.rpartition("\n")
    body = last[len(label_of(last)) :].removesuffix(ELLIPSIS).strip()
    if not label_of(last) and any(name.startswith(body.rstrip(":")) for name in _NAMES):
        body = ""  # the cut fell inside the label itself ("Assist…")
    if any(ch.isdigit() for ch in body) or content_terms(body):
        return fitted
    return before.rstrip()
