"""Where a clause of reason opens after a value.

A cue said after a value names it only inside the value's own clause. A word of reason
("since", "because", «چون», «زیرا») opens another clause, and a cue past it is said of
that clause's subject: "we'll keep you at $52.00 since the order's already in the system"
names the order, not what the sum is (no order total); «۵ میلیون حساب می‌کنیم چون سفارش
قبلا ثبت شده» likewise. Thai has its own clause joins (``thai_clause_joins``). Left out:
"as" ("$600 as the deposit" names the sum) and conditions ("$1,800 if the order goes in
today" offers the order's total).
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

_REASON = re.compile(
    r"(?<![A-Za-z'’])(?:since|because|cause|cos)(?![A-Za-z'’])"
    rf"|(?<![{_FA}])(?:چون|چونکه|زیرا|آخه)(?![{_FA}])",
    re.IGNORECASE,
)


def opens_reason_clause(between: str) -> bool:
    """Whether the words between a value and a cue after it open a clause of reason, so
    the cue is said of that clause and not of the value."""
    return _REASON.search(between) is not None
