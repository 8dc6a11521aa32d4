"""Spoken Persian ends a name with the copula: «اسمش علی شریفیه» is "his name is Ali
Sharifi", the «ـه» after the family name's «ی» being "is": the name is «علی شریفی». A
given name may end in «یه» itself («سمیه», «مرضیه», «هانیه»), so a name said alone keeps
it and only the family name of a name of two words loses it; «فاطمه» and «زهره» end in
«ه» after no «ی» and keep it. English and Thai say no such copula on a name."""

import re

_FAMILY_NAME_WITH_COPULA = re.compile(r"(?<=\S\s)(?P<family>\S+ی)ه$")


def without_copula(name: str) -> str:
    """``name`` without the spoken «ـه» after its family name."""
    spoken = _FAMILY_NAME_WITH_COPULA.search(name)
    return name[: spoken.end("family")] if spoken else name
