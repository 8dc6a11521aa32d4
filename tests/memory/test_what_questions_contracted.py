""" "What's …?" asks what, as "What is …?" does (``offline.what_questions.asks_what``), and
names what it asks for (``offline.asked_topics``); the greetings and the asking after a
fault it opens are no such question."""

from __future__ import annotations

import pytest

from domain.memory.offline.asked_topics import asked_topic
from domain.memory.offline.what_questions import asks_what


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What's the mileage?", "mileage"),
        ("What’s the postcode for Canal Street?", "postcode for canal street"),
        ("And what's the site address?", "site address"),
        ("What's the best phone number for updates?", "phone number for updates"),
    ],
)
def test_whats_asks_for_what_it_names(question: str, topic: str) -> None:
    assert asks_what(question)
    assert asked_topic(question) == topic


@pytest.mark.parametrize(
    "question",
    [
        "What's up?",
        "What's happened?",
        "What's going on with it?",
        "What's wrong?",
        "How's it going?",
    ],
)
def test_whats_that_asks_nothing_to_keep(question: str) -> None:
    assert not asks_what(question)
