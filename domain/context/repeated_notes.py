"""One "(replaced by …)" note where a value's phrase was marked twice.

An old value and a longer one holding it ("£42.99" and "£42.99 a month", «زنگ» and «زنگ
بزنید») are marked each on its own, and the text reads "£42.99 (replaced by £36.99 a month)
a month (replaced by £36.99 a month)": the second note, a few words after the first with
the same replacement and no number between, says nothing new, and the current value
inside the first note reads as if it too were replaced. The note nearer the value stays.
"""

from __future__ import annotations

import re

#: Words that may stand between the two notes of one phrase ("a month", «بزنید»). Words
#: with a digit are a value of their own that the second note marks: "Monday 2 December
#: (replaced by …), 8am to 1pm (replaced by …)" names an old day and an old slot.
MAX_WORDS_BETWEEN = 3

_REPEATED_NOTE = re.compile(
    r"( \(replaced by ([^()]*)\))"
    r"((?:[\s,،]*[^\s(),،.!?;:؟؛\d]+){1," + str(MAX_WORDS_BETWEEN) + r"})"
    r" \(replaced by \2\)"
)


def without_repeated_notes(text: str) -> str:
    """``text`` with a note that repeats the note a few words before it taken out."""
    if text.count("(replaced by") < 2:
        return text
    while (collapsed := _REPEATED_NOTE.sub(r"\1\3", text)) != text:
        text = collapsed
    return text
