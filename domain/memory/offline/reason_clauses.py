"""Where a clause of reason opens after a value.

A cue said after a value names it only inside the value's own clause. A word of reason
("since", "because", «چون», «زیرا») opens another clause, and a cue past it is said of
that clause's subject: "we'll keep you at $52.00 since the order's already in the system"
names the order, not what the sum is (no order total); «۵ میلیون حساب می‌کنیم چون سفارش
قبلا ثبت شده» likewise. Not so where the clause names the value itself: "$2,140, because
that's the total" (it is the value), "$500 since the deposit went up" (a sum word the value
answers; ``facts`` tells those by their topic). Thai has its own clause joins
(``thai_clause_joins``). Left out: "as" ("$600 as the deposit" names the sum) and
conditions ("$1,800 if the order goes in today" offers the order's total).
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: The words of reason, shared with the instructions' clause ends.
EN_REASON_WORDS = r"because|cause|cos|since"
FA_REASON_WORDS = r"چون|چونکه|زیرا|آخه"

_REASON = re.compile(
    rf"(?<![A-Za-z'’])(?:{EN_REASON_WORDS})(?![A-Za-z'’])"
    rf"|(?<![{_FA}])(?:{FA_REASON_WORDS})(?![{_FA}])",
    re.IGNORECASE,
)
#: A reason clause that says what the value is: "because that's the total", "since it's
#: the deposit", «چون این مبلغ کل است».
_NAMES_IT = re.compile(
    r"\s*,?\s*(?:that|it|this)(?:'s|’s|\s+is|\s+was|\s+will\s+be)(?![A-Za-z])"
    rf"|\s*(?:این|اون|آن)(?![{_FA}])",
    re.IGNORECASE,
)


def opens_reason_clause(between: str) -> bool:
    """Whether the words between a value and a cue after it open a clause of reason, so
    the cue is said of that clause and not of the value; not one that says what the value
    is ("because that's the total")."""
    reasons = list(_REASON.finditer(between))
    return bool(reasons) and _NAMES_IT.match(between, reasons[-1].end()) is None
