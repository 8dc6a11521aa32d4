"""An agent's question and the customer's reply, read for details, for tests of what a
detail keeps of an answer."""

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine


def asked_and_answered(question: str, answer: str) -> list[tuple[list[str], list[str]]]:
    """The (values, kinds) of each detail of ``question`` (the agent's) then ``answer``."""
    lines = [
        TranscriptLine(1, "m1", "assistant", question),
        TranscriptLine(2, "m2", "user", answer),
    ]
    return [(detail.values, detail.kinds) for detail in details_of(lines)]
