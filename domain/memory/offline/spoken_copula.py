"""Spoken Persian ends a name with the copula: «اسمش علی شریفیه» is "his name is Ali
Sharifi", the «ـه» after the family name's «ی» being "is": the name is «علی شریفی». A
given name may end in «یه» itself («سمیه», «مرضیه», «هانیه»), so a name said alone keeps
it, and so does one after «خانم» («خانم مرضیه»: the title is no given name); only the
family name of a name of two words loses it. «فاطمه» and «زهره» end in «ه» after no «ی»
and keep it; so do the Arabic names of two letters and «یه» («فقیه», «نبیه», «عطیه»):
a family name that ends in the «ی» of where or whom it is from («شریفی», «موسوی») has a
longer stem. English and Thai say no such copula on a name."""

import re

#: «خانم» (Ms) is said before a woman's given name too («خانم مرضیه»): the word after it
#: is a name said alone («آقای صادقیه», by a family name, is "Mr Sadeghi is").
_TITLES = frozenset({"خانم"})
#: A family name of a stem of three letters or more, its «ی», then the «ـه».
_FAMILY_NAME_WITH_COPULA = re.compile(r"(?<=\S\s)(?P<family>\S{3,}ی)ه$")


def without_copula(name: str) -> str:
    """``name`` without the spoken «ـه» after its family name."""
    spoken = _FAMILY_NAME_WITH_COPULA.search(name)
    if not spoken or name[: spoken.start()].split()[-1] in _TITLES:
        return name
    return name[: spoken.end("family")]
