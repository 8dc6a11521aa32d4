"""The names of options an assistant's message says, kept past the messages a fold reads.

A switch to an option by its name alone ("ok switch to the Pro", "so back to navy",
«برگردیم به مشکی», «กลับไปสีดำค่ะ») is taken only when the option was offered or held before
(``facts._Facts.named_before``): "he switched to Revolut" names no product. A fold reads
its own messages and the few before them only, so the offer may be long gone ("We do the
Classic at €32 and the Pro at €41" forty messages earlier). The fold keeps the names each
assistant message says (``MemoryState.offered_names``, bounded, the newest last) and hands
them to the next folds. A name is what such a switch reads as one: capitalised words or
numbers ("Commercial Essentials", "Fibre 150"), a plain colour ("navy", «مشکی», «สีดำ»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.engine import TranscriptLine
from domain.memory.offline.colours_taken import EN_COLOUR, FA_COLOUR
from domain.memory.offline.named_choices import OPTION_NAME
from domain.memory.offline.thai_named_things import TH_COLOURS
from domain.memory.offline.values import FA_LETTERS

_NAMES = re.compile(
    rf"(?<![\w'’])(?:{OPTION_NAME})(?![\w'’])"
    rf"|(?<![A-Za-z])(?i:{EN_COLOUR})(?![A-Za-z])"
    rf"|(?<![{FA_LETTERS}]){FA_COLOUR}(?![{FA_LETTERS}])"
    rf"|สี(?:{TH_COLOURS})"
)
#: Names kept: a name is short, and one offered again moves to the newest.
MAX_OFFERED_NAMES = 60
#: Shorter names are letters or initials, no option's ("A", "I").
_MIN_CHARS = 2
#: Where a sentence starts: its first word is capitalised whatever it is ("Lovely.", "Can
#: you …", "Usually three weeks"), no name unless another capitalised word goes with it.
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n)\s*$")
#: A word alone at a sentence's start still names an option listed ("Classic: €32",
#: "Pro – lighter fabric").
_LISTED_AFTER = re.compile(r"\s*[:–—-]")
#: A count before a name is no part of it ("24 Classic jerseys").
_COUNT = re.compile(r"^(?:\d+\s+)+")


def names_offered(text: str) -> list[str]:
    """The option names an assistant's ``text`` says, each once, in order."""
    names = []
    for line in text.splitlines():
        for match in _NAMES.finditer(line):
            name = _COUNT.sub("", match.group())
            if len(name) < _MIN_CHARS or not any(character.isalpha() for character in name):
                continue
            if not _opens_sentence(line, match, name):
                names.append(name)
    return list(dict.fromkeys(names))


def _opens_sentence(line: str, match: re.Match[str], name: str) -> bool:
    """Whether ``name`` is only the capitalised first word of a sentence, not listed."""
    alone = " " not in name and name[0].isupper()
    return (
        alone
        and _SENTENCE_START.search(line[: match.start()]) is not None
        and _LISTED_AFTER.match(line, match.end()) is None
    )


def offered_since(earlier: Sequence[str], lines: Sequence[TranscriptLine]) -> list[str]:
    """``earlier`` (the names kept so far) and those the assistant's ``lines`` offer, each
    once where said last, the newest ``MAX_OFFERED_NAMES``."""
    said = [n for line in lines if line.role == "assistant" for n in names_offered(line.content)]
    newest_first = list(dict.fromkeys(reversed([*earlier, *said])))
    return newest_first[:MAX_OFFERED_NAMES][::-1]
