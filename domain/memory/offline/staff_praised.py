"""A person praised or thanked for their work: "the engineer Mark was great", "thanks to the
installer, Tom Reyes", «اوستا حمید خیلی خوب بود», «دست آقای رضا رضایی درد نکنه».

A customer who praises someone by name after a visit or a lesson speaks of the business's
own people (its engineer, its coach), not of someone on the customer's side: the name is
small talk, no detail and no fact to keep. The praise is said right after the name ("was
great", "did a lovely job", «کارش عالی بود», «ممنونم») or the thanks right before it,
with at most a role between ("thank coach Maya"). A name followed by what the person will
do ("the engineer Mark is coming Tuesday", "is good for Tuesday", «اوستا حمید دقیق ساعت ۹
میاد») is no praise.

Thai names a craftsman by title («ช่างสมชาย»), which ``role_holders`` keys from the
business's messages only: a customer's «ช่างสมชายทำงานดีมาก» keeps no one already.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

_EN_PRAISE_WORD = (
    r"(?:great|brilliant|excellent|amazing|fantastic|wonderful|lovely|superb|awesome|helpful"
    r"|star|legend|gem|professional|friendly|kind|patient|polite|outstanding|fab|good|nice"
    r"|efficient|thorough|careful|tidy|spot\s+on)"
)
_EN_PRAISED_AFTER = re.compile(
    r",?\s*(?:who\s+)?"
    r"(?:(?:was|were|is|has\s+been|['’]s\s+been|['’]s)\s+"
    r"(?:(?:so|really|very|just|absolutely|super|incredibly|extremely|truly|such|a|an)\s+)*"
    rf"{_EN_PRAISE_WORD}(?![\w'’])(?!\s+(?:for|to|at|on|with|about|in|by)\b)"
    r"|(?:did|has\s+done|['’]s\s+done)\s+(?:a|an|such\s+a)\s+(?:[a-z]+\s+)?job\b)",
    re.IGNORECASE,
)
#: Thanks right before the name, a role at most between: "thanks to the engineer ",
#: "thank you so much, installer ", "please thank coach ".
_EN_THANKED_BEFORE = re.compile(
    r"(?<![\w'’])(?:thanks|thank\s+you|thank|cheers|kudos|credit|shout[-\s]?out)"
    r"(?:\s+(?:so\s+much|very\s+much|a\s+lot|again))?[,!]?(?:\s+(?:to|for))?"
    r"(?:\s+(?:the|our|your))?(?:\s+[a-z]+)?,?\s*$",
    re.IGNORECASE,
)

_FA_PRAISE_WORD = (
    r"(?:خوب|عالی|گل|خوش[\u200c\s]?برخورد|مودب|باحال|کار[\u200c\s]?بلد|حرفه[\u200c\s]?ای|دقیق"
    r"|با[\u200c\s]?حوصله|ماه|محشر|بی[\u200c\s]?نظیر|تمیز)"
)
#: A Persian praise ends its clause: after the adjective a copula or «کار کرد» ("worked"),
#: or nothing more («اوستا حمید دقیق ساعت ۹ میاد» says when he comes).
_FA_PRAISE_END = (
    rf"(?:\s*(?:بود|بودن|بودند|هستن|هستند|است|ه|ن|کار\s*(?:کرد|کردن|کردند|میکنه|میکنن))"
    rf"(?![{_FA}])|(?=\s*(?:[.!،,؛]|$)))"
)
_FA_PRAISED_AFTER = re.compile(
    rf"\s*(?:(?:خیلی|واقعا|واقعاً|بسیار|هم|کارش|کارشون|برخوردش|برخوردشون)\s+)*"
    rf"(?:{_FA_PRAISE_WORD}{_FA_PRAISE_END}"
    # «دست آقای … درد نکنه», «از اوستا حمید ممنونم»
    rf"|(?:درد\s+نکنه|ممنون|ممنونم|متشکرم|مرسی|سپاسگزارم|تشکر)(?![{_FA}]))"
)


def praised_or_thanked(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is praised or thanked (module doc)."""
    return bool(
        _EN_PRAISED_AFTER.match(text, end)
        or _FA_PRAISED_AFTER.match(text, end)
        or _EN_THANKED_BEFORE.search(text[max(0, start - 40) : start])
    )
