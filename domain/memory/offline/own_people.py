"""People on the customer's own side, named by the role they play there: "the invoice needs
to go to our treasurer, Declan Burke", "our treasurer Graham Reid, not me", "the groundsman
Trev is there every day till 4".

A club secretary or an office manager hands things on to someone by role, and a later turn
relies on the name (the invoice goes to Declan; Trev takes the delivery). The name is no
relative's (``person_names``), and no one the business assigns (``role_holders``, which
keys the business's people and leaves the customer's alone): it is kept as the clause of a
``person`` detail, not a fact. English only so far: Persian and Thai put a title between
the role and the name («سرایدار، آقای موسوی», «นิติ … คุณวรรณา»), another pattern.

The role is one or two lower-case words, the last a noun of someone who does something
("-er", "-or", "-ist", "-ian", "-ant", "-ent", "-man", "-ary", "-person": treasurer,
secretary, groundsman, chairperson), after "our", "my" or "the"; the name follows it, after
a comma or an "is". Not a thing that ends like a role ("the order Tuesday", "our number
Five", "the winter Olympics"), nor a name that says when ("the manager Monday").
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import word_set
from domain.memory.offline.person_names import WHEN_OR_WHAT
from domain.memory.offline.role_holders import (
    EN_DESCRIBES_ONE,
    EN_NAME,
    EN_NOT_A_NAME,
    EN_NOT_A_ROLE,
)

#: Words that end like a role and name no one: "the winter Olympics", "the summer Fair".
_NOT_PEOPLE = word_set("winter summer water paper weather poster banner trailer")
#: After "the" (not "our", "my") a role is the customer's only when no business has it: "the
#: groundsman Trev", but "the manager Priya", "the engineer Mark" are the business's people,
#: and "the silver Corolla" is no one.
_OWN_SIDE_ONLY = word_set(
    "treasurer secretary groundsman caretaker chairman chairperson bookkeeper tenant janitor"
)

_OWN_ROLE = re.compile(
    r"(?<![\w'’])(?i:our|my|the)\s+"
    r"(?P<role>(?:[a-z]+\s+)?(?P<head>[a-z]{2,}?(?:er|or|ist|ian|ant|ent|man|ary|person)))"
    rf"(?:,\s+|\s+is\s+|\s+)(?!{WHEN_OR_WHAT}){EN_NAME}(?![\w'’])"
)


def own_people_named(text: str) -> list[int]:
    """Where each person the customer names by a role of their own side starts in ``text``."""
    found: list[int] = []
    for match in _OWN_ROLE.finditer(text):
        head = match.group("head").lower()
        after_the = match.group(0).split(None, 1)[0].lower() == "the"
        if (
            (after_the and head not in _OWN_SIDE_ONLY)
            or head in EN_NOT_A_ROLE | _NOT_PEOPLE
            or match.group("name").split()[0].lower() in EN_NOT_A_NAME
        ):
            continue
        if EN_DESCRIBES_ONE.match(text, match.end("role")):
            continue  # "the Classic is the lighter one": an option compared
        found.append(match.start("name"))
    return found
