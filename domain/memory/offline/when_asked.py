"""A question for a day or an hour that names no subject: "What date suits you?", «چه
روزی براتون مناسبه؟», «สะดวกวันไหนคะ». Its subject is the one the message named just
before it ("Collections are done by our partner … What date suits you?")."""

import re

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

_ASKS_WHEN = re.compile(
    r"(?<![A-Za-z])(?:(?:what|which)\s+(?:date|day|time)|when)(?![A-Za-z])"
    rf"|(?<![{_FA}])چه\s*(?:روزی|تاریخی|ساعتی|وقتی)|(?<![{_FA}])کی(?:\s|؟|\?|$)"
    r"|วันไหน|วันที่เท่าไ|กี่โมง|เมื่อไ(?:หร่|ร)|เวลาไหน|ช่วงไหน",
    re.IGNORECASE,
)


def asks_when(sentence: str) -> bool:
    """Whether ``sentence`` asks for a day or an hour."""
    return _ASKS_WHEN.search(sentence) is not None
