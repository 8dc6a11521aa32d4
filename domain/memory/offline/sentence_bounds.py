"""Where the sentence around a span begins and stops, as the rules that key a value read
it: a cue, a correction or a lead-in counts only within the value's own sentence. Its own
module so that the rules moved out of ``facts`` read a sentence as ``facts`` does. (Not
``sentences``, which splits whole messages, Thai clauses and length cuts included.)"""

import re

#: A sentence ends at a full stop, but not at a title's ("Dr. Osei has Monday free").
SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)[.!?؟\n](?:\s|$)|[!?؟]")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(begin, stop) of the sentence of ``text`` that holds ``start``…``end``."""
    begin = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = SENTENCE_END.search(text, end)
    return begin, stop.start() + 1 if stop else len(text)
