"""A percentage a share's history holds, marked where it is that share.

"30%" or «۱۰ درصد» is no value of one thing wherever quoted: a summary says "a 30% deposit
and 10% off" of two shares. A deposit's share changed from 30% to 50% is marked only where
the word of its sentence nearest the number names the deposit, as the extractor read it
(``percentages.share_at``): "10%" is too short to be marked anywhere, yet the summary that
keeps "a 10% discount" after the discount became 15% shows an old term; «۳۰ درصد» long
enough, yet "۳۰ درصد تخفیف" is the discount's own when only the deposit moved from it.
"""

from __future__ import annotations

import re

from domain.memory.offline.percentages import SHARE_KEYS, share_at
from domain.memory.offline.values import FA_LETTERS

#: A word's own letters run on after a Persian share: «۳۰ درصده» ("it is 30%"), «درصدی».
_WORD_RUNS_ON = re.compile(rf"[{FA_LETTERS}\u200c]*")


def is_share(key: str) -> bool:
    return key in SHARE_KEYS


def mark_share(text: str, old: str, key: str, note: str) -> str:
    """``text`` with ``note`` after each quote of ``old`` (a share of ``key``, not part of
    a longer number, not marked already) that names ``key``'s share."""
    pattern = re.compile(r"(?<![\d.,٬٫])" + re.escape(old) + r"(?![\d.,٬٫]?\d)")
    ends = []
    for match in pattern.finditer(text):
        run = _WORD_RUNS_ON.match(text, match.end())
        end = run.end() if run else match.end()
        if text.startswith(" (replaced", end):
            continue
        if share_at(text, match.start(), match.end()) == key:
            ends.append(end)
    for end in reversed(ends):
        text = text[:end] + note + text[end:]
    return text
