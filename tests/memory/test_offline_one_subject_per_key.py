"""One key, one subject, in English, Persian and Thai: the balance left after a deposit is no
deposit."""

from __future__ import annotations

from domain.memory.engine import TranscriptLine
from domain.memory.offline.facts import extract_facts


def _facts(role: str, message: str, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = [TranscriptLine(1, "m1", role, message)]
    return [(fact.key, fact.value) for fact in extract_facts(lines, known)]


def test_the_balance_after_a_deposit_is_no_deposit() -> None:
    message = "Apologies, the deposit is £300 and the balance of £2,100 is due on completion."
    facts = _facts("assistant", message, [("deposit", "£600")])
    assert ("deposit", "£300") in facts
    assert ("balance_due", "£2,100") in facts
