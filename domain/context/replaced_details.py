"""Which details a context leaves out because newer details replaced all they say.

A detail whose every value a newer detail replaced (``Detail.replaced``) says nothing
current only when it says nothing else: its content terms, less its values and the words
that only say something changed (``details.detail_terms``), are all in the newer details
that hold the values that replaced them ("I've moved the visit from 10am to 2pm" after
"the visit is at 10am"). One that also says something only it carries ("Tom from Acme
Plumbing will come at 10am and needs access to the loft") is shown, its replaced values
marked as a summary's are.

The details' share of a context is filled newest first, and a detail whose every value a
newer one says anew, a different value among the same words with no word of change
("Saturday 12 September is available" … "Saturday 19 September is available, I've put the
hold on it"; ``detail_changes.said_anew``), goes after the others (``share_order``): its
values are most likely old, and with no sign of the change nothing marks them. Only the
order changes: the room goes to an older detail that still says something current, and
the detail is shown where the share has room for every other one.

A detail that keeps nothing but a customer's bare answer to a what- or which-question
(kind "answer": "What colour?" "burgundy") goes last of all: its value is often said
nowhere else, yet most such answers are settled in a later value the other details hold,
so it takes only the room they leave.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence

from domain.context.repeated import normalized
from domain.memory.detail_changes import said_anew
from domain.memory.details import detail_terms
from domain.memory.offline.terms import content_terms
from domain.memory.speakers import without_speakers
from schemas.memory_model import Detail


def says_nothing_current(detail: Detail, details: Sequence[Detail]) -> bool:
    """Whether newer ``details`` replaced every value of ``detail`` and say all its other words."""
    replaced = {r.old for r in detail.replaced}
    if not detail.values or not all(value in replaced for value in detail.values):
        return False
    new_values = {normalized(r.new) for r in detail.replaced}
    carried: set[str] = set()
    for other in details:
        if (
            other is not detail
            and other.last_position >= detail.last_position
            and any(normalized(value) in new_values for value in other.values)
        ):
            carried |= set(content_terms(without_speakers(other.text)))
    return detail_terms(detail) <= carried


def share_order(details: Sequence[Detail]) -> list[Detail]:
    """``details`` (oldest first, as stored) newest first, those a newer detail says anew
    (``said_anew``) after the others, then those that keep only a bare answer, each group
    newest first."""
    newest_first = sorted(range(len(details)), key=lambda i: details[i].last_position)[::-1]
    anew = _said_anew_cached(details)
    return [
        details[i]
        for i in sorted(newest_first, key=lambda i: (_only_an_answer(details[i]), i in anew))
    ]


def _only_an_answer(detail: Detail) -> bool:
    """Whether ``detail`` keeps nothing but a bare answer to a what-question (module doc)."""
    return bool(detail.kinds) and set(detail.kinds) == {"answer"}


#: Every context asks it of the same details until the next fold (it compares the words
#: around each value with every newer one's: milliseconds for a long conversation). Kept by
#: a digest of the details, never their text: nothing a user erased stays in memory.
_CACHE_SIZE = 256
_cache: OrderedDict[bytes, frozenset[int]] = OrderedDict()
_cache_lock = threading.Lock()


def _said_anew_cached(details: Sequence[Detail]) -> frozenset[int]:
    key = _digest(details)
    with _cache_lock:
        if (found := _cache.get(key)) is not None:
            _cache.move_to_end(key)
            return found
    anew = frozenset(said_anew(details))
    with _cache_lock:
        _cache[key] = anew
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return anew


def _digest(details: Sequence[Detail]) -> bytes:
    """The details as one digest, of every field ``said_anew`` may read."""
    digest = hashlib.blake2b(digest_size=16)
    for detail in details:
        digest.update(detail.model_dump_json().encode())
        digest.update(b"\0")
    return digest.digest()
