"""A summary cut to fit never ends in a stub of a line.

The first summary that does not fit whole is shortened to what is left of the budget, cut
at a word (``assemble``), and its last line may keep only a
few words of a long one ("Assistant: Interim on a Focus is…", "Assistant:…"). Such a
stub says little, and it can show an old value without the words that replaced it (the
interim service the customer later changed to a full one). So a cut last line that keeps
less than ``MIN_STUB_TOKENS`` of its own words (its speaker label aside: about five
words) is left out; the lines before it stay whole.
"""

from __future__ import annotations

import re

from domain.tokens import ELLIPSIS, estimate_tokens

#: How much of its own text a cut line must keep to be shown.
MIN_STUB_TOKENS = 8

#: A summary line's speaker label ("User: ", "Assistant: ").
_LABEL = re.compile(r"^[^\s:]{1,20}:\s*")


def without_stub(cut: str, whole: str) -> str:
    """``cut`` (``whole`` shortened) without its last line when that line is a stub."""
    if cut == whole or not cut.endswith(ELLIPSIS):
        return cut
    head, _, last = cut.rpartition("\n")
    if estimate_tokens(_LABEL.sub("", last).removesuffix(ELLIPSIS)) >= MIN_STUB_TOKENS:
        return cut
    return head.rstrip()
