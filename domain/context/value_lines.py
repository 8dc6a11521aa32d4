"""Where a text states a value, and the lines of a summary that state one.

A summary quotes the turns around the values as well as the values; the last turns of a
conversation are often small talk ("ill wait till the car arrives", "Great little car!").
The recent summary comes right after the details in the context's order of priority
(``domain.context.assemble``): a line of it that states no value the memory holds
spends the budget the older summaries and messages would use for values. So the recent
summary shows only its lines that state such a value (a key fact's, current or earlier,
or a detail's), a number (a value the folds may not have taken: "it's 3 flights up") or
carry a "(replaced …)" mark. Only quoted turns go: a line without a
speaker's label is read with the line before it (one message on several lines is one
turn), and one before any label is the summary's own words (an abstractive summary:
"User asked for installation guide."), which stays. When the memory holds no value there
is nothing to tell a line by, and the summary stays whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from domain.context.repeated import normalized
from domain.memory.speakers import label_of, speaker_turns

_REPLACED_MARK = "(replaced"


def lines_with_values(text: str, values: Iterable[str]) -> str:
    """The lines of ``text`` but its quoted turns that state none of ``values`` nor a number
    and carry no "(replaced …)" mark (module doc); ``text`` itself when ``values`` holds
    none."""
    wanted = [v for v in {normalized(value) for value in values} if v]
    if not wanted:
        return text
    return "\n".join(turn for turn in speaker_turns(text) if _states(turn, wanted))


def _states(turn: str, wanted: list[str]) -> bool:
    """Whether ``turn`` stays: the summary's own words, a mark, a number or a value."""
    if not label_of(turn) or _REPLACED_MARK in turn or any(ch.isdigit() for ch in turn):
        return True
    said = normalized(turn)
    return any(carries(said, v) for v in wanted)


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ")[0]


def _joins(a: str, b: str) -> bool:
    """Whether ``a`` then ``b`` are one word or number: two digits, or two letters of a
    script that spaces its words (Thai does not: a value ends inside a run of letters)."""
    if a.isdigit() and b.isdigit():
        return True
    return a.isalpha() and b.isalpha() and _script(a) == _script(b) != "THAI"


#: A spoken Persian ending on a word, no new word: the copula «ـه» («اسمش علی شریفیه», «رنگش
#: مشکیه»: his name is …, it is black), "my/your/his" («ماشینم»), the object «رو», a plural.
_PERSIAN_ENDING = re.compile(r"(?:یه|ه|ی|م|ت|ش|مون|تون|شون|ها|رو|و)(?![\u0600-\u06ff])")


def carries(text: str, value: str) -> bool:
    """Whether ``text`` states ``value`` whole: "£24" is not in "£240", "12" not in
    "4,120" nor "12.5" (both normalized); a Persian value may take a spoken ending
    («مشکیه»: «مشکی» and "is")."""
    if not value:
        return True
    at = text.find(value)
    while at >= 0:
        end = at + len(value)
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        split_number = (
            before in ",." and at >= 2 and text[at - 2].isdigit() and value[0].isdigit()
        ) or (
            after in ",."
            and end + 1 < len(text)
            and text[end + 1].isdigit()
            and value[-1].isdigit()
        )
        if not (
            (before and _joins(before, value[0]))
            or (after and _joins(value[-1], after) and not _PERSIAN_ENDING.match(text, end))
            or split_number
        ):
            return True
        at = text.find(value, at + 1)
    return False
