"""The language a conversation was held in, told from its script: enough to keep a
summary in the user's language and to say which one it is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

UNDETERMINED = "und"


def _script(ch: str) -> str | None:
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFEFF:
        return "fa"  # memq's Arabic-script users write Persian (seed 001)
    if 0x0E00 <= code <= 0x0E7F:
        return "th"
    if ch.isascii() and ch.isalpha():
        return "en"
    return None


def language_of(texts: Iterable[str]) -> str:
    """The script most letters are written in, as a language code; ``"und"`` without
    letters. Latin script counts as English, Arabic script as Persian."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(script for script in map(_script, text) if script is not None)
    if not counts:
        return UNDETERMINED
    return counts.most_common(1)[0][0]
