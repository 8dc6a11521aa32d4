"""Thai clauses of one turn joined where a space cut a name or a place in pieces.

The splitter cuts Thai at every space (``sentences``): Thai writes no sentence marks, and
a summary needs short pieces. A detail keeps the unit that states a value, so a value
written across spaces loses its other half: «ลุมพินี วิลล์ รามอินทรา ตึก B ห้อง 1508 ค่ะ»
kept «ตึก B ห้อง 1508 ค่ะ», and the place was nowhere. A detail (and the context's
compact form of it) reads a clause joined to the next clause of the same turn when the
clause is a piece, not a clause of its own: at most ``MAX_FRAGMENT_CHARS`` long and
running on (it ends in a letter or a digit, not in a polite particle, a mark or an emoji:
«ครับ», «ค่ะ» close a Thai sentence). A short clause that states a value (it holds a
digit: «ห้อง 1508», «ราคา 500 บาท») or says only a word of chat («โอเค», «ขอบคุณ») is
whole, no piece of a name: read with the next it would make one detail of two subjects'
values. Two whole clauses stay apart: each says something
of its own, joined each would cost the details' room of both, and the context keeps the
clause right before a value anyway (``domain.context.compact_detail``). A joined
sentence stops growing at ``MAX_JOINED_CHARS``.

A name's last word typed apart, with the particle that closes the turn («บ้านไม้ริมปาย |
รีสอร์ท ค่ะ», «ลุมพินี | คอนโด ครับ»), is that name's end, not a clause of its own: a clause
that runs on takes it whatever its length (up to ``MAX_NAME_CHARS``), or the detail keeps
half the name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.dialogue import is_question
from domain.memory.offline.lexicon import THAI_FILLER, THAI_PARTICLES
from domain.memory.offline.thai_labelled_values import labels_a_value
from domain.memory.offline.thai_value_runs import ends_in_place_kind

#: Longer than this, a joined Thai sentence takes no further clause.
MAX_JOINED_CHARS = 160
#: A Thai clause this short that runs on is a piece of the next (``_is_fragment``).
MAX_FRAGMENT_CHARS = 12
#: Longer than this, a clause that runs on is no name a closing word finishes.
MAX_NAME_CHARS = 30

#: A clause that runs on: it ends in a Thai letter or digit, or a Latin one, and not in a
#: particle (a mark, an emoji or a particle ends a sentence).
_RUNS_ON = re.compile(r"[\u0e01-\u0e4eA-Za-z0-9\u0e50-\u0e59]$")
_PARTICLE_END = re.compile(rf"{THAI_PARTICLES}$")
_THAI = re.compile(r"[\u0e01-\u0e4e]")
_DIGIT = re.compile(r"[0-9\u0e50-\u0e59]")
_FILLER = re.compile("|".join(map(re.escape, THAI_FILLER)))
#: One word and the particle that closes the sentence: «รีสอร์ท ค่ะ», «Residence ครับ»; not
#: a word that only closes a clause («เลย ค่ะ», «แล้ว ครับ», «ได้ ค่ะ»), nor the next part of
#: an address («ถนนอโศกมนตรีค่ะ», a street: the address rules read it).
_CLOSING_WORD = re.compile(
    r"^(?!(?:เลย|ด้วย|แล้ว|ได้|ไหม|มั้ย|เหมือนกัน|ก่อน|หน่อย|อยู่|กัน|จ้า|จ้ะ)\s?"
    rf"{THAI_PARTICLES}$)(?!ถนน|ถ\.|ซอย|ซ\.|แขวง|เขต|ตำบล|อำเภอ|จังหวัด|หมู่)[\u0e01-\u0e4eA-Za-z]{{2,12}}\s?{THAI_PARTICLES}$"
)


def _runs_on(clause: str) -> bool:
    return bool(
        _THAI.search(clause) and _RUNS_ON.search(clause) and not _PARTICLE_END.search(clause)
    )


def _is_fragment(clause: str) -> bool:
    """Whether ``clause`` is a piece of Thai a space cut off what follows it: short
    (``MAX_FRAGMENT_CHARS``; a name the splitter kept with its kind of place, «ลุมพินี วิลล์»,
    counts by that last word) and running on (a place's or a person's name in parts), no
    value and not chat alone (module doc)."""
    piece = clause.rsplit(" ", 1)[-1] if ends_in_place_kind(clause) else clause
    return (
        len(piece) <= MAX_FRAGMENT_CHARS
        and _runs_on(clause)
        and not _DIGIT.search(clause)
        and bool(_FILLER.sub("", clause).strip())
    )


def _ends_a_name(clause: str, following: str) -> bool:
    """Whether ``following`` is the last word of the name ``clause`` began, with the
    particle that closes it (module doc)."""
    word = _CLOSING_WORD.match(following)
    return (
        word is not None
        and len(clause) <= MAX_NAME_CHARS
        and _runs_on(clause)
        and not is_question(clause)
        and not _DIGIT.search(clause)
        and bool(_FILLER.sub("", clause).strip())
        and bool(_FILLER.sub("", re.sub(f"{THAI_PARTICLES}$", "", following)).strip())
    )


def _names_a_thing(clause: str) -> bool:
    """Whether ``clause`` names something and runs on to what is said of it: no particle
    closes it, it asks nothing, it is not chat alone nor a labelled value of its own
    («ห้อง 1508 | ราคา 500 บาท» are two values side by side)."""
    return (
        _runs_on(clause)
        and not is_question(clause)
        and bool(_FILLER.sub("", clause).strip())
        and not labels_a_value(clause)
    )


def _gives_a_value_of(clause: str, following: str) -> bool:
    """Whether ``following`` gives, by its label, a value of what ``clause`` named
    («จุดรับหน้าคอนโด | เวลา 7:10 น.»: ``thai_labelled_values``)."""
    return labels_a_value(following) and _names_a_thing(clause)


def _joins(sentence: str, last: str, following: str) -> bool:
    """Whether ``following`` (the next clause of the turn) continues ``sentence``, the
    joined clauses so far, ``last`` the last of them."""
    return (
        (_runs_on(last) and bool(_THAI.search(following)) and _is_fragment(last))
        or _gives_a_value_of(last, following)
        or _ends_a_name(last, following)
    ) and len(sentence) + 1 + len(following) <= MAX_JOINED_CHARS


def _grouped(texts: Sequence[str]) -> list[list[int]]:
    """Indexes of ``texts`` (one turn's clauses, in order) grouped into sentences."""
    groups: list[list[int]] = []
    sentence = ""
    for index, text in enumerate(texts):
        if groups and _joins(sentence, texts[groups[-1][-1]], text):
            groups[-1].append(index)
            sentence = f"{sentence} {text}"
        else:
            groups.append([index])
            sentence = text
    return groups


def joined_clauses(clauses: Sequence[str]) -> list[str]:
    """The sentences of one turn's ``clauses`` (``split_sentences``), each Thai clause
    that runs on joined to the next (module doc)."""
    return [" ".join(clauses[i] for i in group) for group in _grouped(clauses)]


def thai_sentences(candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with each Thai clause that runs on joined to the next clause of the
    same turn (module doc), renumbered within their turn; others as they are."""
    joined: list[Candidate] = []
    for _, turn in itertools.groupby(candidates, key=lambda c: (c.source, c.speaker)):
        clauses = list(turn)
        for number, group in enumerate(_grouped([c.text for c in clauses])):
            first = clauses[group[0]]
            text = " ".join(clauses[i].text for i in group)
            order = (first.source, first.order[1] if number == 0 else joined[-1].order[1] + 1)
            joined.append(Candidate(text, first.speaker, order, first.prior))
    return joined
