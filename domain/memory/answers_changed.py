"""A customer's answer to a what- or which-question that a later turn changes.

"Which pharmacy should it go to?" "walgreens on clark and division" is kept as a detail
(``kept_clauses``); when a later turn changes the thing the question asked about ("I've
changed the pharmacy to the CVS", «رنگ جعبه رو عوض کنید», «เปลี่ยนสีเป็น…»), the answer is
no longer current and must not be shown as if it were. The later turn names the
question's subject (a content term of it) with a word of change; its own wording may
hold none of the answer's words, so ``supersedes`` (same terms) does not find it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from domain.memory.offline.terms import content_terms
from domain.memory.offline.values import FA_LETTERS
from domain.memory.offline.what_questions import asks_what
from schemas.memory_model import Detail

_FA = FA_LETTERS

_ASKED = re.compile(r"^Assistant: (?P<question>[^\n]+)\nUser: ")
#: A word that says a thing was changed: "changed", "switch", «عوض», «تغییر», «เปลี่ยน».
_CHANGE = re.compile(
    r"(?<![\w'’])(?:chang(?:e|ed|ing)|switch(?:ed|ing)?|swap(?:ped)?|instead|updated?|actually"
    r"|scratch\s+that|on\s+second\s+thought|rather|make\s+it)(?![\w'’])"
    rf"|(?<![{_FA}])(?:عوض|تغییر|به\s*جای|بجای)"
    r"|เปลี่ยน|แทน",
    re.I,
)


def changed_answers(details: Sequence[Detail]) -> set[int]:
    """Indexes (in ``details``, oldest first) of the what-answers a later detail changes."""
    gone: set[int] = set()
    for index, detail in enumerate(details):
        if set(detail.kinds) != {"answer"}:
            continue
        asked = _ASKED.match(detail.text)
        if asked is None or not asks_what(asked["question"]):
            continue
        subject = set(content_terms(asked["question"]))
        for later in details[index + 1 :]:
            if later.first_position <= detail.last_position or not _CHANGE.search(later.text):
                continue
            if subject & set(content_terms(later.text)):
                gone.add(index)
                break
    return gone
