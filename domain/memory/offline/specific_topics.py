"""Which of several topics a question names for a day or an hour is the one asked about.

A question may name a general topic beside a specific one: «หมอแพรวนัดติดตามอาการวันที่
29 ธ.ค. ใช่ไหมคะ» names the doctor (an appointment) and the follow-up visit; "When
suits you for the follow-up with Dr Patel?" names both too. The answer's day is the
follow-up's, whichever topic came first. The longer cue is the more specific label (a
compound names one kind of visit where a bare "doctor" or «หมอ» names any), so among the
topics with a key for a day or an hour, the one named by the longest cue leads; the
other topics keep their places.
"""

from __future__ import annotations

from domain.memory.offline.subjects import Topic, cues_in
from domain.memory.offline.values import Kind

_WHEN = (Kind.DATE, Kind.TIME)


def specific_first(sentence: str, topics: list[Topic]) -> list[Topic]:
    """``topics`` (named in ``sentence``, in order) with those that key a day or an hour
    reordered by the length of their longest cue there, longest first."""
    longest: dict[str, int] = {}
    for cue in cues_in(sentence):
        name = cue.topic.name
        longest[name] = max(longest.get(name, 0), cue.end - cue.start)
    dated = [i for i, t in enumerate(topics) if any(t.key_for(kind) for kind in _WHEN)]
    ranked = sorted((topics[i] for i in dated), key=lambda t: -longest.get(t.name, 0))
    ordered = list(topics)
    for i, topic in zip(dated, ranked, strict=True):
        ordered[i] = topic
    return ordered
