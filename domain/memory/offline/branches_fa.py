"""The branch a Persian customer takes: «همون شعبه معالی‌آباد», «ببریمشون شعبه قصردشت»,
«شعبه ونک بهتره». A business with several branches asks which one suits; the customer names
it with «شعبه» before its name, and a later one they name takes its place («همسرم میگه
ببریمشون شعبه قصردشت» … «بیخیال، همون شعبه معالی‌آباد بهتره»).

Only the customer's own words choose (the agent's «شعبه معالی‌آباد یکی تو انبار داره» says
where a part is), and not in a question («شعبه قصردشت چطوره؟»), nor a branch set aside
(«شعبه ونک نه», «شعبه ونک دوره»). Its own module: it reads only the sentence.
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS
#: «شعبه» and the branch's name: one word, joined parts kept («معالی‌آباد»).
_BRANCH = re.compile(rf"(?<![{_FA}])شعبه\s+(?P<value>[{_FA}]{{2,}})(?![{_FA}])")
#: Words after «شعبه» that name no branch: «شعبه‌ها», «شعبه دیگه», «شعبه شما».
_NOT_A_NAME = re.compile(
    r"^(?:دیگه|دیگر|اصلی|مرکزی|شما|ما|جدید|نزدیک|نزدیکتر|نزدیک‌تر|کدوم|کدام|هم|رو|را|که|و|یا"
    r"|داریم|دارید|هست|است|نیست)$"
)
#: Words after the branch that set it aside: «نه», «دوره», «نمیشه», «گرونه», «شلوغه».
_SET_ASIDE_AFTER = re.compile(
    r"\s*(?:(?:رو|را)\s+)?(?:نه|نمی|نم|ن(?:خوا|میشه|یست)|دوره|گرون|شلوغ|پره|بسته)"
)


def branch_chosen(sentence: str) -> tuple[int, int, str] | None:
    """(start, end, «شعبه …») of the branch a customer's sentence takes, the last one named."""
    if re.search(r"[?؟]\s*$", sentence):
        return None
    found = None
    for match in _BRANCH.finditer(sentence):
        name = match.group("value")
        if _NOT_A_NAME.match(name) or _SET_ASIDE_AFTER.match(sentence, match.end()):
            continue
        found = (match.start(), match.end(), match.group())
    return found
